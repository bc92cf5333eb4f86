import { parameter } from "@laml/spec";
import type { ParticipantPage } from "@laml/types";
import { describe, expect, test } from "vitest";
import { injectSandbox } from "./harness.js";

const pageSize = parameter("listParticipants", "PageSize").schema as { default: number; maximum: number };

describe("listing participants", () => {
  const sb = injectSandbox();
  const { state, account } = sb;
  const addMany = (conferenceSid: string, n: number, fields: (i: number) => object = () => ({})) =>
    Array.from({ length: n }, (_, i) => state.addParticipant(account.projectId, conferenceSid, fields(i)));
  const list = async (url: string): Promise<ParticipantPage> => {
    const response = await sb.request({ url });
    expect(response.status, response.body).toBe(200);
    return response.json();
  };
  /** Follows next_page_uri from `url` to the end, calling `between` after each page. */
  const readAll = async (url: string, between: (page: ParticipantPage) => void = () => {}) => {
    const seen: string[] = [];
    let next: string | null = url;
    while (next) {
      const page = await list(next);
      seen.push(...page.participants.map((p) => p.call_sid));
      between(page);
      next = page.next_page_uri;
    }
    return seen;
  };

  test("pages through everyone in join order by following next_page_uri, with the spec's default page size", async () => {
    const conference = state.addConference(account.projectId);
    const joined = addMany(conference, pageSize.default * 2 + 7);
    const first = await list(sb.participantsPath(conference));
    expect(first.page_size).toBe(pageSize.default);
    expect(first.participants).toHaveLength(pageSize.default);
    expect(first.previous_page_uri).toBeNull();
    expect(await readAll(sb.participantsPath(conference))).toEqual(joined);
  });

  test("an empty conference lists no one, with no next or previous page", async () => {
    const page = await list(sb.participantsPath(state.addConference(account.projectId)));
    expect(page).toMatchObject({ participants: [], next_page_uri: null, previous_page_uri: null, page: 0 });
  });

  test("filters by Muted and Hold, and carries filters and PageSize forward in every page URI", async () => {
    const conference = state.addConference(account.projectId);
    const joined = addMany(conference, 12, (i) => ({ muted: i % 2 === 0, hold: i % 3 === 0 }));
    const mutedOnHold = joined.filter((_, i) => i % 2 === 0 && i % 3 === 0);
    const path = sb.participantsPath(conference);
    const first = await list(`${path}.json?Muted=true&Hold=true&PageSize=1`);
    expect(first.uri).toBe(`${path}.json?Muted=true&Hold=true&PageSize=1&Page=0`);
    expect(first.first_page_uri).toBe(`${path}.json?Muted=true&Hold=true&PageSize=1&Page=0`);
    expect(first.next_page_uri).toBe(
      `${path}.json?Muted=true&Hold=true&PageSize=1&Page=1&PageToken=PA${mutedOnHold[0]}`,
    );
    expect(await readAll(`${path}.json?Muted=true&Hold=true&PageSize=1`)).toEqual(mutedOnHold);
    expect(await readAll(`${path}?Hold=false&PageSize=3`)).toEqual(joined.filter((_, i) => i % 3 !== 0));
    expect(await readAll(`${path}?Muted=false`)).toEqual(joined.filter((_, i) => i % 2 !== 0));
  });

  test("page URIs keep the form the request used: the /2010-04-01 prefix and no .json", async () => {
    const conference = state.addConference(account.projectId);
    addMany(conference, 3);
    const path = sb.participantsPath(conference, account.projectId, "/2010-04-01");
    const page = await list(`${path}?PageSize=2`);
    expect(page.uri).toBe(`${path}?PageSize=2&Page=0`);
    expect(page.next_page_uri).toMatch(new RegExp(`^${path}\\?PageSize=2&Page=1&PageToken=PA`));
    expect(page.participants[0]?.uri).toBe(`${path}/${page.participants[0]?.call_sid}.json`);
  });

  test("page echoes Page, and previous_page_uri leads back to the same participants", async () => {
    const conference = state.addConference(account.projectId);
    addMany(conference, 10);
    const first = await list(`${sb.participantsPath(conference)}?PageSize=3`);
    const second = await list(first.next_page_uri as string);
    const third = await list(second.next_page_uri as string);
    expect([first.page, second.page, third.page]).toEqual([0, 1, 2]);
    const back = await list(third.previous_page_uri as string);
    expect(back.page).toBe(1);
    expect(back.participants).toEqual(second.participants);
    const start = await list(back.previous_page_uri as string);
    expect(start.participants).toEqual(first.participants);
    expect(start.previous_page_uri).toBeNull();
  });

  test("Page without a PageToken starts that many pages in", async () => {
    const conference = state.addConference(account.projectId);
    const joined = addMany(conference, 7);
    const page = await list(`${sb.participantsPath(conference)}?PageSize=3&Page=2`);
    expect(page.participants.map((p) => p.call_sid)).toEqual(joined.slice(6));
    expect(page.page).toBe(2);
  });

  test("skips no one when participants leave mid-iteration, even the one the cursor names", async () => {
    const conference = state.addConference(account.projectId);
    const joined = addMany(conference, 30);
    const left = new Set<string>();
    const seen = await readAll(`${sb.participantsPath(conference)}?PageSize=10`, (page) => {
      // The cursor's own participant, someone already listed and someone not yet listed leave.
      const last = page.participants.at(-1)?.call_sid as string;
      const unseen = joined.find(
        (sid) =>
          !left.has(sid) &&
          !page.participants.some((p) => p.call_sid === sid) &&
          joined.indexOf(sid) > joined.indexOf(last),
      );
      for (const sid of [last, page.participants[0]?.call_sid as string, unseen].filter((s): s is string => !!s)) {
        if (state.removeParticipant(account.projectId, conference, sid)) left.add(sid);
      }
    });
    const stayed = joined.filter((sid) => !left.has(sid));
    expect(new Set(seen).size).toBe(seen.length);
    for (const sid of stayed) expect(seen).toContain(sid);
  });

  test("lists newcomers who join mid-iteration once, after everyone already there", async () => {
    const conference = state.addConference(account.projectId);
    const joined = addMany(conference, 25);
    const newcomers: string[] = [];
    const seen = await readAll(`${sb.participantsPath(conference)}?PageSize=10`, () => {
      if (newcomers.length < 4) newcomers.push(...addMany(conference, 2));
    });
    expect(seen).toEqual([...joined, ...newcomers]);
  });

  test("refuses an invalid PageToken with code 21481", async () => {
    const conference = state.addConference(account.projectId);
    const other = state.addConference(account.projectId);
    const [stranger] = addMany(other, 1);
    addMany(conference, 2);
    for (const token of ["not-a-token", `PC${stranger}`, `PA${stranger}`, "PA"]) {
      const response = await sb.request({ url: `${sb.participantsPath(conference)}?PageToken=${token}` });
      expect(response.status).toBe(400);
      expect(response.json()).toMatchObject({ code: 21481, status: 400 });
      expect(response.json().message).toContain("PageToken");
    }
  });

  test(`refuses a PageSize outside 1..${pageSize.maximum}, naming the field, the limit and the value`, async () => {
    const tooBig = await sb.request({ url: `${sb.participantsPath()}?PageSize=5000` });
    expect(tooBig.status).toBe(400);
    expect(tooBig.json()).toMatchObject({ code: 10000, message: `PageSize must be <= ${pageSize.maximum}, got 5000` });
    const zero = await sb.request({ url: `${sb.participantsPath()}?PageSize=0` });
    expect(zero.json().message).toBe("PageSize must be >= 1, got 0");
  });
});
