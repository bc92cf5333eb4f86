import { apiBasePath } from "@laml/spec";
import type { InjectOptions } from "fastify";
import { afterAll, expect } from "vitest";
import { type BuildOptions, buildSandbox } from "../src/build-sandbox.js";
import { contractRecorder } from "./contract.js";

/** The spec's base path; the tests also use the SDKs' `/2010-04-01`. */
export const PREFIX = apiBasePath;

/**
 * A sandbox for `inject` tests with one account and one empty conference. Every response it
 * gives is checked against the spec, and the file fails if one breaks the contract.
 */
export function injectSandbox(options: Omit<BuildOptions, "onResponse"> = {}) {
  const contract = contractRecorder();
  const { app, state, faults } = buildSandbox({ ...options, onResponse: contract.onResponse });
  const account = state.addAccount();
  const conferenceSid = state.addConference(account.projectId);
  afterAll(async () => {
    await app.close();
    expect(contract.violations).toEqual([]);
  });
  const basic = (projectId: string, apiToken: string) =>
    `Basic ${Buffer.from(`${projectId}:${apiToken}`).toString("base64")}`;
  const participantsPath = (conference = conferenceSid, projectId = account.projectId, prefix = PREFIX) =>
    `${prefix}/Accounts/${projectId}/Conferences/${conference}/Participants`;
  return {
    app,
    state,
    faults,
    contract,
    account,
    conferenceSid,
    basic,
    participantsPath,
    /** Sends a request with the account's credentials unless `headers.authorization` says otherwise. */
    async request(options: InjectOptions & { url: string }) {
      const response = await app.inject({
        ...options,
        headers: { authorization: basic(account.projectId, account.apiToken), ...options.headers },
      });
      return {
        status: response.statusCode,
        headers: response.headers,
        body: response.body,
        json: () => response.json(),
      };
    },
    /** Sends an update as the API takes it: a form. */
    update(callSid: string, form: Record<string, string>, path = participantsPath()) {
      return this.request({
        method: "POST",
        url: `${path}/${callSid}.json`,
        payload: new URLSearchParams(form).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    },
  };
}
