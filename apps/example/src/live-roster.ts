#!/usr/bin/env node
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { createLamlClient, LamlApiError } from "@laml/client";
import { createRoster } from "@laml/client/roster";
import { formatFlags, formatRosterChange } from "./format-roster-change.js";
import { serveConferenceEvents } from "./serve-conference-events.js";

// Follows a conference live: serves its status callbacks on 127.0.0.1, verifies and parses each,
// feeds it to a roster and prints every change; a line on stdin (Enter) re-lists it at once.
// Configured as a real deployment would be: SIGNALWIRE_SPACE_URL, SIGNALWIRE_PROJECT_ID,
// SIGNALWIRE_API_TOKEN, and SIGNALWIRE_SIGNING_KEY (the name SignalWire's TypeScript SDK reads).

const USAGE = `Usage: node dist/live-roster.js [ConferenceSid]
  ConferenceSid       the conference to follow (default: $CONFERENCE_SID)
  PORT                where to serve callbacks on 127.0.0.1 (default 3000; 0 picks a free one)
  RECONCILE_EVERY_MS  how often to re-list the conference (default 30000; 0 only on Enter)
Reads SIGNALWIRE_SPACE_URL, SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN and SIGNALWIRE_SIGNING_KEY.`;

/** Reads a whole number from the environment, or exits with the usage when it is not one. */
function readWholeNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  if (!/^\d+$/.test(text)) {
    console.error(`${name} must be a whole number, not ${JSON.stringify(text)}.\n\n${USAGE}`);
    process.exit(2);
  }
  return Number(text);
}

const [conferenceSid = process.env.CONFERENCE_SID] = process.argv.slice(2);
const signingKey = process.env.SIGNALWIRE_SIGNING_KEY;
if (!conferenceSid || !signingKey) {
  console.error(
    conferenceSid
      ? `Set SIGNALWIRE_SIGNING_KEY to your project's Signing Key (API Credentials page of your Space), to verify callbacks.\n\n${USAGE}`
      : `Which conference? Pass its SID or set CONFERENCE_SID.\n\n${USAGE}`,
  );
  process.exit(2);
}
const port = readWholeNumber("PORT", 3000);
const reconcileEveryMs = readWholeNumber("RECONCILE_EVERY_MS", 30_000);

try {
  const roster = await createRoster(createLamlClient(), conferenceSid, { reconcileEveryMs });
  roster.addEventListener("change", ({ detail }) => {
    for (const line of formatRosterChange(detail)) console.log(line);
  });
  roster.addEventListener("error", ({ detail }) => console.error(`Roster: ${String(detail)}`));

  const server = serveConferenceEvents(signingKey, (event) => roster.apply(event));
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const { port: listening } = server.address() as AddressInfo;

  // Before the first line: a signal that comes with no handler yet kills instead of stopping.
  const stop = () => {
    roster.close();
    server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop).once("SIGTERM", stop);

  const participants = roster.snapshot();
  for (const p of participants) console.log(`present ${p.call_sid} ${formatFlags(p)}`);
  console.log(
    `Following ${conferenceSid}: ${participants.length} participants. ` +
      `Callbacks to http://127.0.0.1:${listening}/conference-events; Enter re-lists.`,
  );

  createInterface({ input: process.stdin }).on("line", async () => {
    try {
      await roster.reconcile();
      const now = roster.snapshot();
      const muted = now.filter((p) => p.muted).length;
      const held = now.filter((p) => p.hold).length;
      console.log(`Reconciled: ${now.length} participants, ${muted} muted, ${held} on hold`);
    } catch (error) {
      console.error(`Could not re-list: ${String(error)}`);
    }
  });
} catch (error) {
  // The client's messages say what failed and what to check; they never hold the token.
  console.error(error instanceof LamlApiError ? `The API refused: ${error.message}` : String(error));
  process.exitCode = 1;
}
