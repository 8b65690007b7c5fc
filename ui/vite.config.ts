import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Static build embedded by Tauri. Everything ships from the app bundle:
// no remote URLs, no inline scripts, no inline styles (strict CSP with nonces).
export default defineConfig({
  plugins: [
    svelte({
      // Component <style> blocks go to the emitted CSS file, never to
      // runtime-injected <style> elements (that is the plugin default; kept
      // explicit because the CSP depends on it).
      emitCss: true,
    }),
  ],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Linux builds run in WebKitGTK; Safari 16 is the oldest engine we target.
    target: 'safari16',
    // Assets must be files served by the app, not data: URLs the CSP may refuse.
    assetsInlineLimit: 0,
    // One entry chunk, nothing to preload: skip the polyfill code.
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    sourcemap: false,
    reportCompressedSize: false,
  },
});
