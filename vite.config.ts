// Vite builds two pages: the panel (`--mode panel`, the default) and the bundled demo mini-app
// (`--mode miniapp-demo`). Both use relative asset URLs so the Electron app:// scheme and the browser
// host serve them from any path.
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const panel: UserConfig = {
  root: fromRoot('./renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: fromRoot('./out/renderer'), emptyOutDir: true, target: 'chrome120', sourcemap: true },
};

const miniappDemo: UserConfig = {
  root: fromRoot('./renderer/miniapp-demo'),
  base: './',
  build: { outDir: fromRoot('./out/miniapp-demo'), emptyOutDir: true, target: 'chrome120', sourcemap: true },
};

export default defineConfig(({ mode }) => (mode === 'miniapp-demo' ? miniappDemo : panel));
