import { afterEach, expect } from "vitest";

/**
 * Returns a factory of fakes made by `create` with response validation on; after each test, every
 * fake it made must have recorded no fault (no handler error, no answer that failed its
 * validator), e.g. `const fake = trackedFakes(createFakeServer)`.
 */
export function trackedFakes<
  Options extends { validateResponses?: boolean },
  Fake extends { readonly faults: readonly unknown[] },
>(create: (options: Options) => Fake): (options?: Omit<Options, "validateResponses">) => Fake {
  const made: Fake[] = [];
  afterEach(() => {
    for (const fake of made.splice(0)) expect(fake.faults).toEqual([]);
  });
  return (options) => {
    const fake = create({ ...options, validateResponses: true } as Options);
    made.push(fake);
    return fake;
  };
}
