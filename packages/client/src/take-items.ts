import type { Participant, ParticipantPage } from "@laml/types";

/** Yields the participants of each page, at most `limit` in all, asking for no page beyond that. */
export async function* takeItems(
  pages: AsyncIterable<ParticipantPage>,
  limit: number,
): AsyncGenerator<Participant, void, undefined> {
  let left = limit;
  if (left < 1) return;
  for await (const page of pages) {
    for (const participant of page.participants) {
      yield participant;
      if (--left < 1) return;
    }
  }
}
