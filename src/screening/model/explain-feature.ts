import type { Catalogue } from '../catalogue.js';
import type { PassageAnalysis } from './analyse-passage.js';

/**
 * A model feature in plain words, as a reviewer or campaigner would read it: frames by what they
 * mean, indicators by their reason, words as the passage wrote them.
 */
export function explainFeature(
  name: string,
  catalogue: Catalogue,
  analysis: PassageAnalysis,
): string {
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon);
  const detail = name.slice(colon + 1);
  const means = (frame: string) =>
    catalogue.frames.find((each) => each.name === frame)?.means ?? frame.replace(/_/g, ' ');
  const both = () => detail.split('+').map(means).join(', and ');
  switch (kind) {
    case 'frame':
      return `The passage ${means(detail)}.`;
    case 'pair':
      return `One sentence ${both()}.`;
    case 'near':
      return `The passage ${both()}.`;
    case 'negated':
      return `The passage denies or negates that it ${means(detail)}.`;
    case 'quoted':
      return `A quotation in the passage ${means(detail)}.`;
    case 'indicator':
    case 'counted': {
      const indicator = catalogue.indicators.find((each) => each.id === detail);
      const reason = indicator?.reason ?? detail;
      return kind === 'counted' ? `${reason} (the catalogue's rules count it too)` : reason;
    }
    case 'cue':
      return `The passage ${detail}.`;
    case 'shape':
      return detail === 'question' ? 'The passage asks a question.' : 'The passage quotes someone.';
    case 'term':
      return `The passage uses the words "${wordsFor(detail, analysis)}".`;
    default:
      return name;
  }
}

/** The words of the passage behind a term feature (stems, or two in a row), as written. */
function wordsFor(term: string, analysis: PassageAnalysis): string {
  const stems = term.split(' ');
  for (const tokens of analysis.sentences) {
    for (let position = 0; position + stems.length <= tokens.length; position += 1) {
      const run = tokens.slice(position, position + stems.length);
      if (run.every((token, offset) => token.stem === stems[offset] || stems[offset] === '#'))
        return run.map((token) => token.text).join(' ');
    }
  }
  return term;
}
