// The SQLite schema, in two halves; kept in step with ./pg.ts (checked by ./parity.ts and its test).
export * from "./sqlite/funnel";
export * from "./sqlite/delivery";
export * from "./sqlite/access";
export * from "./sqlite/workers";
