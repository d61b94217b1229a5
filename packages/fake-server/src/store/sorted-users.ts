import type { StoredUser } from "./stored-user.js";
import { ascendingBy, type SortField } from "./user-fields.js";

function lowerBound(
  order: readonly StoredUser[],
  user: StoredUser,
  compare: (a: StoredUser, b: StoredUser) => number,
): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(order[middle] as StoredUser, user) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * One application's users in ascending order of each sort field: an order is sorted once, on
 * first use, then kept sorted by binary-search inserts and removals on every write, so listing
 * never re-sorts.
 */
export class SortedUsers {
  readonly #orders = new Map<SortField, StoredUser[]>();
  readonly #source: () => Iterable<StoredUser>;

  constructor(source: () => Iterable<StoredUser>) {
    this.#source = source;
  }

  /** Whether the order of this field is built (and so kept). */
  has(field: SortField): boolean {
    return this.#orders.has(field);
  }

  /** Every user, ascending by the field (a missing value first, ties by id). */
  ascending(field: SortField): readonly StoredUser[] {
    let order = this.#orders.get(field);
    if (order === undefined) {
      order = [...this.#source()].sort(ascendingBy(field));
      this.#orders.set(field, order);
    }
    return order;
  }

  insert(user: StoredUser): void {
    for (const [field, order] of this.#orders) {
      order.splice(lowerBound(order, user, ascendingBy(field)), 0, user);
    }
  }

  remove(user: StoredUser): void {
    for (const [field, order] of this.#orders) {
      const index = lowerBound(order, user, ascendingBy(field));
      if (order[index] === user) order.splice(index, 1);
    }
  }
}
