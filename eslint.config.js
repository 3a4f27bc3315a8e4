// Lint enforces the layering of docs/architecture.md#layers-and-the-dependency-order twice over: which
// folder may import which (import-x/no-restricted-paths, resolved paths, not regexes), and which runtime
// APIs a folder may use (no-restricted-imports).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { builtinModules } from 'node:module';

/**
 * The main process, lowest first: a folder may import its own tier and the tiers before it, never a later
 * one, and folders of one tier never import each other (hosts compose them).
 */
export const MAIN_TIERS = [
  ['shared'],
  ['main/core'],
  ['main/lab', 'main/replay', 'main/host-common', 'main/miniprogram'],
  ['main/electron', 'main/browser-host'],
  ['main/cli'],
  ['main/playwright'],
];

/**
 * The renderer's feature folders, lowest first: each may import only the folders before it, so they form no
 * cycle. Every folder of renderer/ must be listed (a unit test checks it).
 */
export const RENDERER_ORDER = [
  'miniprogram',
  'capture',
  'clipboard',
  'transport',
  'store',
  'warnings',
  'timeline',
  'problems',
  'parity',
  'decoders',
  'frame-log',
  'controls',
  'replay',
  'debugging',
  'inspector',
  'export',
  'sessions',
  'app',
];

/** Renderer folders that stand alone: pages of their own that import no other renderer folder. */
export const RENDERER_STANDALONE = ['miniapp-demo'];

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const TEST_SUPPORT = '**/test-support/**';

const layerMessage = 'breaks the dependency order (docs/architecture.md#layers-and-the-dependency-order).';

function mainZones() {
  const zones = [];
  MAIN_TIERS.forEach((tier, index) => {
    const later = MAIN_TIERS.slice(index + 1).flat();
    for (const folder of tier) {
      const siblings = tier.filter((other) => other !== folder);
      const from = [...later, ...siblings].map((other) => `./${other}`);
      if (folder === 'shared') from.push('./renderer', './preload');
      if (from.length > 0) zones.push({ target: `./${folder}`, from, message: `${folder} ${layerMessage}` });
    }
  });
  zones.push({ target: './main', from: ['./renderer', './preload'], message: `main ${layerMessage}` });
  zones.push({ target: './renderer', from: ['./main', './preload'], message: `renderer ${layerMessage}` });
  zones.push({ target: './preload', from: ['./main', './renderer'], message: `preload ${layerMessage}` });
  return zones;
}

function rendererZones() {
  const zones = RENDERER_ORDER.map((folder, index) => ({
    target: `./renderer/${folder}`,
    from: [...RENDERER_ORDER.slice(index + 1), ...RENDERER_STANDALONE, 'main.tsx'].map((other) => `./renderer/${other}`),
    message: `renderer/${folder} ${layerMessage}`,
  }));
  for (const folder of RENDERER_STANDALONE) {
    const others = [...RENDERER_ORDER, ...RENDERER_STANDALONE.filter((other) => other !== folder), 'main.tsx'];
    zones.push({ target: `./renderer/${folder}`, from: others.map((other) => `./renderer/${other}`), message: `renderer/${folder} ${layerMessage}` });
  }
  return zones;
}

const layerZones = [...mainZones(), ...rendererZones()];
const testSupportZone = {
  target: ['./main/**', './shared/**', './renderer/**', './preload/**'],
  from: `./${TEST_SUPPORT}`,
  message: 'production code must not import test support (docs/architecture.md#test-support).',
};
const restrictPaths = (zones) => ({ 'import-x/no-restricted-paths': ['error', { zones }] });

// `import { z }` keeps every zod locale (~260 KB minified) in the browser bundles; the namespace import
// tree-shakes them (docs/miniprogram-runtime.md "Loading the view").
const zodNamespaceOnly = {
  selector: "ImportDeclaration[source.value='zod'][importKind='value'] > ImportSpecifier[imported.name='z']",
  message: "use `import * as z from 'zod'`: `import { z }` keeps zod's locales in the browser bundles.",
};
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message: `"${name}" is not available in this layer (docs/architecture.md#processes).` })),
      patterns: patterns.map((group) => ({ group: [group], message: `"${group}" is not available in this layer (docs/architecture.md#processes).` })),
    },
  ],
});
const nodeAndWs = [...nodeBuiltins, 'ws', 'selfsigned'];
const react = ['react', 'react-dom', 'react-dom/client', 'zustand', '@tanstack/react-virtual'];

export default tseslint.config(
  { ignores: ['node_modules/', 'e2e/fixtures/miniprogram-broken/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json', '.css'] })] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', zodNamespaceOnly],
    },
  },
  {
    files: ['shared/**'],
    rules: restrict(['electron', ...nodeAndWs, ...react], ['node:*', 'react/*']),
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrict(['electron', ...nodeAndWs], ['node:*']),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['preload/**'],
    rules: restrict([...nodeAndWs, ...react]),
  },
  {
    files: ['main/**'],
    ignores: ['main/electron/**'],
    rules: restrict(['electron', ...react], ['electron/*']),
  },
  {
    files: ['main/electron/**'],
    rules: restrict(react),
  },
  {
    // The mini-program logic runs in a Worker with no DOM (docs/miniprogram-runtime.md, Logic): it may not
    // name the page's globals, and it may import only shared/ and npm libraries.
    files: ['renderer/miniprogram/logic/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      ...restrict(['electron', ...nodeAndWs, ...react], ['node:*', '**/main/**', '**/preload/**', '**/miniprogram/view/**', '**/logic-host/**']),
      'no-restricted-globals': ['error', 'window', 'document', 'fetch', 'XMLHttpRequest', 'WebSocket', 'localStorage', 'sessionStorage', 'location', 'navigator'],
    },
  },
  {
    // Mini-program project files (fixtures): CommonJS modules with the logic globals of docs/miniprogram-runtime.md#references §10.2.
    files: ['e2e/fixtures/miniprogram-*/**/*.js', '**/test-support/*-project/**/*.js', 'examples/socket-playground/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { my: 'readonly', App: 'readonly', Page: 'readonly', Component: 'readonly', getApp: 'readonly', getCurrentPages: 'readonly', require: 'readonly', module: 'writable', __MSD_LAB__: 'readonly', Mixin: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The folder order: production code also keeps away from test support; test support itself keeps the
    // order of the folder it sits in.
    files: ['main/**', 'shared/**', 'renderer/**', 'preload/**'],
    rules: restrictPaths([...layerZones, testSupportZone]),
  },
  {
    files: [TEST_SUPPORT],
    ignores: TESTS,
    rules: restrictPaths(layerZones),
  },
  {
    // Tests, e2e, benchmarks and build scripts run in Node and may reach every layer.
    files: [...TESTS, 'e2e/**', 'bench/**', 'scripts/**', 'bin/**', '*.config.*'],
    rules: { 'no-restricted-imports': 'off', 'import-x/no-restricted-paths': 'off' },
  },
);
