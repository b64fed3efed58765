export interface Column<R> {
  key: string;
  label: string;
  value: (row: R) => string | number | null;
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV (RFC 4180), with a header of the column labels. */
export function toCsv<R>(rows: R[], columns: Column<R>[]): string {
  return (
    [
      columns.map((c) => csvCell(c.label)).join(","),
      ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(",")),
    ].join("\r\n") + "\r\n"
  );
}

/** Saves text as a file in the browser. */
export function downloadCsv(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
