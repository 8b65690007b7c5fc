// A fake Clio backend for component tests: answers the app's commands and
// the store plugin's through mockIPC, and records every call.

import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppInfo } from '../lib/bindings/AppInfo';
import type { CommandError } from '../lib/bindings/CommandError';
import type { DocumentSummary } from '../lib/bindings/DocumentSummary';
import type { NewDocument } from '../lib/bindings/NewDocument';

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface FakeBackendOptions {
  documents?: DocumentSummary[];
  info?: Partial<AppInfo>;
  /** app_info rejects with this. */
  appInfoError?: CommandError;
  /** list_documents rejects with this. */
  listError?: CommandError;
  /** add_document rejects with this. */
  addError?: CommandError;
  /** Settings already in settings.json. */
  settings?: Record<string, unknown>;
  /** Make add_document wait for this before answering. */
  addGate?: Promise<void>;
}

export const BASE_INFO: AppInfo = {
  version: '0.1.0',
  dbPath: '/home/ada/.local/share/app.clio/clio.sqlite3',
  schemaVersion: 3,
  documentCount: 0,
  cardCount: 0,
  dueCount: 0,
};

export function doc(id: number, overrides: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id,
    title: `Document ${id}`,
    author: null,
    categoryPath: [],
    wordCount: 100,
    addedAt: Date.UTC(2025, 2, 12, 10, 30),
    ...overrides,
  };
}

export function fakeBackend(options: FakeBackendOptions = {}) {
  const calls: Call[] = [];
  const documents: DocumentSummary[] = [...(options.documents ?? [])];
  const settings = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  const saved: Record<string, unknown>[] = [];
  let nextId = 1000;

  function existing(newDoc: NewDocument) {
    return documents.find((d) => d.title === newDoc.title);
  }

  mockIPC(async (cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case 'app_info':
        if (options.appInfoError) throw options.appInfoError;
        return {
          ...BASE_INFO,
          documentCount: documents.length,
          ...options.info,
        } satisfies AppInfo;
      case 'list_documents':
        if (options.listError) throw options.listError;
        return [...documents];
      case 'add_document': {
        if (options.addGate) await options.addGate;
        if (options.addError) throw options.addError;
        const newDoc = args.doc as NewDocument;
        const found = existing(newDoc);
        if (found) return { id: found.id, created: false };
        const id = nextId++;
        documents.unshift({
          id,
          title: newDoc.title,
          author: newDoc.author,
          categoryPath: newDoc.categoryPath,
          wordCount: newDoc.body.split(/\s+/).filter(Boolean).length,
          addedAt: Date.UTC(2025, 5, 1),
        });
        return { id, created: true };
      }
      case 'app_ready':
        return null;
      case 'plugin:store|load':
        return 7;
      case 'plugin:store|get': {
        const key = args.key as string;
        return [settings.get(key) ?? null, settings.has(key)];
      }
      case 'plugin:store|set':
        settings.set(args.key as string, args.value);
        return null;
      case 'plugin:store|save':
        saved.push(Object.fromEntries(settings));
        return null;
      default:
        throw { message: `fake backend: unexpected command ${cmd}` } satisfies CommandError;
    }
  });

  return {
    calls,
    documents,
    settings,
    /** Snapshots of the settings each time the store was saved to disk. */
    saved,
    callsTo(cmd: string): Call[] {
      return calls.filter((c) => c.cmd === cmd);
    },
    commands(): string[] {
      return calls.map((c) => c.cmd);
    },
  };
}
