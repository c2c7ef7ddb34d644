import type { CompiledPattern } from './compile-pattern.js';
import type { FoundWords } from './find-words.js';
import { requirementCost, uninformativeCost, type AnchorWords } from './pattern-anchors.js';
import {
  buildWordTable,
  canBeChecked,
  createWordScan,
  isMet,
  requirementsOfEntry,
  scanWords,
  type WordScan,
  type WordTable,
} from './word-table.js';

/**
 * Many patterns indexed by the words they need, so that one reading of a sentence tells which
 * of them could match it: only those are then run.
 *
 * Patterns are filed in a tree by their requirements (see `CompiledPattern.requirements`), rarest
 * first: a sentence follows a branch only while it meets the requirement at its head, so patterns
 * that share requirements are ruled out together, and a sentence is looked at only from the rare
 * words it contains.
 */
export interface PatternIndex {
  patterns: readonly CompiledPattern[];
  words: WordTable;
  /** By requirement number: the branch headed by that requirement, when it is some pattern's rarest. */
  branches: (Branch | undefined)[];
  /** By entry of the word table: the requirements it meets that head a branch. */
  headsOfEntry: number[][];
  /** Scratch space: by requirement, the stamp of the scan in which its branch was last followed. */
  followed: Float64Array;
  /** Patterns whose requirements are all of common words (or who have none): tried on every sentence. */
  always: Branch;
  scan: WordScan;
}

interface Branch {
  /** Patterns whose requirements all lie on the path to here. */
  patterns: number[];
  /** Further requirements, each heading the branch at the same place in `branches`. */
  requirements: number[];
  branches: Branch[];
}

/** Indexes patterns numbered by their position in the list. */
export function buildPatternIndex(patterns: readonly CompiledPattern[]): PatternIndex {
  const requirementIds = new Map<AnchorWords, number>();
  const idOf = (requirement: AnchorWords): number => {
    let id = requirementIds.get(requirement);
    if (id === undefined) {
      id = requirementIds.size;
      requirementIds.set(requirement, id);
    }
    return id;
  };
  const branches: (Branch | undefined)[] = [];
  const always = newBranch();
  patterns.forEach((pattern, patternId) => {
    // Rarest first; ties broken by number, so that equal requirements share one path.
    const path = [...new Set(pattern.requirements)]
      .map((requirement) => ({
        id: idOf(requirement),
        // One that cannot be checked rules nothing out: it goes last.
        cost: canBeChecked(requirement) ? requirementCost(requirement) : Infinity,
      }))
      .sort((a, b) => a.cost - b.cost || a.id - b.id);
    const head = path[0];
    let branch: Branch;
    let rest = path;
    // The scan lists only requirements of rare words as met, so only those can head a branch.
    if (head && head.cost < uninformativeCost) {
      branch = branches[head.id] ??= newBranch();
      rest = path.slice(1);
    } else branch = always;
    for (const { id } of rest) {
      const at = branch.requirements.indexOf(id);
      let next = branch.branches[at];
      if (at < 0 || !next) {
        next = newBranch();
        branch.requirements.push(id);
        branch.branches.push(next);
      }
      branch = next;
    }
    branch.patterns.push(patternId);
  });
  const words = buildWordTable([...requirementIds.keys()]);
  return {
    patterns,
    words,
    branches,
    headsOfEntry: words.entries.map((_, entry) =>
      requirementsOfEntry(words, entry).filter((requirement) => branches[requirement]),
    ),
    followed: new Float64Array(requirementIds.size),
    always,
    scan: createWordScan(words),
  };
}

function newBranch(): Branch {
  return { patterns: [], requirements: [], branches: [] };
}

/**
 * The numbers, in ascending order, of the patterns that could match a stretch of text (a
 * sentence) whose words are rows `[from, to)` of `found` (see `findWords`): those with a word set
 * whose every requirement is met.
 */
export function patternsThatMayMatch(
  index: PatternIndex,
  found: FoundWords,
  from: number,
  to: number,
): number[] {
  const { scan } = index;
  scanWords(found, from, to, scan);
  const matches: number[] = [];
  follow(index.always, index, matches);
  for (const entry of scan.read) {
    const heads = index.headsOfEntry[entry];
    if (!heads) continue;
    for (const requirement of heads) {
      const branch = index.branches[requirement];
      if (!branch || index.followed[requirement] === scan.stamp) continue;
      index.followed[requirement] = scan.stamp;
      follow(branch, index, matches);
    }
  }
  return sortAscending(matches);
}

/** Sorts a few numbers in place, in ascending order: an insertion sort, quicker than `sort` here. */
function sortAscending(numbers: number[]): number[] {
  for (let at = 1; at < numbers.length; at += 1) {
    const value = numbers[at] ?? 0;
    let to = at;
    for (; to > 0 && (numbers[to - 1] ?? 0) > value; to -= 1) numbers[to] = numbers[to - 1] ?? 0;
    numbers[to] = value;
  }
  return numbers;
}

/**
 * Whether some pattern could match a text with none of the index's words: one with no
 * requirements, or only requirements that cannot be checked.
 */
export function mayMatchWithoutWords(index: PatternIndex): boolean {
  const reachable = (branch: Branch): boolean =>
    branch.patterns.length > 0 ||
    branch.requirements.some(
      (requirement, at) =>
        index.words.requirementEntries[requirement] === undefined &&
        reachable(branch.branches[at] ?? newBranch()),
    );
  return reachable(index.always);
}

/** Adds the patterns of a branch, and of every further branch whose requirement the scan met. */
function follow(branch: Branch, index: PatternIndex, matches: number[]): void {
  const { scan } = index;
  // A branch is followed at most once a scan, so no pattern is listed twice.
  for (const pattern of branch.patterns) matches.push(pattern);
  const { requirements, branches } = branch;
  for (let at = 0; at < requirements.length; at += 1) {
    const next = branches[at];
    if (next && isMet(index.words, scan, requirements[at] ?? -1)) follow(next, index, matches);
  }
}
