"use client";

import { Table } from "../ui/table";
import { useState, type ReactNode } from "react";
import { Button } from "../ui/button";
import { downloadCsv, toCsv, type Column } from "../ui/csv";

export type { Column };

/**
 * A chart with its title, an empty state, a table view of the same rows and a CSV export.
 */
export function ChartCard<R>({
  title,
  description,
  rows,
  columns,
  empty,
  file,
  children,
}: {
  title: string;
  description?: string;
  rows: R[];
  columns: Column<R>[];
  empty: string;
  file: string;
  children: ReactNode;
}) {
  const [table, setTable] = useState(false);
  const id = `chart-${file}`;
  return (
    <section aria-labelledby={id} className="panel space-y-2 rounded-md p-3">
      <header className="flex flex-wrap items-center gap-2">
        <h3 id={id} className="text-[14px] font-semibold">
          {title}
        </h3>
        <div className="ml-auto flex gap-1">
          <Button
            variant="ghost"
            className="h-6 px-1.5 text-xs"
            aria-pressed={table}
            onClick={() => setTable(!table)}
            disabled={rows.length === 0}
          >
            {table ? "Chart" : "Table"}
          </Button>
          <Button
            variant="ghost"
            className="h-6 px-1.5 text-xs"
            onClick={() => downloadCsv(`${file}.csv`, toCsv(rows, columns))}
            disabled={rows.length === 0}
          >
            CSV
          </Button>
        </div>
      </header>
      {description && <p className="muted text-xs">{description}</p>}
      {rows.length === 0 ? (
        <p className="muted flex h-40 items-center justify-center text-[13px]">{empty}</p>
      ) : table ? (
        <div className="max-h-72 overflow-auto">
          <Table
            dense
            caption={title}
            rows={rows}
            rowKey={(_, i) => i}
            columns={columns.map((c) => ({ header: c.label, cell: (row: R) => c.value(row) ?? "–" }))}
          />
        </div>
      ) : (
        <div className="h-56">{children}</div>
      )}
    </section>
  );
}
