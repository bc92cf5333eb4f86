import { afterAll, describe, expect, test, vi } from "vitest";
import { DEMO, demoSeed } from "../src/cli/demo.js";
import { startLiveDemo } from "../src/cli/live-demo.js";
import { startSandbox } from "../src/start-sandbox.js";
import { callbackReceiver } from "./callback-receiver.js";

describe("the live demo", async () => {
  const target = await callbackReceiver();

  /**
   * How many moves each run waits for. Waiting for a count rather than for a fixed time keeps the
   * test the same on a machine too busy to fire the timers on time.
   */
  const MOVES = 60;

  /** Runs the live demo fast on a fresh demo sandbox until it has made MOVES moves; returns what it did. */
  async function live(seed: number) {
    const subscription = {
      statusCallback: `${target.origin}/live/${seed}`,
      statusCallbackEvent: "join leave mute hold",
    };
    const sb = await startSandbox({ seed: demoSeed(Date.now(), subscription) });
    afterAll(() => sb.close());
    await sb.callbacks.idle();
    const before = sb.callbacks.deliveries.length;
    const moves: string[] = [];
    const stop = startLiveDemo(sb, {
      projectId: DEMO.projectId,
      conferenceSid: DEMO.conferenceSid,
      seed,
      meanIntervalMs: 5,
      log: (line) => moves.push(line),
    });
    await vi.waitFor(() => expect(moves.length, "moves the live demo made").toBeGreaterThanOrEqual(MOVES), {
      timeout: 12_000,
      interval: 10,
    });
    stop();
    const count = moves.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sb.callbacks.idle();
    return { sb, moves, count, sent: sb.callbacks.deliveries.slice(before) };
  }

  test("joins, leaves, mutes, unmutes, holds and unholds, repeatably for a seed, and stops when asked", async () => {
    const [first, again] = [await live(3), await live(3)];
    expect(first.moves.length).toBeGreaterThanOrEqual(MOVES);
    expect(first.moves.length).toBe(first.count);
    const common = Math.min(first.moves.length, again.moves.length);
    expect(first.moves.slice(0, common)).toEqual(again.moves.slice(0, common));
    const kinds = new Set(
      first.moves.map((line) => /(joined|left|unmuted|muted|taken off hold|put on hold)/.exec(line)?.[1]),
    );
    expect([...kinds].sort()).toEqual(["joined", "left", "muted", "put on hold", "taken off hold", "unmuted"]);
    // Each move is a change the callbacks report, and the host never leaves.
    expect(new Set(first.sent.map((d) => d.event))).toEqual(
      new Set([
        "participant-join",
        "participant-leave",
        "participant-mute",
        "participant-unmute",
        "participant-hold",
        "participant-unhold",
      ]),
    );
    const participants = first.sb.participants(DEMO.projectId, DEMO.conferenceSid);
    expect(participants.some((p) => p.end_conference_on_exit)).toBe(true);
    expect(participants.length).toBeGreaterThanOrEqual(24);
    expect(participants.length).toBeLessThanOrEqual(44);
  });

  test("makes other moves with another seed", async () => {
    const [one, other] = [await live(4), await live(5)];
    expect(one.moves.slice(0, 10)).not.toEqual(other.moves.slice(0, 10));
  });
});
