// How every command is called (the wrappers in commands.gen.ts use this).
// Every command rejects with a `CommandError` ({ message }) on failure; `call`
// normalises whatever arrives (including Tauri's own string errors, e.g. for
// an unknown command) into an `IpcError`, which is a real `Error` that still
// satisfies the `CommandError` shape.

import { Channel, invoke } from '@tauri-apps/api/core';
import type { CommandError } from './bindings/CommandError';
import type { CommandArgs, CommandName, CommandReturn } from './commands.gen';

export class IpcError extends Error implements CommandError {
  override readonly name = 'IpcError';
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
  }
}

function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    typeof (value as { message: unknown }).message === 'string'
  );
}

/** A human-readable message for anything a command (or our code) threw. */
export function errorMessage(error: unknown): string {
  if (isCommandError(error) && error.message.trim() !== '') return error.message;
  if (typeof error === 'string' && error.trim() !== '') return error;
  return 'Something went wrong, and Clio did not get a reason.';
}

/** Calls a command with the arguments its Rust function takes (camelCased). */
export async function call<C extends CommandName>(command: C, args: CommandArgs<C>): Promise<CommandReturn<C>> {
  try {
    return await invoke<CommandReturn<C>>(command, args);
  } catch (error) {
    throw new IpcError(command, errorMessage(error));
  }
}

/** A channel whose messages go to `onmessage`, e.g. for a command's progress bar. */
export function channel<T>(onmessage: (message: T) => void): Channel<T> {
  const sent = new Channel<T>();
  sent.onmessage = onmessage;
  return sent;
}
