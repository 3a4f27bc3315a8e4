// Types of what eslint.config.js exports for the dependency-order test.
import type { Linter } from 'eslint';

export const MAIN_TIERS: readonly (readonly string[])[];
export const RENDERER_ORDER: readonly string[];
export const RENDERER_STANDALONE: readonly string[];
declare const config: Linter.Config[];
export default config;
