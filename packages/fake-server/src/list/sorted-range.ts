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

/**
 * The items that would stand at positions [start, end) if `items` were sorted by `compare` (a
 * total order). A range near the front is picked with a max-heap of the `end` smallest items,
 * O(n log end), without sorting the rest; a deeper range sorts the items (in place).
 */
export function sortedRange<T>(
  items: T[],
  compare: (a: T, b: T) => number,
  start: number,
  end: number,
): T[] {
  const stop = Math.min(end, items.length);
  if (start >= stop) return [];
  if (!isNearFront(stop, items.length)) return items.sort(compare).slice(start, stop);
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < stop) {
      heap.push(item);
      siftUp(heap, compare, heap.length - 1);
    } else if (compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      siftDown(heap, compare, 0);
    }
  }
  return heap.sort(compare).slice(start, stop);
}
