// Pasted HTML: what the paste field shows when the clipboard has no plain text.

/** The page's text, for display only (DOMParser does not run scripts or load images). */
export function htmlToPreview(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style, noscript, template').forEach((el) => el.remove());
  return (doc.body?.textContent ?? '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
