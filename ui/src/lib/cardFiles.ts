// Files of cards: the pickers, file names, and what to say about a progress step.

import { open, save } from '@tauri-apps/plugin-dialog';
import { fileNameFrom } from './format';
import type { CardFileFormat, ExportScope, Progress } from './ipc';

/** One choice of which cards to export. */
export interface ScopeChoice {
  label: string;
  scope: ExportScope;
  /** The file name the save dialog suggests. */
  fileTitle: string;
}

export const CARD_FILE_FORMATS: { value: CardFileFormat; label: string; hint: string }[] = [
  { value: 'apkg', label: 'Anki package (.apkg)', hint: 'Opens in Anki and AnkiDroid, as Basic and Cloze notes.' },
  { value: 'csv', label: 'Spreadsheet (.csv)', hint: 'Prompt, answer, kind, tags and source in columns.' },
];

/** A file name from a title: no characters file systems refuse, and the format's extension. */
export function cardFileName(title: string, format: CardFileFormat): string {
  return fileNameFrom(title, 'Clio cards', format);
}

/** Where to write the export, or null when the learner cancelled. */
export async function pickExportPath(title: string, format: CardFileFormat): Promise<string | null> {
  return save({
    title: 'Export cards',
    defaultPath: cardFileName(title, format),
    filters: [format === 'apkg' ? { name: 'Anki package', extensions: ['apkg'] } : { name: 'CSV', extensions: ['csv'] }],
  });
}

/** The file of cards to import, or null when the learner cancelled. */
export async function pickCardFile(): Promise<string | null> {
  const picked = await open({
    multiple: false,
    title: 'Import cards',
    filters: [{ name: 'Cards (Anki package, CSV)', extensions: ['apkg', 'csv'] }],
  });
  return Array.isArray(picked) ? (picked[0] ?? null) : picked;
}

const PHASES: Record<Progress['phase'], string> = {
  reading: 'Reading the cards',
  writing: 'Writing the file',
  unpacking: 'Opening the file',
  storing: 'Adding the cards to your library',
};

/** "Writing the file: 120 of 400". */
export function describeProgress(progress: Progress): string {
  const what = PHASES[progress.phase];
  return progress.total > 0 ? `${what}: ${progress.done} of ${progress.total}` : `${what}…`;
}
