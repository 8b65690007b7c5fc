// Something to show only if a wait lasts: `shown` turns true after `ms`.
// A timer and a class, not a CSS animation: an animation on the first screen
// makes WebKit set up compositing layers, which held the first paint back by
// ~130 ms at start-up.

import { onMount } from 'svelte';

export function delayed(ms: number): { readonly shown: boolean } {
  let shown = $state(false);
  onMount(() => {
    const timer = setTimeout(() => (shown = true), ms);
    return () => clearTimeout(timer);
  });
  return {
    get shown() {
      return shown;
    },
  };
}
