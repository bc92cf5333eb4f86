import { createServer } from "node:http";
import { listenOnLoopback } from "./listen-on-loopback.mjs";

/**
 * A port on 127.0.0.1 that was free a moment ago, for a program a test starts that must be told
 * its port (or another server's) before it listens. Another process could take it in between,
 * so prefer `listenOnLoopback` whenever the test owns the server.
 */
export async function freeLoopbackPort() {
  const { origin, close } = await listenOnLoopback(createServer());
  await close();
  return Number(new URL(origin).port);
}
