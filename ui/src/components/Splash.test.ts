import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Splash from './Splash.svelte';

describe('Splash', () => {
  afterEach(() => vi.useRealTimers());

  it('stays invisible for a quick start and shows after half a second', async () => {
    vi.useFakeTimers();
    const { container } = render(Splash);
    const content = container.querySelector('.content')!;
    expect(content.classList.contains('shown')).toBe(false);
    await vi.advanceTimersByTimeAsync(499);
    expect(content.classList.contains('shown')).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(content.classList.contains('shown')).toBe(true);
  });
});
