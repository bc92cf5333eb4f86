import { bundle, operations } from "@laml/spec";
import { describe, expect, test } from "vitest";
import { checkExchange } from "./contract.js";
import { injectSandbox } from "./harness.js";

/** The spec documents 422 for the list, but no condition of the list's gives it. */
const NEVER_PRODUCED = ["listParticipants 422"];
const documented = operations.flatMap((op) => Object.keys(op.responses).map((status) => `${op.operationId} ${status}`));

describe("the contract", () => {
  const sb = injectSandbox();
  const { state, account, conferenceSid, faults } = sb;
  const callSid = state.addParticipant(account.projectId, conferenceSid, { muted: true });
  const victim = state.addParticipant(account.projectId, conferenceSid);
  const completed = state.addConference(account.projectId, { status: "completed" });
  const frozen = state.addParticipant(account.projectId, completed);
  const one = `${sb.participantsPath()}/${callSid}`;
  const wrongAuth = { authorization: sb.basic(account.projectId, "nope") };

  test("every documented status of every operation is produced and matches its schema", async () => {
    const send = (method: "GET" | "POST" | "DELETE", url: string, extra: object = {}) =>
      sb.request({ method, url, ...extra });
    const form = (payload: string) => ({ payload, headers: { "content-type": "application/x-www-form-urlencoded" } });
    for (const [method, url] of [
      ["GET", sb.participantsPath()],
      ["GET", one],
      ["POST", one],
      ["DELETE", `${sb.participantsPath()}/${victim}`],
    ] as const) {
      await send(method, url, method === "POST" ? form("Hold=true") : {});
      await send(method, `${url}?Page=x`, method === "POST" ? form("Hold=x") : {});
      await send(method, url, { headers: wrongAuth });
      await send(method, url.replace(conferenceSid, crypto.randomUUID()));
      faults.next("429");
      await send(method, url);
    }
    await send("GET", `${sb.participantsPath()}?PageToken=PAnope`);
    await send("POST", one, form("Coaching=true"));
    await send("POST", `${sb.participantsPath(completed)}/${frozen}`, form("Muted=true"));
    await send("DELETE", `${sb.participantsPath(completed)}/${frozen}`);
    await send("GET", `${sb.participantsPath(completed)}?Muted=true`);

    const produced = new Set(sb.contract.exchanges.map((e) => `${e.operationId} ${e.status}`));
    expect(documented.filter((pair) => !produced.has(pair))).toEqual(NEVER_PRODUCED);
    expect(sb.contract.violations).toEqual([]);
  });

  test("errors outside any operation (unknown routes, wrong methods, injected 503s) are LaML error bodies", async () => {
    await sb.request({ url: "/nowhere" });
    await sb.request({ method: "PUT", url: one });
    faults.next("503");
    await sb.request({ url: one });
    const outside = sb.contract.exchanges.slice(-3);
    expect(outside.map((e) => e.status)).toEqual([404, 405, 503]);
    expect(outside.map(checkExchange)).toEqual([undefined, undefined, undefined]);
  });

  test("each exchange names its operation's path parameters, without the .json suffix; none outside an operation", async () => {
    await sb.request({ url: `${one}.json` });
    await sb.request({ url: `${sb.participantsPath()}.json` });
    await sb.request({ url: "/nowhere" });
    faults.next("503");
    await sb.request({ url: one });
    const [single, list, unknown, injected] = sb.contract.exchanges.slice(-4);
    const path = { AccountSid: account.projectId, ConferenceSid: conferenceSid };
    expect(single).toMatchObject({ operationId: "getParticipant", params: { ...path, CallSid: callSid } });
    expect(list).toMatchObject({ operationId: "listParticipants", params: path });
    expect([unknown?.params, injected?.params]).toEqual([{}, {}]);
  });

  test("the list's envelope has only keys Twilio-derived SDKs can read: the paging keys and participants", async () => {
    // twilio-python and SignalWire's Node SDK take the one key that is not a paging key as the
    // records, and throw "Page Records cannot be deserialized" if there are more.
    const page = bundle.components.schemas.ParticipantPage;
    const required = (page?.required ?? []) as string[];
    // The optional paging keys the spec has (from older SignalWire documents).
    const optionalPaging = ["start", "end"];
    expect(Object.keys(page?.properties ?? {})).toEqual(expect.arrayContaining([...required, ...optionalPaging]));
    expect(required).toContain("participants");
    for (const query of ["", "?PageSize=1", `?PageSize=1&Page=1&PageToken=PA${callSid}`, "?Muted=true"]) {
      const keys = Object.keys((await sb.request({ url: `${sb.participantsPath()}.json${query}` })).json());
      expect(
        keys.filter((key) => !required.includes(key) && !optionalPaging.includes(key)),
        query,
      ).toEqual([]);
      expect(keys, query).toEqual(expect.arrayContaining(required));
    }
  });

  test("the checker catches a response that breaks the spec", () => {
    const base = {
      method: "GET",
      url: one,
      params: {},
      headers: { "content-type": "application/json" },
      injected: false,
    };
    expect(checkExchange({ ...base, operationId: "getParticipant", status: 200, body: '{"call_sid":"x"}' })).toMatch(
      /required/,
    );
    expect(checkExchange({ ...base, operationId: "getParticipant", status: 422, body: "{}" })).toMatch(
      /does not document/,
    );
    expect(checkExchange({ ...base, operationId: undefined, status: 404, body: '{"error":"nope"}' })).toMatch(
      /required/,
    );
    expect(checkExchange({ ...base, operationId: "deleteParticipant", status: 204, body: "{}" })).toMatch(/no body/);
    const error = (code: number, status: number) => JSON.stringify({ code, message: "m", more_info: "u", status });
    expect(checkExchange({ ...base, operationId: undefined, status: 404, body: error(20405, 404) })).toBe(
      "code 20405 is not in the spec's error codes",
    );
    expect(checkExchange({ ...base, operationId: undefined, status: 404, body: error(20429, 404) })).toBe(
      "code 20429 comes with 429 in the spec, not 404",
    );
  });
});
