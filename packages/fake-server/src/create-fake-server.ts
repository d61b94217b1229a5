import type { ExperienceGroupSummary, ExperienceUser } from "@experience-users/spec";
import { Hono } from "hono";
import { DEFAULT_BODY_LIMIT, DEV_TOKEN, IN_PROCESS_BASE_URL } from "./constants.js";
import type { FakeFixture, FixtureUser } from "./fixture/fixture.js";
import { loadFixture } from "./fixture/load-fixture.js";
import { parseFixture, parseFixtureUser } from "./fixture/parse-fixture.js";
import { createDispatch, type Dispatch } from "./http/dispatch.js";
import { createFetchHandler } from "./http/fetch-handler.js";
import { createResponder, type FakeFault } from "./http/responder.js";
import { createOperationHandlers } from "./operation-handlers.js";
import {
  type ApplicationInput,
  FakeStore,
  type FakeStoreView,
  type GroupInput,
} from "./store/fake-store.js";
import { TokenRegistry } from "./store/token-registry.js";

/** Options of {@link createFakeServer}. */
export interface FakeServerOptions {
  /** What the fake starts with (and returns to on `reset()`); default: the example application. */
  fixture?: FakeFixture;
  /**
   * Check every answer against the generated response validators; a body that fails is replaced
   * by a 500 Error naming the violations and recorded in `faults`. Default false; turn it on in
   * tests so that the fake can never drift from the spec.
   */
  validateResponses?: boolean;
  /** The clock for creationDate, lastUpdated, passwordLastUpdated and new ids. */
  now?: () => Date;
  /** Largest accepted request body, in bytes (default 1 MiB); larger ones are a 413. */
  bodyLimit?: number;
}

/** A fresh, isolated, in-memory fake of the Experience Users API. */
export interface FakeServer {
  /** A fetch-compatible handler: pass it as the client's `fetch`. Relative URLs are allowed. */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /**
   * A Hono app answering every path through the fake (one catch-all route), e.g. to mount it in
   * another app with `app.mount(prefix, fake.app.fetch)`.
   */
  readonly app: Hono;
  /** A base URL for the client (`http://fake.local`); the handler ignores the host. */
  readonly baseUrl: string;
  /** The dev token, with every scope (`fake-dev-token`). */
  readonly token: string;
  /** Read access to the data, for assertions (never password hashes). */
  readonly store: FakeStoreView;
  /** Every 500 answered since the start or the last reset; a correct fake leaves it empty. */
  readonly faults: readonly FakeFault[];
  /** Adds an application; returns its id (generated unless given). */
  addApplication(application?: ApplicationInput): string;
  /** Adds an Experience Group to an application; its parent must exist. */
  addGroup(applicationId: string, group: GroupInput): ExperienceGroupSummary;
  /** Adds a user directly (no token needed; ids and dates may be pinned, password optional). */
  addUser(applicationId: string, user: FixtureUser): ExperienceUser;
  /** Accepts a token with exactly these scopes. */
  addToken(token: string, scopes: readonly string[]): void;
  /** Forgets everything and returns to the starting state (fixture, tokens), faults cleared. */
  reset(): void;
}

function toRequest(input: Request | string | URL, init: RequestInit | undefined): Request {
  if (input instanceof Request && init === undefined) return input;
  const url =
    typeof input === "string" && input.startsWith("/") ? IN_PROCESS_BASE_URL + input : input;
  return new Request(url, init);
}

/**
 * Creates a fake in one line, e.g.
 * `const fake = createFakeServer(); const client = createClient({ token: fake.token, baseUrl: fake.baseUrl, fetch: fake.fetch });`
 */
export function createFakeServer(options: FakeServerOptions = {}): FakeServer {
  return buildFake(options).fake;
}

/** A fake and its one request path, which the node:http adapter calls without a `Request`. */
export function buildFake(options: FakeServerOptions): { fake: FakeServer; dispatch: Dispatch } {
  const fixture = options.fixture === undefined ? undefined : parseFixture(options.fixture);
  const store = new FakeStore(options.now ?? (() => new Date()));
  const tokens = new TokenRegistry();
  const faults: FakeFault[] = [];
  const onFault = (fault: FakeFault) => faults.push(fault);
  const seed = () => {
    store.clear();
    tokens.clear();
    loadFixture(fixture, store, tokens);
  };
  seed();
  const send = createResponder({ validateResponses: options.validateResponses ?? false, onFault });
  const dispatch = createDispatch(
    {
      tokens,
      handlers: createOperationHandlers(store),
      bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      send,
    },
    onFault,
  );
  const handle = createFetchHandler(dispatch);
  const app = new Hono().all("*", (c) => handle(c.req.raw));
  const fake: FakeServer = {
    fetch: async (input, init) => handle(toRequest(input, init)),
    app,
    baseUrl: IN_PROCESS_BASE_URL,
    token: DEV_TOKEN,
    store,
    faults,
    addApplication: (application) => store.addApplication(application),
    addGroup: (applicationId, group) => store.addGroup(applicationId, group),
    addUser: (applicationId, user) => store.addUser(applicationId, parseFixtureUser(user)),
    addToken: (token, scopes) => tokens.add(token, scopes),
    reset: () => {
      seed();
      faults.length = 0;
    },
  };
  return { fake, dispatch };
}
