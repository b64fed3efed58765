"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { STAGE_KEYS, STAGE_NAMES } from "../../domain/funnel/stages";
import { useAccess } from "../access/access";
import { PAGES } from "../project/project-nav";
import { Dialog } from "../ui/dialog";

export interface PaletteActions {
  open: (card: BoardCard) => void;
  moveTo: (card: BoardCard, stage: (typeof STAGE_KEYS)[number]) => void;
  assignToMe: (card: BoardCard) => void;
  newIdea: () => void;
}

interface Command {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
}

const MAX_SHOWN = 30;

/**
 * Ctrl-K / ⌘-K: find a card by key or title and open it, move it or take it; capture an idea; go
 * to a page. Arrows choose, Enter runs, Escape closes.
 */
export function CommandPalette({
  open,
  onClose,
  project,
  cards,
  actions,
}: {
  open: boolean;
  onClose: () => void;
  project: string;
  cards: BoardCard[];
  actions: PaletteActions;
}) {
  const router = useRouter();
  const access = useAccess();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState(0);
  const commands = useMemo(() => {
    const words = query.trim().toLowerCase();
    const all: Command[] = [];
    const canChange = access.allows("member");
    const matching = words
      ? cards.filter((card) => card.key.toLowerCase().includes(words) || card.title.toLowerCase().includes(words))
      : [];
    const exact = cards.find((card) => card.key.toLowerCase() === words);
    if (exact && canChange) {
      for (const stage of STAGE_KEYS.filter((s) => s !== exact.stage))
        all.push({
          id: `move-${exact.id}-${stage}`,
          label: `Move ${exact.key} to ${STAGE_NAMES[stage]}`,
          run: () => actions.moveTo(exact, stage),
        });
      all.push({ id: `assign-${exact.id}`, label: `Assign ${exact.key} to me`, run: () => actions.assignToMe(exact) });
    }
    for (const card of matching)
      all.push({
        id: `open-${card.id}`,
        label: `${card.key} ${card.title}`,
        hint: `Open · ${STAGE_NAMES[card.stage as keyof typeof STAGE_NAMES] ?? "Archive"}`,
        run: () => actions.open(card),
      });
    const fixed: Command[] = [
      ...(canChange ? [{ id: "new-idea", label: "New idea", hint: "N", run: actions.newIdea }] : []),
      ...PAGES.filter(([, , needed]) => access.allows(needed)).map(([path, label]) => ({
        id: `page-${label}`,
        label: `Go to ${label}`,
        run: () => router.push(`/p/${project}${path}`),
      })),
    ];
    all.push(...fixed.filter((command) => !words || command.label.toLowerCase().includes(words)));
    return all.slice(0, MAX_SHOWN);
  }, [query, cards, access, actions, project, router]);
  const active = Math.min(chosen, Math.max(commands.length - 1, 0));
  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    setQuery("");
    command.run();
  };

  return (
    <Dialog open={open} onClose={onClose} title="Go to or do">
      <input
        aria-label="Find a card, an action or a page"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-results"
        aria-activedescendant={commands[active] ? `palette-${commands[active].id}` : undefined}
        placeholder="A card's key or title, an action, a page…"
        className="h-9 w-full rounded-md border border-[var(--border)] bg-[var(--panel)] px-3 text-[14px]"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setChosen(0);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") setChosen(Math.min(active + 1, commands.length - 1));
          else if (event.key === "ArrowUp") setChosen(Math.max(active - 1, 0));
          else if (event.key === "Enter") run(commands[active]);
          else return;
          event.preventDefault();
        }}
      />
      <ul id="palette-results" role="listbox" aria-label="Results" className="mt-2 max-h-[50vh] overflow-y-auto">
        {commands.map((command, index) => (
          <li
            key={command.id}
            id={`palette-${command.id}`}
            role="option"
            aria-selected={index === active}
            className={`flex cursor-pointer items-center justify-between gap-2 rounded px-2 py-1.5 text-[13px] ${
              index === active ? "bg-blue-600 text-white" : "hover:bg-black/5 dark:hover:bg-white/10"
            }`}
            onMouseEnter={() => setChosen(index)}
            onClick={() => run(command)}
          >
            <span className="min-w-0 truncate">{command.label}</span>
            {command.hint && <span className="shrink-0 text-[11px] opacity-75">{command.hint}</span>}
          </li>
        ))}
        {commands.length === 0 && <li className="muted px-2 py-1.5 text-[13px]">Nothing matches “{query}”.</li>}
      </ul>
    </Dialog>
  );
}
