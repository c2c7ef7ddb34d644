import type { CompiledPattern, WordSet } from './compile-pattern.js';
import { requirementCost, uninformativeCost, type AnchorWords } from './pattern-anchors.js';
import {
  buildWordTable,
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
 * A pattern has one or more word sets (see `CompiledPattern.wordSets`), each a list of
 * requirements. The sets are filed in a tree by their requirements, rarest first: a sentence
 * follows a branch only while it meets the requirement at its head, so sets that share
 * requirements (as the sets of one pattern do) are ruled out together, and a sentence is looked
 * at only from the rare words it contains.
 */
export interface PatternIndex {
  patterns: readonly CompiledPattern[];
  /** The word sets of all the patterns, numbered in turn. */
  sets: WordSet[];
  /** By word set number: the number of its pattern. */
  patternOf: number[];
  words: WordTable;
  /** By requirement number: the branch headed by that requirement, when it is some form's rarest. */
  branches: (Branch | undefined)[];
  /** By entry of the word table: the requirements it meets that head a branch. */
  headsOfEntry: number[][];
  /** Scratch space: by requirement, the stamp of the scan in which its branch was last followed. */
  followed: Float64Array;
  /** Sets whose requirements are all of common words (or who have none): tried on every sentence. */
  always: Branch;
  scan: WordScan;
  /** Scratch space: by pattern, the stamp of the scan that last listed it. */
  listed: Float64Array;
}

interface Branch {
  /** Word sets whose requirements all lie on the path to here. */
  sets: number[];
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
  const sets: WordSet[] = [];
  const patternOf: number[] = [];
  patterns.forEach((pattern, patternId) => {
    for (const set of pattern.wordSets) {
      sets.push(set);
      patternOf.push(patternId);
    }
  });
  const branches: (Branch | undefined)[] = [];
  const always = newBranch();
  sets.forEach((set, setId) => {
    // Rarest first; ties broken by number, so that equal requirement sets share one path.
    const path = [...new Set(set.requirements)]
      .map((requirement) => ({ id: idOf(requirement), cost: requirementCost(requirement) }))
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
    branch.sets.push(setId);
  });
  const words = buildWordTable([...requirementIds.keys()]);
  return {
    patterns,
    sets,
    patternOf,
    words,
    branches,
    headsOfEntry: words.entries.map((_, entry) =>
      requirementsOfEntry(words, entry).filter((requirement) => branches[requirement]),
    ),
    followed: new Float64Array(requirementIds.size),
    always,
    scan: createWordScan(words),
    listed: new Float64Array(patterns.length),
  };
}

function newBranch(): Branch {
  return { sets: [], requirements: [], branches: [] };
}

/**
 * The numbers, in ascending order, of the patterns that could match `lower[start, end)`: those
 * with a word set whose every requirement is met. `lower` is the text in lower case (see
 * `lowerCaseOf`).
 */
export function patternsThatMayMatch(
  index: PatternIndex,
  lower: string,
  start: number,
  end: number,
): number[] {
  const { words, scan } = index;
  scanWords(words, lower, start, end, scan);
  const found: number[] = [];
  follow(index.always, index, found);
  for (const entry of scan.read) {
    const heads = index.headsOfEntry[entry];
    if (!heads) continue;
    for (const requirement of heads) {
      const branch = index.branches[requirement];
      if (!branch || index.followed[requirement] === scan.stamp) continue;
      index.followed[requirement] = scan.stamp;
      follow(branch, index, found);
    }
  }
  return found.length > 1 ? found.sort((a, b) => a - b) : found;
}

/** Adds the patterns of a branch, and of every further branch whose requirement the scan met. */
function follow(branch: Branch, index: PatternIndex, found: number[]): void {
  for (const set of branch.sets) {
    const pattern = index.patternOf[set] ?? -1;
    if (index.listed[pattern] !== index.scan.stamp) {
      index.listed[pattern] = index.scan.stamp;
      found.push(pattern);
    }
  }
  const { requirements, branches } = branch;
  for (let at = 0; at < requirements.length; at += 1) {
    const next = branches[at];
    if (next && isMet(index.words, index.scan, requirements[at] ?? -1)) follow(next, index, found);
  }
}
