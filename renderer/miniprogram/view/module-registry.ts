// Compiled AXML and SJS modules by project path. Each served script calls `define` once (through the global
// `__mpDefine`); AXML factories are instantiated with the render runtime on first use, SJS modules are
// evaluated once on first `require`, as the device evaluates only the SJS a template uses.
import type { AxmlFactory, AxmlModule, SjsFactory } from '../../../shared/miniprogram/view-bundle';
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { renderRuntime } from './render-runtime';

type SjsExports = Record<string, unknown>;

/** SJS's date and regular-expression constructors (no `new Date` or regex literals in SJS, docs §5.5). */
const getDate = (...args: unknown[]): Date => new (Date as unknown as new (...values: unknown[]) => Date)(...args);
const getRegExp = (pattern: string, flags?: string): RegExp => new RegExp(pattern, flags);

export class ModuleRegistry {
  private readonly axmlFactories = new Map<string, AxmlFactory>();
  private readonly axmlModules = new Map<string, AxmlModule>();
  private readonly sjsFactories = new Map<string, SjsFactory>();
  private readonly sjsExports = new Map<string, SjsExports>();

  constructor(private readonly report: (problem: RuntimeProblem) => void) {}

  /** What `__mpDefine(kind, path, factory)` calls. */
  define(kind: string, path: string, factory: unknown): void {
    if (typeof factory !== 'function') return;
    if (kind === 'axml') {
      this.axmlFactories.set(path, factory as AxmlFactory);
      this.axmlModules.delete(path);
    } else if (kind === 'sjs') {
      this.sjsFactories.set(path, factory as SjsFactory);
      this.sjsExports.delete(path);
    }
  }

  axml(path: string): AxmlModule | undefined {
    const known = this.axmlModules.get(path);
    if (known !== undefined) return known;
    const factory = this.axmlFactories.get(path);
    if (factory === undefined) return undefined;
    const module = factory(renderRuntime);
    this.axmlModules.set(path, module);
    return module;
  }

  /** The exports of an SJS module; `default` is `module.exports` itself for CommonJS modules. */
  sjs(path: string): SjsExports {
    const known = this.sjsExports.get(path);
    if (known !== undefined) return known;
    const module: { exports: SjsExports } = { exports: {} };
    this.sjsExports.set(path, module.exports);
    const factory = this.sjsFactories.get(path);
    if (factory === undefined) {
      this.report({ kind: 'sjs', message: 'module not loaded', file: path.slice(1) });
      return module.exports;
    }
    try {
      factory(module, module.exports, (dependency) => this.sjs(dependency), getDate, getRegExp);
    } catch (error) {
      this.report({ kind: 'sjs', message: (error as Error).message, file: path.slice(1), stack: (error as Error).stack ?? '' });
    }
    const exports = module.exports;
    if (!('default' in exports)) Object.defineProperty(exports, 'default', { value: exports, enumerable: false });
    this.sjsExports.set(path, exports);
    return exports;
  }
}
