import { Parser } from 'htmlparser2';

/**
 * The ways a document fails to be well-formed XML that matter for a feed: unbalanced or implied
 * tags, a raw `<` or `&` in text or attributes, attributes without quotes, and characters XML
 * does not allow. htmlparser2 is lenient, so these checks are made alongside it. Empty when the
 * document is fine.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: { name: string; selfClosing: boolean }[] = [];
  let roots = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (open.length === 0) roots += 1;
        const tag = xml.slice(parser.startIndex, parser.endIndex + 1);
        open.push({ name, selfClosing: tag.endsWith('/>') });
      },
      onattribute(name, _value, quote) {
        if (quote !== '"' && quote !== "'") problems.push(`Attribute ${name} is not quoted`);
      },
      onclosetag(name, isImplied) {
        const expected = open.pop();
        // htmlparser2 reports a self-closing tag's end as implied; any other implied end is not XML.
        if (expected?.name !== name || isImplied !== expected.selfClosing)
          problems.push(`Tag <${expected?.name ?? '?'}> is closed by </${name}>`);
      },
      onerror(error) {
        problems.push(error.message);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  if (open.length > 0) problems.push(`Tags left open: ${open.map((tag) => tag.name).join(', ')}`);
  if (roots !== 1) problems.push(`The document has ${roots} root elements`);
  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>'))
    problems.push('No XML declaration');
  const bareAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(xml);
  if (bareAmpersand) problems.push(`Bare "&" at ${bareAmpersand.index}`);
  const body = xml.replace(/<\?xml[^>]*\?>/, '');
  // Once every well-formed tag is taken out, no "<" may be left (a raw one in text or attribute).
  const rest = body.replace(/<[a-zA-Z][^<>]*>|<\/[a-zA-Z]+>/g, '');
  const rawAngle = rest.indexOf('<');
  if (rawAngle !== -1)
    problems.push(`Raw "<" near ${JSON.stringify(rest.slice(rawAngle, rawAngle + 20))}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml))
    problems.push('A character XML does not allow');
  return problems;
}
