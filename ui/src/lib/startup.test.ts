import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it, vi } from 'vitest';
import { afterNextPaint, signalAppReady } from './startup';

describe('signalAppReady', () => {
  it('invokes app_ready once, however often it is called, then marks the page ready', async () => {
    const commands: string[] = [];
    mockIPC((cmd) => {
      commands.push(cmd);
      return null;
    });

    expect(document.documentElement.dataset.ready).toBeUndefined();
    await Promise.all([signalAppReady(), signalAppReady()]);
    await signalAppReady();

    expect(commands).toEqual(['app_ready']);
    expect(document.documentElement.dataset.ready).toBe('true');
  });

  it('still marks the page ready when app_ready fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    mockIPC(() => {
      throw { message: 'no such command' };
    });

    await signalAppReady();

    expect(document.documentElement.dataset.ready).toBe('true');
    expect(warn).toHaveBeenCalled();
  });
});

describe('afterNextPaint', () => {
  it('resolves even when no animation frame ever comes (hidden window)', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const start = performance.now();
    await afterNextPaint(20);
    expect(performance.now() - start).toBeGreaterThanOrEqual(15);
  });
});
