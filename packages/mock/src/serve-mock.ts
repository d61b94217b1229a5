import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "./free-port.js";
import { createGuard, type GuardOptions } from "./guard/create-guard.js";
import { DEFAULT_HOST, DEFAULT_PORT } from "./prism-command.js";
import {
  type PrismExit,
  type RunningPrism,
  type StartPrismOptions,
  startPrism,
} from "./start-prism.js";
import { isListening } from "./wait-until-listening.js";

/** Options of {@link serveMock}: where the mock listens, Prism's mode, the guard's limits. */
export interface ServeMockOptions
  extends Omit<GuardOptions, "upstream">,
    Pick<StartPrismOptions, "dynamic" | "spec" | "readyTimeout" | "stopGrace"> {
  /**
   * Port of the mock (the guard); 0 picks a free one. Prism itself listens on a free loopback port.
   * @default 4010
   */
  readonly port?: number;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /**
   * `capture`: Prism's output is kept for error messages (see {@link RunningPrism.output}), not
   * shown: it describes each request as the guard forwarded it, and the guard logs each request
   * itself (`log`). `inherit`: Prism writes to this process's stdout and stderr.
   * @default "capture"
   */
  readonly output?: "inherit" | "capture";
  /**
   * Prism's log level.
   * @default "warn"
   */
  readonly prismLogLevel?: StartPrismOptions["logLevel"];
}

/** A mock accepting requests: the guard, with Prism behind it. */
export interface RunningMock {
  /** Base URL of the mock, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  readonly port: number;
  readonly dynamic: boolean;
  /** The Prism process behind the guard (its own URL is internal). */
  readonly prism: RunningPrism;
  /** Resolves when the Prism process has exited. */
  readonly exited: Promise<PrismExit>;
  /** Stops the guard and Prism's process group. Idempotent. */
  close(): Promise<void>;
}

const PRISM_PORT_ATTEMPTS = 3;

function listen(server: Server, port: number, host: string): Promise<number> {
  server.listen(port, host);
  return Promise.race([
    once(server, "listening").then(() => (server.address() as AddressInfo).port),
    once(server, "error").then(([error]) => {
      throw new Error(`cannot listen on ${host}:${port}: ${(error as Error).message}`, {
        cause: error,
      });
    }),
  ]);
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function startPrismOnAFreePort(options: StartPrismOptions): Promise<RunningPrism> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrism({ ...options, port: await freePort(options.host) });
    } catch (error) {
      const taken = /already in use|EADDRINUSE/.test((error as Error).message);
      if (!taken || attempt >= PRISM_PORT_ATTEMPTS) throw error;
    }
  }
}

/**
 * Serves the mock: the guard on `host:port` (default `127.0.0.1:4010`) and the pinned Prism
 * behind it on a free loopback port. Resolves once both accept connections; rejects, leaving
 * nothing running, if the port is taken or Prism does not start.
 */
export async function serveMock(options: ServeMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? DEFAULT_HOST;
  const requested = options.port ?? DEFAULT_PORT;
  if (requested !== 0 && (await isListening(host, requested))) {
    throw new Error(`${host}:${requested} is already in use`);
  }
  const prism = await startPrismOnAFreePort({
    host: "127.0.0.1",
    dynamic: options.dynamic ?? false,
    logLevel: options.prismLogLevel ?? "warn",
    ...(options.spec === undefined ? {} : { spec: options.spec }),
    output: options.output ?? "capture",
    ...(options.readyTimeout === undefined ? {} : { readyTimeout: options.readyTimeout }),
    ...(options.stopGrace === undefined ? {} : { stopGrace: options.stopGrace }),
  });
  const guard = createGuard({ ...options, upstream: { host: "127.0.0.1", port: prism.port } });
  let port: number;
  try {
    port = await listen(guard, requested, host);
  } catch (error) {
    await prism.stop();
    throw error;
  }
  let closing: Promise<void> | undefined;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    dynamic: prism.dynamic,
    prism,
    exited: prism.exited,
    close: () => {
      closing ??= Promise.all([closeServer(guard), prism.stop()]).then(() => undefined);
      return closing;
    },
  };
}
