// The native file and folder pickers for importing.

import { open } from '@tauri-apps/plugin-dialog';

export const IMPORT_EXTENSIONS = ['html', 'htm', 'md', 'markdown', 'txt', 'json'];

function asList(picked: string | string[] | null): string[] {
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}

/** The files chosen, or [] when cancelled. */
export async function pickFiles(): Promise<string[]> {
  return asList(
    await open({
      multiple: true,
      title: 'Import files',
      filters: [{ name: 'Documents', extensions: IMPORT_EXTENSIONS }],
    }),
  );
}

/** The folder chosen, or [] when cancelled. */
export async function pickFolder(): Promise<string[]> {
  return asList(await open({ directory: true, title: 'Import a folder' }));
}
