/**
 * Throws, without ever showing the value, when `signingKey` cannot be a Signing Key: a missing
 * key would otherwise surface as every callback failing verification, which points elsewhere.
 */
export function assertSigningKey(signingKey: unknown): asserts signingKey is string {
  if (typeof signingKey === "string" && signingKey !== "") return;
  const got = signingKey === "" ? "an empty string" : signingKey === null ? "null" : typeof signingKey;
  throw new TypeError(
    `signingKey must be a non-empty string, got ${got}. Pass your project's Signing Key, shown on the API Credentials page of your SignalWire Space (it is not an API token); if you read it from an environment variable, check that the variable is set.`,
  );
}
