import type { FastifyInstance } from "fastify";
import { createAjv } from "./create-ajv.js";
import { FaultInjector, type FaultSettings } from "./faults/fault-injector.js";
import { apiPrefixes } from "./http/api-prefixes.js";
import { createApp, type SandboxExchange } from "./http/create-app.js";
import { loadSpec } from "./load-spec.js";
import { readOperations } from "./spec-operations.js";
import { applySeed, type SandboxSeed } from "./state/apply-seed.js";
import { SandboxState } from "./state/sandbox-state.js";

/** What a sandbox starts with and how it reports. */
export interface BuildOptions {
  /** Accounts, conferences and participants to start with. */
  seed?: SandboxSeed;
  /** Faults to inject from the start (none by default). */
  faults?: FaultSettings;
  /** The time, in ms since the epoch, for `date_created` and `date_updated` (default `Date.now`). */
  clock?: () => number;
  /** Called with every response the sandbox gives. */
  onResponse?: (exchange: SandboxExchange) => void;
  /** Called with one line per request. */
  log?: (line: string) => void;
}

/** The parts of a sandbox before it listens: the HTTP app, its state and its faults. */
export interface BuiltSandbox {
  app: FastifyInstance;
  state: SandboxState;
  faults: FaultInjector;
}

/** Reads the spec and wires the state, the fault injector and the HTTP app together. */
export function buildSandbox(options: BuildOptions = {}): BuiltSandbox {
  const spec = loadSpec();
  const ajv = createAjv();
  const prefixes = apiPrefixes(spec);
  const state = new SandboxState(spec, ajv, prefixes, options.clock ?? Date.now);
  if (options.seed) applySeed(state, options.seed, spec, ajv);
  const faults = new FaultInjector(options.faults);
  const app = createApp({
    operations: readOperations(spec),
    prefixes,
    state,
    faults,
    ajv,
    ...(options.onResponse && { onResponse: options.onResponse }),
    ...(options.log && { log: options.log }),
  });
  return { app, state, faults };
}
