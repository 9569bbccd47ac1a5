import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// One entry per page; the output is packed into the functions' zip and served by WebPagesHandler.
const pages = ['index', 'account', 'job', 'pricing', '404'];
// Node 18 (Debian 12's) has no import.meta.dirname.
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  build: {
    // Modules with top-level await: every browser of the last few years.
    target: 'es2022',
    outDir: 'target/classes/web',
    emptyOutDir: true,
    rollupOptions: {
      input: Object.fromEntries(pages.map((name) => [name, resolve(here, `${name}.html`)])),
    },
  },
});
