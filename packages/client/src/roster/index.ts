export { createRoster } from "./create-roster.js";
export type {
  ParticipantChange,
  Roster,
  RosterChange,
  RosterChangeReason,
  RosterEventMap,
  RosterOptions,
} from "./roster.js";
