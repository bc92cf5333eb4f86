/**
 * Answers the requests of the parent that forked this process (see start-child.mjs), one at a
 * time and in order, so a child never measures two things at once. Every child also answers
 * `"cpu-usage"` with its `process.cpuUsage()`, so the parent can see what a server child spent.
 * @param {(request: any) => Promise<unknown>} handle
 */
export function answerParent(handle) {
  const send = process.send?.bind(process);
  if (!send) throw new Error("Run this file through start-child.mjs: it expects an IPC channel to its parent.");
  let queue = Promise.resolve();
  process.on("message", (request) => {
    queue = queue.then(async () => {
      try {
        send({ ok: true, value: request === "cpu-usage" ? process.cpuUsage() : await handle(request) });
      } catch (error) {
        send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    });
  });
}
