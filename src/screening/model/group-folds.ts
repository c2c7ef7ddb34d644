/**
 * Assigns groups to `k` folds so that no group is split and the folds hold about as many items
 * each: the largest groups first, each to the fold with the fewest items so far (ties to the
 * lowest fold), with groups of equal size taken in name order. Deterministic.
 */
export function assignFolds(groups: readonly string[], k: number): number[] {
  const sizes = new Map<string, number>();
  for (const group of groups) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const order = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [group, size] of order) {
    const fold = load.indexOf(Math.min(...load));
    foldOf.set(group, fold);
    load[fold] = (load[fold] ?? 0) + size;
  }
  return groups.map((group) => foldOf.get(group) ?? 0);
}
