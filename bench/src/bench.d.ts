// The shapes shared by the benchmarks, the runner and the smoke test.

/** How big each benchmark is; `pnpm bench` uses full sizes, the smoke test tiny ones. */
export interface BenchOptions {
  /** Timed rounds of each timing; the median is quoted. */
  rounds: number;
  /** Per-call benchmark: sequential list calls per round. */
  calls: number;
  /**
   * Per-call and paging benchmarks: list requests each fresh process sends before it is timed.
   * CPU per call keeps falling over the first few thousand requests, as V8 compiles Node's fetch
   * and the client in tiers; timed earlier, a row measures the compiling as much as the calls.
   */
  warmUpCalls: number;
  /**
   * Instruction count: the calls counted per case, as the difference between a run of
   * `warmUpCalls` and one of as many more, so that start-up and the compiling cancel out.
   */
  instructionCalls: number;
  /** Participants per page everywhere (the API's default, 50). */
  pageSize: number;
  /** Paging benchmark: participants listed per round. */
  pagingParticipants: number;
  /** Mute everyone: the unmuted participants muted per round. */
  muteParticipants: number;
  /** Memory benchmark: the small and the large listing whose peaks are compared. */
  memorySmall: number;
  memoryLarge: number;
  /** Sandbox benchmark: how long each server is loaded per round, and with how many requests in flight. */
  sandboxMs: number;
  concurrency: number;
  /** List everyone: participants of the conference listed in full. */
  everyone: number;
  /** List everyone and connections: the sandbox's latency before it answers each request, in ms. */
  latencyMs: number;
  /** Connections: sequential calls whose sockets are counted. */
  sequentialCalls: number;
  /** Build loop: rounds of cold build, no-op build and spec edit (each round takes a full build). */
  buildRounds: number;
  /** Build loop: build only this package and what it depends on (the smoke test's shortcut); all when absent. */
  buildFilter?: string;
  /** Progress lines go here (stderr in `pnpm bench`). */
  log: (line: string) => void;
}

/** One line of the results table. */
export interface Row {
  /** The benchmark, e.g. "Per list call". */
  benchmark: string;
  /** What was measured, e.g. "@laml/client `laml.raw.GET`". */
  subject: string;
  /** The figure as people read it: a number with its unit and what it counts ("… µs per call"). */
  figure: string;
  /** The figure as a number (bytes, ms, requests/s…); null when it could not be measured. */
  value: number | null;
  /** Relative to the benchmark's baseline in the same run, e.g. "1.04× raw fetch". */
  ratio: string;
  /** The target, when there is one. */
  target: string;
  /** Whether the target holds; null without a target or without a figure. */
  holds: boolean | null;
  /** Why there is no figure, when `value` is null. */
  failure?: string;
}

/** What a program worker answers for one timed operation (src/children/program-worker.mjs). */
export interface WorkerTiming {
  /** Elapsed and CPU time of the timed loop, in milliseconds. */
  ms: number;
  cpuMs: number;
  /** Garbage collections during the timed loop. */
  scavenges: number;
  fullGcs: number;
  /** Participants read, to check the operation did all its work. */
  participants: number;
}
