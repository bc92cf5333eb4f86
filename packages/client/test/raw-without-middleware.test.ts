import type { Middleware } from "openapi-fetch";
import { describe, expect, test, vi } from "vitest";
import { withRaw } from "../src/index.js";
import { type Answer, fakeFetch, hang, json, lamlError } from "./support/fake-fetch.js";
import { CALL_SID, CONFERENCE_SID, PROJECT_ID, page, participant, SPACE_URL, testClient } from "./support/fixtures.js";

const LIST = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants";
const ONE = `${LIST}/{CallSid}`;
const path = { AccountSid: PROJECT_ID, ConferenceSid: CONFERENCE_SID };
const onePath = { ...path, CallSid: CALL_SID };

/** A middleware that changes nothing: its presence alone sends a call through openapi-fetch. */
const untouched: Middleware = { onRequest() {} };

/** An untyped view of `raw`'s `request()`: the matrix also makes calls the spec's types would refuse. */
type AnyRequest = (method: string, url: string, init: unknown) => Promise<Record<string, unknown>>;

/** One call, each time against a fresh fake answering with `answers()`. */
interface Case {
  name: string;
  method: string;
  url: string;
  init?: Record<string, unknown> | null;
  answers: () => Answer[];
}

const cases: Case[] = [
  {
    name: "a list with query filters",
    method: "GET",
    url: LIST,
    init: { params: { path, query: { Hold: true, PageSize: 2 } } },
    answers: () => [json(page([participant(1)], null))],
  },
  {
    name: "headers of the call and of params.header",
    method: "GET",
    url: LIST,
    init: { params: { path, header: { "X-Param": "p" } }, headers: { "X-Trace": "t", "X-Many": ["a", "b"] } },
    answers: () => [json(page([], null))],
  },
  {
    name: "an update's form body",
    method: "POST",
    url: ONE,
    init: { params: { path: onePath }, body: { Muted: true, Hold: false } },
    answers: () => [json(participant(1))],
  },
  {
    name: "an update's body with the call's headers",
    method: "POST",
    url: ONE,
    init: { params: { path: onePath }, body: { Muted: true }, headers: { "X-Trace": "t" } },
    answers: () => [json(participant(1))],
  },
  {
    name: "a body on a method other than POST",
    method: "PUT",
    url: ONE,
    init: { params: { path: onePath }, body: { Muted: true } },
    answers: () => [json(participant(1))],
  },
  {
    name: "a delete's 204",
    method: "DELETE",
    url: ONE,
    init: { params: { path: onePath } },
    answers: () => [new Response(null, { status: 204 })],
  },
  {
    name: "a 200 with Content-Length 0",
    method: "GET",
    url: ONE,
    init: { params: { path: onePath } },
    answers: () => [new Response("", { status: 200, headers: { "Content-Length": "0" } })],
  },
  {
    name: "a 200 with an empty body and no length",
    method: "GET",
    url: ONE,
    init: { params: { path: onePath } },
    answers: () => [new Response("", { status: 200 })],
  },
  {
    name: "a 200 whose JSON has a Content-Length",
    method: "GET",
    url: ONE,
    init: { params: { path: onePath } },
    answers: () => [
      new Response(JSON.stringify(participant(2)), {
        headers: { "Content-Length": `${JSON.stringify(participant(2)).length}` },
      }),
    ],
  },
  {
    name: "a 2xx whose body is not JSON",
    method: "GET",
    url: ONE,
    init: { params: { path: onePath } },
    answers: () => [new Response("<p>ok</p>", { status: 200 })],
  },
  {
    name: "a 2xx whose body is not JSON, with a Content-Length",
    method: "GET",
    url: ONE,
    init: { params: { path: onePath } },
    answers: () => [new Response("<p>ok</p>", { status: 200, headers: { "Content-Length": "9" } })],
  },
  {
    name: "a LaML error",
    method: "GET",
    url: ONE,
    init: { params: { path: onePath }, maxRetries: 0 },
    answers: () => [lamlError(404, 20404, "Not found")],
  },
  {
    name: "an error that is not JSON",
    method: "GET",
    url: ONE,
    init: { params: { path: onePath }, maxRetries: 0 },
    answers: () => [new Response("<h1>Bad gateway</h1>", { status: 502 })],
  },
  {
    name: "an error with no body",
    method: "DELETE",
    url: ONE,
    init: { params: { path: onePath }, maxRetries: 0 },
    answers: () => [new Response(null, { status: 404, headers: { "Content-Length": "0" } })],
  },
  // Each way openapi-fetch can read a 2xx body but JSON, the default, which the rows above use.
  ...(["text", "arrayBuffer", "stream", "blob"] as const).map((parseAs) => ({
    name: `parseAs ${parseAs}`,
    method: "GET",
    url: ONE,
    init: { params: { path: onePath }, parseAs },
    answers: () => [json(participant(1))],
  })),
  {
    name: "a null header taking out the JSON type under a body",
    method: "PUT",
    url: ONE,
    init: { params: { path: onePath }, body: { Muted: true }, headers: { "Content-Type": null } },
    answers: () => [json(participant(1))],
  },
  {
    name: "params.header over the call's headers of the same name",
    method: "GET",
    url: LIST,
    init: { params: { path, header: { "X-Trace": "param" } }, headers: { "X-Trace": "call" } },
    answers: () => [json(page([], null))],
  },
  {
    name: "reserved characters in the query, allowed",
    method: "GET",
    url: LIST,
    init: { params: { path, query: { Tag: "a/b?c" } }, querySerializer: { allowReserved: true } },
    answers: () => [json(page([], null))],
  },
  {
    name: "no init at all",
    method: "GET",
    url: "/Accounts",
    init: null,
    answers: () => [json([])],
  },
  {
    name: "an error with Content-Length 0 but chunked",
    method: "GET",
    url: ONE,
    init: { params: { path: onePath }, maxRetries: 0 },
    answers: () => [
      new Response("", { status: 404, headers: { "Content-Length": "0", "Transfer-Encoding": "chunked" } }),
    ],
  },
  {
    name: "a HEAD",
    method: "HEAD",
    url: LIST,
    init: { params: { path } },
    answers: () => [new Response(null, { status: 200 })],
  },
  {
    name: "a lower-case method",
    method: "get",
    url: LIST,
    init: { params: { path } },
    answers: () => [json(page([], null))],
  },
  {
    name: "the call's baseUrl, with a trailing slash",
    method: "GET",
    url: LIST,
    init: { baseUrl: `${SPACE_URL}/api/laml/2010-04-01/`, params: { path } },
    answers: () => [json(page([], null))],
  },
  {
    name: "a baseUrl on another origin",
    method: "GET",
    url: LIST,
    init: { baseUrl: "https://elsewhere.example.com/api", params: { path } },
    answers: () => [],
  },
  {
    name: "the call's query serializer options",
    method: "GET",
    url: LIST,
    init: {
      params: { path, query: { Tag: ["a", "b"] } },
      querySerializer: { array: { style: "form", explode: false } },
    },
    answers: () => [json(page([], null))],
  },
  {
    name: "the call's query serializer function",
    method: "GET",
    url: LIST,
    init: { params: { path, query: { Muted: true } }, querySerializer: () => "?Custom=1" },
    answers: () => [json(page([], null))],
  },
  {
    name: "the call's path serializer",
    method: "GET",
    url: LIST,
    init: {
      params: { path },
      pathSerializer: (url: string) => url.replace("{AccountSid}", "A").replace("{ConferenceSid}", "C"),
    },
    answers: () => [json(page([], null))],
  },
  {
    name: "a styled path parameter",
    method: "GET",
    url: "/Accounts/{AccountSid}/Conferences/{.ConferenceSid}/Participants",
    init: { params: { path } },
    answers: () => [json(page([], null))],
  },
  {
    name: "the call's timeoutMs",
    method: "GET",
    url: LIST,
    init: { params: { path }, timeoutMs: 10, maxRetries: 0 },
    answers: () => [hang],
  },
  {
    name: "the call's aborted signal",
    method: "GET",
    url: LIST,
    init: { params: { path }, signal: AbortSignal.abort(new Error("stopped")) },
    answers: () => [hang],
  },
];

