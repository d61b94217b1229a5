import type {
  TagKeyValueMatcher,
  TagMapMatcher,
  TagMatch,
  UserTagsCondition,
  UserTagsMatcher,
} from "@experience-users/spec";

type Tags = ReadonlyMap<string, string>;
type TagsTest = (tags: Tags) => boolean;
/** Tests a tag key or value; undefined stands for a missing one. */
type PartTest = (part: string | undefined) => boolean;

function partTest(match: Exclude<TagMatch, null>): PartTest {
  if (typeof match === "string") return (part) => part === match;
  if ("$in" in match) {
    const accepted = new Set(match.$in);
    return (part) => part !== undefined && accepted.has(part);
  }
  const refused = new Set(match.$nin);
  return (part) => part === undefined || !refused.has(part);
}

function keyValueTest(matcher: TagKeyValueMatcher): TagsTest {
  const key = matcher.$tagKey;
  const value = matcher.$tagValue;
  const keyTest = key === undefined || key === null ? undefined : partTest(key);
  const valueTest = value === undefined || value === null ? undefined : partTest(value);
  const some = (tags: Tags) => {
    for (const [k, v] of tags) {
      if ((keyTest?.(k) ?? true) && (valueTest?.(v) ?? true)) return true;
    }
    return false;
  };
  return key === null || value === null ? (tags) => !some(tags) : some;
}

function mapTest(matcher: TagMapMatcher): TagsTest {
  const tests = Object.entries(matcher).map(([key, match]): TagsTest => {
    if (match === null) return (tags) => !tags.has(key);
    const test = partTest(match);
    return (tags) => test(tags.get(key));
  });
  return (tags) => tests.every((test) => test(tags));
}

function matcherTest(matcher: UserTagsMatcher): TagsTest {
  if (matcher === null) return (tags) => tags.size === 0;
  if (Object.hasOwn(matcher, "$tagKey") || Object.hasOwn(matcher, "$tagValue")) {
    return keyValueTest(matcher as TagKeyValueMatcher);
  }
  return mapTest(matcher as TagMapMatcher);
}

/**
 * Compiles a `userTags` condition. `{ $tagKey, $tagValue }`: some tag matches both given parts;
 * when a part is null ("missing"), no tag matches the other part. A map `{ key: match }`: every
 * key matches (null: the tag is missing). `null`: the user has no tags. `{ $eq: m }` is `m`,
 * `{ $ne: m }` its negation. Tags are a Map, so `__proto__` or `toString` are ordinary keys.
 */
export function compileTagsCondition(condition: UserTagsCondition): TagsTest {
  if (condition !== null && Object.hasOwn(condition, "$ne")) {
    const test = matcherTest((condition as { $ne: UserTagsMatcher }).$ne);
    return (tags) => !test(tags);
  }
  if (condition !== null && Object.hasOwn(condition, "$eq")) {
    return matcherTest((condition as { $eq: UserTagsMatcher }).$eq);
  }
  return matcherTest(condition as UserTagsMatcher);
}
