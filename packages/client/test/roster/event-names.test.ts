import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test } from "vitest";

// The roster matches callbacks by their StatusCallbackEvent names, written in its source; they
// must be names the spec documents, or a typo would silently ignore a kind of callback.
const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@laml/spec/openapi.json"), "utf8"));
const documented: string[] = spec.components.schemas.ConferenceEventName.examples;

test("every event name the roster reacts to is one the spec documents", () => {
  const dir = new URL("../../src/roster/", import.meta.url);
  const used = new Set(
    readdirSync(dir).flatMap((file) =>
      [...readFileSync(new URL(file, dir), "utf8").matchAll(/"((?:conference|participant)-[a-z-]+)"/g)].map(
        (m) => m[1],
      ),
    ),
  );
  expect([...used].sort()).toEqual([
    "conference-end",
    "participant-hold",
    "participant-join",
    "participant-leave",
    "participant-mute",
    "participant-unhold",
    "participant-unmute",
  ]);
  for (const name of used) expect(documented).toContain(name);
});
