import { describe, expect, it } from 'vitest';
import { compileExpression } from './axml-expression';
import { compileAxml } from './compile-axml';

const problemsOf = (source: string) => compileAxml('/pages/a/a.axml', source).problems.map(({ message, line }) => ({ message, line }));

describe('AXML expressions', () => {
  it('read names from the scope with optional chaining, keep literals, and guard computed keys', () => {
    expect(compileExpression('a.b[i] + 1', 's0')).toBe('(s0.a?.b?.[rt.key(s0.i)] + 1)');
    expect(compileExpression('flag ? "x" : undefined')).toBe('(s.flag ? "x" : void 0)');
    expect(compileExpression('...item, e: 5').replace(/\s+/g, ' ')).toBe('({ ...s.item, e: 5 })');
    expect(compileExpression('{a, b}').replace(/\s+/g, ' ')).toBe('({ a: s.a, b: s.b })');
    expect(compileExpression('util.fmt(x)')).toBe('(s.util?.fmt?.(s.x))');
  });

  it('take an expression wrapped whole in parentheses (mini-ali-ui writes `{{(src ? `…` : \'\')}}`), grouping kept', () => {
    expect(compileExpression("(src ? `url('${src}')` : '')")).toBe("(s.src ? `url('${s.src}')` : '')");
    expect(compileExpression('((a + b) * c)')).toBe('((s.a + s.b) * s.c)');
    expect(compileExpression('(a || b).c')).toBe('((s.a || s.b)?.c)');
    expect(() => compileExpression('(a, b)')).toThrow('a comma sequence is not allowed in AXML expressions');
    expect(() => compileExpression('(a) b')).toThrow('unexpected "b" after the expression');
  });

  it.each([
    ['x => 1', 'an arrow function is not allowed in AXML expressions'],
    ['a = 1', 'an assignment is not allowed in AXML expressions'],
    ['a++', '++/-- is not allowed in AXML expressions'],
    ['new Date()', '"new" is not allowed in AXML expressions'],
    ['this.x', '"this" is not allowed in AXML expressions'],
    ['a, b', 'a comma sequence is not allowed in AXML expressions'],
    ['a.constructor', 'property "constructor" is not allowed'],
    ['delete a.b', 'delete is not allowed'],
    ['a b', 'unexpected "b" after the expression'],
  ])('rejects %s', (source, message) => {
    expect(() => compileExpression(source)).toThrow(message);
  });
});

describe('AXML compile problems carry the file line', () => {
  it('reports bad expressions in text and attributes at their line', () => {
    expect(problemsOf('<view>\n  <text class="{{a = 1}}">ok</text>\n  <text>\n    {{ x => x }}\n  </text>\n</view>')).toEqual([
      { message: '{{a = 1}}: an assignment is not allowed in AXML expressions', line: 2 },
      { message: '{{x => x}}: an arrow function is not allowed in AXML expressions', line: 4 },
    ]);
  });

  it('compiles a basic tag\'s children with `slot` twice (in place, and as slots for a usingComponents override) but reports their problems once', () => {
    const { code, problems } = compileAxml('/pages/a/a.axml', '<button>\n  <text slot="icon">{{a = 1}}</text>\n  <include src="./part.axml"/>\n</button>');
    expect(code).toContain('o.el("button", {  }, [');
    expect(code).toContain('{ name: "icon", render: function (sp)');
    expect(problems.map(({ message, line }) => ({ message, line }))).toEqual([{ message: '{{a = 1}}: an assignment is not allowed in AXML expressions', line: 2 }]);
    expect(compileAxml('/pages/a/a.axml', '<view><include src="./part.axml"/><text slot="x">t</text></view>').includes).toEqual(['/pages/a/part.axml']);
    expect(compileAxml('/pages/a/a.axml', '<view><text>t</text></view>').code).not.toContain('render: function (sp)');
  });

  it('reports a:elif/a:else without a:if, both on one element, unclosed tags, and misplaced slot attributes', () => {
    expect(problemsOf('<view a:else>x</view>\n<view a:if="{{a}}" a:else>y</view>\n<card><block slot="x">z</block></card>\n<view>\n<text>open\n</view>')).toEqual([
      { message: '<text> is not closed', line: 5 },
      { message: '<view> has a:else without a preceding a:if', line: 1 },
      { message: 'no multiple condition: a:if with a:elif/a:else', line: 2 },
      { message: 'slot="x" must be on an element, not <block>', line: 3 },
    ]);
  });

  it('reports templates without name or is, bad import-sjs names and sources', () => {
    expect(problemsOf('<template data="{{a}}"/>\n<import-sjs name="1bad" from="./u.sjs"/>\n<import-sjs name="u"/>')).toEqual([
      { message: '<template> needs name="…" or is="…"', line: 1 },
      { message: '<import-sjs> name "1bad" is not a valid identifier', line: 2 },
      { message: '<import-sjs> needs a valid from="….sjs"', line: 3 },
    ]);
  });

  it('reads `<` inside {{ }} as an operator, not a tag', () => {
    const compiled = compileAxml('/pages/a/a.axml', '<view a:if="{{a<b}}">{{n<3 ? "few" : "many"}}</view>');
    expect(compiled.problems).toEqual([]);
    expect(compiled.code).toContain('(s0.a < s0.b)');
    expect(compiled.code).toContain('s0.n < 3');
  });

  it('lists imports, includes and SJS modules as project paths', () => {
    const compiled = compileAxml('/pages/a/a.axml', '<import src="../t/x.axml"/><include src="/h"/><import-sjs name="u" from="./u.sjs"/>');
    expect(compiled).toMatchObject({ imports: ['/pages/t/x.axml'], includes: ['/h.axml'], sjs: ['/pages/a/u.sjs'], problems: [] });
  });

  it('produces a classic script that registers the module', () => {
    const code = compileAxml('/pages/a/a.axml', '<view>{{a}}</view>').code;
    const defined: unknown[] = [];
    new Function('__mpDefine', code)((...args: unknown[]) => defined.push(args));
    expect(defined).toEqual([['axml', '/pages/a/a.axml', expect.any(Function)]]);
  });
});
