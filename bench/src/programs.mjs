// The programs compared, each a small module in src/programs/ that lists participants the way a
// user of that library would. The same files are bundled for the size figures and run for the
// timings, so the bytes measured are the code timed.

/**
 * @typedef {object} Program
 * @property {string} label How the results table names it.
 * @property {URL} file Its module, in src/programs/.
 * @property {string | null} packageName The library it measures; null for the raw-fetch baseline.
 */

/** @satisfies {Record<string, Program>} */
export const programs = {
  "raw-fetch": {
    label: "raw fetch + JSON.parse",
    file: new URL("./programs/raw-fetch.mjs", import.meta.url),
    packageName: null,
  },
  "openapi-fetch": {
    label: "openapi-fetch",
    file: new URL("./programs/openapi-fetch.mjs", import.meta.url),
    packageName: "openapi-fetch",
  },
  "laml-client": {
    label: "@laml/client",
    file: new URL("./programs/laml-client.mjs", import.meta.url),
    packageName: "@laml/client",
  },
  twilio: {
    label: "twilio-node",
    file: new URL("./programs/twilio.mjs", import.meta.url),
    packageName: "twilio",
  },
};
