export type {
  LamlErrorBody,
  ListParticipantsQuery,
  Participant,
  ParticipantPage,
  ParticipantStatus,
  UpdateParticipantBody,
} from "@laml/types";
export { createLamlClient, type LamlClient } from "./create-laml-client.js";
export { LamlApiError } from "./laml-api-error.js";
export { LamlClientError } from "./laml-client-error.js";
export type { LamlClientOptions } from "./laml-client-options.js";
export type { CallOptions, ListOptions, PagesOptions, ParticipantsResource } from "./participants-resource.js";
