import { afterAll, describe, expect, test } from "vitest";
import { DEMO, demoSeed } from "../src/cli/demo.js";
import { FaultInjector } from "../src/faults/fault-injector.js";
import { startSandbox } from "../src/start-sandbox.js";
import { contractRecorder } from "./contract.js";
import { PREFIX } from "./harness.js";

describe("fault injection over HTTP", async () => {
  const contract = contractRecorder();
  const sb = await startSandbox({ seed: demoSeed(Date.now()), onResponse: contract.onResponse });
  afterAll(async () => {
    await sb.close();
    expect(contract.violations).toEqual([]);
  });
  const listUrl = `${sb.url}${PREFIX}/Accounts/${DEMO.projectId}/Conferences/${DEMO.conferenceSid}/Participants.json`;
  const headers = { authorization: `Basic ${Buffer.from(`${DEMO.projectId}:${DEMO.apiToken}`).toString("base64")}` };
  const get = () => fetch(listUrl, { headers });

  test("is off by default", async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, async () => (await get()).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(sb.faults.injected).toEqual({ 429: 0, 503: 0, drop: 0 });
  });

  test("answers the next requests with the queued faults, in order, then recovers", async () => {
    sb.faults.set({ retryAfterSeconds: 3 });
    sb.faults.next("429", "503", "drop");
    const rateLimited = await get();
    expect(rateLimited.status).toBe(429);
    expect(rateLimited.headers.get("retry-after")).toBe("3");
    expect(await rateLimited.json()).toMatchObject({ code: 20429, status: 429 });
    const unavailable = await get();
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toMatchObject({ status: 503 });
    await expect(get()).rejects.toThrow(TypeError);
    expect((await get()).status).toBe(200);
    expect(sb.faults.injected).toEqual({ 429: 1, 503: 1, drop: 1 });
  });

  test("injects a share of requests, repeatably with a seed, only for the methods named", async () => {
    const run = async () => {
      sb.faults.set({ share: { 429: 0.3, 503: 0.2 }, seed: 7, methods: ["GET"], retryAfterSeconds: 0 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await get()).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((s) => s === 429).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(2);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(10);
    const deleteMissing = await fetch(listUrl.replace(".json", `/${crypto.randomUUID()}`), {
      method: "DELETE",
      headers,
    });
    expect(deleteMissing.status).toBe(404);
    sb.faults.clear();
  });

  test("adds latency before answering", async () => {
    sb.faults.set({ latencyMs: 50 });
    const response = await get();
    expect(response.status).toBe(200);
    expect(sb.faults.settings).toEqual({ latencyMs: 50 });
    sb.faults.clear();
  });

  test("can be driven through the admin API, which refuses invalid settings", async () => {
    const admin = `${sb.url}/__sandbox/faults`;
    const put = (body: string) =>
      fetch(admin, { method: "PUT", body, headers: { "content-type": "application/json" } });
    const set = await put(JSON.stringify({ next: ["503"] }));
    expect(await set.json()).toMatchObject({ settings: { next: ["503"] } });
    expect((await get()).status).toBe(503);
    const invalid = await put(JSON.stringify({ share: { 429: 2 } }));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).message).toContain("share.429 must be <= 1, got 2");
    expect((await put("[]")).status).toBe(400);
    const cleared = await fetch(admin, { method: "DELETE" });
    expect(await cleared.json()).toMatchObject({ settings: {} });
    expect((await (await fetch(admin)).json()).injected[503]).toBeGreaterThan(0);
  });

  test("reaches the API's routes and its 404s, never the admin API", async () => {
    const admin = `${sb.url}/__sandbox/faults`;
    sb.faults.next("503", "503");
    expect((await fetch(admin)).status).toBe(200);
    expect(
      (await fetch(admin, { method: "PUT", body: "{}", headers: { "content-type": "application/json" } })).status,
    ).toBe(200);
    sb.faults.next("503", "503");
    expect((await fetch(`${sb.url}/nowhere`)).status).toBe(503);
    expect((await get()).status).toBe(503);
    expect((await fetch(`${sb.url}/nowhere`)).status).toBe(404);
  });
});

describe("fault settings", () => {
  test("refuses shares that add up to more than 1, and unknown kinds", () => {
    expect(() => new FaultInjector({ share: { 429: 0.6, drop: 0.6 } })).toThrow(
      "the shares add up to 1.2, more than 1",
    );
    expect(() => new FaultInjector().next("418" as never)).toThrow("Unknown fault 418; use 429, 503, drop");
    expect(() => new FaultInjector({ latencyMs: -1 })).toThrow("latencyMs must be >= 0, got -1");
  });
});
