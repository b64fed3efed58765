import fs from "node:fs";
import path from "node:path";

/**
 * The data folder holds the database and the key: nothing but the server may read it. The
 * folder is made 0700 and everything in it 0600 (folders 0700), and files made later inherit
 * that through the process's umask.
 */
export function secureDataFolder(dir: string): void {
  const root = path.resolve(/*turbopackIgnore: true*/ dir);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const walk = (folder: string) => {
    fs.chmodSync(folder, 0o700);
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) fs.chmodSync(full, 0o600);
    }
  };
  walk(root);
  process.umask(0o077);
}
