// `{{ }}` content → JavaScript that reads names from the render scope `s`. Acorn parses it as one expression
// (statements, assignments, functions, `new` and `this` are rejected, docs/miniprogram-runtime.md#references §5.1), the tree is
// rewritten (names → `s.name`, member access → optional chaining so `a.b.c` of missing data is undefined, not a
// crash), and astring prints it back.
import { parseExpressionAt, type Expression, type Node } from 'acorn';
import { generate } from 'astring';

export class ExpressionError extends Error {
  constructor(
    message: string,
    /** 1-based line inside the expression text. */
    readonly line: number,
  ) {
    super(message);
  }
}

/** Node types an AXML expression may contain; everything else is a compile error. */
const ALLOWED = new Set([
  'Literal', 'Identifier', 'MemberExpression', 'ConditionalExpression', 'BinaryExpression', 'LogicalExpression',
  'UnaryExpression', 'ArrayExpression', 'ObjectExpression', 'Property', 'SpreadElement', 'TemplateLiteral',
  'TemplateElement', 'CallExpression', 'ChainExpression', 'ParenthesizedExpression',
]);
/** Property names that would reach the view's own prototypes and functions. */
const FORBIDDEN_KEYS = new Set(['constructor', '__proto__', 'prototype']);
const LITERAL_NAMES: Record<string, string> = { undefined: 'void 0', NaN: 'NaN', Infinity: 'Infinity' };

type AnyNode = Node & Record<string, unknown>;

/** Receives each scope name an expression reads. */
export interface NameSink {
  add(name: string): unknown;
}

