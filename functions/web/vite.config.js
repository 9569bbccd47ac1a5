import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One entry per page; the output is packed into the functions' zip and served by WebPagesHandler.
const pages = ['index', 'account', 'job', 'pricing', '404'];

export default defineConfig({
  build: {
    outDir: 'target/classes/web',
    emptyOutDir: true,
    rollupOptions: {
      input: Object.fromEntries(pages.map((name) => [name, resolve(import.meta.dirname, `${name}.html`)])),
    },
  },
});
