import { once } from "node:events";
import { connect } from "node:net";
import { setTimeout as delay } from "node:timers/promises";

const POLL_INTERVAL = 50;

/**
 * Polls `host:port` with TCP connections until one is accepted. Rejects after `timeout` ms, or as
 * soon as `signal` aborts (e.g. because the server process exited), with the signal's reason.
 * A TCP probe rather than an HTTP one: Prism would log every probe request as an error.
 */
export async function waitUntilListening(
  host: string,
  port: number,
  { timeout, signal }: { timeout: number; signal?: AbortSignal },
): Promise<void> {
  const deadline = Date.now() + timeout;
  const attempts = Math.ceil(timeout / POLL_INTERVAL) + 1;
  for (let attempt = 0; attempt < attempts && Date.now() <= deadline; attempt++) {
    signal?.throwIfAborted();
    if (await isListening(host, port)) return;
    await delay(POLL_INTERVAL, undefined, { signal }).catch(() => undefined);
  }
  signal?.throwIfAborted();
  throw new Error(`nothing accepted connections on ${host}:${port} within ${timeout} ms`);
}

/** True when something accepts a TCP connection on `host:port` right now. */
export async function isListening(host: string, port: number): Promise<boolean> {
  const socket = connect({ host, port });
  try {
    await once(socket, "connect");
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}
