export type { SandboxSeed } from "./apply-seed.js";
export { DEMO } from "./demo.js";
export type { FaultKind, FaultSettings } from "./fault-injector.js";
export type { SandboxExchange } from "./sandbox-exchange.js";
export type { ConferenceOptions, ParticipantFields, SandboxAccount } from "./sandbox-state.js";
export type { Sandbox, SandboxFaults, SandboxOptions } from "./start-sandbox.js";
export { startSandbox } from "./start-sandbox.js";
