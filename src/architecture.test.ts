import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

/**
 * The shape of the code, checked from its imports: no module imports itself round a cycle, and
 * each folder of src/ imports only from its own layer or lower ones. Tests and test support are
 * left out: they may reach anywhere to set a scene.
 */
const sourceRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Folders (and top-level modules) of src/, lowest layer first. A folder may import from its own
 * layer's and lower layers' folders, never from a higher one.
 */
const layers: readonly (readonly string[])[] = [
  ['errors.ts', 'seeded-random.ts', 'package-version.ts', 'format'],
  ['config', 'record', 'extract', 'redaction', 'ocr', 'foi'],
  ['store', 'screening'],
  ['pipeline'],
  ['coproduction'],
  ['register'],
  ['search', 'demo', 'accounts', 'uploads', 'contributions'],
  ['app'],
  ['web'],
  ['cli'],
  ['bench', 'index.ts'],
];

const importPattern = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.test.ts') &&
      !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

/** Each module (path relative to src/) with the modules it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(sourceRoot)) {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(importPattern)].map((match) =>
      relative(sourceRoot, normalize(join(dirname(file), match[1] ?? ''))).replace(/\.js$/, '.ts'),
    );
    graph.set(relative(sourceRoot, file), imports);
  }
  return graph;
}

/** The top-level folder or module of src/ a module belongs to. */
function unitOf(module: string): string {
  return module.split('/')[0] ?? module;
}

/** Cycles of modules (strongly connected components of more than one, or a self-import). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next))
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node))
      cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

describe('the shape of the code', () => {
  const graph = importGraph();

  it('reads the imports of every module', () => {
    // A broken pattern would find nothing, and every check below would pass on nothing.
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('web/start-server.ts')).toContain('web/app.ts');
  });

  it('has no import cycles between modules', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('imports only from the same layer or a lower one, and has no cycles between folders', () => {
    const layerOf = new Map(layers.flatMap((units, layer) => units.map((unit) => [unit, layer])));
    const upward: string[] = [];
    const unknown = new Set<string>();
    const folders = new Map<string, Set<string>>();
    for (const [module, imports] of graph) {
      const from = unitOf(module);
      for (const imported of imports) {
        const to = unitOf(imported);
        if (to === from) continue;
        const fromLayer = layerOf.get(from);
        const toLayer = layerOf.get(to);
        if (fromLayer === undefined) unknown.add(from);
        if (toLayer === undefined) unknown.add(to);
        if (fromLayer !== undefined && toLayer !== undefined && toLayer > fromLayer)
          upward.push(`${module} imports ${imported}`);
        const targets = folders.get(from) ?? new Set<string>();
        targets.add(to);
        folders.set(from, targets);
      }
    }
    expect([...unknown], 'every folder of src/ has a layer in this test').toEqual([]);
    expect(upward).toEqual([]);
    const folderGraph = new Map([...folders].map(([from, to]) => [from, [...to]]));
    expect(cyclesOf(folderGraph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const made = new Map([
      ['web/a.ts', ['web/b.ts']],
      ['web/b.ts', ['web/a.ts']],
      ['register/c.ts', ['web/a.ts']],
      ['register/d.ts', ['register/d.ts']],
    ]);
    expect(cyclesOf(made)).toEqual([['register/d.ts'], ['web/a.ts', 'web/b.ts']]);
  });
});
