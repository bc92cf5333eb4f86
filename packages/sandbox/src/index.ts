export { DEMO } from "./cli/demo.js";
export type { FaultKind, FaultSettings } from "./faults/fault-injector.js";
export type { SandboxExchange } from "./http/create-app.js";
export type { Sandbox, SandboxFaults, SandboxOptions } from "./start-sandbox.js";
export { startSandbox } from "./start-sandbox.js";
export type { SandboxSeed } from "./state/apply-seed.js";
export type { ConferenceOptions, ParticipantFields, SandboxAccount } from "./state/sandbox-state.js";
