/** One request as the fake server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** What the fake answers, in order: a response, an error to throw, or a function of the request. */
export type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/**
 * A `fetch` that records each request and answers from a script, one answer per request, like
 * openapi-fetch's own tests inject `fetch` instead of patching globals.
 */
export function fakeFetch(...script: Answer[]) {
  const requests: SeenRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
    });
    const answer = script.shift();
    if (answer === undefined) throw new Error(`fake fetch: nothing scripted for ${request.method} ${request.url}`);
    if (answer instanceof Error) throw answer;
    const response = typeof answer === "function" ? await answer(request) : answer;
    // A real fetch's response knows its URL; a constructed one does not.
    return response.url ? response : Object.defineProperty(response, "url", { value: request.url });
  };
  return { fetch, requests };
}

/** An answer that never comes, rejecting like a real fetch when the request's signal aborts. */
export const hang: Answer = (request) =>
  new Promise((_, reject) => {
    request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
  });

/** A JSON response. */
export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers },
  });
}

/** A LaML error response with the documented body. */
export function lamlError(status: number, code: number | string, message: string, headers: HeadersInit = {}) {
  return json(
    { code, message, more_info: "https://signalwire.com/docs/compatibility-api/rest/error-codes", status },
    { status, headers },
  );
}

/** What undici throws when a connection is refused or dropped. */
export function networkError(): TypeError {
  return new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:443") });
}
