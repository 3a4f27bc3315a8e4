// SJS (`.sjs`, docs/miniprogram-runtime.md#references §5.5) → a classic script `__mpDefine('sjs', path, factory)`. Acorn parses the
// module; `import`/`export` are rewritten in place into CommonJS (`require` of project paths, `exports.x = x`),
// the rest of the text is kept as written, so line numbers of runtime errors match the source.
import { parse, type Node } from 'acorn';
import type { RuntimeProblem } from '../../shared/miniprogram/view-logic-protocol';
import { DEFINE_GLOBAL } from '../../shared/miniprogram/view-bundle';
import { resolveReference } from './project-paths';

export interface CompiledSjs {
  code: string;
  problems: RuntimeProblem[];
  /** Project paths of the SJS files this one requires. */
  requires: string[];
}

type AnyNode = Node & Record<string, unknown>;
interface Edit {
  start: number;
  end: number;
  text: string;
}

function names(node: AnyNode): string[] {
  if (node.type === 'Identifier') return [node.name as string];
  if (node.type === 'VariableDeclaration') return (node.declarations as AnyNode[]).flatMap((declarator) => names(declarator.id as AnyNode));
  if (node.type === 'ObjectPattern') return (node.properties as AnyNode[]).flatMap((property) => names((property.value ?? property.argument) as AnyNode));
  if (node.type === 'ArrayPattern') return (node.elements as Array<AnyNode | null>).flatMap((element) => (element ? names(element) : []));
  if (node.type === 'RestElement') return names(node.argument as AnyNode);
  if (node.type === 'AssignmentPattern') return names(node.left as AnyNode);
  const id = node.id as AnyNode | null | undefined;
  return id ? [id.name as string] : [];
}

function exportedName(node: AnyNode): string {
  return (node.type === 'Literal' ? node.value : node.name) as string;
}

export function compileSjs(file: string, source: string): CompiledSjs {
  const problems: RuntimeProblem[] = [];
  const requires: string[] = [];
  const edits: Edit[] = [];
  const trailer: string[] = [];
  const resolveSjs = (specifier: string, line: number): string => {
    const path = resolveReference(file, specifier);
    if (path === undefined || !specifier.endsWith('.sjs')) {
      problems.push({ kind: 'sjs', message: `"${specifier}" is not an .sjs file of the project`, file: file.slice(1), line });
      return '';
    }
    requires.push(path);
    return path;
  };
  const requireOf = (specifier: string, line: number): string => `require(${JSON.stringify(resolveSjs(specifier, line))})`;

  let program: AnyNode;
  try {
    program = parse(source, { ecmaVersion: 2022, sourceType: 'module', locations: true }) as unknown as AnyNode;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    problems.push({ kind: 'sjs', message: String((error as Error).message).replace(/ \(\d+:\d+\)$/, ''), file: file.slice(1), line: loc?.line ?? 1, column: loc?.column });
    return { code: `${DEFINE_GLOBAL}("sjs", ${JSON.stringify(file)}, function () {});\n`, problems, requires };
  }

  let counter = 0;
  for (const statement of program.body as AnyNode[]) {
    const line = (statement.loc as { start: { line: number } }).start.line;
    const span = { start: statement.start, end: statement.end };
    const source_ = statement.source as AnyNode | null | undefined;
    if (statement.type === 'ImportDeclaration') {
      const module = `__sjs${counter++}`;
      const bindings = (statement.specifiers as AnyNode[]).map((specifier) => {
        const local = (specifier.local as AnyNode).name as string;
        if (specifier.type === 'ImportDefaultSpecifier') return `${local} = ${module}.default`;
        if (specifier.type === 'ImportNamespaceSpecifier') return `${local} = ${module}`;
        return `${local} = ${module}[${JSON.stringify(exportedName(specifier.imported as AnyNode))}]`;
      });
      edits.push({ ...span, text: `var ${[`${module} = ${requireOf(String(source_?.value), line)}`, ...bindings].join(', ')};` });
    } else if (statement.type === 'ExportDefaultDeclaration') {
      edits.push({ start: statement.start, end: (statement.declaration as AnyNode).start, text: 'exports.default = ' });
    } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration) {
      edits.push({ start: statement.start, end: (statement.declaration as AnyNode).start, text: '' });
      for (const name of names(statement.declaration as AnyNode)) trailer.push(`exports[${JSON.stringify(name)}] = ${name};`);
    } else if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') {
      const from = source_ ? requireOf(String(source_.value), line) : undefined;
      const lines = (statement.specifiers as AnyNode[] | undefined ?? []).map((specifier) => {
        const local = exportedName(specifier.local as AnyNode);
        return `exports[${JSON.stringify(exportedName(specifier.exported as AnyNode))}] = ${from ? `${from}[${JSON.stringify(local)}]` : local};`;
      });
      if (statement.type === 'ExportAllDeclaration' && from) lines.push(`Object.assign(exports, ${from});`);
      edits.push({ ...span, text: '' });
      trailer.push(...lines);
    }
  }
  visitRequires(program, (literal) => {
    const line = (literal.loc as { start: { line: number } }).start.line;
    edits.push({ start: literal.start, end: literal.end, text: JSON.stringify(resolveSjs(String(literal.value), line)) });
  });

  let body = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  const code = `${DEFINE_GLOBAL}("sjs", ${JSON.stringify(file)}, function (module, exports, require, getDate, getRegExp) {${body}\n${trailer.join('\n')}\n});\n`;
  return { code, problems, requires };
}

/** CommonJS `require('./x.sjs')` calls, whose argument is rewritten to the project path. */
function visitRequires(node: AnyNode, found: (literal: AnyNode) => void): void {
  if (node.type === 'CallExpression') {
    const callee = node.callee as AnyNode;
    const first = (node.arguments as AnyNode[])[0];
    if (callee.type === 'Identifier' && callee.name === 'require' && first?.type === 'Literal' && typeof first.value === 'string') found(first);
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) if (child && typeof child === 'object' && 'type' in child) visitRequires(child as AnyNode, found);
    if (value && typeof value === 'object' && 'type' in value && !Array.isArray(value)) visitRequires(value as AnyNode, found);
  }
}
