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
  tree: FlatTree;
  /** By entry of the word table: the nodes headed by the requirements it meets. */
  nodesOfEntry: number[][];
  /** Scratch space: by node, the stamp of the scan in which it was last followed. */
  followed: Float64Array;
  scan: WordScan;
}

/**
 * The tree of branches in typed arrays, quick to walk. Node 0 is the root: patterns whose
 * requirements are all of common words (or who have none), tried on every text. Node `n` lists
 * the patterns `patterns[patternStart[n]..patternStart[n + 1])` and has the children
 * `childNode[childStart[n]..childStart[n + 1])`, each followed when the requirement at the same
 * place in `childRequirement` is met.
 */
interface FlatTree {
  patternStart: Int32Array;
  patterns: Int32Array;
  childStart: Int32Array;
  childRequirement: Int32Array;
  childNode: Int32Array;
  /** Scratch space: the nodes still to follow. */
  stack: Int32Array;
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
  const { tree, nodeOf } = flatten(always, branches);
  return {
    patterns,
    words,
    tree,
    nodesOfEntry: words.entries.map((_, entry) =>
      requirementsOfEntry(words, entry).flatMap((requirement) => {
        const branch = branches[requirement];
        return branch ? [nodeOf.get(branch) ?? 0] : [];
      }),
    ),
    followed: new Float64Array(tree.patternStart.length - 1),
    scan: createWordScan(words),
  };
}

/**
 * Numbers the branches, the root and its own first, then each head's, and lays them out in
 * typed arrays; `nodeOf` gives each branch's number.
 */
function flatten(
  root: Branch,
  heads: readonly (Branch | undefined)[],
): { tree: FlatTree; nodeOf: Map<Branch, number> } {
  const order: Branch[] = [];
  const nodeOf = new Map<Branch, number>();
  const visit = (branch: Branch): void => {
    if (nodeOf.has(branch)) return;
    nodeOf.set(branch, order.length);
    order.push(branch);
    branch.branches.forEach(visit);
  };
  visit(root);
  for (const branch of heads) if (branch) visit(branch);
  const patternStart = [0];
  const childStart = [0];
  const patternList: number[] = [];
  const childRequirement: number[] = [];
  const childNode: number[] = [];
  for (const branch of order) {
    patternList.push(...branch.patterns);
    patternStart.push(patternList.length);
    branch.requirements.forEach((requirement, at) => {
      childRequirement.push(requirement);
      childNode.push(nodeOf.get(branch.branches[at] ?? root) ?? 0);
    });
    childStart.push(childRequirement.length);
  }
  return {
    tree: {
      patternStart: Int32Array.from(patternStart),
      patterns: Int32Array.from(patternList),
      childStart: Int32Array.from(childStart),
      childRequirement: Int32Array.from(childRequirement),
      childNode: Int32Array.from(childNode),
      stack: new Int32Array(order.length),
    },
    nodeOf,
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
  const { scan, tree, followed } = index;
  scanWords(found, from, to, scan);
  const { stack } = tree;
  // The root, then every branch headed by a requirement that a word read meets; a node is
  // followed at most once a scan, so no pattern is listed twice.
  let depth = 0;
  stack[depth++] = 0;
  followed[0] = scan.stamp;
  for (const entry of scan.read) {
    for (const node of index.nodesOfEntry[entry] ?? []) {
      if (followed[node] === scan.stamp) continue;
      followed[node] = scan.stamp;
      stack[depth++] = node;
    }
  }
  const matches: number[] = [];
  while (depth > 0) {
    const node = stack[--depth] ?? 0;
    for (let at = tree.patternStart[node] ?? 0; at < (tree.patternStart[node + 1] ?? 0); at += 1)
      matches.push(tree.patterns[at] ?? 0);
    for (let at = tree.childStart[node] ?? 0; at < (tree.childStart[node + 1] ?? 0); at += 1) {
      const child = tree.childNode[at] ?? 0;
      if (followed[child] === scan.stamp) continue;
      if (!isMet(index.words, scan, tree.childRequirement[at] ?? 0)) continue;
      followed[child] = scan.stamp;
      stack[depth++] = child;
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
  const { tree } = index;
  const reachable = (node: number): boolean => {
    if ((tree.patternStart[node + 1] ?? 0) > (tree.patternStart[node] ?? 0)) return true;
    for (let at = tree.childStart[node] ?? 0; at < (tree.childStart[node + 1] ?? 0); at += 1) {
      const requirement = tree.childRequirement[at] ?? 0;
      if (!index.words.requirementEntries[requirement] && reachable(tree.childNode[at] ?? 0))
        return true;
    }
    return false;
  };
  return reachable(0);
}
