import {
  type ExperienceUser,
  type ExperienceUserPatch,
  type ExperienceUserPost,
  type ExperienceUsers,
  type OperationTypes,
  type paths,
  routes,
  type Success,
} from "@experience-users/spec";
import createFetchClient, { type Client, type Middleware } from "openapi-fetch";
import { type CallOptions, execute, type RawResult } from "./execute.js";
import { passThroughErrors } from "./middleware-failure.js";
import type { LightTransport } from "./node/light-request.js";
import { type RetryOptions, retryPolicy } from "./retry-policy.js";
import { serializeQuery } from "./serialize-query.js";

/** The Losant API. */
export const DEFAULT_BASE_URL = "https://api.losant.com";
/** Milliseconds a call may take, retries included, unless `timeout` says otherwise. */
export const DEFAULT_TIMEOUT = 30_000;

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** A Losant API access token; sent as `Authorization: Bearer <token>`. */
  token: string;
  /** API root. Default `https://api.losant.com`; point it at the mock or the fake in tests. */
  baseUrl?: string;
  /**
   * A fetch to use instead of `globalThis.fetch` (e.g. the in-process fake server's, or
   * `createNodeFetch()` from `@experience-users/client/node`). A fetch that carries a `Request`
   * class gets its requests built with that class.
   */
  fetch?: ((request: Request) => Promise<Response>) & { Request?: unknown };
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /** `losantdomain` header sent with every call (rarely needed). */
  losantdomain?: string;
  /** Milliseconds before a call rejects with a TimeoutError. Default 30,000; 0 disables it. */
  timeout?: number;
  /** Retries of idempotent calls (list, get, delete), or a retry count. Off by default. */
  retry?: RetryOptions | number;
  /**
   * openapi-fetch middleware, e.g. the validators package's `validationMiddleware()`. What a
   * middleware throws reaches the caller unchanged.
   */
  middleware?: Middleware[];
}

type Parameters<Op extends keyof OperationTypes> = OperationTypes[Op]["parameters"];

/** Path and query parameters of `users.list`: `applicationId` plus every optional filter. */
export type ListExperienceUsersParams = Parameters<"listExperienceUsers">["path"] &
  NonNullable<Parameters<"listExperienceUsers">["query"]>;
/** Path parameters of `users.create`. */
export type CreateExperienceUserParams = Parameters<"createExperienceUser">["path"];
/** Path parameters of `users.get`, `users.update` and `users.delete`. */
export type ExperienceUserParams = Parameters<"getExperienceUser">["path"];

/** The five Experience Users operations, with readable names. */
export interface ExperienceUsersApi {
  /** One page of an application's experience users (`GET .../experience/users`). */
  list(params: ListExperienceUsersParams, options?: CallOptions): Promise<ExperienceUsers>;
  /** Every matching user, page after page, as an async iterator. */
  listAll(
    params: Omit<ListExperienceUsersParams, "page">,
    options?: CallOptions,
  ): AsyncIterableIterator<ExperienceUser>;
  /** Creates a user (`POST .../experience/users`); resolves to the created user (201). */
  create(
    params: CreateExperienceUserParams,
    body: ExperienceUserPost,
    options?: CallOptions,
  ): Promise<ExperienceUser>;
  /** One user (`GET .../experience/users/{experienceUserId}`). */
  get(params: ExperienceUserParams, options?: CallOptions): Promise<ExperienceUser>;
  /** Changes the given fields of a user (`PATCH .../experience/users/{experienceUserId}`). */
  update(
    params: ExperienceUserParams,
    body: ExperienceUserPatch,
    options?: CallOptions,
  ): Promise<ExperienceUser>;
  /** Deletes a user (`DELETE .../experience/users/{experienceUserId}`). */
  delete(params: ExperienceUserParams, options?: CallOptions): Promise<Success>;
}

