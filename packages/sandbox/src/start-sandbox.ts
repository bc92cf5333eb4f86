import type { AddressInfo } from "node:net";
import { type BuildOptions, buildSandbox } from "./build-sandbox.js";
import type { CallbackDelivery } from "./callbacks/callback-dispatcher.js";
import type { CallbackFaultInjector } from "./callbacks/callback-fault-injector.js";
import type { FaultInjector } from "./faults/fault-injector.js";
import type { SandboxState } from "./state/sandbox-state.js";

/** Where to listen, and what to start with. */
export interface SandboxOptions extends BuildOptions {
  /** The port; 0 (the default) picks a free one. */
  port?: number;
  /** The interface; `127.0.0.1` by default. */
  host?: string;
}

/** Turns fault injection on and off while the sandbox runs. */
export type SandboxFaults = Pick<FaultInjector, "set" | "next" | "clear" | "settings" | "injected">;

/** Turns callback faults on and off while the sandbox runs. */
export type SandboxCallbackFaults = Pick<CallbackFaultInjector, "set" | "next" | "clear" | "settings" | "injected">;

/** The status callbacks a sandbox has sent, and their faults. */
export interface SandboxCallbacks {
  /** Every delivery attempt, oldest first (a dropped one too, with `fault: "drop"`). */
  readonly deliveries: readonly CallbackDelivery[];
  faults: SandboxCallbackFaults;
  /** Resolves when every callback queued so far has been delivered or has failed. */
  idle(): Promise<void>;
}

/** A running sandbox: its URL, its data, its callbacks and its faults. */
export interface Sandbox
  extends Pick<
    SandboxState,
    "addAccount" | "addConference" | "addParticipant" | "updateParticipant" | "removeParticipant" | "participants"
  > {
  /** The origin to point clients at, e.g. `http://127.0.0.1:41234`. */
  url: string;
  faults: SandboxFaults;
  callbacks: SandboxCallbacks;
  /** Stops the callbacks (abandoning those in flight), stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Starts a local LaML Participants server, checked against the spec, on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { app, state, faults, callbacks } = buildSandbox(options);
  await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const { address, port, family } = app.server.address() as AddressInfo;
  const host = family === "IPv6" ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    addAccount: (account) => state.addAccount(account),
    addConference: (projectId, conference) => state.addConference(projectId, conference),
    addParticipant: (projectId, conferenceSid, fields) => state.addParticipant(projectId, conferenceSid, fields),
    updateParticipant: (projectId, conferenceSid, callSid, changes) =>
      state.updateParticipant(projectId, conferenceSid, callSid, changes),
    removeParticipant: (projectId, conferenceSid, callSid) =>
      state.removeParticipant(projectId, conferenceSid, callSid),
    participants: (projectId, conferenceSid) => state.participants(projectId, conferenceSid),
    faults,
    callbacks: {
      get deliveries() {
        return callbacks.deliveries;
      },
      faults: callbacks.options.faults,
      idle: () => callbacks.idle(),
    },
    close: async () => {
      await callbacks.close();
      await app.close();
    },
  };
}
