import { createAjv } from "@laml/spec";
import { describeValidationErrors } from "../describe-validation-errors.js";
import { mulberry32 } from "./mulberry32.js";

/** The settings every kind of fault injection shares. */
export interface PickerSettings<Kind extends string> {
  /** The share of cases, from 0 to 1, that get each fault; at most 1 in all. */
  share?: Partial<Record<Kind, number>>;
  /** Faults for the next cases, one each, in order, before `share` applies again. */
  next?: Kind[];
  /** Makes the `share` draws repeatable. */
  seed?: number;
}

/** The JSON Schema properties of `PickerSettings`, for a settings schema to spread. */
export function pickerSchemaProperties(kinds: readonly string[]) {
  return {
    share: {
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(kinds.map((k) => [k, { type: "number", minimum: 0, maximum: 1 }])),
    },
    next: { type: "array", items: { enum: kinds }, maxItems: 10_000 },
    seed: { type: "integer" },
  };
}

/**
 * Picks which cases (requests, callbacks) get which fault: queued faults first, then one draw
 * per case against the shares, seeded when asked. Settings are checked against a JSON Schema
 * and can be replaced at any time; the counts of faults picked carry on.
 */
export class FaultPicker<Kind extends string, Settings extends PickerSettings<Kind>> {
  #settings = {} as Settings;
  #queue: Kind[] = [];
  #random: () => number = Math.random;
  readonly #injected: Record<Kind, number>;
  readonly #validate: ReturnType<ReturnType<typeof createAjv>["compile"]>;

  constructor(
    readonly kinds: readonly Kind[],
    readonly schema: { properties: Record<string, unknown> },
    /** What a setting is called in errors, e.g. "fault setting". */
    readonly noun: string,
    settings: Settings,
  ) {
    this.#injected = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>;
    this.#validate = createAjv().compile(schema);
    this.set(settings);
  }

  /** Replaces the settings (the counts in `injected` carry on). */
  set(settings: Settings): void {
    const copy = structuredClone(settings);
    if (!this.#validate(copy)) {
      const problems = describeValidationErrors(this.#validate.errors ?? [], copy as Record<string, unknown>, {
        noun: this.noun,
        known: Object.keys(this.schema.properties),
      });
      throw new TypeError(`Invalid ${this.noun}s: ${problems}`);
    }
    const total = this.kinds.reduce((sum, k) => sum + (copy.share?.[k] ?? 0), 0);
    if (total > 1) throw new TypeError(`Invalid ${this.noun}s: the shares add up to ${total}, more than 1`);
    this.#settings = copy;
    this.#queue = [...(copy.next ?? [])];
    this.#random = copy.seed === undefined ? Math.random : mulberry32(copy.seed);
  }

  /** Queues faults for the next cases, one each, after any already queued. */
  next(...kinds: Kind[]): void {
    const unknown = kinds.filter((k) => !this.kinds.includes(k));
    if (unknown.length > 0) throw new TypeError(`Unknown fault ${unknown.join(", ")}; use ${this.kinds.join(", ")}`);
    this.#queue.push(...kinds);
  }

  /** Turns every fault off. */
  clear(): void {
    this.set({} as Settings);
  }

  /** The current settings; `next` holds the faults still queued. */
  get settings(): Settings {
    const { next: _, ...rest } = structuredClone(this.#settings);
    return (this.#queue.length > 0 ? { ...rest, next: [...this.#queue] } : rest) as Settings;
  }

  /** How many faults of each kind were injected so far. */
  get injected(): Readonly<Record<Kind, number>> {
    return { ...this.#injected };
  }

  /** The settings as set, for subclasses to read their own. */
  protected get current(): Readonly<Settings> {
    return this.#settings;
  }

  /** The fault for one case, or none; counted in `injected`. */
  protected pick(): Kind | undefined {
    const { share } = this.#settings;
    let fault = this.#queue.shift();
    if (fault === undefined && share) {
      // One draw in [0, 1) lands in one kind's band, or past them all (no fault).
      const draw = this.#random();
      let edge = 0;
      fault = this.kinds.find((k) => {
        edge += share[k] ?? 0;
        return draw < edge;
      });
    }
    if (fault) this.#injected[fault]++;
    return fault;
  }
}
