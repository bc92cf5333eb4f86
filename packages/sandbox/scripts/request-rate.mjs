// Measures how many list requests per second the sandbox answers for a conference of 50
// participants (one full page each), over keep-alive HTTP on loopback. The sandbox runs in its
// own process (the CLI, as `pnpm start` runs it), the load generator in this one. After
// `pnpm build`:   node scripts/request-rate.mjs [seconds=10] [connections=16]
// Both share the machine's cores, so on a small machine the figure is a floor.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 16);
const projectId = randomUUID();
const apiToken = randomUUID();
const conferenceSid = randomUUID();
const participants = Array.from({ length: 50 }, (_, i) => ({ muted: i % 2 === 0 }));
const seed = join(await mkdtemp(join(tmpdir(), "laml-rate-")), "seed.json");
await writeFile(seed, JSON.stringify({ accounts: [{ projectId, apiToken, conferences: [{ sid: conferenceSid, participants }] }] }));

const bin = new URL("../bin/laml-sandbox.js", import.meta.url).pathname;
const sandbox = spawn(process.execPath, [bin, "--port", "0", "--quiet", "--seed", seed], { stdio: ["ignore", "pipe", "inherit"] });
let banner = "";
sandbox.stdout.on("data", (chunk) => {
  banner += chunk;
});
while (!banner.includes("Ctrl-C stops")) await new Promise((resolve) => setTimeout(resolve, 20));
const origin = /listening on (\S+)/.exec(banner)[1];
const url = `${origin}/api/laml/2010-04-01/Accounts/${projectId}/Conferences/${conferenceSid}/Participants.json`;
const headers = { authorization: `Basic ${Buffer.from(`${projectId}:${apiToken}`).toString("base64")}` };

const check = await (await fetch(url, { headers })).json();
if (check.participants.length !== 50) throw new Error(`expected a page of 50, got ${check.participants.length}`);

let done = 0;
let failed = 0;
const until = performance.now() + seconds * 1000;
const worker = async () => {
  while (performance.now() < until) {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status === 200) done++;
    else failed++;
  }
};
const started = performance.now();
await Promise.all(Array.from({ length: connections }, worker));
const elapsed = (performance.now() - started) / 1000;
console.log(
  `${Math.round(done / elapsed)} requests/s listing 50 participants (${done} in ${elapsed.toFixed(1)} s, ` +
    `${connections} keep-alive connections, ${failed} failed, body ${JSON.stringify(check).length} bytes)`,
);
sandbox.kill("SIGINT");
await once(sandbox, "exit");
