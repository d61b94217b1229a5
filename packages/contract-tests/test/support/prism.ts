import { type RunningPrism, startPrism } from "@experience-users/mock";
import { afterAll, beforeAll } from "vitest";
import { freePort } from "./free-port.js";

/** The Prism of one test file; `url` is set once `beforeAll` has run. */
export interface PrismUnderTest {
  readonly url: string;
  /** Prism's last log lines, for failure messages. */
  output(): string;
}

/**
 * Starts the pinned Prism (`@experience-users/mock`) on a free 127.0.0.1 port before the file's
 * tests and stops its process group after them. `dynamic` generates every answer from the
 * schemas (json-schema-faker) instead of serving the spec's examples.
 */
export function usePrism({ dynamic = false }: { dynamic?: boolean } = {}): PrismUnderTest {
  let prism: RunningPrism | undefined;
  beforeAll(async () => {
    prism = await startPrism({
      port: await freePort(),
      dynamic,
      output: "capture",
      logLevel: "warn",
    });
  });
  afterAll(async () => {
    await prism?.stop();
  });
  return {
    get url() {
      if (!prism) throw new Error("Prism is not running: usePrism()'s beforeAll has not run");
      return prism.url;
    },
    output: () => prism?.output() ?? "",
  };
}
