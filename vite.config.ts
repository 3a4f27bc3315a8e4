// Vite builds two pages: the panel (`--mode panel`, the default) and the bundled demo mini-app
// (`--mode miniapp-demo`). Both use relative asset URLs so the Electron app:// scheme and the browser
// host serve them from any path.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// bl's list reads every chunk through `Buffer` views; it gets views that are made directly
// (renderer/decoders/bl-buffer.ts, docs/architecture.md#decoding-cost). Everything else keeps the `buffer` package.
const blViewBuffer: Plugin = {
  name: 'bl-view-buffer',
  enforce: 'pre',
  resolveId(source, importer) {
    const fromBufferList = importer?.replaceAll('\\', '/').endsWith('/node_modules/bl/BufferList.js') ?? false;
    return source === 'buffer' && fromBufferList ? fromRoot('./renderer/decoders/bl-buffer.ts') : null;
  },
};

const panel: UserConfig = {
  root: fromRoot('./renderer'),
  base: './',
  plugins: [react(), blViewBuffer],
  build: { outDir: fromRoot('./out/renderer'), emptyOutDir: true, target: 'chrome120', sourcemap: true },
};

const miniappDemo: UserConfig = {
  root: fromRoot('./renderer/miniapp-demo'),
  base: './',
  build: { outDir: fromRoot('./out/miniapp-demo'), emptyOutDir: true, target: 'chrome120', sourcemap: true },
};

export default defineConfig(({ mode }) => (mode === 'miniapp-demo' ? miniappDemo : panel));
