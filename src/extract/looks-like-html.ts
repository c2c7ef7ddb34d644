const structuralTag = /<(html|head|body)[\s>]/;
const commonTag =
  /<\/?(p|div|span|a|br|table|tr|td|ul|ol|li|h[1-6]|b|i|strong|em|meta|title)[\s>/]/g;

/** Tells whether text is HTML: it starts with markup and declares itself or is dense with common tags. */
export function looksLikeHtml(text: string): boolean {
  const start = text.trimStart().slice(0, 1024).toLowerCase();
  if (!start.startsWith('<')) return false;
  if (start.startsWith('<!doctype html') || structuralTag.test(start)) return true;
  return (start.match(commonTag)?.length ?? 0) >= 3;
}
