import { problems } from "../problem.js";
import type { TokenRegistry } from "../store/token-registry.js";

function bearerToken(header: string | undefined): string | undefined {
  const [scheme, token, ...rest] = (header ?? "").trim().split(/\s+/);
  return scheme?.toLowerCase() === "bearer" && token !== undefined && rest.length === 0
    ? token
    : undefined;
}

/**
 * Checks a request's `Authorization` header against the scopes an operation accepts (from the
 * operations table): a 401 Problem without a known bearer token, a 403 Problem when the token
 * carries none of them.
 */
export function authenticate(
  authorization: string | undefined,
  acceptedScopes: readonly string[],
  tokens: TokenRegistry,
): void {
  const token = bearerToken(authorization);
  const scopes = token === undefined ? undefined : tokens.scopes(token);
  if (scopes === undefined) throw problems.unauthorized();
  if (!acceptedScopes.some((scope) => scopes.has(scope))) throw problems.forbidden();
}
