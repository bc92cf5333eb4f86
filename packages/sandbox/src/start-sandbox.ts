import type { AddressInfo } from "node:net";
import { type BuildOptions, buildSandbox } from "./build-sandbox.js";
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

/** A running sandbox: its URL, its data and its faults. */
export interface Sandbox
  extends Pick<SandboxState, "addAccount" | "addConference" | "addParticipant" | "removeParticipant" | "participants"> {
  /** The origin to point clients at, e.g. `http://127.0.0.1:41234`. */
  url: string;
  faults: SandboxFaults;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Starts a local LaML Participants server, checked against the spec, on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { app, state, faults } = buildSandbox(options);
  await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const { address, port, family } = app.server.address() as AddressInfo;
  const host = family === "IPv6" ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    addAccount: (account) => state.addAccount(account),
    addConference: (projectId, conference) => state.addConference(projectId, conference),
    addParticipant: (projectId, conferenceSid, fields) => state.addParticipant(projectId, conferenceSid, fields),
    removeParticipant: (projectId, conferenceSid, callSid) =>
      state.removeParticipant(projectId, conferenceSid, callSid),
    participants: (projectId, conferenceSid) => state.participants(projectId, conferenceSid),
    faults,
    close: () => app.close(),
  };
}
