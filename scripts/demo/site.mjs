// The demo site's files, and the atomic `current` link. Shared by the demo deploy and switch scripts.
import fs from "node:fs";
import path from "node:path";

const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** Writes the site into a fresh folder, then moves it into place. */
export function publish(root, slot, site) {
  fs.mkdirSync(root, { recursive: true });
  const staging = fs.mkdtempSync(path.join(root, `.${slot}-`));
  const deployedAt = new Date().toISOString();
  fs.writeFileSync(
    path.join(staging, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storefront ${escape(site.version)}</title>
<style>body{font:16px system-ui;margin:3rem;color:#1f2328}main{max-width:36rem}code{background:#f0f0f0;padding:0 .3em}</style></head>
<body><main><h1>Storefront <span id="version">${escape(site.version)}</span></h1>
<p>Deployed to <strong>${escape(site.environment)}</strong>${site.slot ? ` (slot <strong>${escape(site.slot)}</strong>)` : ""} at ${deployedAt} by Shiplane's demo deployer.</p>
<p>Commit <code>${escape(site.commit ?? "?")}</code></p>
<ul>${site.artifacts.map((a) => `<li>${escape(a.name)} ${escape(a.version)}</li>`).join("")}</ul></main></body></html>\n`,
  );
  fs.writeFileSync(
    path.join(staging, "version.json"),
    JSON.stringify({
      version: site.version,
      environment: site.environment,
      slot: site.slot,
      commit: site.commit,
      deployedAt,
    }) + "\n",
  );
  fs.writeFileSync(
    path.join(staging, "health.json"),
    JSON.stringify(
      site.healthy ? { status: "ok" } : { status: "failing", detail: "the checkout service does not answer" },
    ) + "\n",
  );
  const target = path.join(root, slot);
  const old = `${target}.old-${process.pid}`;
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(staging, target);
  fs.rmSync(old, { recursive: true, force: true });
  return target;
}

/** Points root/current at root/<slot> with a rename, so a reader never sees it missing. */
export function switchCurrent(root, slot) {
  const link = path.join(root, "current");
  const next = path.join(root, `.current-${process.pid}`);
  fs.rmSync(next, { force: true });
  fs.symlinkSync(slot, next);
  fs.renameSync(next, link);
}
