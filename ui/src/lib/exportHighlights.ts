// "Export as Markdown": the learner picks a file in the save dialog, and the
// core writes the highlights there.

import { save } from '@tauri-apps/plugin-dialog';
import { exportAnnotations } from './ipc';
import { fileNameFrom, formatCount } from './format';

/** A file name from a title: no characters file systems refuse, ".md" at the end. */
export function markdownFileName(title: string): string {
  return fileNameFrom(title, 'Highlights', 'md');
}

/**
 * Asks where to save, then exports one document's highlights (or all, with a
 * null id). Resolves to what to tell the learner, or null when they cancelled;
 * rejects with the command's error.
 */
export async function exportHighlights(documentId: number | null, title: string): Promise<string | null> {
  const path = await save({
    title: documentId === null ? 'Export all highlights' : 'Export highlights',
    defaultPath: markdownFileName(title),
    filters: [{ name: 'Markdown', extensions: ['md'] }],
  });
  if (!path) return null;
  const summary = await exportAnnotations(documentId, path);
  return `Exported ${formatCount(summary.annotations, 'highlight')} to ${summary.path}.`;
}
