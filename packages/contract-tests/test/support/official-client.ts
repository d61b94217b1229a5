import { createRequire } from "node:module";

/** What Losant's official client rejects with when the API answers an error. */
export interface OfficialClientError extends Error {
  statusCode?: number;
  type?: string;
}

type Call = (params: Record<string, unknown>) => Promise<unknown>;

/** The part of `losant-rest` (2.8.1, plain JavaScript without types) the contract tests call. */
export interface OfficialClient {
  experienceUsers: { get: Call; post: Call };
  experienceUser: { get: Call; patch: Call; delete: Call };
}

/**
 * Losant's official JavaScript client (`losant-rest`, axios underneath) on `url`. It adds
 * `_actions=false&_links=true&_embedded=true` to every query, sends `Accept-Version: ^1.20.1`,
 * and sends `{}` as a JSON body with every DELETE.
 */
export function officialClient(url: string, accessToken: string): OfficialClient {
  const losant = createRequire(import.meta.url)("losant-rest") as {
    createClient(options: { url: string; accessToken: string; timeout?: number }): OfficialClient;
  };
  return losant.createClient({ url, accessToken, timeout: 10_000 });
}

/** The error a call rejected with (throws if it resolved). */
export async function officialError(call: Promise<unknown>): Promise<OfficialClientError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Error)) throw new Error(`expected the call to fail, it gave ${error}`);
  return error as OfficialClientError;
}
