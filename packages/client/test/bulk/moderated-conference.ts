import type { Participant } from "@laml/types";
import { json, lamlError } from "../support/fake-fetch.js";
import { PARTICIPANTS_PATH, page, participant, testClient } from "../support/fixtures.js";

/** An answer given instead of handling the request, or a function deciding it. */
type Scripted = Response | Error | ((request: Request) => Response | undefined | Promise<Response | undefined>);

/**
 * A conference served by the client's fake fetch that lists (filtered by `Muted` and `Hold`, at
 * most `pageSize` a page), updates and removes, counting requests in flight and updates per call.
 * Later pages are found by a cursor naming the page's last participant, as the API's `PageToken`,
 * or with `paging: "offset"` by counting `Page` pages into the filtered list, as a server that
 * skips people when the list changes under it would. `script[callSid]` answers that participant's
 * requests first, one entry per request; `delayMs` is each answer's latency.
 */
export function moderatedConference(
  count: number,
  { pageSize = 1000, delayMs = 1, mutedEvery = 0, paging = "cursor" as "cursor" | "offset" } = {},
) {
  const people = new Map<string, Participant>(
    Array.from({ length: count }, (_, n) => {
      const p = participant(n + 1, { muted: mutedEvery > 0 && n % mutedEvery === 0 });
      return [p.call_sid, p];
    }),
  );
  const state = {
    people,
    script: {} as Record<string, Scripted[]>,
    inFlight: 0,
    maxInFlight: 0,
    requests: [] as { method: string; url: URL; headers: Headers; body: string }[],
    updates: new Map<string, number>(),
  };
  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const body = await request.text();
    state.requests.push({ method: request.method, url, headers: request.headers, body });
    const callSid = url.pathname.match(/\/Participants\/([^/]+)$/)?.[1];
    const scripted = callSid === undefined ? undefined : state.script[callSid]?.shift();
    if (scripted instanceof Error) throw scripted;
    const answer = typeof scripted === "function" ? await scripted(request) : scripted;
    if (answer) return answer;
    if (callSid === undefined) return list(url);
    const found = people.get(callSid);
    if (!found) return lamlError(404, 20404, "The requested resource was not found");
    if (request.method === "DELETE") {
      people.delete(callSid);
      return new Response(null, { status: 204 });
    }
    if (request.method === "POST") {
      state.updates.set(callSid, (state.updates.get(callSid) ?? 0) + 1);
      const form = new URLSearchParams(body);
      const updated = { ...found };
      if (form.has("Muted")) updated.muted = form.get("Muted") === "true";
      if (form.has("Hold")) updated.hold = form.get("Hold") === "true";
      people.set(callSid, updated);
      return json(updated);
    }
    return json(found);
  };
  const list = (url: URL) => {
    const size = Math.min(Number(url.searchParams.get("PageSize") ?? 50), pageSize);
    const token = url.searchParams.get("PageToken");
    const index = Number(url.searchParams.get("Page") ?? 0);
    const all = [...people.values()];
    const after = token ? all.findIndex((p) => p.call_sid === token.slice(2)) + 1 : 0;
    const matching = all.slice(after).filter((p) =>
      (["Muted", "Hold"] as const).every((name) => {
        const value = url.searchParams.get(name);
        return value === null || `${p[name === "Muted" ? "muted" : "hold"]}` === value;
      }),
    );
    const start = paging === "offset" ? index * size : 0;
    const items = matching.slice(start, start + size);
    const last = items[items.length - 1];
    const carried = new URLSearchParams(url.searchParams);
    carried.set("Page", `${index + 1}`);
    if (last && paging === "cursor") carried.set("PageToken", `PA${last.call_sid}`);
    const more = matching.length > start + size;
    return json(page(items, more ? `${PARTICIPANTS_PATH}?${carried}` : null, index));
  };
  const fetch = async (request: Request): Promise<Response> => {
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      request.signal.throwIfAborted();
      const response = await handle(request);
      return Object.defineProperty(response, "url", { value: request.url });
    } finally {
      state.inFlight--;
    }
  };
  return { state, laml: testClient(fetch, { maxRetries: 2 }) };
}
