/**
 * PBKDF2-SHA256 through Web Crypto (Node 20 and browsers): a fake needs hashing to be real, not
 * expensive. 10,000 iterations cost 1.8 ms per hash on the 2-core development machine, the same as
 * the node:crypto scrypt (N=2^10) it replaces; @noble/hashes' pure-JS scrypt at that cost took
 * 3.5 ms and runs on the caller's thread.
 */
const ITERATIONS = 10_000;
const KEY_BITS = 256;
const SALT_LENGTH = 16;
const SCHEME = "pbkdf2-sha256";
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    KEY_BITS,
  );
  return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Compares every byte whatever the first difference, so the time says nothing about where it is. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

/** `pbkdf2-sha256$iterations$salt$key` (base64), with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_LENGTH));
  const key = await derive(password, salt, ITERATIONS);
  return [SCHEME, ITERATIONS, toBase64(salt), toBase64(key)].join("$");
}

/** True when the password hashes to the stored hash (compared in constant time). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const [scheme, iterations, salt, key] = hash.split("$");
  const saltBytes = fromBase64(salt ?? "");
  const expected = fromBase64(key ?? "");
  if (scheme !== SCHEME || Number(iterations) !== ITERATIONS || !saltBytes || !expected) {
    return false;
  }
  return constantTimeEqual(await derive(password, saltBytes, ITERATIONS), expected);
}
