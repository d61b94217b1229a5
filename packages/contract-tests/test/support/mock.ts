import { type RunningMock, serveMock } from "@experience-users/mock";
import { afterAll, beforeAll } from "vitest";

/** The mock of one test file; `url` is set once `beforeAll` has run. */
export interface MockUnderTest {
  readonly url: string;
  /** Prism's last log lines, for failure messages. */
  output(): string;
}

/**
 * Serves the mock (`@experience-users/mock`: the guard, with the pinned Prism behind it) on a
 * free 127.0.0.1 port before the file's tests and stops it, Prism's process group included,
 * after them. `dynamic` generates every answer from the schemas (json-schema-faker) instead of
 * serving the spec's examples.
 */
export function useMock({ dynamic = false }: { dynamic?: boolean } = {}): MockUnderTest {
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    mock = await serveMock({ port: 0, dynamic });
  });
  afterAll(async () => {
    await mock?.close();
  });
  return {
    get url() {
      if (!mock) throw new Error("the mock is not running: useMock()'s beforeAll has not run");
      return mock.url;
    },
    output: () => mock?.prism.output() ?? "",
  };
}
