// Attribute and text values of AXML → JavaScript expressions. A value that is exactly one `{{ }}` keeps the
// expression's type (`checked="{{false}}"` is false); text mixed with `{{ }}` becomes a string; plain text is
// the string itself (`checked="false"` is the truthy string "false", docs/miniprogram-runtime.md#references §5.1).
import { compileExpression, ExpressionError, splitInterpolation, type NameSink } from './axml-expression';

export interface ValueProblem {
  message: string;
  line: number;
}

/** Where a value sits, so a bad expression is reported at its line; failed expressions compile to `void 0`. */
export interface ValueContext {
  scope: string;
  line: number;
  /** Collects the scope names the value reads. */
  reads: NameSink;
  report(problem: ValueProblem): void;
}

function expression(source: string, offsetLine: number, context: ValueContext): string {
  try {
    return compileExpression(source, context.scope, context.reads);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    context.report({ message: `{{${source.trim()}}}: ${error.message}`, line: context.line + offsetLine + error.line - 1 });
    return 'void 0';
  }
}

function linesBefore(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

/** An attribute value. */
export function compileAttributeValue(value: string, context: ValueContext): string {
  const parts = splitInterpolation(value);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && 'expression' in only) return expression(only.expression, 0, context);
  if (parts.every((part) => 'text' in part)) return JSON.stringify(value);
  const pieces = parts.map((part) => ('text' in part ? JSON.stringify(part.text) : expression(part.expression, linesBefore(value, part.offset), context)));
  return `rt.cat([${pieces.join(', ')}])`;
}

/** A text node; undefined/null interpolations render as empty text. */
export function compileText(text: string, context: ValueContext): string {
  const parts = splitInterpolation(text);
  if (parts.every((part) => 'text' in part)) return JSON.stringify(text);
  const pieces = parts.map((part) => ('text' in part ? JSON.stringify(part.text) : expression(part.expression, linesBefore(text, part.offset), context)));
  return pieces.length === 1 ? `rt.text(${pieces[0] ?? ''})` : `rt.cat([${pieces.join(', ')}])`;
}
