import { type ServedDocs, serveDocs } from "@experience-users/docs";
import { type ServedFakeServer, serveFakeServer } from "@experience-users/fake-server";
import { type RunningMock, serveMock } from "@experience-users/mock";

/** The three services of `npm start`. */
export type ServiceName = "mock" | "fake" | "docs";

/** Options of {@link serveAll}. */
export interface ServeAllOptions {
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** @default 4010 (0 picks a free port) */
  readonly mockPort?: number;
  /** @default 4020 (0 picks a free port) */
  readonly fakePort?: number;
  /** @default 4011 (0 picks a free port) */
  readonly docsPort?: number;
  /** Called with one line per request the mock or the fake answers. */
  readonly log?: (service: ServiceName, line: string) => void;
}

/** The mock, the fake and the docs, all listening. */
export interface ServedAll {
  readonly mock: RunningMock;
  readonly fake: ServedFakeServer;
  readonly docs: ServedDocs;
  /** Stops all three (Prism's process group included). Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the mock (the guard with Prism behind it), the stateful fake and the docs page at once.
 * Resolves when all three listen; if one cannot start, stops the others and rejects naming it.
 */
export async function serveAll(options: ServeAllOptions = {}): Promise<ServedAll> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log;
  const [mock, fake, docs] = await Promise.allSettled([
    serveMock({
      host,
      port: options.mockPort ?? 4010,
      ...(log ? { log: (line: string) => log("mock", line) } : {}),
    }),
    serveFakeServer({
      host,
      port: options.fakePort ?? 4020,
      ...(log ? { log: (line: string) => log("fake", line) } : {}),
    }),
    serveDocs({ host, port: options.docsPort ?? 4011 }),
  ]);
  const started = [mock, fake, docs].flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const failures = (
    [
      ["mock", mock],
      ["fake", fake],
      ["docs", docs],
    ] as const
  ).flatMap(([name, result]) =>
    result.status === "rejected" ? [`${name}: ${(result.reason as Error).message}`] : [],
  );
  if (mock.status !== "fulfilled" || fake.status !== "fulfilled" || docs.status !== "fulfilled") {
    await Promise.all(started.map((service) => service.close()));
    throw new Error(failures.join("\n"));
  }
  let closing: Promise<void> | undefined;
  return {
    mock: mock.value,
    fake: fake.value,
    docs: docs.value,
    close: () => {
      closing ??= Promise.all([mock.value.close(), fake.value.close(), docs.value.close()]).then(
        () => undefined,
      );
      return closing;
    },
  };
}
