import { format } from "../format.mjs";
import { measureRate } from "../measure-rate.mjs";
import { measureRounds } from "../measure-rounds.mjs";
import { startChild } from "../start-child.mjs";

/** @import { BenchOptions, Row } from "../bench.js" */
/** @import { Child } from "../start-child.mjs" */

const target = 0.5;

/**
 * Sandbox throughput: requests per second for one list of `pageSize` participants from
 * @laml/sandbox, against a bare node:http server answering the same bytes. Each server runs in its
 * own process and the load generator in this one, so on two cores each side has a core.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function sandboxRate({ rounds, pageSize, sandboxMs, concurrency, log }) {
  const sandbox = startChild("sandbox-server");
  const bare = startChild("bare-server");
  try {
    const { url, authorization } = await sandbox.call({ participants: pageSize });
    const headers = { authorization, accept: "application/json" };
    const reference = await fetch(url, { headers });
    const body = await reference.text();
    if (!reference.ok) throw new Error(`The sandbox answered ${reference.status}: ${body}`);
    const listed = JSON.parse(body).participants.length;
    if (listed !== pageSize) throw new Error(`The sandbox listed ${listed} participants, not ${pageSize}.`);
    const bareServer = await bare.call({
      body,
      contentType: reference.headers.get("content-type") ?? "application/json",
    });
    /** @type {Array<{ subject: string, child: Child, url: string }>} */
    const servers = [
      { subject: "bare `node:http`, same bytes (baseline)", child: bare, url: bareServer.url },
      { subject: "@laml/sandbox", child: sandbox, url },
    ];
    const load = { concurrency, bodyBytes: Buffer.byteLength(body) };
    log(`sandbox: warming up, then ${rounds} rounds of ${sandboxMs} ms per server, ${concurrency} requests in flight`);
    for (const server of servers)
      await measureRate(server.url, headers, { ...load, durationMs: Math.min(500, sandboxMs) });
    const rates = await measureRounds(servers, rounds, async (server) => {
      const before = await server.child.call("cpu-usage");
      const { perSecond, requests } = await measureRate(server.url, headers, { ...load, durationMs: sandboxMs });
      const after = await server.child.call("cpu-usage");
      return { perSecond, serverCpuMs: (after.user + after.system - before.user - before.system) / 1000 / requests };
    });
    return servers.map((server, index) => {
      const { perSecond, serverCpuMs } = /** @type {(typeof rates)[number]} */ (rates[index]);
      const ratio = perSecond.ratio;
      return {
        benchmark: `Sandbox throughput (a list of ${pageSize}, ${concurrency} keep-alive requests in flight)`,
        subject: server.subject,
        figure: `${format.count(Math.round(perSecond.median))} req/s (server CPU ${format.us(serverCpuMs.median)} per request)`,
        value: perSecond.median,
        ratio:
          index === 0 ? "1×" : `${format.times(ratio)} bare rate (CPU per request ${format.times(serverCpuMs.ratio)})`,
        target: index === 0 ? "" : `≥ ${format.times(target)} bare rate`,
        holds: index === 0 ? null : ratio >= target,
      };
    });
  } finally {
    await Promise.all([sandbox.close(), bare.close()]);
  }
}
