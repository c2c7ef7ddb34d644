const ligatures: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/** Tidies one page of MuPDF text: plain spaces and letters, no trailing spaces, at most one blank line in a row. */
export function normalizePdfText(text: string): string {
  return (
    text
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      // Soft hyphens are invisible in print but would split words for search and screening.
      .replace(/\u00ad/g, '')
      .replace(/[\ufb00-\ufb06]/g, (ligature) => ligatures[ligature] ?? ligature)
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
