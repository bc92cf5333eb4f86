import { JSON_SUFFIX, participantsUri } from "../operations/participants-uri.js";
import { DEMO, DEMO_PAGE_SIZE, DEMO_PARTICIPANTS } from "./demo.js";

/** What the start-up banner shows. */
export interface BannerFacts {
  url: string;
  prefixes: readonly string[];
  demo: boolean;
  /** Where the docs are served, if they are. */
  docsUrl: string | undefined;
  /** Project IDs of the accounts loaded from a seed file (their tokens are not printed). */
  seededProjectIds: string[];
  faultsOn: boolean;
  /** Where the demo conference's callbacks go, if anywhere. */
  statusCallback: string | undefined;
  callbackFaultsOn: boolean;
  /** The seed of `--live`, when the demo conference moves on its own. */
  liveSeed: number | undefined;
}

/**
 * The text `laml-sandbox` prints when it is ready: where it listens, the demo credentials (which
 * are public) and a snippet to paste. Tokens from a seed file are never printed.
 */
export function formatBanner(facts: BannerFacts): string {
  const { url, prefixes, demo, docsUrl, seededProjectIds, faultsOn, statusCallback, callbackFaultsOn, liveSeed } =
    facts;
  const lines = [
    `LaML sandbox listening on ${url}`,
    `  API   ${url}${prefixes[0]} (also under ${prefixes.slice(1).join(", ")})`,
  ];
  if (docsUrl) lines.push(`  Docs  ${docsUrl}`);
  for (const projectId of seededProjectIds) lines.push(`  Seeded account ${projectId}`);
  if (demo) {
    lines.push(
      "",
      "Demo credentials (public, for this local sandbox only):",
      `  Project ID  ${DEMO.projectId}`,
      `  API token   ${DEMO.apiToken}`,
      `  Signing key ${DEMO.signingKey} (verifies the status callbacks)`,
      `  Conference  ${DEMO.conferenceSid} (${DEMO_PARTICIPANTS} participants)`,
      "",
      "List the participants with @laml/client, from a project that has it (npm install @laml/client):",
      "",
      `  export SIGNALWIRE_SPACE_URL=${url}`,
      `  export SIGNALWIRE_PROJECT_ID=${DEMO.projectId}`,
      `  export SIGNALWIRE_API_TOKEN=${DEMO.apiToken}`,
      `  node --input-type=module -e '`,
      `    import { createLamlClient } from "@laml/client";`,
      `    const laml = createLamlClient();`,
      `    for await (const p of laml.participants.list("${DEMO.conferenceSid}"))`,
      `      console.log(p.call_sid, p.muted ? "muted" : "", p.hold ? "on hold" : "");`,
      `  '`,
      "",
      "or with curl:",
      "",
      `  curl -u "$SIGNALWIRE_PROJECT_ID:$SIGNALWIRE_API_TOKEN" \\`,
      `    "$SIGNALWIRE_SPACE_URL${participantsUri(prefixes[0] ?? "", "$SIGNALWIRE_PROJECT_ID", DEMO.conferenceSid)}${JSON_SUFFIX}?PageSize=${DEMO_PAGE_SIZE}"`,
    );
  }
  if (statusCallback) lines.push("", `Status callbacks of the demo conference go to ${statusCallback}`);
  if (liveSeed !== undefined) {
    lines.push("", `Live: the demo conference moves on its own (seed ${liveSeed}; --live-seed <n> for others)`);
  }
  lines.push(
    "",
    `Fault injection is ${faultsOn ? "ON" : "off"}, callback faults ${callbackFaultsOn ? "ON" : "off"} (see @laml/sandbox's README). Ctrl-C stops.`,
  );
  return lines.join("\n");
}
