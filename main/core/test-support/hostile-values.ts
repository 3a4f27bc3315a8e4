// fast-check arbitraries for what a hostile page can put in a message: any JSON (with prototype keys such as
// __proto__ as own keys, as JSON.parse makes them), huge strings, deep nesting, and near-valid mutations of
// a valid message (a field deleted, retyped, made huge or deep, a prototype key added). Used by the fuzz
// tests (docs/architecture.md#fuzz-tests).
import fc from 'fast-check';

/** Keys a hostile message likes: prototype names, the contract's own field names, and any short text. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'then'),
  fc.constantFrom('op', 'callId', 'target', 'options', 'page', 'url', 'data', 'isBuffer', 'code', 'reason', 'header', 'api', 'key', 'value', 'multiple', 'protocols', 'timeout', 'method'),
  fc.string({ maxLength: 8 }),
);

const primitive: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, 2 ** 53, -(2 ** 60), 1e308, Number.MAX_SAFE_INTEGER + 2, -0),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'ws://', '127.0.0.1', '{"op":"connect"}', 'NaN'),
);

/** A string of `length` characters between 100 and `maxLength` (one repeated character, cheap to build). */
export const hugeString = (maxLength: number): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 100, max: maxLength }), fc.constantFrom('a', 'é', '😀', '\u0000')).map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** An array or object nested up to 5,000 deep, parsed from its JSON text as a bridge would. */
export const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 10, max: 5_000 }), fc.boolean())
  .map(([depth, asArray]) => {
    const value = JSON.parse(asArray ? `${'['.repeat(depth)}0${']'.repeat(depth)}` : `${'{"deeper":'.repeat(depth)}0${'}'.repeat(depth)}`) as object;
    // A counterexample prints this instead of recursing 5,000 levels (a symbol key: no engine code sees it).
    Object.defineProperty(value, fc.toStringMethod, { value: () => `JSON.parse(<${depth} nested ${asArray ? 'arrays' : 'objects'}>)` });
    return value;
  });

/** Any JSON value of at most a few levels, its objects keyed with hostileKey, as JSON.parse would build it. */
export const hostileJson: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      primitive,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(hostileKey, tie('value'), { maxKeys: 5 }),
    ),
  }))
  .value.map(viaJsonText);

/** What a page's JSON text of `value` parses back to (undefined, NaN and Infinity as JSON writes them). */
export function viaJsonText(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

/** A replacement for one field: any JSON, a huge string, deep nesting, or a wrong primitive type. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileJson },
  { weight: 1, arbitrary: hugeString(300_000) },
  { weight: 1, arbitrary: deepNesting },
);

type Mutation =
  | { kind: 'delete'; path: number }
  | { kind: 'replace'; path: number; value: unknown }
  | { kind: 'add'; key: string; value: unknown; holder: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), path: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('add' as const), key: hostileKey, value: replacement, holder: fc.nat() }),
);

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The message and the objects nested in it up to three levels (a panel request's `message.options`), in a fixed order. */
function holdersOf(message: Fields): Fields[] {
  const holders: Fields[] = [message];
  for (let index = 0; index < holders.length && holders.length < 32; index += 1) {
    for (const child of Object.values(holders[index] as Fields)) if (isFields(child) && holders.length < 32) holders.push(child);
  }
  return holders.slice(0, 8);
}

/** Every (holder, key) pair of those objects, in a fixed order. */
function fieldsOf(message: Fields): [Fields, string][] {
  return holdersOf(message).flatMap((holder) => Object.keys(holder).map((key): [Fields, string] => [holder, key]));
}

function applyMutation(message: Fields, change: Mutation): void {
  if (change.kind === 'add') {
    const holders = holdersOf(message);
    const holder = holders[change.holder % holders.length] as Fields;
    Object.defineProperty(holder, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
    return;
  }
  const fields = fieldsOf(message);
  if (fields.length === 0) return;
  const [holder, key] = fields[change.path % fields.length] as [Fields, string];
  if (change.kind === 'delete') delete holder[key];
  else holder[key] = change.value;
}

/**
 * `valid` (a fresh copy of one of them) with one to three mutations applied. Its values are already as
 * JSON.parse builds them (own `__proto__` keys included), so it is not written out again: a 5,000-deep
 * value would overflow JSON.stringify's stack in the test, not in the engine.
 */
export function nearValid(valid: readonly Fields[]): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...valid), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([template, changes]) => {
    const message = structuredClone(template);
    for (const change of changes) applyMutation(message, change);
    return message;
  });
}
