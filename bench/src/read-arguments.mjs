import { parseArgs } from "node:util";

/**
 * What `node src/run.mjs` was asked for: the benchmarks to run (`only` absent: all of them), or a
 * message to print instead and the exit code to end with (0 for `--help`, 2 for a command line
 * it cannot read, with what was wrong first and then the usage).
 * @param {readonly string[]} args The command line after the script's name.
 * @param {readonly string[]} names Every benchmark's name, in the order they run.
 * @returns {{ only?: string[] } | { message: string, exitCode: 0 | 2 }}
 */
export function readArguments(args, names) {
  const usage = [
    "Usage: node src/run.mjs [--only name,name…]",
    "",
    "Runs every benchmark, prints the results table and writes bench/RESULTS.md.",
    "",
    "  --only name,name  run only these benchmarks and print their rows (RESULTS.md is left alone);",
    `                    the names are ${names.join(", ")}`,
    "  --help, -h        print this and exit",
  ].join("\n");
  const refuse = (/** @type {string} */ problem) => ({
    message: `${problem}\n\n${usage}`,
    exitCode: /** @type {const} */ (2),
  });
  // Not strict: Node's own errors for an unknown option suggest passing it as a positional
  // argument, which this command does not take, so the tokens are checked here instead.
  const { tokens } = parseArgs({
    args: [...args],
    options: { only: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: false,
    tokens: true,
  });
  /** @type {string[] | undefined} */
  let only;
  for (const token of tokens) {
    if (token.kind === "positional")
      return refuse(`Unexpected argument ${JSON.stringify(token.value)}: name benchmarks with --only.`);
    if (token.kind !== "option") continue;
    if (token.name === "help")
      return token.value === undefined ? { message: usage, exitCode: 0 } : refuse("--help takes no value.");
    if (token.name !== "only") return refuse(`Unknown option ${token.rawName}.`);
    only = (token.value ?? "").split(",").flatMap((name) => (name.trim() === "" ? [] : [name.trim()]));
    if (only.length === 0) return refuse(`--only needs benchmark names, e.g. --only ${names.slice(0, 2).join(",")}.`);
  }
  const unknown = only?.filter((name) => !names.includes(name)) ?? [];
  if (unknown.length > 0) return refuse(`Unknown benchmark ${unknown.join(", ")}; choose from ${names.join(", ")}.`);
  return only ? { only } : {};
}
