import type { Role } from "./roles";

/** Who is acting, with their role in the project at hand: a person, a token, an integration or the system. */
export interface Actor {
  id: string;
  role: Role;
  /** An instance admin (or the shell, or the system): may set what runs on shared workers. */
  instanceAdmin?: boolean;
}

/** The operator at this machine's shell (command line, seed): trusted with every role. */
export const LOCAL_OPERATOR: Actor = { id: "user:local", role: "admin", instanceAdmin: true };

/** The pipeline acts on cards as the system, after the fact it reacts to. */
export const SYSTEM: Actor = { id: "system", role: "admin", instanceAdmin: true };
