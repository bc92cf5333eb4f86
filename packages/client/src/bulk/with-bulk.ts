import type { UpdateParticipantBody } from "@laml/types";
import type { LamlClient } from "../create-laml-client.js";
import type { RequestOptions } from "../options/request-options.js";
import type { ParticipantsResource } from "../resources/participants/participants-resource.js";
import type { BulkOptions, RemoveAllReport, UpdateAllReport } from "./bulk-options.js";
import { removeAll } from "./remove-all.js";
import { updateAll } from "./update-all.js";

/** `laml.participants` with the bulk methods. */
export interface BulkParticipantsResource extends ParticipantsResource {
  /** `updateAll(laml.participants, conferenceSid, body, options)`. */
  updateAll(conferenceSid: string, body: UpdateParticipantBody, options?: BulkOptions): Promise<UpdateAllReport>;
  /** `removeAll(laml.participants, conferenceSid, options)`. */
  removeAll(conferenceSid: string, options?: BulkOptions): Promise<RemoveAllReport>;
}

/**
 * `Client` whose `participants` have `updateAll` and `removeAll`, and whose `withOptions()` keeps
 * them. Generic over the client so that it composes with `withRaw()` in either order.
 */
export type WithBulk<Client extends LamlClient> = Omit<Client, "participants" | "withOptions"> & {
  readonly participants: BulkParticipantsResource;
  withOptions(options: RequestOptions): WithBulk<Client>;
};

/** `createLamlClient()` with the bulk methods. */
export type BulkLamlClient = WithBulk<LamlClient>;

/**
 * The same client with `laml.participants.updateAll()` and `.removeAll()`. The methods live in
 * this entry, not in the core, so that programs that do not use them do not bundle them.
 */
export function withBulk<Client extends LamlClient>(laml: Client): WithBulk<Client> {
  const { participants } = laml;
  return {
    ...laml,
    participants: {
      ...participants,
      updateAll: (conferenceSid, body, options) => updateAll(participants, conferenceSid, body, options),
      removeAll: (conferenceSid, options) => removeAll(participants, conferenceSid, options),
    },
    // `laml.withOptions()` returns the same kind of client as `laml` (a plain, raw or bulk one),
    // which its declared `LamlClient` cannot say.
    withOptions: (options) => withBulk(laml.withOptions(options) as Client),
  };
}