/** What a caller can tell of a call: its outcome, and the requests the server saw. */
async function observe({ method, url, init = {}, answers }: Case, middleware: Middleware[] | undefined) {
  const { fetch, requests } = fakeFetch(...answers());
  const { raw } = withRaw(testClient(fetch));
  const request = raw.request as unknown as AnyRequest;
  const outcome = await request(method, url, middleware ? { ...init, middleware } : init).then(
    async ({ data, error, response }) => ({
      data:
        data instanceof Blob || data instanceof ReadableStream || data instanceof ArrayBuffer
          ? await new Response(data).text()
          : data,
      error,
      status: (response as Response).status,
      url: (response as Response).url,
    }),
    (reason: Error) => ({ rejected: `${reason.name}: ${reason.message}` }),
  );
  return {
    outcome,
    requests: requests.map((request) => ({ ...request, headers: [...request.headers] })),
  };
}

describe("a raw call with no middleware is the call openapi-fetch makes with it", () => {
  test.each(cases)("$name", async (call) => {
    expect(await observe(call, undefined)).toEqual(await observe(call, [untouched]));
  });

  test("the matrix covers each way a call can end: data, error and rejection", async () => {
    const outcomes = await Promise.all(cases.map(async (call) => (await observe(call, undefined)).outcome));
    const kinds = new Set(
      outcomes.map((outcome) => ("rejected" in outcome ? "rejected" : outcome.error ? "error" : "data")),
    );
    expect([...kinds].sort()).toEqual(["data", "error", "rejected"]);
  });
});

