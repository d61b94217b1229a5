import {
  type OperationId,
  type OperationRequest,
  type paths,
  routes,
  type SuccessBody,
} from "@experience-users/spec";
import createFetchClient, { type Client, type Middleware } from "openapi-fetch";
import { DEFAULT_ACCEPT_VERSION, DEFAULT_BASE_URL } from "./defaults.js";
import { type AttemptInit, type CallOptions, executor, type FetchResult } from "./execute.js";
import type { TransportFailure } from "./failure.js";
import type { ClientHooks } from "./hooks.js";
import { middlewareDone } from "./parse-marker.js";
import type { RetryOptions } from "./retry-policy.js";
import { serializeQuery } from "./serialize-query.js";
import { platformFetch, type Transport } from "./transport.js";

/** Options of {@link createClient}. */
export interface ClientOptions extends ClientHooks {
  /** A Losant API access token; sent as `Authorization: Bearer <token>`. */
  token: string;
  /**
   * API root; point it at the mock or the fake in tests.
   * @default "https://api.losant.com"
   */
  baseUrl?: string;
  /**
   * A fetch to send through instead of the platform's (e.g. the in-process fake server's, or
   * `createNodeFetch()` from `@experience-users/client/node` with options). On Node (the `node`
   * entry), a fetch that carries a `Request` class gets its requests built with that class.
   * @default on Node, the Node transport (undici), or `globalThis.fetch` whenever something
   * (MSW, a test double) replaced it; elsewhere `globalThis.fetch`
   */
  fetch?: Transport;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /** `losantdomain` header sent with every call (rarely needed). */
  losantdomain?: string;
  /**
   * `Accept-Version` sent with every call: the API version range the caller is written against.
   * @default "^1.20.1"
   */
  acceptVersion?: string;
  /**
   * `User-Agent` sent with every call where the platform lets a client set it; `""` sends none.
   * @default `experience-users-client/<version>` on Node; none in browsers, which do not let a
   * page set it
   */
  userAgent?: string;
  /**
   * Milliseconds before a call rejects with a TimeoutError; 0 disables it.
   * @default 30000
   */
  timeout?: number;
  /**
   * Retries of failed calls, or a retry count: idempotent calls (list, get, delete) on network
   * failures and retried statuses. Without it, only a request proven never sent (the connection
   * was refused) is sent once more.
   * @default off
   */
  retry?: RetryOptions | number;
  /**
   * openapi-fetch middleware, e.g. the validators package's `validationMiddleware()`. What a
   * middleware throws reaches the caller unchanged.
   */
  middleware?: Middleware[];
}

type Path<Op extends OperationId> = OperationRequest<Op>["path"];
type Query<Op extends OperationId> = NonNullable<OperationRequest<Op>["query"]>;
type Body<Op extends OperationId> = OperationRequest<Op> extends { body: infer B } ? B : never;
type Result<Op extends OperationId> = Promise<SuccessBody<Op>>;

/** Path and query parameters of `users.list`: `applicationId` plus every optional filter. */
export type ListExperienceUsersParams = Path<"listExperienceUsers"> & Query<"listExperienceUsers">;
/** Path parameters of `users.create`. */
export type CreateExperienceUserParams = Path<"createExperienceUser">;
/** Path parameters of `users.get` (`users.update` and `users.delete` take the same). */
export type ExperienceUserParams = Path<"getExperienceUser">;

/** The five Experience Users operations, with readable names; every type comes from the spec. */
export interface ExperienceUsersApi {
  /** One page of an application's experience users (`GET .../experience/users`). */
  list(params: ListExperienceUsersParams, options?: CallOptions): Result<"listExperienceUsers">;
  /** Every matching user, page after page, as an async iterator. */
  listAll(
    params: Omit<ListExperienceUsersParams, "page">,
    options?: CallOptions,
  ): AsyncIterableIterator<SuccessBody<"listExperienceUsers">["items"][number]>;
  /** Creates a user (`POST .../experience/users`); resolves to the created user (201). */
  create(
    params: Path<"createExperienceUser">,
    body: Body<"createExperienceUser">,
    options?: CallOptions,
  ): Result<"createExperienceUser">;
  /** One user (`GET .../experience/users/{experienceUserId}`). */
  get(params: Path<"getExperienceUser">, options?: CallOptions): Result<"getExperienceUser">;
  /** Changes the given fields of a user (`PATCH .../experience/users/{experienceUserId}`). */
  update(
    params: Path<"updateExperienceUser">,
    body: Body<"updateExperienceUser">,
    options?: CallOptions,
  ): Result<"updateExperienceUser">;
  /** Deletes a user (`DELETE .../experience/users/{experienceUserId}`). */
  delete(
    params: Path<"deleteExperienceUser">,
    options?: CallOptions,
  ): Result<"deleteExperienceUser">;
}

