// Lint is where the process layering of docs/architecture.md is enforced: each folder may import only
// what its runtime really has.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message: `"${name}" is not available in this layer (see README, Layering).` })),
      patterns: patterns.map((group) => ({ group: [group], message: `"${group}" is not available in this layer (see README, Layering).` })),
    },
  ],
});
const nodeAndWs = [...nodeBuiltins, 'ws', 'selfsigned'];
const react = ['react', 'react-dom', 'react-dom/client', 'zustand', '@tanstack/react-virtual'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**'],
    rules: restrict(['electron', ...nodeAndWs, ...react], ['node:*', '**/main/**', '**/renderer/**', '**/preload/**', 'react/*']),
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrict(['electron', ...nodeAndWs], ['node:*', '**/main/**', '**/preload/**']),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['preload/**'],
    rules: restrict([...nodeAndWs, ...react], ['node:*', '**/main/**', '**/renderer/**']),
  },
  {
    files: ['main/**'],
    ignores: ['main/electron/**'],
    rules: restrict(['electron', ...react], ['**/renderer/**', '**/preload/**', 'electron/*']),
  },
  {
    files: ['main/electron/**'],
    rules: restrict(react, ['**/renderer/**']),
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
    // Mini-program project files (fixtures): CommonJS modules with the logic globals of docs/miniprogram.md §10.2.
    files: ['e2e/fixtures/miniprogram-*/**/*.js', '**/test-support/*-project/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { my: 'readonly', App: 'readonly', Page: 'readonly', Component: 'readonly', getApp: 'readonly', getCurrentPages: 'readonly', require: 'readonly', module: 'writable', __MSD_LAB__: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Test harnesses, e2e, benchmarks and build scripts run in Node and may reach every layer.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**', 'scripts/**', 'bin/**', '*.config.*'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
