/**
 * Rough timings of the fake at scale (not a benchmark: one process, wall-clock, few runs).
 * Run with `npx tsx scripts/measure-scale.ts` from packages/fake-server.
 */
import {
  createFakeServer,
  EXAMPLE_APPLICATION_ID,
  type FakeFixture,
  type FakeServer,
} from "../src/index.js";

const SIZES = [1_000, 10_000, 100_000];
const FIRST_NAMES = ["Ann", "bob", "Carla", "dmitri", "Eve", "frank", "Grace", "heidi"];
const usersUrl = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;

/** A fixture of `size` users whose emails are inserted out of order (a permutation of 0..size-1). */
function fixtureOf(size: number): FakeFixture {
  const users = Array.from({ length: size }, (_, i) => ({
    email: `user${String((i * 7919) % size).padStart(6, "0")}@example${i % 10}.com`,
    firstName: FIRST_NAMES[i % FIRST_NAMES.length] as string,
    lastName: `Last${i % 97}`,
    userTags: { tier: i % 3 === 0 ? "gold" : "basic" },
  }));
  return { applications: [{ id: EXAMPLE_APPLICATION_ID, users }] };
}

function seed(size: number): { fake: FakeServer; seconds: number } {
  const fixture = fixtureOf(size);
  const started = performance.now();
  const fake = createFakeServer({ fixture });
  return { fake, seconds: (performance.now() - started) / 1000 };
}

async function timed(fake: FakeServer, path: string, init?: RequestInit) {
  const started = performance.now();
  const response = await fake.fetch(path, {
    ...init,
    headers: { authorization: `Bearer ${fake.token}`, ...init?.headers },
  });
  const body = (await response.json()) as { totalCount?: number };
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, total: body.totalCount };
}

const query = encodeURIComponent(
  JSON.stringify({
    $or: [
      { firstName: { $eq: "ANN", $ci: true } },
      { email: { $endsWith: "@EXAMPLE7.COM", $ci: true } },
    ],
  }),
);
const glob = `${usersUrl}?sortField=email&filterField=email&filter=user*5*@example?.com`;

const rows: Record<string, string>[] = [];
for (const size of SIZES) {
  const { fake, seconds } = seed(size);
  const globCold = await timed(fake, glob);
  const globWarm = await timed(fake, glob);
  const advanced = await timed(fake, `${usersUrl}?sortField=email&query=${query}`);
  const lastPage = await timed(
    fake,
    `${usersUrl}?sortField=lastName&perPage=100&page=${size / 100 - 1}`,
  );
  const creates: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const response = await fake.fetch(usersUrl, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.token}`, "content-type": "application/json" },
      body: JSON.stringify({ email: `new${i}@example.com`, password: "a-password" }),
    });
    if (response.status !== 201) throw new Error(`create: ${response.status}`);
    creates.push(performance.now() - started);
  }
  const duplicate = performance.now();
  const refused = await fake.fetch(usersUrl, {
    method: "POST",
    headers: { authorization: `Bearer ${fake.token}`, "content-type": "application/json" },
    body: JSON.stringify({ email: "USER000000@EXAMPLE0.COM", password: "a-password" }),
  });
  if (refused.status !== 400) throw new Error(`duplicate: ${refused.status}`);
  const duplicateMs = performance.now() - duplicate;
  const afterWrites = await timed(fake, glob);
  const ms = (value: number) => value.toFixed(1);
  rows.push({
    users: size.toLocaleString("en-US"),
    "fixture load (s)": seconds.toFixed(2),
    "glob page 0, 1st (ms)": ms(globCold.ms),
    "glob page 0, again (ms)": ms(globWarm.ms),
    "glob matches": String(globWarm.total),
    "$or+$ci page 0 (ms)": ms(advanced.ms),
    "$or+$ci matches": String(advanced.total),
    "no filter, last page, sorts once (ms)": ms(lastPage.ms),
    "create, median of 20 (ms)": ms([...creates].sort((a, b) => a - b)[10] ?? Number.NaN),
    "duplicate email 400 (ms)": ms(duplicateMs),
    "glob after 20 creates (ms)": ms(afterWrites.ms),
  });
}
console.table(rows);
