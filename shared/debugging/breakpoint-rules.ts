// Frame breakpoint rules (docs/debugging.md#frame-breakpoints) and the matcher the engine runs on every
// frame while a rule is enabled; compiled once per rule list so a rule that matches nothing costs little.
import * as z from 'zod';
import { decodeFrameFields } from '../decoders/decode-frame';
import type { DecoderChoice } from '../decoders/decoder-types';
import { detectDecoder } from '../decoders/detect';

export const breakpointMatchSchema = z.discriminatedUnion('kind', [
  /** Every frame. */
  z.object({ kind: z.literal('any') }),
  /** The payload contains this text (binary frames: their lower-case hex). */
  z.object({ kind: z.literal('text'), text: z.string().min(1).max(10_000) }),
  z.object({ kind: z.literal('regex'), pattern: z.string().min(1).max(2000), flags: z.string().regex(/^[imsu]*$/).max(4) }),
  /** The payload is JSON and the field at this dotted path equals `equals` (compared as text). */
  z.object({ kind: z.literal('field'), path: z.string().min(1).max(500), equals: z.string().max(10_000) }),
  /**
   * A decoded field (Socket.IO event, MQTT topic / STOMP destination, packet type) matches a case-insensitive
   * regex, as the log's `event:` / `topic:` / `type:` filters do; decoded with `decoder`, else the connection's
   * detected decoder (docs/debugging.md#frame-breakpoints).
   */
  z.object({
    kind: z.literal('decoded'),
    field: z.enum(['event', 'topic', 'type']),
    pattern: z.string().min(1).max(2000),
    decoder: z.enum(['socket.io', 'mqtt', 'stomp', 'msgpack']).optional(),
  }),
]);
type DecodedMatch = Extract<z.infer<typeof breakpointMatchSchema>, { kind: 'decoded' }>;
export type DecodedField = DecodedMatch['field'];
/** The decoders a rule can name (protobuf needs a .proto, and its frames all have one type). */
export type SimpleDecoder = NonNullable<DecodedMatch['decoder']>;
export type BreakpointMatch = z.infer<typeof breakpointMatchSchema>;

export const breakpointRuleSchema = z.object({
  id: z.string().min(1).max(64),
  enabled: z.boolean(),
  direction: z.enum(['in', 'out', 'both']),
  /** Only this connection ('s1', 't3'), or connections whose URL contains this text; '' = every connection. */
  connection: z.string().max(2000),
  match: breakpointMatchSchema,
});
export type BreakpointRule = z.infer<typeof breakpointRuleSchema>;

/** What a rule looks at: one frame on one connection. */
export interface FrameForMatch {
  connectionId: string;
  url: string;
  direction: 'in' | 'out';
  /** Text as is, binary as base64 (as the capture keeps it). */
  data: string;
  binary: boolean;
  /** The subprotocol the server chose ('' for none): with the URL, what decoder detection reads. */
  protocol: string;
}

/** Lower-case hex of a base64 text ('' when it is not base64). */
export function base64ToHex(base64: string): string {
  try {
    const bytes = atob(base64);
    let hex = '';
    for (let i = 0; i < bytes.length; i += 1) hex += bytes.charCodeAt(i).toString(16).padStart(2, '0');
    return hex;
  } catch {
    return '';
  }
}

/** A payload test on the frame's text (binary frames: their hex), with the frame itself for decoded fields. */
type Test = (text: string, frame: FrameForMatch) => boolean;

/** The reason a regex rule cannot compile, or undefined. */
export function breakpointRuleProblem(rule: BreakpointRule): string | undefined {
  if (rule.match.kind !== 'regex' && rule.match.kind !== 'decoded') return undefined;
  try {
    new RegExp(rule.match.pattern, rule.match.kind === 'regex' ? rule.match.flags : 'i');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function fieldAt(json: unknown, path: string): unknown {
  let value = json;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function payloadTest(match: BreakpointMatch): Test {
  switch (match.kind) {
    case 'any':
      return () => true;
    case 'text': {
      const needle = match.text;
      return (text) => text.includes(needle);
    }
    case 'regex': {
      const regex = new RegExp(match.pattern, match.flags);
      return (text) => regex.test(text);
    }
    case 'field':
      return (text, frame) => {
        if (frame.binary) return false;
        try {
          const value = fieldAt(JSON.parse(text), match.path);
          return value !== undefined && (typeof value === 'string' ? value : JSON.stringify(value)) === match.equals;
        } catch {
          return false;
        }
      };
    case 'decoded': {
      const matches = decodedFieldMatcher(match.field, new RegExp(match.pattern, 'i'), match.decoder);
      return (_text, frame) => matches(frame);
    }
  }
}

/**
 * A frame test on a decoded field (breakpoint rules, Playwright routes): the frame is decoded (fields only) with
 * `decoder`, else the connection's detected decoder, found once per distinct URL and subprotocol.
 */
export function decodedFieldMatcher(field: DecodedField, pattern: RegExp, decoder?: SimpleDecoder): (frame: FrameForMatch) => boolean {
  const fixed: DecoderChoice | undefined = decoder ? { decoder } : undefined;
  let detectedFor = '';
  let detected: DecoderChoice | undefined;
  return (frame) => {
    let choice: DecoderChoice | undefined = fixed;
    if (!choice) {
      const key = `${frame.protocol} ${frame.url}`;
      if (key !== detectedFor) {
        detectedFor = key;
        detected = detectDecoder(frame.url, frame.protocol);
      }
      choice = detected;
    }
    const value = choice && decodeFrameFields(frame.data, frame.binary, choice)?.[field];
    pattern.lastIndex = 0;
    return value !== undefined && pattern.test(value);
  };
}

interface CompiledRule {
  id: string;
  direction: BreakpointRule['direction'];
  connection: string;
  test: Test;
}

/**
 * Compiles the enabled, valid rules into one function: the id of the first rule matching a frame, or
 * undefined. It runs on every frame while a rule is enabled, so it allocates nothing per frame.
 */
export function compileBreakpoints(rules: readonly BreakpointRule[]): ((frame: FrameForMatch) => string | undefined) | undefined {
  const compiled: CompiledRule[] = rules
    .filter((rule) => rule.enabled && breakpointRuleProblem(rule) === undefined)
    .map((rule) => ({ id: rule.id, direction: rule.direction, connection: rule.connection, test: payloadTest(rule.match) }));
  if (compiled.length === 0) return undefined;
  return (frame) => {
    let hex: string | undefined;
    for (let index = 0; index < compiled.length; index += 1) {
      const rule = compiled[index] as CompiledRule;
      if (rule.direction !== 'both' && rule.direction !== frame.direction) continue;
      if (rule.connection !== '' && rule.connection !== frame.connectionId && !frame.url.includes(rule.connection)) continue;
      if (frame.binary) hex ??= base64ToHex(frame.data);
      if (rule.test(frame.binary ? (hex as string) : frame.data, frame)) return rule.id;
    }
    return undefined;
  };
}
