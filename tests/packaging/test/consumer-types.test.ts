import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { CLIENT_ENTRIES } from "./support/client-entries.js";
import { typeCheck } from "./support/type-check.js";

// TypeScript users of the installed tarballs, ESM and CommonJS, under every moduleResolution,
// with strict settings and skipLibCheck off, so the packages' own declarations are checked too
// (a CommonJS consumer of ESM-only declarations failed there with TS1479).
const { consumer } = inject("packaging");
const project = join(consumer, "types-consumers");

const STRICT = {
  target: "ES2022",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  skipLibCheck: false,
  // TypeScript's own lib files need no check here, and checking lib.dom.d.ts costs seconds a run.
  skipDefaultLibCheck: true,
  noEmit: true,
};

const ESM = `import { createLamlClient, LamlApiError, type Participant, withRaw } from "@laml/client";
import { type UpdateAllReport, updateAll, withBulk } from "@laml/client/bulk";
import { createRoster, type Roster } from "@laml/client/roster";
import { type ConferenceEvent, parseConferenceEvent } from "@laml/client/webhooks";
import type { ListParticipantsQuery, ParticipantPage, UpdateParticipantBody } from "@laml/types";
const laml = createLamlClient({ spaceUrl: "example.signalwire.com" });
const filters: ListParticipantsQuery = { Muted: true };
export async function mutedSids(conferenceSid: string): Promise<string[]> {
  const sids: string[] = [];
  for await (const participant of laml.participants.list(conferenceSid, { ...filters, limit: 10 })) {
    const typed: Participant = participant;
    sids.push(typed.call_sid);
  }
  return sids;
}
export const firstPage = async (c: string): Promise<ParticipantPage | undefined> => {
  for await (const page of laml.participants.pages(c)) return page;
  return undefined;
};
const unmuted: UpdateParticipantBody = { Muted: false };
export const unmute = (c: string, s: string): Promise<Participant> => laml.participants.update(c, s, unmuted);
export const isGone = (error: unknown) => error instanceof LamlApiError && error.status === 404;
// @ts-expect-error Beep is not a field of the API
laml.participants.update("c", "s", { Beep: true });
export const watch = (c: string): Promise<Roster> => createRoster(laml, c, { reconcileEveryMs: 60_000 });
export const muteAll = (c: string): Promise<UpdateAllReport> =>
  updateAll(laml.participants, c, { Muted: true }, { where: { Muted: false }, concurrency: 4 });
export const removeAllBut = (c: string, keep: string) => withBulk(laml).participants.removeAll(c, { except: [keep] });
const both = withBulk(withRaw(laml)).withOptions({ maxRetries: 1 });
export const rawPage = (c: string) =>
  both.raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
    params: { path: { AccountSid: both.accountSid, ConferenceSid: c } },
  });
export const muteRest = (c: string) => both.participants.updateAll(c, { Muted: true });
// @ts-expect-error raw is opt-in: createLamlClient's client has none
laml.raw;
// @ts-expect-error PageSize is no filter: the bulk call pages itself
updateAll(laml.participants, "c", { Muted: true }, { where: { PageSize: 5 } });
export async function mutedNow(request: Request): Promise<boolean | undefined> {
  const event: ConferenceEvent = await parseConferenceEvent(request, { signingKey: "k" });
  const muted: boolean | undefined = event.Muted;
  // @ts-expect-error Muted is a boolean, not the wire's text
  const text: string | undefined = event.Muted;
  return text === undefined ? muted : muted;
}
`;

const CJS = `import client = require("@laml/client");
import type types = require("@laml/types");
import roster = require("@laml/client/roster");
import webhooks = require("@laml/client/webhooks");
import bulk = require("@laml/client/bulk");
const laml = client.withRaw(client.createLamlClient({}));
const participant: Promise<types.Participant> = laml.participants.get("c", "s");
const page = laml.raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
  params: { path: { AccountSid: laml.accountSid, ConferenceSid: "c" }, query: { Hold: true } },
});
const isGone = (error: unknown) => error instanceof client.LamlApiError && error.status === 404;
// @ts-expect-error Muted is a boolean, not a string
const wrong: types.UpdateParticipantBody = { Muted: "yes" };
const watch = (c: string): Promise<roster.Roster> => roster.createRoster(laml, c);
const muteAll = (c: string): Promise<bulk.UpdateAllReport> => bulk.updateAll(laml.participants, c, { Muted: true });
async function mutedNow(request: Request): Promise<boolean | undefined> {
  const event: webhooks.ConferenceEvent = await webhooks.parseConferenceEvent(request, { signingKey: "k" });
  // @ts-expect-error Muted is a boolean, not the wire's text
  const text: string | undefined = event.Muted;
  return text === undefined ? event.Muted : undefined;
}
export = { participant, page, isGone, wrong, watch, muteAll, mutedNow };
`;

/** Which of @laml/client's declarations each kind of consumer must be resolved to, for every entry. */
const CLIENT_ESM = ".d.ts";
const CLIENT_CJS = ".d.cts";

const MATRIX = [
  // node10 reads the top-level "types" fields and "typesVersions" (the subpaths) and knows no conditions.
  { resolution: "node10", style: "esm", module: "ES2022", file: ESM, client: CLIENT_ESM },
  { resolution: "node10", style: "cjs", module: "CommonJS", file: CJS, client: CLIENT_ESM },
  { resolution: "node16", style: "esm", module: "Node16", file: ESM, client: CLIENT_ESM },
  { resolution: "node16", style: "cjs", module: "Node16", file: CJS, client: CLIENT_CJS },
  { resolution: "nodenext", style: "esm", module: "NodeNext", file: ESM, client: CLIENT_ESM },
  { resolution: "nodenext", style: "cjs", module: "NodeNext", file: CJS, client: CLIENT_CJS },
  { resolution: "bundler", style: "esm", module: "ESNext", file: ESM, client: CLIENT_ESM },
  // `module: preserve` keeps `import = require`, which a bundler resolves with "require".
  { resolution: "bundler", style: "cjs", module: "Preserve", file: CJS, client: CLIENT_CJS },
] as const;

beforeAll(() => {
  mkdirSync(project);
  writeFileSync(join(project, "consumer.mts"), ESM);
  writeFileSync(join(project, "consumer.cts"), CJS);
});

describe.each(MATRIX)(
  "a $style consumer under moduleResolution $resolution",
  ({ resolution, style, module, file, client }) => {
    test("type-checks, with its mistakes caught, against the right declarations", () => {
      const name = `tsconfig.${resolution}-${style}.json`;
      const source = file === ESM ? "consumer.mts" : "consumer.cts";
      writeFileSync(
        join(project, name),
        JSON.stringify({ compilerOptions: { ...STRICT, module, moduleResolution: resolution }, files: [source] }),
      );
      const { files, errors } = typeCheck(join(project, name));
      expect(errors).toBe("");
      for (const entry of CLIENT_ENTRIES)
        expect(files).toContain(join(consumer, "node_modules/@laml/client/dist", `${entry}${client}`));
      // An ESM importer that knows conditions gets the ESM entry, which re-exports the CommonJS one.
      const typesEntries =
        style === "esm" && resolution !== "node10" ? ["index.d.mts", "index.d.cts"] : ["index.d.cts"];
      for (const entry of typesEntries) expect(files).toContain(join(consumer, "node_modules/@laml/types/src", entry));
    });
  },
);
