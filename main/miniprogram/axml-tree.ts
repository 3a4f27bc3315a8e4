// AXML text → a small element tree with line numbers, parsed by htmlparser2 in XML mode (case-preserving
// attribute names such as `onTap`, self-closing tags). htmlparser2 is forgiving; an element closed implicitly
// (missing end tag) is reported so the author sees the mistake.
import { Parser } from 'htmlparser2';
import { splitInterpolation } from './axml-expression';

/** Stands in for `<` inside `{{ }}` while htmlparser2 reads the file (`{{a<b}}` is not a tag), one char for one. */
const LESS_THAN = '\uE000';

function maskMustaches(source: string): string {
  return splitInterpolation(source)
    .map((part) => ('text' in part ? part.text : `{{${part.expression.replaceAll('<', LESS_THAN)}}}`))
    .join('');
}

const unmask = (text: string): string => text.replaceAll(LESS_THAN, '<');

export interface AxmlElement {
  kind: 'element';
  tag: string;
  /** Attributes in source order (order matters for a:if/a:elif chains only through siblings). */
  attrs: Array<[name: string, value: string]>;
  children: AxmlNode[];
  line: number;
}

export interface AxmlText {
  kind: 'text';
  text: string;
  line: number;
}

export type AxmlNode = AxmlElement | AxmlText;

export interface AxmlParseProblem {
  message: string;
  line: number;
}

export function parseAxml(source: string): { nodes: AxmlNode[]; problems: AxmlParseProblem[] } {
  const lineStarts = [0];
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };

  const root: AxmlElement = { kind: 'element', tag: '#root', attrs: [], children: [], line: 1 };
  const stack: AxmlElement[] = [root];
  const problems: AxmlParseProblem[] = [];
  const top = (): AxmlElement => stack[stack.length - 1] ?? root;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const attrs = Object.entries(attribs).map(([key, value]): [string, string] => [key, unmask(value)]);
        const element: AxmlElement = { kind: 'element', tag: name, attrs, children: [], line: lineOf(parser.startIndex) };
        top().children.push(element);
        stack.push(element);
      },
      onclosetag(name, isImplied) {
        const element = top();
        if (isImplied && !selfClosed(source, parser.endIndex)) problems.push({ message: `<${name}> is not closed`, line: element.line });
        if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        const siblings = top().children;
        const last = siblings[siblings.length - 1];
        if (last?.kind === 'text') last.text += unmask(text);
        else siblings.push({ kind: 'text', text: unmask(text), line: lineOf(parser.startIndex) });
      },
      oncomment() {
        // Comments render nothing.
      },
    },
    { xmlMode: true, recognizeSelfClosing: true, decodeEntities: true },
  );
  parser.write(maskMustaches(source));
  parser.end();
  return { nodes: root.children, problems };
}

/** htmlparser2 reports `<x/>` closes as implied in some versions; the source tells whether it was self-closed. */
function selfClosed(source: string, endIndex: number): boolean {
  return source.slice(Math.max(0, endIndex - 1), endIndex + 1).includes('/>');
}
