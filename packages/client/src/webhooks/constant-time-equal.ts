/**
 * Whether two strings are equal, in a time that depends on their length only, so that a forged
 * signature learns nothing from how long the comparison took. The length of an expected
 * signature is public (a base64 SHA-1 is always 28 characters), so it may end the comparison.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
