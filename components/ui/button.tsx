"use client";
import type { ButtonHTMLAttributes } from "react";
import type { Role } from "@/domain/access/roles";
import { useAccess } from "../access/access";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANT: Record<Variant, string> = {
  primary: "bg-blue-600 text-white hover:bg-blue-700 border-blue-700",
  secondary: "bg-[var(--panel)] hover:bg-black/5 dark:hover:bg-white/10 border-[var(--border)]",
  danger: "bg-red-600 text-white hover:bg-red-700 border-red-700",
  ghost: "border-transparent hover:bg-black/5 dark:hover:bg-white/10",
};

/** A button; with `needs`, it is disabled for roles below that one and says why on hover. */
export function Button({
  variant = "secondary",
  className = "",
  type = "button",
  needs,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; needs?: Role }) {
  const access = useAccess();
  const refused = needs ? access.why(needs) : undefined;
  if (refused) props = { ...props, disabled: true, title: refused };
  return (
    <button
      type={type}
      className={`inline-flex h-8 items-center gap-1.5 rounded-md border px-3 text-[13px] font-medium disabled:cursor-not-allowed disabled:opacity-50 ${VARIANT[variant]} ${className}`}
      {...props}
    />
  );
}
