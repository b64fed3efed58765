import type * as pg from "./pg";
import type * as sqlite from "./sqlite";

/**
 * Compile-time proof that both dialects' tables infer the same row types, so that
 * repositories written once run on either. A mismatch fails `npm run typecheck`.
 */
type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
type Tables = keyof typeof sqlite & keyof typeof pg;
type SameRows = {
  [K in Tables]: (typeof sqlite)[K] extends { $inferSelect: infer S; $inferInsert: infer SI }
    ? (typeof pg)[K] extends { $inferSelect: infer P; $inferInsert: infer PI }
      ? Equal<S, P> extends true
        ? Equal<SI, PI>
        : false
      : false
    : true;
};
type AllTrue<T> = T[keyof T] extends true ? true : false;
type SameTableNames = Equal<keyof typeof sqlite, keyof typeof pg>;

export const schemaParity: [AllTrue<SameRows>, SameTableNames] = [true, true];
