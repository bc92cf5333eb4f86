// What `node src/run.mjs` makes of its command line, read without starting it: a command line it
// cannot read gets what was wrong and the usage, and no benchmark runs.
import { describe, expect, test } from "vitest";
import { readArguments } from "../src/read-arguments.mjs";
import { benchmarks } from "../src/run-benchmarks.mjs";

const names = Object.keys(benchmarks);

describe("readArguments", () => {
  test("asks for every benchmark when given nothing, and for the named ones with --only", () => {
    expect(readArguments([], names)).toEqual({});
    expect(readArguments(["--only", names.slice(0, 2).join(",")], names)).toEqual({ only: names.slice(0, 2) });
    expect(readArguments([`--only= ${names[0]} ,`], names)).toEqual({ only: [names[0]] });
  });

  test.each([["--help"], ["-h"]])("%s gives the usage with every benchmark's name and exit code 0", (flag) => {
    const request = readArguments([flag], names);
    expect(request).toEqual({
      message: expect.stringMatching(/^Usage: node src\/run\.mjs \[--only name,name…\]\n/),
      exitCode: 0,
    });
    expect(request).toHaveProperty("message", expect.stringContaining(`the names are ${names.join(", ")}`));
  });

  test.each([
    [["--bogus"], "Unknown option --bogus."],
    [["--only"], `--only needs benchmark names, e.g. --only ${names.slice(0, 2).join(",")}.`],
    [["--only", ","], `--only needs benchmark names, e.g. --only ${names.slice(0, 2).join(",")}.`],
    [["--only", `${names[0]},nope`], `Unknown benchmark nope; choose from ${names.join(", ")}.`],
    [[names[0] ?? ""], `Unexpected argument ${JSON.stringify(names[0])}: name benchmarks with --only.`],
    [["--help=yes"], "--help takes no value."],
  ])("refuses %j with exit code 2: %s, then the usage", (args, problem) => {
    const request = readArguments(args, names);
    expect(request).toEqual({ message: expect.stringMatching(/\n\nUsage: node src\/run\.mjs /), exitCode: 2 });
    const { message } = request as { message: string };
    expect(message.startsWith(`${problem}\n\nUsage: `)).toBe(true);
    expect(message).toContain(`the names are ${names.join(", ")}`);
  });
});
