/**
 * @laml/client's entry points (`@laml/client`, `@laml/client/roster`, `@laml/client/webhooks`,
 * `@laml/client/bulk`)
 * by their name in dist/, as its tsup config builds them.
 */
export const CLIENT_ENTRIES = ["index", "roster", "webhooks", "bulk"];
