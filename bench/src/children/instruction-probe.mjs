// Makes `calls` list calls of one program's operation against answers from memory
// (memory-dispatcher.mjs), for `count-instructions.mjs` to count under valgrind. It prints how
// many requests fetch dispatched, so that a program whose requests did not go through fetch, or
// an operation that read the wrong page, fails instead of counting nothing.
import { randomUUID } from "node:crypto";
import { answerFromMemory } from "../memory-dispatcher.mjs";
import { participantPage } from "../participant-page.mjs";
import { programs } from "../programs.mjs";
import { specFacts } from "../spec-facts.mjs";

/** @import { Connection, Program } from "../program.js" */

const [name = "", operation = "", callsArgument = ""] = process.argv.slice(2);
const calls = Number(callsArgument);
const pageSize = specFacts.defaultPageSize;
const program = /** @type {Record<string, { file: URL }>} */ (programs)[name];
if (!program || !Number.isInteger(calls) || calls < 1) {
  throw new Error(`Usage: instruction-probe.mjs <${Object.keys(programs).join("|")}> <operation> <calls>`);
}

// A loopback port nothing listens on (and not one fetch blocks): a request that escaped the
// dispatcher fails at once, and none leaves the machine.
/** @type {Connection} */
const connection = {
  origin: "http://127.0.0.1:2",
  apiBaseUrl: `http://127.0.0.1:2${specFacts.basePath}`,
  accountSid: randomUUID(),
  apiToken: "PTinstructions-only-not-a-secret",
};
const conferenceSid = randomUUID();
const page = participantPage({
  collectionPath: `${specFacts.basePath}/Accounts/${connection.accountSid}/Conferences/${conferenceSid}/Participants`,
  accountSid: connection.accountSid,
  conferenceSid,
  total: pageSize,
  pageSize,
  page: 0,
});
const { dispatched } = answerFromMemory(Buffer.from(JSON.stringify(page)));

const module = /** @type {Program & Record<string, unknown>} */ (await import(program.file.href));
const list = /** @type {import("../program.js").ListPage<unknown> | undefined} */ (module[operation]);
if (typeof list !== "function") throw new Error(`${name} has no operation ${operation}.`);
const client = module.connect(connection);
for (let call = 0; call < calls; call++) {
  const participants = await list(client, conferenceSid, pageSize);
  if (participants.length !== pageSize)
    throw new Error(`${name} ${operation} read ${participants.length} participants, not ${pageSize}.`);
}
console.log(JSON.stringify({ dispatched: dispatched() }));
