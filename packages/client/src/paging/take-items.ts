/** The keys of `Page` whose values are arrays: where a page envelope keeps its items. */
export type ItemsKey<Page> = { [Key in keyof Page]-?: Page[Key] extends readonly unknown[] ? Key : never }[keyof Page];

/** The type of one item under `Page[Key]`. */
export type ItemOf<Page, Key extends keyof Page> = Page[Key] extends readonly (infer Item)[] ? Item : never;

/** Yields the items under `key` of each page, at most `limit` in all, asking for no page beyond that. */
export async function* takeItems<Page, Key extends ItemsKey<Page>>(
  pages: AsyncIterable<Page>,
  key: Key,
  limit: number,
): AsyncGenerator<ItemOf<Page, Key>, void, undefined> {
  let left = limit;
  if (left < 1) return;
  for await (const page of pages) {
    for (const item of page[key] as readonly ItemOf<Page, Key>[]) {
      yield item;
      if (--left < 1) return;
    }
  }
}
