// A call made by mini-program logic carries its page route (shared/my-wire.ts `page`) into the capture, and a
// reported project problem becomes a warning naming its file and line.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import type { Engine } from './ports';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.shutdown();
});

describe('call page', () => {
  it('keeps the page of a call in its capture entry, and none for calls without one', () => {
    engine = createEngine();
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: () => undefined });
    session.receive({ op: 'connect', callId: 1, target: null, options: { url: 'ws://127.0.0.1:9/x' }, page: 'pages/chat/chat' });
    session.receive({ op: 'close', callId: 2, target: null, options: {} });
    const calls = [...engine.capture.from(0)].filter((entry) => entry.kind === 'call');
    expect(calls.map((entry) => entry.page)).toEqual(['pages/chat/chat', undefined]);
  });

  it('logs a reported project problem as a miniprogram-problem warning with file, line and page', () => {
    engine = createEngine();
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: () => undefined });
    session.receive({ op: 'problem', problem: { kind: 'runtime', message: 'TypeError: x is undefined', file: 'pages/a/a.js', line: 12, column: 5, stack: 'at …' }, page: 'pages/a/a' });
    session.receive({ op: 'problem', problem: { kind: 'json', message: 'app.json has no pages' } });
    const warnings = [...engine.capture.from(0)].filter((entry) => entry.kind === 'warning');
    expect(warnings.map((entry) => [entry.name, entry.errorMessage, entry.page])).toEqual([
      ['miniprogram-problem', 'pages/a/a.js:12: TypeError: x is undefined', 'pages/a/a'],
      ['miniprogram-problem', 'app.json has no pages', undefined],
    ]);
    expect(warnings[0]?.detail).toEqual({ warning: 'miniprogram-problem', kind: 'runtime', file: 'pages/a/a.js', line: 12, column: 5, stack: 'at …' });
  });

  it('logs a refused remote resource as remote-resource-refused with its kind and origin; a bad one is refused at the door', () => {
    engine = createEngine();
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: () => undefined });
    const message = "ACSS loads a font from https://at.alicdn.com: the preview loads only the project's files, data: and blob: URLs; put the font in the project or inline it as data:";
    session.receive({ op: 'problem', problem: { kind: 'acss', message, file: 'pages/a/a.acss', refused: { resource: 'font', origin: 'https://at.alicdn.com' } }, page: 'pages/a/a' });
    session.receive({ op: 'problem', problem: { kind: 'acss', message, refused: { resource: 'video', origin: 'https://x' } } });
    const warnings = [...engine.capture.from(0)].filter((entry) => entry.kind === 'warning');
    expect(warnings[0]?.name).toBe('remote-resource-refused');
    expect(warnings[0]?.errorMessage).toBe(`pages/a/a.acss: ${message}`);
    expect(warnings[0]?.detail).toEqual({ warning: 'remote-resource-refused', kind: 'acss', file: 'pages/a/a.acss', resource: 'font', origin: 'https://at.alicdn.com' });
    expect(warnings.slice(1).map((entry) => entry.name)).not.toContain('remote-resource-refused');
  });
});
