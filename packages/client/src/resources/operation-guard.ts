import type { ApiOperationId } from "@laml/types";
import type { ParticipantsOperations } from "./participants/participants-resource.js";

/** Maps every method of `Resource` to the spec operation it sends; a method left out, or an unknown id, fails to compile. */
export type OperationMap<Resource, Map extends { [Method in keyof Resource]: ApiOperationId }> = Map;

/** The operations some resource method sends: one map per resource, added here with the resource. */
type ResourceOperations = ParticipantsOperations[keyof ParticipantsOperations];

/** The operations deliberately left to `withRaw(laml).raw`, each with a comment saying why. None yet. */
export type RawOnlyOperations = never;

/** One message per operation of `All` that is neither sent by a resource method nor listed as raw-only. */
export type UnhandledOperations<
  All extends string,
  Sent extends string,
  RawOnly extends string,
> = `${Exclude<All, Sent | RawOnly>}: no resource method sends this operation; add one (with its OperationMap entry) or list it in RawOnlyOperations (src/resources/operation-guard.ts)`;

/** One message per raw-only operation the spec does not have, or a resource sends after all. */
export type StaleRawOnly<
  All extends string,
  Sent extends string,
  RawOnly extends string,
> = `${Exclude<RawOnly, All> | (RawOnly & Sent)}: listed in RawOnlyOperations but not in the spec or sent by a resource; remove it`;

/** Accepts only `never`, so that whatever is left over shows in the compiler's error. */
type NothingLeft<Messages extends never> = Messages;

/**
 * The guard for adding an operation, like the sandbox's handler map: the typecheck fails, naming
 * the operation, until every operation of the spec is sent by a resource method or listed in
 * `RawOnlyOperations`. Types only: it costs the bundle nothing.
 */
export type OperationGuard = [
  NothingLeft<UnhandledOperations<ApiOperationId, ResourceOperations, RawOnlyOperations>>,
  NothingLeft<StaleRawOnly<ApiOperationId, ResourceOperations, RawOnlyOperations>>,
];
