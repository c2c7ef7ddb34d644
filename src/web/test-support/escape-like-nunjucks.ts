/** Text as Nunjucks's autoescape writes it into a page, to look for it in a rendered page. */
export function escapeLikeNunjucks(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
