import { createServer } from "node:http";
import { describe, expect, test } from "vitest";
import { freeLoopbackPort } from "../src/free-loopback-port.mjs";
import { listenOnLoopback } from "../src/listen-on-loopback.mjs";

describe("listenOnLoopback", () => {
  test("serves on 127.0.0.1 with a free port, and its close ends a request still unanswered", async () => {
    let arrived: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    // Answers nothing, as a test's hanging target does: a plain server.close() would wait for it.
    const server = createServer(() => arrived());
    const { origin, close } = await listenOnLoopback(server);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const pending = fetch(origin);
    await asked;
    await close();
    expect(server.listening).toBe(false);
    await expect(pending).rejects.toThrow(TypeError);
  });
});

describe("freeLoopbackPort", () => {
  test("is a port on 127.0.0.1 that another server can then listen on", async () => {
    const port = await freeLoopbackPort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
    expect(server.address()).toMatchObject({ address: "127.0.0.1", port });
    await new Promise((resolve) => server.close(resolve));
  });
});
