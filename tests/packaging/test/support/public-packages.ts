import { fileURLToPath } from "node:url";
import { run } from "./run.js";

/** This test package's directory. */
export const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** The workspace root. */
export const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));

/** A workspace package that is published (not `private`). */
export interface PublicPackage {
  name: string;
  version: string;
  dir: string;
}

/** Every package of the workspace, as pnpm sees it. */
export function workspacePackages(): (PublicPackage & { private: boolean })[] {
  const all = JSON.parse(run("pnpm", ["ls", "--recursive", "--depth", "-1", "--json"], ROOT)) as {
    name: string;
    version: string;
    path: string;
    private: boolean;
  }[];
  return all.map(({ name, version, path, private: isPrivate }) => ({ name, version, dir: path, private: isPrivate }));
}

/** Every public package of the workspace, so a new one is checked without a list to update. */
export function publicPackages(): PublicPackage[] {
  return workspacePackages()
    .filter((pkg) => !pkg.private)
    .map(({ name, version, dir }) => ({ name, version, dir }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
