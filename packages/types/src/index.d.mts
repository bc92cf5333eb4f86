// The entry for ESM consumers ("import" condition). The names live in index.d.cts alone; this
// file gives them ESM format, so a default or namespace import means the same in both module
// systems (a types-only package has no runtime to tell them apart).
export type * from "./index.cjs";
