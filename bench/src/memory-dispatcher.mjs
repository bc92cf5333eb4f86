// An undici dispatcher that answers every request with the same bytes, from memory: all of Node's
// fetch runs (its Request, headers, body stream and JSON reading), and no socket is opened.

/**
 * The key Node's bundled undici reads its global dispatcher from, the one `undici`'s
 * `setGlobalDispatcher` writes: Node's fetch sends through whatever is stored there.
 */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

/**
 * Makes every `fetch` in this process answer 200 with `body` as JSON, a turn of the event loop
 * later, as a socket's answer comes after a turn at the earliest.
 * @param {Buffer} body
 * @returns {{ dispatched: () => number }} How many requests it has answered.
 */
export function answerFromMemory(body) {
  const headers = ["content-type", "application/json", "content-length", `${body.length}`].map((text) =>
    Buffer.from(text),
  );
  let dispatched = 0;
  /** @type {Record<PropertyKey, unknown>} */ (globalThis)[GLOBAL_DISPATCHER] = {
    /**
     * @param {unknown} _options
     * @param {{ onConnect?: (abort: () => void) => void, onHeaders: (status: number, headers: Buffer[], resume: () => void, statusText: string) => boolean, onData: (chunk: Buffer) => boolean, onComplete: (trailers: Buffer[]) => void }} handler
     */
    dispatch(_options, handler) {
      dispatched++;
      setImmediate(() => {
        handler.onConnect?.(() => {});
        handler.onHeaders(200, headers, () => {}, "OK");
        handler.onData(body);
        handler.onComplete([]);
      });
      return true;
    },
    close: async () => {},
    destroy: async () => {},
  };
  return { dispatched: () => dispatched };
}
