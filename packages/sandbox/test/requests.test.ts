import { describe, expect, test } from "vitest";
import { injectSandbox, PREFIX } from "./harness.js";

describe("routes and request checks", () => {
  const sb = injectSandbox();
  const { state, account, conferenceSid } = sb;
  const callSid = state.addParticipant(account.projectId, conferenceSid, { muted: true });

  test("serves every operation under /api/laml/2010-04-01 and /2010-04-01, with and without .json", async () => {
    for (const prefix of [PREFIX, "/2010-04-01"]) {
      for (const suffix of ["", ".json"]) {
        const path = sb.participantsPath(conferenceSid, account.projectId, prefix);
        expect((await sb.request({ url: `${path}${suffix}` })).status).toBe(200);
        const one = await sb.request({ url: `${path}/${callSid}${suffix}` });
        expect(one.status).toBe(200);
        expect(one.json().uri).toBe(
          `${prefix}/Accounts/${account.projectId}/Conferences/${conferenceSid}/Participants/${callSid}.json`,
        );
        const update = await sb.request({
          method: "POST",
          url: `${path}/${callSid}${suffix}`,
          payload: "Muted=true",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        });
        expect(update.status).toBe(200);
      }
    }
  });

  test("an unknown route is a LaML 404", async () => {
    for (const url of [
      "/",
      "/api/laml/2010-04-01/Accounts",
      `${sb.participantsPath()}/${callSid}/Extra`,
      "/2010-04-01/Calls.json",
    ]) {
      const response = await sb.request({ url });
      expect(response.status, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 20404, status: 404 });
    }
  });

  test("a wrong method is a LaML 405 that lists the allowed methods in Allow", async () => {
    const list = await sb.request({ method: "DELETE", url: `${sb.participantsPath()}.json` });
    expect(list.status).toBe(405);
    expect(list.headers.allow).toBe("GET");
    expect(list.json()).toMatchObject({ status: 405, message: "DELETE is not allowed here; use GET" });
    for (const method of ["PUT", "PATCH", "HEAD", "OPTIONS"] as const) {
      const one = await sb.request({ method, url: `${sb.participantsPath()}/${callSid}` });
      expect(one.status, method).toBe(405);
      expect(one.headers.allow).toBe("GET, POST, DELETE");
    }
  });

  test("path SIDs must be UUIDs, as the spec declares", async () => {
    const response = await sb.request({ url: `${sb.participantsPath("not-a-sid")}/${callSid}` });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 10000, message: "ConferenceSid must be a UUID, got not-a-sid" });
    const call = await sb.request({ url: `${sb.participantsPath()}/${"x".repeat(500)}.json` });
    expect(call.json().message).toMatch(/^CallSid must be a UUID, got x{60}…$/);
  });

  test("query values must have the spec's types; a typo'd or repeated parameter is named", async () => {
    const cases: [string, string][] = [
      ["Muted=yes", "Muted must be true or false, got yes"],
      ["Hold=", "Hold must be true or false, got an empty value"],
      ["PageSize=0x10", "PageSize must be an integer, got 0x10"],
      ["Page=-1", "Page must be >= 0, got -1"],
      ["Page=99999999999", "Page must be a 32-bit integer, got 99999999999"],
      ["muted=true", "muted is not a query parameter of this operation: use Muted, Hold, Page, PageSize, PageToken"],
      ["Muted=true&Muted=false", "Muted was given 2 times; give the query parameter once"],
    ];
    for (const [query, message] of cases) {
      const response = await sb.request({ url: `${sb.participantsPath()}?${query}` });
      expect(response.status, query).toBe(400);
      expect(response.json()).toMatchObject({ code: 10000, message });
    }
    const several = await sb.request({ url: `${sb.participantsPath()}?Muted=1&PageSize=5000` });
    expect(several.json().message).toBe("Muted must be true or false, got 1; PageSize must be <= 1000, got 5000");
  });

  test("booleans are read in any letter case, in filters and in updates", async () => {
    const other = state.addParticipant(account.projectId, conferenceSid, { muted: false, hold: true });
    const listed = async (query: string) => {
      const response = await sb.request({ url: `${sb.participantsPath()}.json?${query}` });
      expect(response.status, query).toBe(200);
      return response.json().participants.map((p: { call_sid: string }) => p.call_sid);
    };
    for (const query of ["Muted=True", "Muted=TRUE", "Muted=tRuE&Hold=False"]) {
      expect(await listed(query), query).toEqual([callSid]);
    }
    expect(await listed("Muted=FALSE&Hold=True")).toEqual([other]);
    // The next page's URI carries the filter as the API writes it.
    const page = await sb.request({ url: `${sb.participantsPath()}.json?Muted=True&PageSize=1` });
    expect(page.json().uri).toContain("Muted=true");

    const updated = await sb.update(other, { Muted: "True", Hold: "FALSE" });
    expect(updated.status).toBe(200);
    expect(updated.json()).toMatchObject({ muted: true, hold: false });
    expect((await sb.update(other, { Muted: "False" })).json().muted).toBe(false);
    expect((await sb.update(other, { Muted: "Yes" })).json().message).toBe("Muted must be true or false, got Yes");
    sb.state.removeParticipant(account.projectId, conferenceSid, other);
  });

  test("Twilio's parameters that SignalWire does not take are refused, saying so", async () => {
    const list = await sb.request({ url: `${sb.participantsPath()}?Coaching=true` });
    expect(list.status).toBe(400);
    expect(list.json()).toMatchObject({
      code: 10000,
      message: "Coaching is a query parameter of Twilio's API, which SignalWire does not take; leave it out",
    });
    for (const field of ["BeepOnExit", "EndConferenceOnExit"]) {
      const update = await sb.update(callSid, { [field]: "true" });
      expect(update.status, field).toBe(400);
      expect(update.json()).toMatchObject({
        code: 10000,
        message: `${field} is a field of Twilio's API, which SignalWire does not take; leave it out`,
      });
    }
  });

  test("operations without query parameters refuse any", async () => {
    const response = await sb.request({ url: `${sb.participantsPath()}/${callSid}?Muted=true` });
    expect(response.status).toBe(400);
    expect(response.json().message).toBe("Muted is not a query parameter of this operation");
  });

  test("update fields are checked against the spec's form schema", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ Muted: "maybe" }, "Muted must be true or false, got maybe"],
      [{ HoldMethod: "PUT" }, "HoldMethod must be one of GET, POST, got PUT"],
      [
        { AnnounceUrl: "not a url" },
        "AnnounceUrl must be an absolute URI (such as https://example.com/hold.xml), got not a url",
      ],
      [{ CallSidToCoach: "bob" }, "CallSidToCoach must be a UUID, got bob"],
      [{ Beep: "true" }, "Beep is not a field of this operation"],
    ];
    for (const [form, message] of cases) {
      const response = await sb.update(callSid, form);
      expect(response.status, JSON.stringify(form)).toBe(400);
      expect(response.json().code).toBe(10000);
      expect(response.json().message).toContain(message);
    }
  });

  test("update takes a JSON body too, with JSON types", async () => {
    const send = (payload: string) =>
      sb.request({
        method: "POST",
        url: `${sb.participantsPath()}/${callSid}`,
        payload,
        headers: { "content-type": "application/json" },
      });
    const ok = await send('{"Muted":false,"Hold":true}');
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({ muted: false, hold: true });
    expect((await send('{"Muted":"false"}')).json().message).toBe('Muted must be true or false, got "false"');
    expect((await send("[1,2]")).json().message).toMatch(/JSON body must be an object/);
    expect((await send("{bad json")).json()).toMatchObject({ status: 400, code: 10000 });
  });

  test("a body of another media type is refused with what to send instead", async () => {
    const response = await sb.request({
      method: "POST",
      url: `${sb.participantsPath()}/${callSid}`,
      payload: "<Muted>true</Muted>",
      headers: { "content-type": "text/xml; charset=utf-8" },
    });
    expect(response.status).toBe(400);
    expect(response.json().message).toBe(
      "Content-Type text/xml is not accepted; send the fields as application/x-www-form-urlencoded (or as application/json)",
    );
  });
});
