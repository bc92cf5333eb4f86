import { connect } from "node:net";
import { afterAll, describe, expect, test } from "vitest";
import { startSandbox } from "../src/start-sandbox.js";
import { contractRecorder } from "./contract.js";
import { injectSandbox } from "./harness.js";

/** A small seeded generator, so a failing input can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const text = (max: number) => {
    const alphabet = "aZ09-_.~%/?&=+;:,!*'()[]{}\"\\ \t\u00e9\u4e2d\u0000\ud83d\ude00";
    return Array.from({ length: Math.floor(next() * max) }, () => pick([...alphabet])).join("");
  };
  return { next, pick, text };
}

describe("malformed input", () => {
  const sb = injectSandbox();
  const { state, account, conferenceSid } = sb;
  const callSid = state.addParticipant(account.projectId, conferenceSid);
  const one = `${sb.participantsPath()}/${callSid}`;

  test("never gets a 500: random paths, queries, methods, media types and bodies", async () => {
    const random = generator(20261127);
    const paths = [
      sb.participantsPath(),
      `${sb.participantsPath()}.json`,
      one,
      `${one}.json`,
      "/2010-04-01/Accounts",
      "/",
    ];
    const types = [
      "application/x-www-form-urlencoded",
      "application/json",
      "text/plain",
      "multipart/form-data; boundary=x",
      "application/octet-stream",
      "",
      "a/b; c",
    ];
    for (let i = 0; i < 600; i++) {
      const path = random.pick(paths);
      const query = Array.from({ length: Math.floor(random.next() * 4) }, () =>
        random
          .pick(["Muted", "Hold", "Page", "PageSize", "PageToken", random.text(8)])
          .concat("=", encodeURIComponent(random.text(12))),
      ).join("&");
      const contentType = random.pick(types);
      const response = await sb.request({
        method: random.pick(["GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS"] as const),
        url: `${path}${query ? `?${query}` : ""}`,
        ...(random.next() < 0.7 && { payload: random.text(200) }),
        headers: contentType ? { "content-type": contentType } : {},
      });
      expect(response.status, `request ${i}`).toBeLessThan(500);
    }
  });

  test("answers huge values, bad percent-encoding and prototype keys with 400", async () => {
    const form = (payload: string) =>
      sb.request({
        method: "POST",
        url: one,
        payload,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const json = (payload: string) =>
      sb.request({ method: "POST", url: one, payload, headers: { "content-type": "application/json" } });
    const responses = [
      await sb.request({ url: `${sb.participantsPath()}?PageSize=1e400` }),
      await sb.request({ url: `${sb.participantsPath()}?Page=${"9".repeat(400)}` }),
      await sb.request({ url: `${sb.participantsPath()}?PageToken=PA${"a".repeat(10_000)}` }),
      await sb.request({ url: `${sb.participantsPath()}?Muted=%E0%A4%A` }),
      await sb.request({ url: `${sb.participantsPath()}?__proto__=x&constructor=y` }),
      await sb.request({ url: `${sb.participantsPath("%E0%A4%A")}` }),
      await form(`Muted=${"true".repeat(30_000)}`),
      await form("Muted=%ZZ&Hold=%"),
      await form("__proto__=1&constructor=2&toString=3"),
      await json('{"__proto__":{"Muted":true}}'),
      await json('{"constructor":{"prototype":{"x":1}}}'),
      await json(`${"[".repeat(5000)}${"]".repeat(5000)}`),
      await json('{"Muted":true,"Muted":false,"Hold":{"deep":[1,2,{"x":null}]}}'),
      await json("null"),
      await json(""),
    ];
    for (const response of responses) {
      expect(response.status, response.body).toBe(400);
      expect(response.json().code).toBeTypeOf("number");
    }
    expect(({} as Record<string, unknown>).Muted).toBeUndefined();
  });
});

describe("malformed HTTP on a real socket", () => {
  const contract = contractRecorder();
  const started = startSandbox({ onResponse: contract.onResponse });
  afterAll(async () => {
    await (await started).close();
    expect(contract.violations).toEqual([]);
  });

  /** Writes raw bytes and reads until the server closes or answers. */
  const raw = async (bytes: string) => {
    const { port } = new URL((await started).url);
    return new Promise<string>((resolve) => {
      let received = "";
      const socket = connect(Number(port), "127.0.0.1", () => socket.end(bytes));
      socket.on("data", (chunk) => {
        received += chunk;
      });
      socket.on("close", () => resolve(received));
      socket.on("error", () => resolve(received));
    });
  };

  test("answers garbage, unknown methods and oversized headers without crashing, then keeps serving", async () => {
    const answers = [
      await raw("this is not http\r\n\r\n"),
      await raw("FROB /api/laml/2010-04-01 HTTP/1.1\r\nHost: x\r\n\r\n"),
      await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(100_000)}\r\n\r\n`),
      await raw(
        "POST /2010-04-01/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello",
      ),
    ];
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
    const { url } = await started;
    const after = await fetch(`${url}/nowhere`);
    expect(after.status).toBe(404);
    expect(await after.json()).toMatchObject({ code: 20404 });
  });
});
