// Test helper: compiles in-memory AXML/SJS/ACSS sources (by project path) to the scripts and CSS the bundle
// would serve, with their problems.
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { compileAcss } from '../compile-acss';
import { compileAxml } from '../compile-axml';
import { compileSjs } from '../compile-sjs';

export interface CompiledSources {
  scripts: string[];
  css: string[];
  problems: RuntimeProblem[];
}

export function compileSources(sources: Record<string, string>): CompiledSources {
  const result: CompiledSources = { scripts: [], css: [], problems: [] };
  for (const [path, source] of Object.entries(sources)) {
    if (path.endsWith('.axml')) {
      const compiled = compileAxml(path, source);
      result.scripts.push(compiled.code);
      result.problems.push(...compiled.problems);
    } else if (path.endsWith('.sjs')) {
      const compiled = compileSjs(path, source);
      result.scripts.push(compiled.code);
      result.problems.push(...compiled.problems);
    } else if (path.endsWith('.acss')) {
      const compiled = compileAcss(path, source, (file) => sources[file]);
      result.css.push(compiled.css);
      result.problems.push(...compiled.problems);
    }
  }
  return result;
}
