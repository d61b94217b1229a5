import { isJsonObject, type JsonValue, valueAt } from "@experience-users/spec";
import type { Check, Finding, ScenarioContext } from "./step.js";

const asObject = (value: JsonValue | undefined) => (isJsonObject(value) ? value : undefined);
const field = (body: JsonValue, key: string) => valueAt(body, key);

function sameId(a: JsonValue | undefined, b: string | undefined): boolean {
  return typeof a === "string" && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

function listedIds(body: JsonValue): JsonValue[] {
  const items = field(body, "items");
  return Array.isArray(items) ? items.map((item) => field(item, "id") ?? null) : [];
}

function equal(a: JsonValue | undefined, b: JsonValue): boolean {
  if (a === undefined) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((value, i) => equal(value, b[i] as JsonValue))
    );
  }
  const left = asObject(a);
  const right = asObject(b);
  if (left || right) {
    if (!left || !right) return false;
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => Object.hasOwn(right, key) && equal(left[key], right[key] as JsonValue))
    );
  }
  return a === b;
}

function finding(pointer: string, rule: string, message: string, received?: JsonValue): Finding {
  return received === undefined ? { pointer, rule, message } : { pointer, rule, message, received };
}

/** The page lists the created user (`find`) or does not (`miss`). */
export function lists(mode: "find" | "miss"): Check {
  return {
    stateful: true,
    run: (body, context) => {
      const ids = listedIds(body);
      const found = ids.some((id) => sameId(id, context.createdUserId));
      if (found === (mode === "find")) return [];
      return [
        mode === "find"
          ? finding("/items", "must-find", "the created user is not in the page", ids.slice(0, 20))
          : finding("/items", "must-not-find", "the created user is in the page", ids.slice(0, 20)),
      ];
    },
  };
}

/** `count` is the number of `items` in the page (as the schema's description says). */
export const countIsItemsLength: Check = {
  stateful: false,
  run: (body) => {
    const items = field(body, "items");
    const count = field(body, "count");
    if (!Array.isArray(items) || count === items.length) return [];
    return [finding("/count", "echo", `count is not the ${items.length} items of the page`, count)];
  },
};

/** Each field of the answer equals what was sent (`expected` is computed when the step runs). */
export function echoes(
  expected: (context: ScenarioContext) => Readonly<Record<string, JsonValue>>,
): Check {
  return {
    stateful: true,
    run: (body, context) =>
      Object.entries(expected(context)).flatMap(([key, value]) => {
        const received = field(body, key);
        return equal(received, value)
          ? []
          : [finding(`/${key}`, "echo", `${key} is not ${JSON.stringify(value)}`, received)];
      }),
  };
}

/** The answer is the created user (its `id`). */
export const isTheCreatedUser: Check = {
  stateful: true,
  run: (body, context) => {
    const id = field(body, "id");
    return sameId(id, context.createdUserId)
      ? []
      : [finding("/id", "echo", `id is not the created user's ${context.createdUserId}`, id)];
  },
};

/** A date-time field names the same instant as the one sent (any offset or precision). */
export function sameInstant(key: string, expected: (context: ScenarioContext) => string): Check {
  return {
    stateful: true,
    run: (body, context) => {
      const received = field(body, key);
      const wanted = expected(context);
      return typeof received === "string" && Date.parse(received) === Date.parse(wanted)
        ? []
        : [finding(`/${key}`, "echo", `${key} is not the instant ${wanted}`, received)];
    },
  };
}

/** A date-time field is set and not earlier than the one the context remembers. */
export function notEarlier(
  key: string,
  since: (context: ScenarioContext) => string | undefined,
): Check {
  return {
    stateful: true,
    run: (body, context) => {
      const received = field(body, key);
      const before = since(context);
      const time = typeof received === "string" ? Date.parse(received) : Number.NaN;
      if (!Number.isNaN(time) && (before === undefined || time >= Date.parse(before))) return [];
      return [
        finding(
          `/${key}`,
          "echo",
          `${key} is not set to a time from ${before ?? "now"} on`,
          received,
        ),
      ];
    },
  };
}

/** The user is in no group: `experienceGroups` is absent or empty. */
export const inNoGroup: Check = {
  stateful: true,
  run: (body) => {
    const groups = field(body, "experienceGroups");
    return groups === undefined || (Array.isArray(groups) && groups.length === 0)
      ? []
      : [finding("/experienceGroups", "echo", "the user is still in a group", groups)];
  },
};
