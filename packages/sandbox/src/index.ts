export type { CallbackDelivery } from "./callbacks/callback-dispatcher.js";
export type { CallbackFaultKind, CallbackFaultSettings } from "./callbacks/callback-fault-injector.js";
export type { StatusCallbackOptions } from "./callbacks/parse-subscription.js";
export { DEMO } from "./cli/demo.js";
export type { FaultKind, FaultSettings } from "./faults/fault-injector.js";
export type { SandboxExchange } from "./http/create-app.js";
export type {
  Sandbox,
  SandboxCallbackFaults,
  SandboxCallbacks,
  SandboxFaults,
  SandboxOptions,
} from "./start-sandbox.js";
export { startSandbox } from "./start-sandbox.js";
export type { SandboxSeed } from "./state/apply-seed.js";
export type {
  ConferenceOptions,
  ParticipantChanges,
  ParticipantFields,
  SandboxAccount,
} from "./state/sandbox-state.js";
