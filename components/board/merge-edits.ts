/**
 * Someone else saved the card while you were editing it: what your form becomes. A field only you
 * changed keeps your text, a field only they changed takes theirs, and a field you both changed
 * differently keeps yours and is named as a conflict, for you to keep or to replace with theirs.
 */
export function mergeEdits<F extends Record<string, unknown>>(
  base: F,
  mine: F,
  theirs: F,
): { merged: F; conflicts: (keyof F)[] } {
  const merged = { ...theirs };
  const conflicts: (keyof F)[] = [];
  for (const key of Object.keys(base) as (keyof F)[]) {
    const changedByMe = !Object.is(mine[key], base[key]);
    if (!changedByMe) continue;
    merged[key] = mine[key];
    if (!Object.is(theirs[key], base[key]) && !Object.is(theirs[key], mine[key])) conflicts.push(key);
  }
  return { merged, conflicts };
}