describe("a call that needs openapi-fetch's Request goes through it", () => {
  test("a plain call builds no Request but the one its fetch is given; with middleware, openapi-fetch builds one", async () => {
    let built = 0;
    vi.stubGlobal(
      "Request",
      new Proxy(Request, {
        construct(target, args) {
          built++;
          return Reflect.construct(target, args);
        },
      }),
    );
    try {
      const { fetch } = fakeFetch(json(page([], null)), json(page([], null)));
      const { raw } = withRaw(testClient(fetch));
      await raw.GET(LIST, { params: { path } });
      const plain = built;
      await raw.GET(LIST, { params: { path }, middleware: [untouched] });
      expect([plain, built - plain]).toEqual([1, 2]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test.each([
    ["a body on GET", "GET", { params: { path }, body: { Muted: true } }],
    ["a method fetch forbids", "TRACE", { params: { path } }],
    ["a RequestInit option the Request refuses", "GET", { params: { path }, cache: "only-if-cached" }],
    [
      "a baseUrl with credentials",
      "GET",
      { params: { path }, baseUrl: `https://user:secret@${new URL(SPACE_URL).host}/api/laml/2010-04-01` },
    ],
  ])("%s is refused before anything is sent, and not retried", async (_, method, init) => {
    const { fetch, requests } = fakeFetch();
    const retries: unknown[] = [];
    const { raw } = withRaw(testClient(fetch, { onRetry: (retry) => void retries.push(retry) }));
    const request = raw.request as unknown as AnyRequest;
    await expect(request(method, LIST, init)).rejects.toThrow(TypeError);
    expect([requests, retries]).toEqual([[], []]);
  });

  test("middleware registered with use() and ejected again leaves calls working", async () => {
    const { fetch, requests } = fakeFetch(json(page([], null)));
    const { raw } = withRaw(testClient(fetch));
    raw.use(untouched);
    raw.eject(untouched);
    const { data } = await raw.GET(LIST, { params: { path } });
    expect(data).toEqual(page([], null));
    expect(requests[0]?.headers.get("Authorization")).toMatch(/^Basic /);
  });

  test("the call's bodySerializer", async () => {
    const { fetch, requests } = fakeFetch(json(participant(1)));
    const { raw } = withRaw(testClient(fetch));
    const bodySerializer = (body: Record<string, unknown>) =>
      new URLSearchParams({ Muted: `${body.Muted}`, Source: "own" });
    await raw.POST(ONE, { params: { path: onePath }, body: { Muted: true }, bodySerializer });
    expect(requests[0]?.body).toBe("Muted=true&Source=own");
    expect(requests[0]?.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
  });

  test("the call's own fetch gets a real Request", async () => {
    const { fetch } = fakeFetch();
    const seen: unknown[] = [];
    const own = async (request: Request) => {
      seen.push(request);
      return json(page([], null));
    };
    await withRaw(testClient(fetch)).raw.GET(LIST, { params: { path }, fetch: own });
    expect(seen[0]).toBeInstanceOf(Request);
  });
});
