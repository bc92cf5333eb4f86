import { describe, expect, test } from "vitest";
import { LamlApiError, LamlClientError, type Participant } from "../src/index.js";
import { fakeFetch, json, lamlError } from "./support/fake-fetch.js";
import {
  API_ROOT,
  CONFERENCE_SID,
  nextUri,
  PARTICIPANTS_PATH,
  PROJECT_ID,
  page,
  participant,
  SPACE_URL,
  testClient,
} from "./support/fixtures.js";

const LIST = `${API_ROOT}/Accounts/${PROJECT_ID}/Conferences/${CONFERENCE_SID}/Participants`;

/** Three pages: participants 1-2, 3-4 and 5. */
function threePages() {
  return [
    json(page([participant(1), participant(2)], nextUri(1))),
    json(page([participant(3), participant(4)], nextUri(2), 1)),
    json(page([participant(5)], null, 2)),
  ];
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const sids = (participants: Participant[]) => participants.map((p) => p.call_sid);

describe("list", () => {
  test("yields every participant of every page, following next_page_uri until it is null", async () => {
    const { fetch, requests } = fakeFetch(...threePages());
    const all = await collect(testClient(fetch).participants.list(CONFERENCE_SID));
    expect(sids(all)).toEqual([1, 2, 3, 4, 5].map((n) => participant(n).call_sid));
    expect(requests.map((r) => r.url)).toEqual([
      `${LIST}?PageSize=1000`,
      `${SPACE_URL}${nextUri(1)}`,
      `${SPACE_URL}${nextUri(2)}`,
    ]);
  });

  test("asks for the API's largest page when no PageSize is given, where pages() leaves the API's default", async () => {
    const { fetch, requests } = fakeFetch(json(page([participant(1)], null)), json(page([participant(1)], null)));
    await collect(testClient(fetch).participants.list(CONFERENCE_SID, { Muted: true }));
    await collect(testClient(fetch).participants.pages(CONFERENCE_SID, { Muted: true }));
    expect(requests.map((r) => r.url)).toEqual([`${LIST}?Muted=true&PageSize=1000`, `${LIST}?Muted=true`]);
  });

  test("sends the filters on the first request with their wire names", async () => {
    const { fetch, requests } = fakeFetch(json(page([participant(1)], null)));
    await collect(testClient(fetch).participants.list(CONFERENCE_SID, { Muted: true, Hold: false, PageSize: 200 }));
    expect(requests[0]?.url).toBe(`${LIST}?Muted=true&Hold=false&PageSize=200`);
  });

  test("follows next_page_uri verbatim: the filters and cursor it carries are not re-sent or changed", async () => {
    const next = nextUri(1, "Muted=true&PageSize=2&");
    const { fetch, requests } = fakeFetch(json(page([participant(1)], next)), json(page([participant(2)], null, 1)));
    await collect(testClient(fetch).participants.list(CONFERENCE_SID, { Muted: true, PageSize: 2 }));
    expect(requests[1]?.url).toBe(`${SPACE_URL}${next}`);
  });

  test("asks for the next page only when the consumer gets there", async () => {
    const { fetch, requests } = fakeFetch(...threePages());
    const participants = testClient(fetch).participants.list(CONFERENCE_SID);
    expect(requests).toHaveLength(0);
    await participants.next();
    await participants.next();
    expect(requests).toHaveLength(1);
    await participants.next();
    expect(requests).toHaveLength(2);
  });

  test("stops requesting when the consumer breaks out of the loop", async () => {
    const { fetch, requests } = fakeFetch(...threePages());
    for await (const p of testClient(fetch).participants.list(CONFERENCE_SID)) {
      if (p.call_sid === participant(3).call_sid) break;
    }
    expect(requests).toHaveLength(2);
  });

  test("concurrent next() calls never skip or repeat an item or a page", async () => {
    const { fetch, requests } = fakeFetch(...threePages());
    const participants = testClient(fetch).participants.list(CONFERENCE_SID);
    const results = await Promise.all(Array.from({ length: 7 }, () => participants.next()));
    expect(results.map((r) => (r.done ? "done" : r.value.call_sid))).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => participant(n).call_sid),
      "done",
      "done",
    ]);
    expect(requests).toHaveLength(3);
  });

  test("yields nothing from an empty conference", async () => {
    const { fetch, requests } = fakeFetch(json(page([], null)));
    expect(await collect(testClient(fetch).participants.list(CONFERENCE_SID))).toEqual([]);
    expect(requests).toHaveLength(1);
  });
});

