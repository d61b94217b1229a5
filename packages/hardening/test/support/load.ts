import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ApiError, createClient, type ExperienceUsersClient } from "@experience-users/client";
import { createNodeFetch } from "@experience-users/client/node";
import { DEV_TOKEN, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";

const applicationId = EXAMPLE_APPLICATION_ID;

export interface LoadFigures {
  seconds: number;
  concurrency: number;
  requests: number;
  perSecond: number;
  statuses: Record<number, number>;
  /** Calls that got no HTTP answer, or an answer the client could not read. */
  errors: number;
  firstErrors: string[];
  heapBefore: number;
  heapAfter: number;
}

/** Starts the fake in a child process (with --expose-gc) and returns its port and a heap probe. */
async function startFakeChild() {
  const child: ChildProcess = fork(
    fileURLToPath(new URL("./fake-child.mjs", import.meta.url)),
    [],
    {
      execArgv: ["--expose-gc"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    },
  );
  const next = <T>() => new Promise<T>((resolve) => child.once("message", (m) => resolve(m as T)));
  const { port } = await next<{ port: number }>();
  return {
    port,
    heap: async () => {
      const reply = next<{ heapUsed: number }>();
      child.send("memory");
      return (await reply).heapUsed;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send("stop");
      await exited;
    },
  };
}

/**
 * One virtual user's loop: create, get, list (glob, advanced query), patch, a bad request, a
 * missing user, delete. Every user it creates it deletes, so the store stays small.
 */
async function session(
  client: ExperienceUsersClient,
  worker: number,
  round: number,
  count: (status: number) => void,
) {
  const call = async <T>(promise: Promise<T>): Promise<T | undefined> => {
    try {
      const value = await promise;
      count(200);
      return value;
    } catch (error) {
      if (error instanceof ApiError) {
        count(error.status);
        return undefined;
      }
      throw error;
    }
  };
  const email = `load-${worker}-${round}@example.com`;
  const user = await call(
    client.users.create(
      { applicationId },
      { email, password: "a-password", userTags: { worker: String(worker) } },
    ),
  );
  const experienceUserId = user?.id ?? "000000000000000000000000";
  await call(client.users.get({ applicationId, experienceUserId }));
  await call(
    client.users.list({
      applicationId,
      filterField: "email",
      filter: `load-${worker}-*`,
      perPage: 10,
    }),
  );
  await call(
    client.users.list({
      applicationId,
      query: {
        $or: [
          { email: { $startsWith: "LOAD-", $ci: true } },
          { userTags: { worker: String(worker) } },
        ],
      },
    }),
  );
  await call(
    client.users.update({ applicationId, experienceUserId }, { firstName: `Round ${round}` }),
  );
  await call(client.users.create({ applicationId }, { email: "not-an-email", password: "short" }));
  await call(client.users.get({ applicationId, experienceUserId: "ffffffffffffffffffffffff" }));
  await call(client.users.delete({ applicationId, experienceUserId }));
}

/** Runs `concurrency` virtual users against the fake for `seconds`, then reads its heap again. */
export async function runLoad(seconds: number, concurrency: number): Promise<LoadFigures> {
  const fake = await startFakeChild();
  const transport = createNodeFetch({ maxSockets: concurrency });
  const client = createClient({
    token: DEV_TOKEN,
    baseUrl: `http://127.0.0.1:${fake.port}`,
    fetch: transport,
    timeout: 10_000,
  });
  const statuses: Record<number, number> = {};
  const firstErrors: string[] = [];
  let requests = 0;
  let errors = 0;
  const count = (status: number) => {
    requests++;
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  try {
    for (let w = 0; w < concurrency; w++) await session(client, w, -1, () => {});
    const heapBefore = await fake.heap();
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        for (let round = 0; performance.now() < until; round++) {
          try {
            await session(client, worker, round, count);
          } catch (error) {
            errors++;
            if (firstErrors.length < 5) firstErrors.push(String(error));
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const heapAfter = await fake.heap();
    return {
      seconds: elapsed,
      concurrency,
      requests,
      perSecond: requests / elapsed,
      statuses,
      errors,
      firstErrors,
      heapBefore,
      heapAfter,
    };
  } finally {
    transport.close();
    await fake.stop();
  }
}
