export type {
  LamlErrorBody,
  ListParticipantsQuery,
  Participant,
  ParticipantPage,
  ParticipantStatus,
  UpdateParticipantBody,
} from "@laml/types";
export { createLamlClient, type LamlClient } from "./create-laml-client.js";
export { createLamlCore, type LamlCore } from "./create-laml-core.js";
export { LamlApiError } from "./errors/laml-api-error.js";
export { LamlClientError } from "./errors/laml-client-error.js";
export type { LamlFetch, LamlRequestInit } from "./fetch/create-laml-fetch.js";
export type {
  LamlHooks,
  LamlLogger,
  LogLevel,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from "./observe/hooks.js";
export type { LamlClientOptions } from "./options/laml-client-options.js";
export type { RequestOptions } from "./options/request-options.js";
export { createParticipants } from "./resources/participants/create-participants.js";
export type {
  CallOptions,
  LamlPromise,
  ListOptions,
  PagesOptions,
  ParticipantsResource,
  ResumeOptions,
} from "./resources/participants/participants-resource.js";
export { createRawClient } from "./resources/raw/create-raw-client.js";
export { type RawLamlClient, type WithRaw, withRaw } from "./resources/raw/with-raw.js";
