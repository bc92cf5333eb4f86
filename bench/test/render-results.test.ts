import { describe, expect, test } from "vitest";
import type { Row } from "../src/bench.js";
import { renderResults } from "../src/render-results.mjs";

const row = (fields: Partial<Row>): Row => ({
  benchmark: "Per list call",
  subject: "@laml/client",
  figure: "1 µs",
  value: 1,
  ratio: "1×",
  target: "",
  holds: null,
  ...fields,
});

describe("renderResults", () => {
  test("counts the targets judged, and names a crashed benchmark whose targets were not", () => {
    const markdown = renderResults(
      [
        row({ target: "≤ 1.05×", holds: true }),
        row({ target: "≤ 2×", holds: false }),
        row({ benchmark: "instructions", subject: "(crashed)", figure: "failed", value: null, failure: "no valgrind" }),
      ],
      { machine: "a test machine", rounds: 1 },
    );
    expect(markdown).toContain("1 of 2 targets hold. instructions crashed, so its targets were not judged.");
    expect(markdown).toContain("failed: no valgrind");
  });
});
