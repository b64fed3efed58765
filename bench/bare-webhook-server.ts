/**
 * The yardstick for webhook ingest: a bare node:http server doing what Shiplane's endpoint must
 * at least do — check the HMAC-SHA256 signature of the raw body and insert it into SQLite (WAL).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import BetterSqlite3 from "better-sqlite3";

const [file, port, secret] = process.argv.slice(2);
const db = new BetterSqlite3(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec(
  "create table if not exists deliveries (id integer primary key, delivery_id text unique not null, event text not null, body text not null, received_at integer not null)",
);
const insert = db.prepare(
  "insert into deliveries (delivery_id, event, body, received_at) values (?, ?, ?, ?) on conflict do nothing",
);

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
      const given = Buffer.from(String(req.headers["x-hub-signature-256"] ?? ""));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401).end();
        return;
      }
      insert.run(
        String(req.headers["x-github-delivery"]),
        String(req.headers["x-github-event"]),
        body.toString("utf8"),
        Date.now(),
      );
      res.writeHead(202, { "content-type": "application/json" }).end('{"status":"accepted"}');
    });
  })
  .listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
