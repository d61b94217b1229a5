/** The API tokens a fake accepts and the scopes each carries. */
export class TokenRegistry {
  readonly #tokens = new Map<string, ReadonlySet<string>>();

  /** Accepts `token` from now on with exactly these scopes (replacing any it had). */
  add(token: string, scopes: Iterable<string>): void {
    if (typeof token !== "string" || token.trim() === "" || /\s/.test(token)) {
      throw new TypeError("a token is a non-empty string without white space");
    }
    this.#tokens.set(token, new Set(scopes));
  }

  /** The token's scopes, or undefined for a token the fake does not know. */
  scopes(token: string): ReadonlySet<string> | undefined {
    return this.#tokens.get(token);
  }

  clear(): void {
    this.#tokens.clear();
  }
}
