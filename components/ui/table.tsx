import type { ReactNode } from "react";

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
 * bordered row per item. `dense` is the compact form inside charts.
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
  return (
    <table className={`w-full ${dense ? "text-xs" : "panel rounded-md text-[13px]"} ${className}`}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead className="muted text-left text-xs">
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={`${pad} font-medium`}>
              {column.srOnly ? <span className="sr-only">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr
            key={rowKey(row, index)}
            className="border-t border-[var(--border)] align-top"
            aria-label={rowLabel?.(row)}
          >
            {columns.map((column, c) => (
              <td key={c} className={`${pad} ${column.className ?? ""}`}>
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
