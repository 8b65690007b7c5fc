import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { addDocument, appInfo, errorMessage, IpcError, listDocuments } from './ipc';

describe('command wrappers', () => {
  it('call the commands by their contract names with the right arguments', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      if (cmd === 'add_document') return { id: 4, created: true };
      if (cmd === 'list_documents') return [];
      return { version: '1' };
    });
    const doc = { title: 'T', author: null, categoryPath: [], source: null, body: 'B' };

    await expect(addDocument(doc)).resolves.toEqual({ id: 4, created: true });
    await expect(listDocuments()).resolves.toEqual([]);
    await appInfo();

    expect(seen[0]).toEqual(['add_document', { doc }]);
    expect(seen[1]?.[0]).toBe('list_documents');
    expect(seen[2]?.[0]).toBe('app_info');
  });

  it('reject with an IpcError carrying the CommandError message', async () => {
    mockIPC(() => {
      throw { message: 'database is locked' };
    });
    const error = await listDocuments().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ message: 'database is locked', command: 'list_documents' });
  });

  it('also accept the plain string errors Tauri itself sends', async () => {
    mockIPC(() => {
      throw 'command app_info not found';
    });
    await expect(appInfo()).rejects.toMatchObject({ message: 'command app_info not found' });
  });
});

describe('errorMessage', () => {
  it('falls back to a sentence when there is nothing to show', () => {
    expect(errorMessage({ message: '' })).toMatch(/went wrong/);
    expect(errorMessage(undefined)).toMatch(/went wrong/);
    expect(errorMessage(42)).toMatch(/went wrong/);
    expect(errorMessage(new Error('boom'))).toBe('boom');
  });
});
