import { diffWordsWithSpace } from 'diff';

/** One run of a word diff: text both versions share, or text only the old or the new one has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Whether an unchanged run between two changes is too slight to show on its own: spaces, or one
 * short word. Showing it would split one reworded phrase into alternating crossings-out.
 */
function isSlight(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 || (words.length === 1 && (words[0]?.length ?? 0) <= 3);
}

function sharedTrailingSpace(a: string, b: string): string {
  const space = /\s*$/.exec(a)?.[0] ?? '';
  return b.endsWith(space) && space.length < a.length && space.length < b.length ? space : '';
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * The word-level differences from `a` to `b`, grouped to read well: a reworded phrase is one
 * removal followed by one addition, not a crossed-out word, an added word, and so on. Joining the
 * `same` and `removed` parts gives `a`; joining the `same` and `added` parts gives `b`.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const changes = diffWordsWithSpace(a, b);
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    // Spaces both sides end with belong to the unchanged text that follows.
    const space = removed !== '' && added !== '' ? sharedTrailingSpace(removed, added) : '';
    push(parts, 'removed', removed.slice(0, removed.length - space.length));
    push(parts, 'added', added.slice(0, added.length - space.length));
    push(parts, 'same', space);
    removed = '';
    added = '';
  };
  changes.forEach((change, index) => {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else {
      const between = (removed !== '' || added !== '') && index < changes.length - 1;
      if (between && isSlight(change.value)) {
        removed += change.value;
        added += change.value;
      } else {
        flush();
        push(parts, 'same', change.value);
      }
    }
  });
  flush();
  return parts;
}
