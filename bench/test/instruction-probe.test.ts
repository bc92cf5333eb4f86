// The instruction counter's probe at a tiny size, without valgrind, so that it cannot rot: each
// case's calls are answered from memory, all of them through Node's fetch. It checks that the
// calls are made, never how many instructions they take: counts belong to `pnpm bench`.
import { describe, expect, test } from "vitest";
import { instructionCases, runProbe } from "../src/count-instructions.mjs";

describe("the instruction counter's probe", () => {
  test.each(instructionCases)("$subject: every call is answered from memory", async (item) => {
    // runProbe rejects unless fetch dispatched exactly one request per call.
    await expect(runProbe(item, 3)).resolves.toBeDefined();
  });

  test("a program that does not send through fetch fails instead of counting nothing", async () => {
    await expect(runProbe({ program: "twilio", operation: "listPage", subject: "twilio-node" }, 1)).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
