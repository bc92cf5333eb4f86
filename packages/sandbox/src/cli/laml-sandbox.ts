import { readFile } from "node:fs/promises";
import { API_PREFIXES } from "../http/api-routes.js";
import { startSandbox } from "../start-sandbox.js";
import type { SandboxSeed } from "../state/apply-seed.js";
import { DEMO, demoSeed } from "./demo.js";
import { formatBanner } from "./format-banner.js";
import { startLiveDemo } from "./live-demo.js";
import { type CliOptions, parseCliArgs, USAGE } from "./parse-cli-args.js";

// `laml-sandbox`: start a sandbox, print where it is and how to use it, stop cleanly on Ctrl-C.

// When whoever reads our output goes away (`| head`, a closed pipe), keep serving and closing
// cleanly rather than crash on the next log line.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

let options: CliOptions;
try {
  options = parseCliArgs(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`laml-sandbox: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const seeded = options.seedFile ? await readSeed(options.seedFile) : { accounts: [] };
  const seed: SandboxSeed = {
    accounts: [...(options.demo ? demoSeed(Date.now(), options.subscription).accounts : []), ...seeded.accounts],
  };
  const log = options.quiet ? undefined : (line: string) => console.log(line);
  const sandbox = await startSandbox({
    port: options.port,
    host: options.host,
    seed,
    faults: options.faults,
    callbackFaults: options.callbackFaults,
    allowCallbackHosts: options.allowCallbackHosts,
    ...(options.corsOrigin && { corsOrigin: options.corsOrigin }),
    ...(log && { log }),
  });
  // The handlers go in before the banner: whoever reads "Ctrl-C stops" may send SIGINT at once,
  // and a signal that arrives with no handler yet kills the process instead of closing it.
  let stopLive: (() => void) | undefined;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C while closing means "now".
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    stopLive?.();
    sandbox.close().then(
      () => console.log("Sandbox stopped."),
      (error: Error) => {
        console.error(`laml-sandbox: could not close cleanly: ${error.message}`);
        process.exitCode = 1;
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log(
    formatBanner({
      url: sandbox.url,
      prefixes: API_PREFIXES,
      demo: options.demo,
      docsUrl: options.docsUrl,
      seededProjectIds: seeded.accounts.map((a) => a.projectId),
      faultsOn: Object.keys(options.faults).length > 0,
      statusCallback: options.subscription.statusCallback,
      callbackFaultsOn: Object.keys(options.callbackFaults).length > 0,
      liveSeed: options.liveSeed,
    }),
  );
  stopLive =
    options.liveSeed === undefined
      ? undefined
      : startLiveDemo(sandbox, {
          projectId: DEMO.projectId,
          conferenceSid: DEMO.conferenceSid,
          seed: options.liveSeed,
          log: (line) => console.log(line),
        });
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  console.error(
    code === "EADDRINUSE"
      ? `laml-sandbox: port ${options.port} on ${options.host} is in use; pass --port (or set PORT) to use another`
      : `laml-sandbox: ${message}`,
  );
  process.exit(1);
}

async function readSeed(file: string): Promise<SandboxSeed> {
  const text = await readFile(file, "utf8").catch((error: Error) => {
    throw new Error(`cannot read the seed file ${file}: ${error.message}`);
  });
  try {
    return JSON.parse(text) as SandboxSeed;
  } catch (error) {
    throw new Error(`the seed file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}
