/**
 * Moving the keyboard focus over the board's cards, by the DOM the board renders: each column is
 * a `section[data-stage]` in stage order, each card an `article[data-card-key]` in it.
 */
const CARD = "article[data-card-key]";

const columns = () => [...document.querySelectorAll<HTMLElement>("section[data-stage]")];
const cardsIn = (column: Element) => [...column.querySelectorAll<HTMLElement>(CARD)];

/** The card that has the focus, or holds it (its Move menu). */
export function focusedCard(): HTMLElement | null {
  return (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(CARD) ?? null;
}

/** j/k: the next or previous card in the focused card's column; h/l: the nearest card in the next column that has one. */
export function moveCardFocus(direction: "down" | "up" | "left" | "right"): void {
  const current = focusedCard();
  const all = columns();
  if (!current) {
    all.flatMap(cardsIn)[0]?.focus();
    return;
  }
  const column = current.closest("section[data-stage]")!;
  if (direction === "down" || direction === "up") {
    const list = cardsIn(column);
    list[list.indexOf(current) + (direction === "down" ? 1 : -1)]?.focus();
    return;
  }
  const index = all.indexOf(column as HTMLElement);
  const row = cardsIn(column).indexOf(current);
  const step = direction === "right" ? 1 : -1;
  for (let i = index + step; i >= 0 && i < all.length; i += step) {
    const list = cardsIn(all[i]);
    if (list.length) {
      list[Math.min(row, list.length - 1)].focus();
      return;
    }
  }
}
