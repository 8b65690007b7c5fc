import { invoke } from '@tauri-apps/api/core';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../lib/commands.gen';
import { documentCards, exportCards, reviewAnswer } from '../lib/ipc';
import { card, fakeBackend, type FakeCommands } from './backend';

describe('the fake backend', () => {
  it('answers every command the shell registers', async () => {
    fakeBackend({ cards: [card(1)] });
    const unanswered: string[] = [];
    for (const name of COMMAND_NAMES) {
      // Arguments are missing, so many commands reject: but never as unknown.
      const message = await invoke(name, {}).then(
        () => '',
        (error: unknown) => String((error as { message?: unknown }).message ?? error),
      );
      if (/unexpected command/.test(message)) unanswered.push(name);
    }
    expect(COMMAND_NAMES.length).toBeGreaterThan(50);
    expect(unanswered).toEqual([]);
  });

  it('rejects a command the shell does not have', async () => {
    fakeBackend();
    await expect(invoke('no_such_command', {})).rejects.toMatchObject({ message: /unexpected command no_such_command/ });
  });

  it('gets the arguments under the camelCase names Tauri gives them', async () => {
    const backend = fakeBackend({ cards: [card(1, { documentId: 7 })] });
    await documentCards(7);
    await reviewAnswer(1, 'good', null, 'reveal');
    const seen: number[] = [];
    await exportCards('csv', { kind: 'all' }, false, '/tmp/cards.csv', (p) => seen.push(p.done));
    expect(backend.callsTo('document_cards')[0]?.args).toEqual({ documentId: 7 });
    expect(backend.callsTo('review_answer')[0]?.args).toEqual({ cardId: 1, rating: 'good', durationMs: null, mode: 'reveal' });
    expect(Object.keys(backend.callsTo('export_cards')[0]?.args ?? {})).toEqual([
      'format',
      'scope',
      'withScheduling',
      'path',
      'onProgress',
    ]);
    expect(seen.at(-1)).toBe(40);
  });
});

// Checked by `npm run check` (svelte-check), which every app build runs: if the
// generated types stopped catching a wrong argument name, these lines would
// no longer be errors, and the unused @ts-expect-error would fail the check.
// @ts-expect-error: document_cards takes `documentId` (Rust's document_id, camelCased), not `docId`.
export const misnamedArgument: FakeCommands['document_cards'] = (args: { docId: number }) => (args.docId > 0 ? [] : []);
// @ts-expect-error: there is no `deck_cards` command (it is card_deck).
export const unknownCommand: FakeCommands['deck_cards'] = () => [];
