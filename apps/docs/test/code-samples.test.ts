import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, type CodeSample, operations, webhooks } from "@laml/spec";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const docsDir = fileURLToPath(new URL("..", import.meta.url));

const isTypeScript = (sample: CodeSample) => sample.lang.toLowerCase() === "typescript";
const isCurl = (sample: CodeSample) => (sample.label ?? sample.lang).toLowerCase() === "curl";

/** The compiler options of this package (the repository's strict base), without emitting. */
function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(docsDir, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("cannot read apps/docs/tsconfig.json");
  return { ...parsed.options, noEmit: true, allowJs: false, checkJs: false };
}

/**
 * Type-checks programs held in memory as if they were files in apps/docs, so `@laml/client`
 * resolves to the real workspace package (its built types) exactly as for a user's file.
 */
function typeCheck(sources: Map<string, string>): Map<string, string> {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const readFromDisk = host.getSourceFile.bind(host);
  host.fileExists = (file) => sources.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => sources.get(file) ?? ts.sys.readFile(file);
  host.getSourceFile = (file, language, onError, create) => {
    const text = sources.get(file);
    return text === undefined
      ? readFromDisk(file, language, onError, create)
      : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([...sources.keys()], options, host);
  const formatHost = {
    getCanonicalFileName: (f: string) => f,
    getCurrentDirectory: () => docsDir,
    getNewLine: () => "\n",
  };
  return new Map(
    [...sources.keys()].map((file) => [
      file,
      ts.formatDiagnostics(ts.getPreEmitDiagnostics(program, program.getSourceFile(file)), formatHost),
    ]),
  );
}

/** Where a sample "lives" for the compiler: a file in apps/docs that is never written. */
const sampleFile = (name: string) => join(docsDir, "code-samples", `${name}.ts`);

const typeScriptSamples = new Map(
  [...operations, ...webhooks].flatMap(({ operationId, codeSamples }) =>
    codeSamples.filter(isTypeScript).map((sample) => [sampleFile(String(operationId)), sample.source] as const),
  ),
);
const misuse = sampleFile("misuse");
const diagnostics = typeCheck(
  new Map([
    ...typeScriptSamples,
    // A control: if this compiled, the check above would prove nothing.
    [
      misuse,
      'import { createLamlClient } from "@laml/client";\nawait createLamlClient().participants.update("c", "p", { Mutd: true });\n',
    ],
  ]),
);

/** The environment a user sets before pasting a curl sample. */
const env = {
  SPACE: "example",
  SIGNALWIRE_PROJECT_ID: "446e9986-0848-4d46-a617-48793c5f5e07",
  SIGNALWIRE_API_TOKEN: "PT-docs-test-token",
};

/**
 * Runs a curl sample in bash with `set -eu` (an unset variable fails) and `curl` replaced by a
 * function that prints its arguments, so the test sees exactly what curl would receive.
 */
function curlArguments(source: string): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\n${source}`;
  const result = spawnSync("bash", ["-euc", script], { env: { PATH: process.env.PATH, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`the sample fails in bash: ${result.stderr}`);
  return result.stdout.split("\0").slice(0, -1);
}

/** The method curl would use: -X, else GET with --get or without data, else POST. */
function curlMethod(args: string[]): string {
  const explicit = args.findIndex((arg) => arg === "-X" || arg === "--request");
  if (explicit >= 0) return String(args[explicit + 1]).toUpperCase();
  const sendsData = args.some((arg) => /^(-d|--data(-\w+)?)$/.test(arg));
  return sendsData && !args.includes("--get") ? "POST" : "GET";
}

/** The names of the fields a curl sample sends with --data-urlencode or -d. */
function curlFields(args: string[]): string[] {
  return args.flatMap((arg, i) => (/^(-d|--data(-\w+)?)$/.test(arg) ? [String(args[i + 1]).split("=")[0] ?? ""] : []));
}

describe("code samples", () => {
  test.each(operations.map((o) => [o.operationId, o] as const))("%s has a TypeScript and a curl sample", (_, o) => {
    expect(o.codeSamples.filter(isTypeScript)).toHaveLength(1);
    expect(o.codeSamples.filter(isCurl)).toHaveLength(1);
  });

  test.each(operations.map((o) => [o.operationId] as const))(
    "the TypeScript sample of %s compiles, as written, against @laml/client",
    (operationId) => {
      const file = sampleFile(operationId);
      expect(typeScriptSamples.get(file), "a complete program importing @laml/client").toMatch(/from "@laml\/client"/);
      expect(diagnostics.get(file)).toBe("");
    },
  );

  test.each(webhooks.map((w) => [w.name, w] as const))("the webhook %s has a TypeScript sample", (_, w) => {
    expect(w.codeSamples.filter(isTypeScript)).toHaveLength(1);
  });

  test.each(webhooks.map((w) => [String(w.operationId)] as const))(
    "the TypeScript sample of the webhook %s compiles, as written, against @laml/client/webhooks and parses the event",
    (operationId) => {
      const file = sampleFile(operationId);
      expect(typeScriptSamples.get(file)).toMatch(/from "@laml\/client\/webhooks"/);
      expect(typeScriptSamples.get(file), "verifies and parses an event").toMatch(/parseConferenceEvent\(/);
      expect(diagnostics.get(file)).toBe("");
    },
  );

  test("the type check rejects a program that misuses the client", () => {
    expect(diagnostics.get(misuse)).toMatch(/error TS\d+: .*'Mutd'/);
  });

  test.each(operations.map((o) => [o.operationId, o] as const))(
    "the curl sample of %s runs as pasted and calls the operation with the user's credentials",
    (_, { path, method, requestBody, queryParameters, codeSamples }) => {
      const sample = codeSamples.find(isCurl);
      if (!sample) throw new Error("no curl sample");
      const args = curlArguments(sample.source);
      expect(args.length).toBeGreaterThan(0);

      const server = String(bundle.servers[0]?.url).replace("{space}", env.SPACE);
      const url = args.find((arg) => arg.startsWith("https://"));
      const template = `${server}${path}`
        .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
        .replace("\\{AccountSid}", env.SIGNALWIRE_PROJECT_ID)
        .replace(/\{\w+\}/g, "[0-9a-f-]{36}");
      expect(url).toMatch(new RegExp(`^${template}$`));
      expect(curlMethod(args)).toBe(method);
      expect(args[args.indexOf("-u") + 1]).toBe(`${env.SIGNALWIRE_PROJECT_ID}:${env.SIGNALWIRE_API_TOKEN}`);

      // Whatever it sends is a query parameter or form field this operation defines.
      const form = requestBody?.content["application/x-www-form-urlencoded"]?.properties ?? {};
      const query = queryParameters.map((p) => p.name);
      for (const field of curlFields(args)) expect([...query, ...Object.keys(form)]).toContain(field);
    },
  );
});
