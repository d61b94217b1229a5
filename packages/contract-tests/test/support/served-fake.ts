import { type ServedFakeServer, serveFakeServer } from "@experience-users/fake-server";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

/** The fake over HTTP of one test file; `url` and `fake` are set once `beforeAll` has run. */
export interface ServedFakeUnderTest {
  readonly url: string;
  readonly served: ServedFakeServer;
}

/**
 * Serves a fake (response validation on) over HTTP on a free 127.0.0.1 port before the file's
 * tests and closes it after them; after each test, the fake must have recorded no fault.
 */
export function useServedFake(): ServedFakeUnderTest {
  let served: ServedFakeServer | undefined;
  beforeAll(async () => {
    served = await serveFakeServer({ port: 0, validateResponses: true });
  });
  afterEach(() => {
    expect(served?.fake.faults).toEqual([]);
  });
  afterAll(async () => {
    await served?.close();
  });
  const running = () => {
    if (!served)
      throw new Error("the fake is not running: useServedFake()'s beforeAll has not run");
    return served;
  };
  return {
    get url() {
      return running().url;
    },
    get served() {
      return running();
    },
  };
}
