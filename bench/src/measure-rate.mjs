import { Agent, request } from "node:http";

/**
 * @typedef {object} RateOptions
 * @property {number} concurrency Requests in flight at once, each on its own keep-alive connection.
 * @property {number} durationMs How long to keep them in flight.
 * @property {number} bodyBytes The body length every answer must have: proof that both servers send the same bytes.
 */

/**
 * Requests per second a server sustains for one GET: `concurrency` loops over keep-alive
 * connections for `durationMs`. node:http rather than fetch on the client side, because it is the
 * cheaper client, so the server, not the load generator, sets the rate.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {RateOptions} options
 * @returns {Promise<{ perSecond: number, requests: number }>}
 */
export async function measureRate(url, headers, { concurrency, durationMs, bodyBytes }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const get = () =>
    new Promise((resolve, reject) => {
      request(url, { agent, headers }, (response) => {
        let received = 0;
        response.on("data", (/** @type {Buffer} */ chunk) => {
          received += chunk.length;
        });
        response.on("error", reject);
        response.on("end", () => {
          if (response.statusCode === 200 && received === bodyBytes) resolve(undefined);
          else
            reject(
              new Error(
                `GET ${url} answered ${response.statusCode} with ${received} bytes, expected 200 with ${bodyBytes}.`,
              ),
            );
        });
      })
        .on("error", reject)
        .end();
    });
  let completed = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          await get();
          completed++;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { perSecond: completed / ((performance.now() - started) / 1000), requests: completed };
}
