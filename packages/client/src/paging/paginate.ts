import type { components } from "@laml/types";
import { LamlClientError } from "../errors/laml-client-error.js";

/** What paging needs of a page envelope: the spec's `next_page_uri`, a URI or null on the last page. */
export type PageEnvelope = Pick<components["schemas"]["ParticipantPage"], "next_page_uri">;

/**
 * Yields the page at `first`, then follows each `next_page_uri` verbatim (it carries the filters
 * and the cursor) until it is null. A page is requested only when the consumer asks for it, so
 * memory stays flat; an async generator queues concurrent `next()` calls, so none skips or
 * repeats a page.
 */
export async function* paginate<Page extends PageEnvelope>(
  getPage: (url: string) => Promise<Page>,
  first: string,
  origin: string,
): AsyncGenerator<Page, void, undefined> {
  let page = await getPage(first);
  let previous: string | undefined;
  for (;;) {
    yield page;
    const uri = page.next_page_uri;
    if (!uri) return;
    // A server that hands out the same cursor again would keep the loop going forever.
    if (uri === previous) throw new LamlClientError(`The API repeated next_page_uri ${uri}`);
    previous = uri;
    // The API's URIs are absolute paths, starting with the API's base path: resolved against the
    // origin, not the API root, that path is not doubled.
    page = await getPage(new URL(uri, origin).href);
  }
}
