import { readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The constants replaced at build time in src/ (declared in src/build-constants.d.ts). */
export const define = { __LAML_CLIENT_VERSION__: JSON.stringify(version) };
