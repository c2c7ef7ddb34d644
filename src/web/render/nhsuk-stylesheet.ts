import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { nhsukFrontend } from './template-environment.js';

/**
 * nhsuk-frontend's stylesheet without the NHS typeface: its Frutiger fonts are NHS branding and
 * would be fetched from assets.nhs.uk, so the `@font-face` rules are removed and text falls back
 * to the stack's system fonts (Arial, sans-serif).
 */
export async function nhsukStylesheet(): Promise<string> {
  const css = await readFile(
    join(nhsukFrontend.dist, 'nhsuk', `nhsuk-frontend-${nhsukFrontend.version}.min.css`),
    'utf8',
  );
  return withoutNhsTypeface(css);
}

/** Removes the Frutiger `@font-face` rules and the typeface from font stacks. */
export function withoutNhsTypeface(css: string): string {
  return css
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/["']?Frutiger W01["']?,\s*/g, '')
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
}