/** What {@link createClient} returns. */
export interface ExperienceUsersClient {
  /** The typed Experience Users operations. */
  readonly users: ExperienceUsersApi;
  /**
   * The underlying openapi-fetch client (auth, base URL, `Accept-Version` and query encoding set
   * up) for anything the typed methods do not cover. It resolves to `{ data, error, response }`
   * and never throws the typed errors.
   */
  readonly raw: Client<paths>;
}

/** What the platform entry (`index.ts` or `index.node.ts`) gives a client it creates. */
export interface PlatformDefaults {
  /** The transport of a call made without a `fetch` option; asked on every call. */
  transport: () => Transport;
  /** The `User-Agent` sent unless `userAgent` says otherwise; none when undefined. */
  userAgent?: string;
  /** What the platform knows of its transports' errors. */
  transportFailure?: TransportFailure;
  /**
   * The inner client each transport's requests go through, given the standard one and how to make
   * another; by default the standard one for every transport.
   */
  clientFor?: (
    standard: Client<paths>,
    make: (options: FetchOptions) => Client<paths>,
    options: FetchOptions,
  ) => (transport: Transport) => Client<paths>;
}

/** The openapi-fetch options every inner client starts from. */
export interface FetchOptions {
  baseUrl: string;
  querySerializer: (query: Record<string, unknown>) => string;
  headers: Record<string, string>;
  Request?: typeof Request;
}

/** One typed call as openapi-fetch's `request` takes it. */
type SendRequest = (
  method: string,
  path: string,
  init: AttemptInit & {
    headers: Record<string, string | undefined>;
    params: { path: object; query?: object };
    body?: unknown;
  },
) => Promise<FetchResult<never>>;

/** Creates a client; the entries' `createClient` call it with their platform's defaults. */
export function buildClient(
  options: ClientOptions,
  platform: PlatformDefaults,
): ExperienceUsersClient {
  const { token, fetch: userFetch, middleware = [] } = options ?? {};
  if (typeof token !== "string" || token === "") {
    throw new TypeError("createClient needs a non-empty `token`");
  }
  const userAgent = options.userAgent ?? platform.userAgent;
  const fetchOptions: FetchOptions = {
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    querySerializer: serializeQuery,
    headers: {
      Accept: "application/json",
      "Accept-Version": options.acceptVersion ?? DEFAULT_ACCEPT_VERSION,
      ...(userAgent ? { "User-Agent": userAgent } : {}),
      ...options.headers,
      ...(options.losantdomain === undefined ? {} : { losantdomain: options.losantdomain }),
      Authorization: `Bearer ${token}`,
    },
  };
  try {
    new Headers(fetchOptions.headers);
  } catch {
    // The platform's message would repeat the value, the token perhaps.
    throw new TypeError("createClient: the token and headers must be valid HTTP header values");
  }
  const make = (init: FetchOptions & { fetch?: Transport }): Client<paths> => {
    const client = createFetchClient<paths>(init);
    if (middleware.length) client.use(middlewareDone, ...middleware);
    return client;
  };
  // The typed methods pass their own fetch per call; `raw` sends through this one.
  const standard = make({ ...fetchOptions, fetch: userFetch ?? platformFetch });
  const clientFor = platform.clientFor?.(standard, make, fetchOptions) ?? (() => standard);
  const execute = executor(options, platform);

  /** Runs one typed call: its route, transport, client and headers, then {@link execute}. */
  const run = <Op extends OperationId>(
    operation: Op,
    path: Path<Op>,
    call: CallOptions | undefined,
    body?: Body<Op>,
    query?: Query<Op>,
  ): Result<Op> => {
    const { method, path: route } = routes[operation];
    const transport = userFetch ?? platform.transport();
    const client = clientFor(transport) as unknown as { request: SendRequest };
    // openapi-fetch leaves out headers whose value is undefined.
    const headers = {
      ...call?.headers,
      losantdomain: call?.losantdomain,
      "Accept-Version": call?.acceptVersion,
    };
    return execute(operation, method === "get" || method === "delete", transport, call, (init) =>
      client.request(method, route, {
        ...init,
        headers,
        params: { path, query },
        body,
      }),
    );
  };

  const list: ExperienceUsersApi["list"] = ({ applicationId, ...query }, call) =>
    run("listExperienceUsers", { applicationId }, call, undefined, query);

  const users: ExperienceUsersApi = {
    list,
    async *listAll(params, call) {
      for (let page = 0; ; page++) {
        const { items, perPage, totalCount } = await list({ ...params, page }, call);
        yield* items;
        if (items.length === 0 || items.length < perPage) return;
        if (page * perPage + items.length >= totalCount) return;
      }
    },
    create: (params, body, call) => run("createExperienceUser", params, call, body),
    get: (params, call) => run("getExperienceUser", params, call),
    update: (params, body, call) => run("updateExperienceUser", params, call, body),
    delete: (params, call) => run("deleteExperienceUser", params, call),
  };

  return { users, raw: standard };
}
