import type { ReactNode } from "react";

/** One figure with its label and a line of context. */
export function Stat({ label, value, hint, tone }: { label: string; value: string; hint?: ReactNode; tone?: string }) {
  return (
    <div className="panel rounded-md p-3">
      <p className="muted text-xs">{label}</p>
      <p className={`text-xl font-semibold ${tone ?? ""}`}>{value}</p>
      {hint && <div className="muted text-xs">{hint}</div>}
    </div>
  );
}
