// Svelte options shared by Vite, svelte-check and editors.
// Svelte 5 understands TypeScript in <script lang="ts"> without a preprocessor.

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  vitePlugin: {
    // Our own components must use runes; leave any library components alone.
    dynamicCompileOptions({ filename }) {
      if (!filename.includes('/node_modules/')) return { runes: true };
    },
  },
};
