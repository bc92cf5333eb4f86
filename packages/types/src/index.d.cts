// The public names of @laml/types. Every type here is derived from the generated schema
// (../generated/schema.d.ts); nothing is written by hand, so a spec change flows through on the
// next `pnpm build`.
import type { components, operations, paths, webhooks } from "../generated/schema.js";

export type { components, operations, paths, webhooks };

/** One call connected to a conference, as the API returns it. */
export type Participant = components["schemas"]["Participant"];

/** One page of participants with the URIs of the pages around it. */
export type ParticipantPage = components["schemas"]["ParticipantPage"];

/** A participant's state: known values are documented, unknown ones are allowed. */
export type ParticipantStatus = components["schemas"]["ParticipantStatus"];

/** The LaML error body: `{ code, message, more_info, status }`. */
export type LamlErrorBody = components["schemas"]["LamlError"];

/** The query string of `listParticipants`: filters and paging. */
export type ListParticipantsQuery = NonNullable<operations["listParticipants"]["parameters"]["query"]>;

/** The form fields of `updateParticipant`. */
export type UpdateParticipantBody = NonNullable<
  operations["updateParticipant"]["requestBody"]
>["content"]["application/x-www-form-urlencoded"];

/** The path of the participants collection (list). */
export type ParticipantsPath = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants" & keyof paths;

/** The path of one participant (get, update, delete). */
export type ParticipantPath = `${ParticipantsPath}/{CallSid}` & keyof paths;

/** The form fields SignalWire posts to a conference's `statusCallback` URL, decoded (booleans and integers typed). */
export type ConferenceStatusCallback = components["schemas"]["ConferenceStatusCallback"];

/** A conference status callback's `StatusCallbackEvent`: known values are documented, unknown ones are allowed. */
export type ConferenceEventName = components["schemas"]["ConferenceEventName"];

/** The methods a path item can hold an operation under. */
type PathItemMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** The operations of the spec's webhooks: requests SignalWire sends to an app. */
type WebhookOperation = NonNullable<webhooks[keyof webhooks][PathItemMethod]>;

/**
 * The `operationId`s of the API's own operations, those of the spec's paths: openapi-typescript
 * puts the webhooks' operations into `operations` too, but no client sends them and no server of
 * the API answers them.
 */
export type ApiOperationId = {
  [Id in keyof operations]: operations[Id] extends WebhookOperation ? never : Id;
}[keyof operations];
