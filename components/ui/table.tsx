import type { ReactNode } from "react";

/** A cell on a phone: a block of its own, its header's name above it. */
const PHONE_CELL =
  "max-md:block max-md:py-1 max-md:text-left max-md:before:block max-md:before:text-xs max-md:before:text-[var(--muted)] max-md:before:content-[attr(data-label)]";

/** One column: its header (visually hidden with `srOnly`) and how a row fills its cell. */
export interface TableColumn<R> {
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** Classes of the column's cells (e.g. "text-right", "font-mono text-xs"). */
  className?: string;
  /** The header is read by screen readers only (an actions column). */
  srOnly?: boolean;
}

/**
 * Every table of Shiplane: a caption for screen readers, headers in muted small text, one
 * bordered row per item. `dense` is the compact form inside charts. On a phone a table is a
 * stack of cards, one per row, each cell under its header's name, so no page scrolls sideways
 * (the roles are explicit, so that it stays a table to screen readers).
 */
export function Table<R>({
  caption,
  columns,
  rows,
  rowKey,
  rowLabel,
  dense = false,
  className = "",
  empty,
}: {
  caption?: string;
  columns: TableColumn<R>[];
  rows: R[];
  rowKey: (row: R, index: number) => string | number;
  /** The accessible name of a row, when its first cell does not say enough. */
  rowLabel?: (row: R) => string;
  dense?: boolean;
  className?: string;
  /** What to say in place of rows when there are none. */
  empty?: ReactNode;
}) {
  const pad = dense ? "px-2 py-1" : "px-3 py-2";
  const stack = dense ? "" : "max-md:block";
  return (
    <table
      role="table"
      className={`w-full ${dense ? "text-xs" : "panel rounded-md text-[13px]"} ${stack} ${className}`}
    >
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead role="rowgroup" className={`muted text-left text-xs ${dense ? "" : "max-md:sr-only"}`}>
        <tr role="row">
          {columns.map((column, index) => (
            <th key={index} role="columnheader" scope="col" className={`${pad} font-medium`}>
              {column.srOnly ? <span className="sr-only">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className={stack}>
        {rows.map((row, index) => (
          <tr
            key={rowKey(row, index)}
            role="row"
            className={`border-t border-[var(--border)] align-top ${dense ? "" : "max-md:block max-md:py-1"}`}
            aria-label={rowLabel?.(row)}
          >
            {columns.map((column, c) => (
              <td
                key={c}
                role="cell"
                data-label={typeof column.header === "string" && !column.srOnly ? column.header : undefined}
                className={`${pad} ${column.className ?? ""} ${dense ? "" : PHONE_CELL}`}
              >
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
        {rows.length === 0 && empty && (
          <tr>
            <td colSpan={columns.length} className="muted px-3 py-3">
              {empty}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
