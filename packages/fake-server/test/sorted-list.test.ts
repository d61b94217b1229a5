import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedList } from "../src/store/sorted-list.js";

interface Item {
  key: number;
  id: number;
}

/** A total order, as the fake's sort fields are: the key, then the id. */
const compare = (a: Item, b: Item) => a.key - b.key || a.id - b.id;

function listOf(keys: number[], chunkSize: number): { list: SortedList<Item>; items: Item[] } {
  const items = keys.map((key, id) => ({ key, id })).sort(compare);
  return { list: new SortedList(items, compare, chunkSize), items };
}

describe("SortedList", () => {
  it("stays equal to a fresh sort whatever the sequence of inserts and removals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }),
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant("insert" as const), key: fc.integer({ min: 0, max: 20 }) }),
            fc.record({ op: fc.constant("remove" as const), pick: fc.nat() }),
            fc.record({ op: fc.constant("remove absent" as const), key: fc.integer() }),
          ),
          { maxLength: 80 },
        ),
        (chunkSize, keys, steps) => {
          const { list, items } = listOf(keys, chunkSize);
          let id = items.length;
          for (const step of steps) {
            if (step.op === "insert") {
              const item = { key: step.key, id: id++ };
              list.insert(item);
              items.push(item);
              items.sort(compare);
            } else if (step.op === "remove" && items.length > 0) {
              const [item] = items.splice(step.pick % items.length, 1) as [Item];
              expect(list.remove(item)).toBe(true);
              expect(list.remove(item)).toBe(false);
            } else if (step.op === "remove absent") {
              // Equal under the order to nothing held (its id is new), or a copy of a held item.
              expect(list.remove({ key: step.key, id: -1 })).toBe(false);
              const held = items[0];
              if (held !== undefined) expect(list.remove({ ...held })).toBe(false);
            }
            expect(list.length).toBe(items.length);
            expect(list.slice(0, list.length)).toEqual(items);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  const cases = [
    { description: "a page inside one chunk", start: 1, end: 3 },
    { description: "a page across three chunks", start: 2, end: 9 },
    { description: "a page running past the end", start: 8, end: 20 },
    { description: "a page past the end", start: 12, end: 20 },
    { description: "a start below zero", start: -3, end: 2 },
    { description: "an empty range", start: 5, end: 5 },
    { description: "an end before the start", start: 6, end: 2 },
  ];

  it.each(cases)("slices $description, clamped to the list", ({ start, end }) => {
    const { list, items } = listOf([5, 3, 9, 1, 7, 2, 8, 6, 4, 0], 3);
    expect(list.slice(start, end)).toEqual(items.slice(Math.max(0, start), Math.max(0, end)));
  });

  it("takes an insert into an empty list, and empties again", () => {
    const list = new SortedList<Item>([], compare, 2);
    const item = { key: 1, id: 1 };
    list.insert(item);
    expect(list.slice(0, 1)).toEqual([item]);
    expect(list.remove(item)).toBe(true);
    expect(list.length).toBe(0);
    expect(list.slice(0, 5)).toEqual([]);
  });
});
