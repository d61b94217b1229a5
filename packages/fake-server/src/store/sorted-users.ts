import { SortedList } from "./sorted-list.js";
import type { StoredUser } from "./stored-user.js";
import { ascendingBy, type SortField } from "./user-fields.js";

/**
 * One application's users in ascending order of each sort field: an order is sorted once, on
 * first use, then kept sorted by binary-search inserts and removals on every write (in chunks:
 * see {@link SortedList}), so listing never re-sorts.
 */
export class SortedUsers {
  readonly #orders = new Map<SortField, SortedList<StoredUser>>();
  readonly #source: () => Iterable<StoredUser>;

  constructor(source: () => Iterable<StoredUser>) {
    this.#source = source;
  }

  /** Whether the order of this field is built (and so kept). */
  has(field: SortField): boolean {
    return this.#orders.has(field);
  }

  /** Every user, ascending by the field (a missing value first, ties by id). */
  ascending(field: SortField): SortedList<StoredUser> {
    let order = this.#orders.get(field);
    if (order === undefined) {
      const compare = ascendingBy(field);
      order = new SortedList([...this.#source()].sort(compare), compare);
      this.#orders.set(field, order);
    }
    return order;
  }

  insert(user: StoredUser): void {
    for (const order of this.#orders.values()) order.insert(user);
  }

  remove(user: StoredUser): void {
    for (const order of this.#orders.values()) order.remove(user);
  }
}
