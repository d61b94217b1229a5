import {
  ApiError,
  type CallOptions,
  createClient,
  type ExperienceUsersClient,
} from "@experience-users/client";
import { DEV_TOKEN } from "@experience-users/fake-server";
import type { OperationId, OperationRequest } from "@experience-users/spec";

/**
 * The fake's development token (every scope). Prism only checks that a bearer token is present,
 * so the same token works on the mock and on the fake.
 */
export const TOKEN = DEV_TOKEN;

type ClientCall<Op extends OperationId> = (
  client: ExperienceUsersClient,
  request: OperationRequest<Op>,
  options: CallOptions,
) => Promise<unknown>;

/** Each operation's typed client method (the type checker makes this table complete). */
const clientCalls: { [Op in OperationId]: ClientCall<Op> } = {
  listExperienceUsers: (client, { path, query }, options) =>
    client.users.list({ ...path, ...query }, options),
  createExperienceUser: (client, { path, body }, options) =>
    client.users.create(path, body, options),
  getExperienceUser: (client, { path }, options) => client.users.get(path, options),
  updateExperienceUser: (client, { path, body }, options) =>
    client.users.update(path, body, options),
  deleteExperienceUser: (client, { path }, options) => client.users.delete(path, options),
};

/** How a typed client call settled: its value, an ApiError, or any other error. */
export type Settled =
  | { kind: "value"; body: unknown }
  | { kind: "ApiError"; status: number; body: unknown }
  | { kind: "other"; error: string };

/** A typed client call's outcome and the HTTP status the client received. */
export interface ClientAnswer {
  status: number | undefined;
  settled: Settled;
}

/**
 * Calls an operation through the generated client's typed method (`client.users.*`) at
 * `baseUrl`, sending `headers` (e.g. Prism's `Prefer`) with the call.
 */
export async function callThroughClient<Op extends OperationId>(
  baseUrl: string,
  operationId: Op,
  request: OperationRequest<Op>,
  headers: Record<string, string> = {},
): Promise<ClientAnswer> {
  let status: number | undefined;
  const client = createClient({
    token: TOKEN,
    baseUrl,
    timeout: 10_000,
    fetch: async (outgoing) => {
      const response = await fetch(outgoing);
      status = response.status;
      return response;
    },
  });
  const call = clientCalls[operationId] as ClientCall<Op>;
  const settled = await call(client, request, { headers }).then(
    (body): Settled => ({ kind: "value", body }),
    (error: unknown): Settled =>
      error instanceof ApiError
        ? { kind: "ApiError", status: error.status, body: error.body }
        : { kind: "other", error: String(error) },
  );
  return { status, settled };
}

/** The body the client handed over: the value, or the ApiError's parsed body. */
export function settledBody(settled: Settled): unknown {
  return settled.kind === "other" ? undefined : settled.body;
}
