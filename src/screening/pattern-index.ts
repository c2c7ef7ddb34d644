import type { CompiledPattern } from './compile-pattern.js';
import type { FoundWords } from './find-words.js';
import { requirementCost, type AnchorWords, type WordCondition } from './pattern-anchors.js';
import { packLists, type PackedLists } from './packed-lists.js';
import { buildWordTable, canBeChecked, type WordTable } from './word-table.js';

/**
 * Many patterns indexed by the words they need, so that one reading of a sentence tells which
 * of them could match it: only those are then run.
 *
 * Patterns are filed in a tree by their requirements (see `CompiledPattern.requirements`), rarest
 * first: a sentence follows a branch only while it meets the requirement at its head, so patterns
 * that share requirements are ruled out together, and a sentence is looked at only from the rare
 * words it contains. A pattern the tree lists may then be checked against its word condition
 * (see `WordCondition`), from the same marks.
 */
export interface PatternIndex {
  patterns: readonly CompiledPattern[];
  words: WordTable;
  tree: FlatTree;
  /** By entry of the word table: the nodes headed by the requirements it meets. */
  headsOfEntry: PackedLists;
  /** By pattern: its word condition, checked once the tree has listed it. */
  conditions: (IndexedCondition | undefined)[];
  scan: Scan;
}

/**
 * The tree of branches in typed arrays, quick to walk. Node 0 is the root: patterns with no
 * requirement that can be checked, tried on every text. Node `n` lists the patterns
 * `patternsOf[n]` and has the children `childrenOf[n]`, each followed when the requirement at the
 * same place in `childRequirement` (as in `childrenOf.items`) is met.
 */
interface FlatTree {
  patternsOf: PackedLists;
  childrenOf: PackedLists;
  childRequirement: Int32Array;
  /** Scratch space: the nodes still to follow. */
  stack: Int32Array;
}

/**
 * A pattern's word condition (see `WordCondition`) with its requirements numbered, leaving out
 * those that cannot be checked; undefined for a condition that always holds.
 */
interface IndexedCondition {
  requirements: Int32Array;
  choices: IndexedCondition[][];
}

/**
 * Scratch space for looking at one sentence after another. Each sentence gets a new stamp; a
 * requirement or node marked with the current stamp was met or followed in this sentence, so
 * nothing needs clearing between sentences.
 */
interface Scan {
  stamp: number;
  /** By requirement: the stamp of the last sentence that met it. */
  metStamps: Int32Array;
  /** By node: the stamp of the last sentence that followed it. */
  followed: Int32Array;
}

interface Branch {
  /** Patterns whose requirements all lie on the path to here. */
  patterns: number[];
  /** Further requirements, each heading the branch at the same place in `branches`. */
  requirements: number[];
  branches: Branch[];
}

/**
 * Indexes patterns numbered by their position in the list. With `checkConditions`, a pattern
 * the tree lists is also checked against its word condition: worth it where the patterns'
 * expressions are slow to run and many listed patterns fail the check.
 */
