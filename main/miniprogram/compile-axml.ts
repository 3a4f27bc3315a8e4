// AXML → the JavaScript source of a render module (a classic script calling `__mpDefine('axml', path, factory)`,
// shapes in shared/miniprogram/view-bundle.ts). The generated code builds vnodes only through the owner helpers
// `o.el` / `o.comp` / `o.tpl` / `o.slot` and lists through `rt.list`, so it imports nothing and the view's runtime
// decides what each tag becomes. Expressions read names from scope objects `s0`, `s1`, … (one per nesting level).
import type { RuntimeProblem } from '../../shared/miniprogram/view-logic-protocol';
import { BUILTIN_TAGS, DEFINE_GLOBAL } from '../../shared/miniprogram/view-bundle';
import { parseAxml, type AxmlElement, type AxmlNode } from './axml-tree';
import { compileAttributeValue, compileText, type ValueContext } from './axml-values';
import { resolveReference, withExtension } from './project-paths';

export interface CompiledAxml {
  code: string;
  problems: RuntimeProblem[];
  /** Project paths this file needs at render time. */
  imports: string[];
  includes: string[];
  sjs: string[];
}

/** Attributes the compiler consumes; they never reach the element. */
const CONTROL = new Set(['a:if', 'a:elif', 'a:else', 'a:for', 'a:for-item', 'a:for-index', 'a:key', 'slot-scope']);
const SJS_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Level {
  scope: string;
  depth: number;
}

/** What an `a:for` body reads, to re-render an item only when one of those values changed (rt.list). */
interface LoopFrame {
  reads: Set<string>;
  /** `<include>` and `<slot>` render content whose reads are not known here: never memoized. */
  opaque: boolean;
}

class AxmlCompiler {
  readonly problems: RuntimeProblem[] = [];
  readonly imports: string[] = [];
  readonly includes: string[] = [];
  readonly sjs: string[] = [];
  readonly templates: string[] = [];
  /** `s.name = o.sjs(path).export` lines run at the start of every render and template. */
  readonly sjsBindings: string[] = [];
  private readonly loops: LoopFrame[] = [];
  private readonly reads = { add: (name: string) => this.loops.forEach((frame) => frame.reads.add(name)) };

  constructor(private readonly file: string) {}

  report(message: string, line: number): void {
    this.problems.push({ kind: 'axml', message, file: this.file.slice(1), line });
  }

  /** Code for nodes compiled once already: their problems, imports, includes, SJS and templates are not added twice. */
  again(compile: () => string): string {
    const lists = [this.problems, this.imports, this.includes, this.sjs, this.templates, this.sjsBindings] as unknown[][];
    const lengths = lists.map((list) => list.length);
    const code = compile();
    lists.forEach((list, index) => { list.length = lengths[index] ?? list.length; });
    return code;
  }

  values(level: Level, line: number): ValueContext {
    return { scope: level.scope, line, reads: this.reads, report: (problem) => this.report(problem.message, problem.line) };
  }

  attr(element: AxmlElement, name: string): string | undefined {
    return element.attrs.find(([key]) => key === name)?.[1];
  }

  reference(element: AxmlElement, attribute: string, extension: string): string | undefined {
    const ref = this.attr(element, attribute);
    const resolved = ref === undefined ? undefined : resolveReference(this.file, withExtension(ref.trim(), extension));
    if (resolved === undefined) this.report(`<${element.tag}> needs a valid ${attribute}="…${extension}"`, element.line);
    return resolved;
  }

  /** Children as a JavaScript array literal, folding a:if / a:elif / a:else sibling chains into ternaries. */
  children(nodes: AxmlNode[], level: Level): string {
    const out: string[] = [];
    let chain: Array<{ test: string | undefined; code: string }> | undefined;
    const flush = (): void => {
      if (chain === undefined) return;
      out.push(chain.reduceRight((rest, branch) => (branch.test === undefined ? branch.code : `(${branch.test} ? ${branch.code} : ${rest})`), 'null'));
      chain = undefined;
    };
    for (const node of nodes) {
      if (node.kind === 'text') {
        if (node.text.trim() === '') continue;
        flush();
        out.push(compileText(node.text, this.values(level, node.line)));
        continue;
      }
      const ifValue = this.attr(node, 'a:if');
      const elifValue = this.attr(node, 'a:elif');
      const isElse = this.attr(node, 'a:else') !== undefined;
      if ((elifValue !== undefined || isElse) && ifValue === undefined && chain === undefined) {
        this.report(`<${node.tag}> has ${isElse ? 'a:else' : 'a:elif'} without a preceding a:if`, node.line);
      }
      if (ifValue !== undefined && (elifValue !== undefined || isElse)) this.report('no multiple condition: a:if with a:elif/a:else', node.line);
      const code = this.forLoop(node, level);
      if (ifValue !== undefined) {
        flush();
        chain = [{ test: compileAttributeValue(ifValue, this.values(level, node.line)), code }];
      } else if (elifValue !== undefined && chain !== undefined) {
        chain.push({ test: compileAttributeValue(elifValue, this.values(level, node.line)), code });
      } else if (isElse && chain !== undefined) {
        chain.push({ test: undefined, code });
        flush();
      } else {
        flush();
        out.push(code);
      }
    }
    flush();
    return `[${out.join(', ')}]`;
  }

