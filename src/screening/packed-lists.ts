/**
 * Lists of numbers packed into two typed arrays, quick to read in a hot loop: list `i` is
 * `items[start[i]..start[i + 1])`.
 */
export interface PackedLists {
  start: Int32Array;
  items: Int32Array;
}

export function packLists(lists: readonly (readonly number[])[]): PackedLists {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, index) => (start[index + 1] = (start[index] ?? 0) + list.length));
  return { start, items: Int32Array.from(lists.flat()) };
}
