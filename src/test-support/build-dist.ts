// Vitest global setup: the CLI tests run the compiled CLI, so compile src/ to dist/ when it is stale.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `tsc -p tsconfig.build.json` unless dist/ is newer than every source file. */
export default function buildDist(): void {
  if (newestSource(join(root, 'src')) < builtAt()) return;
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (error) {
    // tsc still writes dist/ when types are wrong; type errors are the type-check's job to report.
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    if (builtAt() === -Infinity)
      throw new Error(`Cannot run the CLI tests: the build failed\n${output}`);
    console.warn(`The build reported errors; the CLI tests run on what it wrote:\n${output}`);
  }
}

function builtAt(): number {
  try {
    return statSync(join(root, 'dist/cli/main.js')).mtimeMs;
  } catch {
    return -Infinity;
  }
}

function newestSource(folder: string): number {
  let newest = statSync(join(root, 'tsconfig.build.json')).mtimeMs;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}
