import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type PublicPackage, publicPackages } from "./public-packages.js";
import { run } from "./run.js";

/** A public package packed as `pnpm publish` would (`workspace:` and `catalog:` ranges replaced). */
export interface PackedPackage extends PublicPackage {
  tarball: string;
  files: string[];
}

export interface Packaging {
  packed: PackedPackage[];
  /** A project outside the workspace with the consumer packages' tarballs npm-installed. */
  consumer: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    packaging: Packaging;
  }
}

/**
 * What a TypeScript or JavaScript user of the client installs. @laml/sandbox gets a folder of
 * its own (test/standalone-sandbox.test.ts), as someone who only wants the server would.
 */
export const CONSUMER_PACKAGES = ["@laml/types", "@laml/client"];

function pack(pkg: PublicPackage, destination: string): PackedPackage {
  const { filename, files } = JSON.parse(
    run("pnpm", ["pack", "--json", "--pack-destination", destination], pkg.dir),
  ) as { filename: string; files: { path: string }[] };
  return { ...pkg, tarball: filename, files: files.map((file) => file.path).sort() };
}

/** npm (not pnpm) installs the tarballs, as a user's project would; only their registry dependencies are fetched. */
export function install(consumer: string, packed: PackedPackage[]): void {
  mkdirSync(consumer);
  const dependencies = Object.fromEntries(packed.map((pkg) => [pkg.name, `file:${pkg.tarball}`]));
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, dependencies }));
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--engine-strict", "--ignore-scripts"],
    consumer,
  );
}

export default function setup(project: TestProject): () => void {
  const scratch = mkdtempSync(join(tmpdir(), "laml-packaging-"));
  const packed = publicPackages().map((pkg) => pack(pkg, scratch));
  const consumer = join(scratch, "consumer");
  install(
    consumer,
    packed.filter((pkg) => CONSUMER_PACKAGES.includes(pkg.name)),
  );
  project.provide("packaging", { packed, consumer });
  return () => rmSync(scratch, { recursive: true, force: true });
}
