/**
 * Finds the work items a branch name, PR title or body, or commit message refers to:
 * the project's keys (`SL-42`), and Pivotal-style `[#42]`, `[finishes #42]`, `[fixes #42]`.
 * Returns item numbers, without duplicates, in order of first mention.
 */
export function findItemReferences(text: string, prefix: string): number[] {
  const numbers: number[] = [];
  const add = (value: string) => {
    const n = Number.parseInt(value, 10);
    if (Number.isSafeInteger(n) && n > 0 && !numbers.includes(n)) numbers.push(n);
  };
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const keyPattern = new RegExp(`(?<![A-Za-z0-9])${escaped}[-_ ](\\d+)(?!\\d)`, "gi");
  for (const match of text.matchAll(keyPattern)) add(match[1]);
  const pivotalPattern = /\[(?:(?:finish(?:es|ed)?|fix(?:es|ed)?|deliver(?:s|ed)?|complete[sd]?)\s+)?#(\d+)\]/gi;
  for (const match of text.matchAll(pivotalPattern)) add(match[1]);
  return numbers;
}
