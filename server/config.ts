import path from "node:path";
import { z } from "zod";
import { setKeySource } from "../db/secrets";

/**
 * Shiplane's configuration: every environment variable the server reads is read here, parsed
 * and validated. `npm start` loads it before anything else, so a wrong value stops the start
 * with a message naming the variable. docs/configuration.md lists each one (a test checks).
 */

const PORT_DEFAULT = 3000;
const whole = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be from ${min} to ${max}`);
const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `${name} must be an http:// or https:// address`)
    .transform((value) => value.replace(/\/+$/, ""));
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** The variables, as the environment spells them. */
const variables = z.object({
  PORT: optional(whole("PORT", 1, 65_535)),
  NODE_ENV: optional(z.string()),
  HOST: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.:-]+$/, "HOST must be an address or a host name, e.g. 127.0.0.1"),
  ),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// address")),
  SHIPLANE_DATA_DIR: optional(z.string()),
  SHIPLANE_SEED: optional(z.enum(["demo", "none"], { error: 'SHIPLANE_SEED must be "demo" or "none"' })),
  SHIPLANE_PG_POOL: optional(whole("SHIPLANE_PG_POOL", 1, 1000)),
  SHIPLANE_GITHUB_API_URL: optional(httpUrl("SHIPLANE_GITHUB_API_URL")),
  SHIPLANE_SECRET: optional(z.string()),
  SHIPLANE_PUBLIC_URL: optional(httpUrl("SHIPLANE_PUBLIC_URL")),
  SHIPLANE_ADMIN_EMAIL: optional(z.string().trim()),
  SHIPLANE_ADMIN_PASSWORD: optional(z.string()),
  SHIPLANE_SESSION_DAYS: optional(whole("SHIPLANE_SESSION_DAYS", 1, 3650)),
  SHIPLANE_TRUST_PROXY: optional(whole("SHIPLANE_TRUST_PROXY", 0, 10)),
  SHIPLANE_ROOT: optional(z.string()),
  SHIPLANE_WORK_DIR: optional(z.string()),
  SHIPLANE_WORKER_USER: optional(z.string().regex(/^[a-z_][a-z0-9_-]*$/i, "SHIPLANE_WORKER_USER must be a user name")),
  SHIPLANE_BUILTIN_WORKER: optional(z.enum(["0", "1"], { error: "SHIPLANE_BUILTIN_WORKER must be 1 or 0" })),
  SHIPLANE_ALLOW_PRIVATE_WEBHOOKS: optional(
    z.enum(["0", "1"], { error: "SHIPLANE_ALLOW_PRIVATE_WEBHOOKS must be 1 or 0" }),
  ),
  SHIPLANE_WORKER_TOKEN: optional(z.string().regex(/^slw_/, "SHIPLANE_WORKER_TOKEN must be a worker token (slw_…)")),
});

/** The names of every variable read here (the configuration docs must list each). */
export const CONFIG_VARIABLES = Object.keys(variables.shape);

export interface Config {
  port: number;
  /** The address `npm start` listens on; null: every interface. */
  host: string | null;
  /** postgres://… to run on PostgreSQL; null for SQLite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  seed: "demo" | "none";
  pgPoolSize: number;
  githubApiUrl: string;
  /** The key that seals stored secrets and signs sessions; null to keep one in the data folder. */
  secret: string | null;
  /** Where people and deploy tools reach Shiplane: one default for sessions, origins and step callbacks. */
  publicUrl: string;
  admin: { email: string | null; password: string | null };
  sessionDays: number;
  /** How many reverse proxies in front of Shiplane append to X-Forwarded-For (0: none, trust no header). */
  trustProxy: number;
  /** Where Shiplane's own files are (migrations, demo scripts). */
  root: string;
  /** The workers' own folder: steps run there, never in the data folder. */
  workDir: string;
  /** The account the built-in worker runs steps as when Shiplane runs as root. */
  workerUser: string;
  /** Whether `npm start` starts the built-in worker beside the server. */
  builtInWorker: boolean;
  /** Webhook steps may call loopback, link-local and private addresses (the demo and tests). */
  allowPrivateWebhooks: boolean;
  /** A worker process's token, when it is not given on its command line. */
  workerToken: string | null;
  /** `next dev`: React's development build needs eval, which the content security policy then allows. */
  development: boolean;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses an environment; a wrong value throws a ConfigError naming the variable and what it takes. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = variables.safeParse(Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name]])));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`The configuration is not valid. ${problems.join("; ")}. See docs/configuration.md.`);
  }
  const v = parsed.data;
  const port = v.PORT ?? PORT_DEFAULT;
  return {
    port,
    host: v.HOST ?? null,
    databaseUrl: v.DATABASE_URL ?? null,
    dataDir: v.SHIPLANE_DATA_DIR ?? "./data",
    seed: v.SHIPLANE_SEED ?? "demo",
    pgPoolSize: v.SHIPLANE_PG_POOL ?? 20,
    githubApiUrl: v.SHIPLANE_GITHUB_API_URL ?? "https://api.github.com",
    secret: v.SHIPLANE_SECRET ?? null,
    publicUrl: v.SHIPLANE_PUBLIC_URL ?? `http://localhost:${port}`,
    admin: { email: v.SHIPLANE_ADMIN_EMAIL || null, password: v.SHIPLANE_ADMIN_PASSWORD ?? null },
    sessionDays: v.SHIPLANE_SESSION_DAYS ?? 7,
    trustProxy: v.SHIPLANE_TRUST_PROXY ?? 0,
    root: v.SHIPLANE_ROOT ?? process.cwd(),
    workDir: v.SHIPLANE_WORK_DIR ?? "./work",
    workerUser: v.SHIPLANE_WORKER_USER ?? "nobody",
    builtInWorker: v.SHIPLANE_BUILTIN_WORKER !== "0",
    allowPrivateWebhooks: v.SHIPLANE_ALLOW_PRIVATE_WEBHOOKS === "1",
    workerToken: v.SHIPLANE_WORKER_TOKEN ?? null,
    development: v.NODE_ENV === "development",
  };
}

let cached: { fingerprint: string; config: Config } | null = null;

/**
 * The process's configuration. It is parsed once and again only when the environment changed
 * (tests change it between cases), which a fingerprint of the variables tells cheaply.
 */
export function config(): Config {
  const fingerprint = CONFIG_VARIABLES.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (cached?.fingerprint !== fingerprint) cached = { fingerprint, config: loadConfig(process.env) };
  return cached.config;
}

/**
 * What a step inherits from the process that runs it: the search path, the home folder, the
 * locale and the time zone — nothing else of the server's or the worker's environment.
 */
export const STEP_BASE_VARIABLES = ["PATH", "HOME", "LANG", "TZ"] as const;
export function stepBaseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of STEP_BASE_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

// Stored secrets are sealed with the configured key, or one kept in the data folder.
setKeySource(() => {
  const { secret, dataDir } = config();
  return { secret, keyFile: path.resolve(/*turbopackIgnore: true*/ dataDir, "secret.key") };
});
