import type { Actor } from "../app";

/** The pipeline acts on cards as the system, after the fact it reacts to. */
export const SYSTEM: Actor = { id: "system", role: "admin" };
