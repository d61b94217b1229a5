/** Below this share of the items, a page is picked with a heap rather than by sorting them all. */
const HEAP_SHARE = 4;

function siftDown<T>(heap: T[], compare: (a: T, b: T) => number, from: number): void {
  let parent = from;
  for (;;) {
    const left = 2 * parent + 1;
    const right = left + 1;
    let largest = parent;
    if (left < heap.length && compare(heap[left] as T, heap[largest] as T) > 0) largest = left;
    if (right < heap.length && compare(heap[right] as T, heap[largest] as T) > 0) largest = right;
    if (largest === parent) return;
    [heap[parent], heap[largest]] = [heap[largest] as T, heap[parent] as T];
    parent = largest;
  }
}

function siftUp<T>(heap: T[], compare: (a: T, b: T) => number, from: number): void {
  let child = from;
  while (child > 0) {
    const parent = (child - 1) >>> 1;
    if (compare(heap[child] as T, heap[parent] as T) <= 0) return;
    [heap[parent], heap[child]] = [heap[child] as T, heap[parent] as T];
    child = parent;
  }
}

/** Whether [0, end) of `total` items is near enough the front to pick with a heap. */
export function isNearFront(end: number, total: number): boolean {
  return end * HEAP_SHARE <= total;
}

/** The items of one page and how many items matched in all. */
export interface PickedPage<T> {
  items: T[];
  total: number;
}

/**
 * The matching items (those `keep` accepts) that would stand at positions [start, end) if they
 * were sorted by `compare` (a total order), and how many matched. The items are read once, in
 * their own order, without copying the matches: a range near the front of `size` (an upper bound
 * of the matches) is picked with a max-heap of the `end` smallest matches, O(n log end); a deeper
 * range collects the matches and sorts them.
 */
export function pickPage<T>(
  items: Iterable<T>,
  keep: (item: T) => boolean,
  compare: (a: T, b: T) => number,
  range: { start: number; end: number; size: number },
): PickedPage<T> {
  const { start, end, size } = range;
  if (!isNearFront(end, size)) {
    const found: T[] = [];
    for (const item of items) if (keep(item)) found.push(item);
    return { items: found.sort(compare).slice(start, end), total: found.length };
  }
  const heap: T[] = [];
  let total = 0;
  for (const item of items) {
    if (!keep(item)) continue;
    total++;
    if (heap.length < end) {
      heap.push(item);
      siftUp(heap, compare, heap.length - 1);
    } else if (end > 0 && compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      siftDown(heap, compare, 0);
    }
  }
  return { items: start >= heap.length ? [] : heap.sort(compare).slice(start, end), total };
}
