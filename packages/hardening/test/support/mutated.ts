import fc from "fast-check";

/** A valid value with one property dropped, replaced or added, at any depth. */
export function mutated(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== "object") {
    return fc.oneof(fc.constant(value), fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return fc.constant(value);
  const copy = () => (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  return fc.tuple(fc.constantFrom(...keys), fc.nat(3)).chain(([key, how]) => {
    if (how === 0) {
      const without = copy();
      delete without[key];
      return fc.constant(without);
    }
    if (how === 1) return fc.constant({ ...copy(), "not a field": 1 });
    return mutated((value as Record<string, unknown>)[key]).map((inner) =>
      Object.assign(copy(), { [key]: inner }),
    );
  });
}
