const COUNTER_SPAN = 0x1000000;

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => hex(b, 2)).join("");
}

/**
 * Makes 24-hex ids shaped like MongoDB ObjectIds (seconds, a random per-instance part, a counter),
 * so that ids sort roughly in creation order like the real API's.
 */
export function createIdGenerator(now: () => Date): () => string {
  const instance = randomHex(5);
  let counter = Number.parseInt(randomHex(3), 16);
  return () => {
    const time = now().getTime();
    const seconds = Number.isFinite(time) ? Math.max(0, Math.floor(time / 1000)) % 2 ** 32 : 0;
    counter = (counter + 1) % COUNTER_SPAN;
    return `${hex(seconds, 8)}${instance}${hex(counter, 6)}`;
  };
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, "0");
}
