// @faker-js/faker 6, the version Prism 5 loads, ships types its package.json `exports` does not
// point at, so node16 resolution finds none. The test reads faker generically (a method by its
// `x-faker` name), so this is all of it that it types.
declare module "@faker-js/faker" {
  export const faker: Readonly<Record<string, Readonly<Record<string, unknown>>>> & {
    seed(seed: number): void;
  };
}
