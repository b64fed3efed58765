// The PostgreSQL schema, in two halves; kept in step with ./sqlite.ts (checked by ./parity.ts and its test).
export * from "./pg/funnel";
export * from "./pg/delivery";
export * from "./pg/access";
export * from "./pg/workers";