  /**
   * `a:for` repeats the element in a child scope holding the item and index names, as a list block (rt.list)
   * keyed by `a:key` (a field or `*this`), else by a `key="{{…}}"` attribute, else by position.
   */
  forLoop(element: AxmlElement, level: Level): string {
    const listValue = this.attr(element, 'a:for');
    if (listValue === undefined) return this.element(element, level);
    const inner: Level = { scope: `s${level.depth + 1}`, depth: level.depth + 1 };
    const itemName = this.attr(element, 'a:for-item') ?? 'item';
    const indexName = this.attr(element, 'a:for-index') ?? 'index';
    const itemScope = `var ${inner.scope} = rt.scope(${level.scope}, null); ${inner.scope}[${JSON.stringify(itemName)}] = p[0]; ${inner.scope}[${JSON.stringify(indexName)}] = p[1];`;
    const keyField = this.attr(element, 'a:key');
    const keyAttribute = this.attr(element, 'key');
    let key = 'p[1]';
    if (keyField === '*this') key = 'p[0]';
    else if (keyField !== undefined) key = `rt.key(p[0]?.[${JSON.stringify(keyField)}])`;
    else if (keyAttribute !== undefined) key = `(function () { ${itemScope} return rt.key(${compileAttributeValue(keyAttribute, this.values(inner, element.line))}); })()`;
    const list = compileAttributeValue(listValue, this.values(level, element.line));
    const frame: LoopFrame = { reads: new Set(), opaque: false };
    this.loops.push(frame);
    const body = this.element(element, inner);
    this.loops.pop();
    const outer = [...frame.reads].filter((name) => name !== itemName && name !== indexName).sort();
    // An opaque body gets a new dependency object on every render, so its items always re-render.
    const deps = frame.opaque ? ['{}'] : outer.map((name) => `${level.scope}[${JSON.stringify(name)}]`);
    return `rt.list(${list}, [${deps.join(', ')}], function (p) { return ${key}; }, function (p) { ${itemScope} return ${body}; })`;
  }

  element(element: AxmlElement, level: Level): string {
    switch (element.tag) {
      case 'block':
        return this.children(element.children, level);
      case 'template':
        return this.templateTag(element, level);
      case 'import': {
        const path = this.reference(element, 'src', '.axml');
        if (path !== undefined) this.imports.push(path);
        return 'null';
      }
      case 'include': {
        const path = this.reference(element, 'src', '.axml');
        if (path === undefined) return 'null';
        this.includes.push(path);
        this.loops.forEach((frame) => { frame.opaque = true; });
        return `o.include(${JSON.stringify(path)}, ${level.scope})`;
      }
      case 'import-sjs':
        this.importSjs(element);
        return 'null';
      case 'slot': {
        this.loops.forEach((frame) => { frame.opaque = true; });
        const name = this.attr(element, 'name');
        const nameCode = name === undefined ? '""' : compileAttributeValue(name, this.values(level, element.line));
        const props = this.props(element, level, new Set(['name']));
        return `o.slot(${nameCode}, ${props}, function () { return ${this.children(element.children, level)}; })`;
      }
      default: {
        const props = this.props(element, level, new Set(['key']));
        if (BUILTIN_TAGS.has(element.tag)) {
          // A child with `slot` fills a named slot when usingComponents overrides the basic tag (view-owner.ts
          // `el`), so such children are also compiled as slots; without one the call is as before.
          const slotted = element.children.some((child) => child.kind === 'element' && this.attr(child, 'slot') !== undefined);
          const children = this.children(element.children, level);
          return `o.el(${JSON.stringify(element.tag)}, ${props}, ${children}${slotted ? `, ${this.again(() => this.slots(element, level))}` : ''})`;
        }
        return `o.comp(${JSON.stringify(element.tag)}, ${props}, ${this.slots(element, level)})`;
      }
    }
  }

  /** Attributes as an object literal (`slot` only chooses the slot a child fills; `key` keys list items). */
  props(element: AxmlElement, level: Level, skip: ReadonlySet<string>): string {
    const entries: string[] = [];
    for (const [name, value] of element.attrs) {
      if (CONTROL.has(name) || skip.has(name) || name === 'slot') continue;
      entries.push(`${JSON.stringify(name)}: ${compileAttributeValue(value, this.values(level, element.line))}`);
    }
    return `{ ${entries.join(', ')} }`;
  }

