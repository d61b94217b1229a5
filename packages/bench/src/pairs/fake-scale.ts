import {
  createFakeServer,
  EXAMPLE_APPLICATION_ID,
  type FakeServer,
} from "@experience-users/fake-server";
import type { Row, Section } from "../report.js";
import { formatRatio, summarize } from "../stats.js";

const SIZES = [1_000, 10_000, 100_000] as const;
const CALLS = 15;
const FIRST_NAMES = ["Ann", "bob", "Carla", "dmitri", "Eve", "frank", "Grace", "heidi"];
const users = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const advanced = JSON.stringify({
  $or: [
    { firstName: { $eq: "ANN", $ci: true } },
    { email: { $endsWith: "@EXAMPLE7.COM", $ci: true } },
  ],
});

const lists = {
  "sorted by email, page 0": `${users}?sortField=email&perPage=100`,
  "glob filter on email, sorted": `${users}?sortField=email&filterField=email&filter=${encodeURIComponent("user*5*@example?.com")}`,
  "advanced query ($or, $ci)": `${users}?sortField=email&query=${encodeURIComponent(advanced)}`,
};

function seed(size: number): FakeServer {
  const fake = createFakeServer();
  for (let i = 0; i < size; i++) {
    fake.addUser(EXAMPLE_APPLICATION_ID, {
      email: `user${String((i * 7919) % size).padStart(6, "0")}@example${i % 10}.com`,
      firstName: FIRST_NAMES[i % FIRST_NAMES.length] as string,
      lastName: `Last${i % 97}`,
      userTags: { tier: i % 3 === 0 ? "gold" : "basic" },
    });
  }
  return fake;
}

async function call(fake: FakeServer, path: string, init?: RequestInit): Promise<number> {
  const started = performance.now();
  const response = await fake.fetch(path, {
    ...init,
    headers: { authorization: `Bearer ${fake.token}`, ...init?.headers },
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return ms;
}

/** Pair 5: how list and create of the in-process fake grow with the number of users. */
export async function fakeScalePair(): Promise<Section> {
  const times: Record<string, Record<number, number>> = {};
  const record = (name: string, size: number, ms: number) => {
    times[name] ??= {};
    (times[name] as Record<number, number>)[size] = ms;
  };
  for (const size of SIZES) {
    const fake = seed(size);
    for (const [name, path] of Object.entries(lists)) {
      await call(fake, path);
      const samples: number[] = [];
      for (let i = 0; i < CALLS; i++) samples.push(await call(fake, path));
      record(`list, ${name}`, size, summarize(samples).median);
    }
    const creates: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      creates.push(
        await call(fake, users, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: `new${i}@example.com`, password: "a-password" }),
        }),
      );
    }
    record("create (unique-email check + PBKDF2 hash)", size, summarize(creates).median);
  }
  const rows: Row[] = Object.entries(times).map(([name, bySize]) => {
    const [small, mid, large] = SIZES.map((s) => bySize[s] ?? Number.NaN) as [
      number,
      number,
      number,
    ];
    const growth = large / mid;
    const isCreate = name.startsWith("create");
    const pageZero = name === "list, sorted by email, page 0";
    return {
      pair: `fake scale: ${name}`,
      ours: `${small.toFixed(2)} / ${mid.toFixed(2)} / ${large.toFixed(2)} ms at 1k / 10k / 100k users`,
      theirs: isCreate ? "O(1): flat" : "linear: 10x per 10x users",
      ratio: `${formatRatio(growth)} from 10k to 100k`,
      target: isCreate
        ? "<= 2x (indexed, no scan)"
        : pageZero
          ? "<= 10x and < 50 ms at 100k"
          : "<= 10x (no worse than linear)",
      met: isCreate ? growth <= 2 : pageZero ? growth <= 10 && large < 50 : growth <= 10,
    };
  });
  return {
    title: "5. Fake server scale: time per call at 1,000 / 10,000 / 100,000 users (in process)",
    rows,
    details: [
      `Median of ${CALLS} calls after one warm-up call, through the fake's fetch handler (router, auth, validation, store, JSON).`,
      "Users are seeded directly (no password, so no hashing at seed time); each create hashes its password (PBKDF2-SHA256, Web Crypto), which dominates its time and does not depend on the number of users.",
    ],
  };
}