function parse(source: string): Expression {
  // Parentheses are kept as nodes: without them `{{(a ? b : c)}}` would end before its closing `)`.
  const options = { ecmaVersion: 2022 as const, locations: true, preserveParens: true };
  try {
    const expression = parseExpressionAt(source, 0, options);
    if (source.slice(expression.end).trim() === '') return expression;
  } catch {
    // Fall through: `{{a: 1, ...b}}` (template data) is an object literal written without braces.
  }
  try {
    const wrapped = parseExpressionAt(`{${source}}`, 0, options);
    if (`{${source}}`.slice(wrapped.end).trim() === '') return wrapped;
  } catch {
    // Report the error of the unwrapped text below.
  }
  try {
    const expression = parseExpressionAt(source, 0, options);
    const rest = source.slice(expression.end);
    throw new ExpressionError(`unexpected "${rest.trim().slice(0, 20)}" after the expression`, lineAt(source, expression.end));
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    const loc = (error as { loc?: { line: number } }).loc;
    throw new ExpressionError(String((error as Error).message).replace(/ \(\d+:\d+\)$/, ''), loc?.line ?? 1);
  }
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function scopeRead(scope: string, name: string): AnyNode {
  return {
    type: 'MemberExpression',
    object: { type: 'Identifier', name: scope },
    property: { type: 'Identifier', name },
    computed: false,
    optional: false,
  } as unknown as AnyNode;
}

function keyGuard(property: AnyNode): AnyNode {
  return {
    type: 'CallExpression',
    callee: { type: 'MemberExpression', object: { type: 'Identifier', name: 'rt' }, property: { type: 'Identifier', name: 'key' }, computed: false, optional: false },
    arguments: [property],
    optional: false,
  } as unknown as AnyNode;
}

/** Rewrites `node` in place (returns the replacement for the parent to store). */
function rewrite(node: AnyNode, source: string, scope: string, reads: NameSink): AnyNode {
  if (!ALLOWED.has(node.type)) {
    throw new ExpressionError(`${describe(node.type)} is not allowed in AXML expressions`, lineAt(source, node.start));
  }
  switch (node.type) {
    case 'Identifier': {
      const name = node.name as string;
      const literal = LITERAL_NAMES[name];
      if (literal === undefined) reads.add(name);
      return literal !== undefined ? ({ type: 'Identifier', name: literal } as unknown as AnyNode) : scopeRead(scope, name);
    }
    case 'MemberExpression': {
      node.object = rewrite(node.object as AnyNode, source, scope, reads);
      if (node.computed) node.property = keyGuard(rewrite(node.property as AnyNode, source, scope, reads));
      else if (FORBIDDEN_KEYS.has((node.property as AnyNode).name as string)) {
        throw new ExpressionError(`property "${String((node.property as AnyNode).name)}" is not allowed`, lineAt(source, node.start));
      }
      node.optional = true;
      return node;
    }
    case 'CallExpression':
      node.callee = rewrite(node.callee as AnyNode, source, scope, reads);
      node.arguments = (node.arguments as AnyNode[]).map((argument) => rewrite(argument, source, scope, reads));
      node.optional = true;
      return node;
    case 'ParenthesizedExpression':
      return rewrite(node.expression as AnyNode, source, scope, reads);
    case 'UnaryExpression':
      if (node.operator === 'delete') throw new ExpressionError('delete is not allowed', lineAt(source, node.start));
      node.argument = rewrite(node.argument as AnyNode, source, scope, reads);
      return node;
    case 'Property':
      if (node.kind !== 'init' || node.method) throw new ExpressionError('getters and methods are not allowed', lineAt(source, node.start));
      if (node.computed) node.key = rewrite(node.key as AnyNode, source, scope, reads);
      node.value = rewrite(node.value as AnyNode, source, scope, reads);
      node.shorthand = false;
      return node;
    default:
      for (const field of ['object', 'test', 'consequent', 'alternate', 'left', 'right', 'argument', 'expression']) {
        const child = node[field] as AnyNode | null | undefined;
        if (child && typeof child === 'object' && 'type' in child) node[field] = rewrite(child, source, scope, reads);
      }
      for (const field of ['elements', 'properties', 'expressions']) {
        const list = node[field] as Array<AnyNode | null> | undefined;
        if (list) node[field] = list.map((child) => (child === null ? null : rewrite(child, source, scope, reads)));
      }
      return node;
  }
}

function describe(type: string): string {
  const names: Record<string, string> = {
    ArrowFunctionExpression: 'an arrow function', FunctionExpression: 'a function', AssignmentExpression: 'an assignment',
    UpdateExpression: '++/--', NewExpression: '"new"', ThisExpression: '"this"', SequenceExpression: 'a comma sequence',
    TaggedTemplateExpression: 'a tagged template', AwaitExpression: '"await"', YieldExpression: '"yield"',
  };
  return names[type] ?? type;
}

/**
 * JavaScript for one `{{ }}` content, reading names from the scope variable `scope` and guarding computed keys
 * with `rt.key`; the names it reads are added to `reads`.
 */
export function compileExpression(source: string, scope = 's', reads: NameSink = new Set<string>()): string {
  if (source.trim() === '') throw new ExpressionError('empty {{ }}', 1);
  const tree = rewrite(parse(source) as unknown as AnyNode, source, scope, reads);
  return `(${generate(tree)})`;
}

/** Text with `{{ }}` split into literal text and expression sources, in order. */
export type InterpolationPart = { text: string } | { expression: string; offset: number };

export function splitInterpolation(text: string): InterpolationPart[] {
  const parts: InterpolationPart[] = [];
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{{', index);
    const close = open < 0 ? -1 : findClose(text, open + 2);
    if (open < 0 || close < 0) {
      parts.push({ text: text.slice(index) });
      break;
    }
    if (open > index) parts.push({ text: text.slice(index, open) });
    parts.push({ expression: text.slice(open + 2, close), offset: open + 2 });
    index = close + 2;
  }
  return parts;
}

/** The `}}` closing a mustache: braces of object literals inside (`{{ {a: {b: 1}} }}`) and quoted text are skipped. */
function findClose(text: string, from: number): number {
  let depth = 0;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"' || char === "'" || char === '`') {
      const end = text.indexOf(char, index + 1);
      if (end < 0) return -1;
      index = end;
    } else if (char === '{') depth += 1;
    else if (char === '}' && depth > 0) depth -= 1;
    else if (char === '}' && text[index + 1] === '}') return index;
  }
  return -1;
}