  /** Children of a custom component (or of a basic tag usingComponents may override), grouped by their `slot` attribute; `slot-scope` names the slot's props. */
  slots(element: AxmlElement, level: Level): string {
    const inner: Level = { scope: `s${level.depth + 1}`, depth: level.depth + 1 };
    const renderer = (name: string, nodes: AxmlNode[], scopeName: string | undefined): string => {
      const bindScope = scopeName === undefined ? '' : `${inner.scope}[${JSON.stringify(scopeName)}] = sp; `;
      return `{ name: ${name}, render: function (sp) { var ${inner.scope} = rt.scope(${level.scope}, null); ${bindScope}return ${this.children(nodes, inner)}; } }`;
    };
    const named: string[] = [];
    const unnamed: AxmlNode[] = [];
    for (const child of element.children) {
      const slotName = child.kind === 'element' ? this.attr(child, 'slot') : undefined;
      if (child.kind === 'element' && slotName !== undefined) {
        if (child.tag === 'block' || child.tag === 'template') this.report(`slot="${slotName}" must be on an element, not <${child.tag}>`, child.line);
        named.push(renderer(compileAttributeValue(slotName, this.values(level, child.line)), [child], this.attr(child, 'slot-scope')));
      } else unnamed.push(child);
    }
    const hasDefault = unnamed.some((child) => child.kind === 'element' || child.text.trim() !== '');
    return `[${[...(hasDefault ? [renderer('""', unnamed, undefined)] : []), ...named].join(', ')}]`;
  }

  templateTag(element: AxmlElement, level: Level): string {
    const name = this.attr(element, 'name');
    if (name !== undefined) {
      const body = this.children(element.children, { scope: 's0', depth: 0 });
      this.templates.push(`${JSON.stringify(name)}: function (d, o) { var s0 = rt.scope(null, d); bind(s0, o); return ${body}; }`);
      return 'null';
    }
    const is = this.attr(element, 'is');
    if (is === undefined) {
      this.report('<template> needs name="…" or is="…"', element.line);
      return 'null';
    }
    const data = this.attr(element, 'data');
    const dataCode = data === undefined ? 'null' : compileAttributeValue(data, this.values(level, element.line));
    return `o.tpl(${JSON.stringify(this.file)}, ${compileAttributeValue(is, this.values(level, element.line))}, ${dataCode})`;
  }

  /** `<import-sjs name="x" from>` binds the default export; `name="{ a, b: c }"` binds named exports. */
  importSjs(element: AxmlElement): void {
    const path = this.reference(element, 'from', '.sjs');
    const name = this.attr(element, 'name')?.trim() ?? '';
    if (path === undefined) return;
    this.sjs.push(path);
    const module = `o.sjs(${JSON.stringify(path)})`;
    const named = /^\{([^}]*)\}$/.exec(name);
    const pairs = named
      ? (named[1] ?? '').split(',').map((entry) => entry.split(':').map((part) => part.trim())).filter((pair) => pair[0] !== '')
      : [['default', name]];
    for (const [exported = '', local = exported] of pairs) {
      if (!SJS_NAME.test(local) || !SJS_NAME.test(exported)) {
        this.report(`<import-sjs> name "${name}" is not a valid identifier`, element.line);
        continue;
      }
      this.sjsBindings.push(`s[${JSON.stringify(local)}] = ${module}[${JSON.stringify(exported)}];`);
    }
  }
}

/** Compiles one AXML file; `file` is its project path (`/pages/index/index.axml`). Never throws for bad AXML. */
export function compileAxml(file: string, source: string): CompiledAxml {
  const compiler = new AxmlCompiler(file);
  const { nodes, problems } = parseAxml(source);
  for (const problem of problems) compiler.report(problem.message, problem.line);
  const body = compiler.children(nodes, { scope: 's0', depth: 0 });
  const code = [
    `${DEFINE_GLOBAL}("axml", ${JSON.stringify(file)}, function (rt) {`,
    `  function bind(s, o) { ${compiler.sjsBindings.join(' ')} }`,
    `  return {`,
    `    imports: ${JSON.stringify(compiler.imports)},`,
    `    templates: { ${compiler.templates.join(',\n      ')} },`,
    `    render: function (s0, o) { bind(s0, o); return ${body}; }`,
    `  };`,
    `});`,
    '',
  ].join('\n');
  return { code, problems: compiler.problems, imports: compiler.imports, includes: compiler.includes, sjs: compiler.sjs };
}