export function buildPatternIndex(
  patterns: readonly CompiledPattern[],
  { checkConditions = true } = {},
): PatternIndex {
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
    // Rarest first; ties broken by number, so that equal requirements share one path. One that
    // cannot be checked counts as always met: it rules nothing out, so it is left off the path.
    const path = [...new Set(pattern.requirements)]
      .map((requirement) => ({ id: idOf(requirement), requirement }))
      .filter(({ requirement }) => canBeChecked(requirement))
      .map(({ id, requirement }) => ({ id, cost: requirementCost(requirement) }))
      .sort((a, b) => a.cost - b.cost || a.id - b.id);
    const head = path[0];
    let branch = head ? (branches[head.id] ??= newBranch()) : always;
    for (const { id } of path.slice(1)) {
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
  const indexed = new Map<WordCondition, IndexedCondition | undefined>();
  const conditions = patterns.map((pattern) =>
    checkConditions ? indexCondition(pattern.condition, idOf, indexed) : undefined,
  );
  const words = buildWordTable([...requirementIds.keys()]);
  const { tree, nodeOf } = flatten(always, branches);
  return {
    patterns,
    words,
    tree,
    headsOfEntry: packLists(
      words.entries.map(({ requirements }) =>
        requirements.flatMap((requirement) => {
          const branch = branches[requirement];
          return branch ? [nodeOf.get(branch) ?? 0] : [];
        }),
      ),
    ),
    conditions,
    scan: {
      stamp: 0,
      metStamps: new Int32Array(words.requirementEntries.length),
      followed: new Int32Array(tree.stack.length),
    },
  };
}

/** Numbers the requirements of a condition (see `IndexedCondition`); `known` holds those done. */
function indexCondition(
  condition: WordCondition,
  idOf: (requirement: AnchorWords) => number,
  known: Map<WordCondition, IndexedCondition | undefined>,
): IndexedCondition | undefined {
  if (known.has(condition)) return known.get(condition);
  const choices: IndexedCondition[][] = [];
  for (const options of condition.choices) {
    const indexed = options.map((option) => indexCondition(option, idOf, known));
    // A choice with an option that always holds always holds too.
    if (indexed.every((option) => option !== undefined)) choices.push(indexed);
  }
  // Rarest first: the first requirement missing rules the sentence out.
  const requirements = condition.requirements
    .filter(canBeChecked)
    .sort((a, b) => requirementCost(a) - requirementCost(b))
    .map(idOf);
  const result =
    requirements.length + choices.length === 0
      ? undefined
      : { requirements: Int32Array.from(requirements), choices };
  known.set(condition, result);
  return result;
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
  return {
    tree: {
      patternsOf: packLists(order.map((branch) => branch.patterns)),
      childrenOf: packLists(
        order.map((branch) => branch.branches.map((child) => nodeOf.get(child) ?? 0)),
      ),
      childRequirement: Int32Array.from(order.flatMap((branch) => branch.requirements)),
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
 * sentence) whose words are rows `[from, to)` of `found` (see `findWords`): those whose every
 * requirement is met and, where the index checks them, whose word condition holds.
 */
export function patternsThatMayMatch(
  index: PatternIndex,
  found: FoundWords,
  from: number,
  to: number,
): number[] {
  const { tree, scan } = index;
  const met = index.words.requirementsOfEntry;
  const heads = index.headsOfEntry;
  const { metStamps, followed } = scan;
  const stamp = nextStamp(scan);
  const { stack } = tree;
  // The root, then every branch headed by a requirement that a word read meets; a node is
  // followed at most once a sentence, so no pattern is listed twice.
  let depth = 0;
  stack[depth++] = 0;
  followed[0] = stamp;
  for (let row = from; row < to; row += 1) {
    const entry = found.entries[row] ?? 0;
    const metEnd = met.start[entry + 1] ?? 0;
    for (let at = met.start[entry] ?? 0; at < metEnd; at += 1)
      metStamps[met.items[at] ?? 0] = stamp;
    const headEnd = heads.start[entry + 1] ?? 0;
    for (let at = heads.start[entry] ?? 0; at < headEnd; at += 1) {
      const node = heads.items[at] ?? 0;
      if (followed[node] === stamp) continue;
      followed[node] = stamp;
      stack[depth++] = node;
    }
  }
  const { patternsOf, childrenOf, childRequirement } = tree;
  const matches: number[] = [];
  while (depth > 0) {
    const node = stack[--depth] ?? 0;
    const patternEnd = patternsOf.start[node + 1] ?? 0;
    for (let at = patternsOf.start[node] ?? 0; at < patternEnd; at += 1) {
      const pattern = patternsOf.items[at] ?? 0;
      const condition = index.conditions[pattern];
      if (!condition || holds(condition, metStamps, stamp)) matches.push(pattern);
    }
    const childEnd = childrenOf.start[node + 1] ?? 0;
    for (let at = childrenOf.start[node] ?? 0; at < childEnd; at += 1) {
      const child = childrenOf.items[at] ?? 0;
      if (followed[child] === stamp || metStamps[childRequirement[at] ?? 0] !== stamp) continue;
      followed[child] = stamp;
      stack[depth++] = child;
    }
  }
  return sortAscending(matches);
}

/**
 * Whether the sentence marked with `stamp` meets a condition. Most options of a choice lack
 * their rarest word, checked first, so each costs about one load.
 */
function holds(condition: IndexedCondition, metStamps: Int32Array, stamp: number): boolean {
  const { requirements } = condition;
  for (let at = 0; at < requirements.length; at += 1)
    if (metStamps[requirements[at] ?? 0] !== stamp) return false;
  for (const options of condition.choices) {
    let met = false;
    for (const option of options) {
      const rarest = option.requirements[0];
      if (rarest !== undefined && metStamps[rarest] !== stamp) continue;
      if (holds(option, metStamps, stamp)) {
        met = true;
        break;
      }
    }
    if (!met) return false;
  }
  return true;
}

/** A new stamp for the next sentence, clearing the marks when the stamps run out. */
function nextStamp(scan: Scan): number {
  if (scan.stamp === 0x7fffffff) {
    scan.metStamps.fill(0);
    scan.followed.fill(0);
    scan.stamp = 0;
  }
  scan.stamp += 1;
  return scan.stamp;
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
 * requirements, or only requirements that cannot be checked (those are filed at the root).
 */
export function mayMatchWithoutWords(index: PatternIndex): boolean {
  const { start } = index.tree.patternsOf;
  return (start[1] ?? 0) > (start[0] ?? 0);
}