describe("limit", () => {
  test("stops at limit items and fetches no page beyond what it needs", async () => {
    const { fetch, requests } = fakeFetch(...threePages());
    const some = await collect(testClient(fetch).participants.list(CONFERENCE_SID, { limit: 4 }));
    expect(sids(some)).toEqual([1, 2, 3, 4].map((n) => participant(n).call_sid));
    expect(requests).toHaveLength(2);
  });

  test("asks for a page of limit items when no PageSize is given", async () => {
    const { fetch, requests } = fakeFetch(json(page([participant(1), participant(2)], nextUri(1))));
    await collect(testClient(fetch).participants.list(CONFERENCE_SID, { limit: 2 }));
    expect(requests.map((r) => r.url)).toEqual([`${LIST}?PageSize=2`]);
  });

  test("caps the page size it asks for at the API's 1000", async () => {
    const { fetch, requests } = fakeFetch(json(page([participant(1)], null)));
    await collect(testClient(fetch).participants.list(CONFERENCE_SID, { limit: 5000 }));
    expect(requests[0]?.url).toBe(`${LIST}?PageSize=1000`);
  });

  test("keeps an explicit PageSize", async () => {
    const { fetch, requests } = fakeFetch(json(page([participant(1)], null)));
    await collect(testClient(fetch).participants.list(CONFERENCE_SID, { limit: 3, PageSize: 50 }));
    expect(requests[0]?.url).toBe(`${LIST}?PageSize=50`);
  });

  test("0 yields nothing and sends no request", async () => {
    const { fetch, requests } = fakeFetch();
    expect(await collect(testClient(fetch).participants.list(CONFERENCE_SID, { limit: 0 }))).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  test.each([-1, 1.5, Number.NaN])("%d is refused before any request", (limit) => {
    const { fetch } = fakeFetch();
    expect(() => testClient(fetch).participants.list(CONFERENCE_SID, { limit })).toThrow(
      new RegExp(`^Invalid limit ${limit}: expected a whole number`),
    );
  });
});

describe("pages", () => {
  test("yields the envelopes as the API sent them", async () => {
    const answers = [page([participant(1)], nextUri(1)), page([participant(2)], null, 1)];
    const { fetch } = fakeFetch(...answers.map((a) => json(a)));
    expect(await collect(testClient(fetch).participants.pages(CONFERENCE_SID, { PageSize: 1 }))).toEqual(answers);
  });

  test("concurrent next() calls get each page once, in order", async () => {
    const { fetch, requests } = fakeFetch(...threePages());
    const pages = testClient(fetch).participants.pages(CONFERENCE_SID);
    const results = await Promise.all([pages.next(), pages.next(), pages.next(), pages.next()]);
    expect(results.map((r) => (r.done ? "done" : r.value.page))).toEqual([0, 1, 2, "done"]);
    expect(requests).toHaveLength(3);
  });
});

describe("next_page_uri", () => {
  test("a relative URI resolves against the configured origin without doubling the API path", async () => {
    const { fetch, requests } = fakeFetch(json(page([], nextUri(1))), json(page([], null, 1)));
    const laml = testClient(fetch, { spaceUrl: `${SPACE_URL}/api/laml/2010-04-01` });
    await collect(laml.participants.pages(CONFERENCE_SID));
    expect(requests[1]?.url).toBe(`${SPACE_URL}${nextUri(1)}`);
  });

  test("an absolute URI on the configured origin is followed", async () => {
    const { fetch, requests } = fakeFetch(json(page([], `${SPACE_URL}${nextUri(1)}`)), json(page([], null, 1)));
    await collect(testClient(fetch).participants.pages(CONFERENCE_SID));
    expect(requests[1]?.url).toBe(`${SPACE_URL}${nextUri(1)}`);
  });

  test.each([
    ["another host", `https://evil.example.com${PARTICIPANTS_PATH}?PageToken=PAx`],
    ["another port", `https://example.signalwire.com:8443${PARTICIPANTS_PATH}?PageToken=PAx`],
    ["a protocol-relative URL", `//evil.example.com${PARTICIPANTS_PATH}?PageToken=PAx`],
    ["http when the client uses https", `http://example.signalwire.com${PARTICIPANTS_PATH}?PageToken=PAx`],
  ])("refuses to send credentials to another origin: %s", async (_, next) => {
    const { fetch, requests } = fakeFetch(json(page([participant(1)], next)));
    const error = await collect(testClient(fetch).participants.list(CONFERENCE_SID)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LamlClientError);
    expect((error as Error).message).toMatch(
      /^Refused \S+: credentials go only to https:\/\/example\.signalwire\.com, the spaceUrl\.$/,
    );
    expect(requests).toHaveLength(1);
  });

  test("a server repeating the same next_page_uri is stopped with a clear error", async () => {
    const { fetch, requests } = fakeFetch(
      json(page([participant(1)], nextUri(1))),
      json(page([participant(2)], nextUri(1), 1)),
    );
    await expect(collect(testClient(fetch).participants.list(CONFERENCE_SID))).rejects.toThrow(
      new LamlClientError(`The API repeated next_page_uri ${nextUri(1)}`),
    );
    expect(requests).toHaveLength(2);
  });
});

describe("errors while paging", () => {
  test("a failing later page rejects with LamlApiError after the items already yielded", async () => {
    const { fetch } = fakeFetch(
      json(page([participant(1)], nextUri(1))),
      lamlError(400, 21481, "The page token supplied was invalid"),
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const p of testClient(fetch).participants.list(CONFERENCE_SID)) seen.push(p.call_sid);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([participant(1).call_sid]);
    expect(error).toBeInstanceOf(LamlApiError);
    expect(error).toMatchObject({ status: 400, code: 21481 });
  });
});

describe("resuming at a saved next_page_uri", () => {
  test("pages() and list() continue from it, filters and cursor included", async () => {
    const saved = nextUri(1, "Muted=true&");
    const { fetch, requests } = fakeFetch(
      json(page([participant(10)], null, 1)),
      json(page([participant(10)], null, 1)),
    );
    const laml = testClient(fetch);
    const pages = [];
    for await (const p of laml.participants.pages(CONFERENCE_SID, { from: saved })) pages.push(p.page);
    const items = [];
    for await (const p of laml.participants.list(CONFERENCE_SID, { from: saved, limit: 5 })) items.push(p.call_sid);
    expect(pages).toEqual([1]);
    expect(items).toEqual([participant(10).call_sid]);
    expect(requests.map((r) => r.url)).toEqual([`${SPACE_URL}${saved}`, `${SPACE_URL}${saved}`]);
  });

  test("is origin-checked like any next_page_uri, and refuses filters beside it", async () => {
    const { fetch, requests } = fakeFetch();
    const laml = testClient(fetch);
    await expect(
      laml.participants.pages(CONFERENCE_SID, { from: `https://evil.example${nextUri(1)}` }).next(),
    ).rejects.toThrow(
      new LamlClientError(`Refused https://evil.example: credentials go only to ${SPACE_URL}, the spaceUrl.`),
    );
    expect(() => laml.participants.pages(CONFERENCE_SID, { from: nextUri(1), Muted: true } as never)).toThrow(
      "from resumes at a next_page_uri, which carries its own filters and PageSize",
    );
    expect(requests).toHaveLength(0);
  });
});
