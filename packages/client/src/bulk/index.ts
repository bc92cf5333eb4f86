export type { BulkFailure, BulkOptions, ParticipantFilters, RemoveAllReport, UpdateAllReport } from "./bulk-options.js";
export { removeAll } from "./remove-all.js";
export { updateAll } from "./update-all.js";
export { type BulkLamlClient, type BulkParticipantsResource, type WithBulk, withBulk } from "./with-bulk.js";
