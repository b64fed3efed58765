"use client";
import { useId, useState, type ButtonHTMLAttributes } from "react";
import type { Role } from "@/domain/access/roles";
import { useAccess } from "../access/access";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANT: Record<Variant, string> = {
  primary: "bg-blue-600 text-white hover:bg-blue-700 border-blue-700",
  secondary: "bg-[var(--panel)] hover:bg-black/5 dark:hover:bg-white/10 border-[var(--border)]",
  danger: "bg-red-600 text-white hover:bg-red-700 border-red-700",
  ghost: "border-transparent hover:bg-black/5 dark:hover:bg-white/10",
};

const BASE =
  "inline-flex h-8 items-center gap-1.5 rounded-md border px-3 text-[13px] font-medium disabled:cursor-not-allowed disabled:opacity-50";

/**
 * A button; with `needs`, roles below that one see it disabled and are told why — on hover, on
 * keyboard focus and on a tap (it stays focusable, `aria-disabled`, the reason as its description).
 */
export function Button({
  variant = "secondary",
  className = "",
  type = "button",
  needs,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; needs?: Role }) {
  const access = useAccess();
  const reasonId = useId();
  const [tapped, setTapped] = useState(false);
  const refused = needs ? access.why(needs) : undefined;
  if (!refused)
    return (
      <button type={type} className={`${BASE} ${VARIANT[variant]} ${className}`} {...props}>
        {children}
      </button>
    );
  return (
    <span className="group/why relative inline-flex">
      <button
        type="button"
        aria-label={props["aria-label"]}
        aria-disabled="true"
        aria-describedby={reasonId}
        className={`${BASE} ${VARIANT[variant]} cursor-not-allowed opacity-50 ${className}`}
        onClick={(event) => {
          event.preventDefault();
          setTapped((shown) => !shown);
        }}
        onBlur={() => setTapped(false)}
      >
        {children}
      </button>
      <span
        id={reasonId}
        role="tooltip"
        className={`${tapped ? "block" : "hidden"} absolute top-full left-0 z-30 mt-1 w-64 rounded-md bg-zinc-900 px-2 py-1 text-xs font-normal text-white shadow-lg group-focus-within/why:block group-hover/why:block dark:bg-zinc-100 dark:text-zinc-900`}
      >
        {refused}
      </span>
    </span>
  );
}