/** What {@link createClient} returns. */
export interface ExperienceUsersClient {
  /** The typed Experience Users operations. */
  readonly users: ExperienceUsersApi;
  /**
   * The underlying openapi-fetch client (auth, base URL and query encoding set up) for anything
   * the typed methods do not cover. It resolves to `{ data, error, response }` and never throws
   * the typed errors.
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a client for the Experience Users API.
 *
 * @example
 * const client = createClient({ token: process.env.LOSANT_API_TOKEN! });
 * const { items } = await client.users.list({ applicationId: "575ec8687ae143cd83dc4a97" });
 */
export function createClient(options: ClientOptions): ExperienceUsersClient {
  if (typeof options?.token !== "string" || options.token === "") {
    throw new TypeError("createClient needs a non-empty `token`");
  }
  const fetchOptions = {
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    querySerializer: serializeQuery,
    headers: {
      Accept: "application/json",
      ...options.headers,
      ...(options.losantdomain === undefined ? {} : { losantdomain: options.losantdomain }),
      Authorization: `Bearer ${options.token}`,
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const light =
    typeof options.fetch?.Request === "function"
      ? (options.fetch as unknown as LightTransport)
      : undefined;
  // The raw client keeps standard Requests; the typed methods use light ones with the client's own transports.
  const raw = createFetchClient<paths>(fetchOptions);
  const inner = createFetchClient<paths>(
    light
      ? { ...fetchOptions, fetch: light as never, Request: light.Request as never }
      : fetchOptions,
  );
  if (options.middleware?.length) {
    raw.use(...options.middleware);
    inner.use(...options.middleware.map(passThroughErrors));
  }

  const retry = retryPolicy(options.retry);
  const timeout = options.timeout === 0 ? undefined : (options.timeout ?? DEFAULT_TIMEOUT);
  const context = (operation: keyof typeof routes) => ({
    operation,
    idempotent: routes[operation].method === "get" || routes[operation].method === "delete",
    retry,
    timeout,
  });
  const init = (signal: AbortSignal | undefined, call: CallOptions | undefined) => ({
    signal,
    parseAs: "text" as const,
    headers: {
      ...call?.headers,
      ...(call?.losantdomain === undefined ? {} : { losantdomain: call.losantdomain }),
    },
  });

  const list: ExperienceUsersApi["list"] = (params, call) => {
    const { applicationId, ...query } = params;
    return execute(
      context("listExperienceUsers"),
      call,
      (signal) =>
        inner.GET(routes.listExperienceUsers.path, {
          ...init(signal, call),
          params: { path: { applicationId }, query },
        }) as Promise<RawResult>,
    );
  };

  const users: ExperienceUsersApi = {
    list,
    async *listAll(params, call) {
      for (let page = 0; ; page++) {
        const result = await list({ ...params, page }, call);
        const items = result.items ?? [];
        yield* items;
        const perPage = result.perPage ?? items.length;
        const seen = page * perPage + items.length;
        if (items.length === 0 || items.length < perPage) return;
        if (result.totalCount !== undefined && seen >= result.totalCount) return;
      }
    },
    create: (params, body, call) =>
      execute(
        context("createExperienceUser"),
        call,
        (signal) =>
          inner.POST(routes.createExperienceUser.path, {
            ...init(signal, call),
            params: { path: params },
            body,
          }) as Promise<RawResult>,
      ),
    get: (params, call) =>
      execute(
        context("getExperienceUser"),
        call,
        (signal) =>
          inner.GET(routes.getExperienceUser.path, {
            ...init(signal, call),
            params: { path: params },
          }) as Promise<RawResult>,
      ),
    update: (params, body, call) =>
      execute(
        context("updateExperienceUser"),
        call,
        (signal) =>
          inner.PATCH(routes.updateExperienceUser.path, {
            ...init(signal, call),
            params: { path: params },
            body,
          }) as Promise<RawResult>,
      ),
    delete: (params, call) =>
      execute(
        context("deleteExperienceUser"),
        call,
        (signal) =>
          inner.DELETE(routes.deleteExperienceUser.path, {
            ...init(signal, call),
            params: { path: params },
          }) as Promise<RawResult>,
      ),
  };

  return { users, raw };
}
