// What a refused remote load becomes (docs/miniprogram-runtime.md#remote-resources); the Chromium path (CSS-initiated
// loads firing securitypolicyviolation, the ACSS file found) is e2e miniprogram-public-shapes.spec.ts.
import { describe, expect, it } from 'vitest';
import { refusedResourceProblem } from './refused-resources';

const HINT = "the preview loads only the project's files, data: and blob: URLs";

describe('refusedResourceProblem', () => {
  it('names the kind and origin (not the path or query), the ACSS file, and how to fix it', () => {
    expect(refusedResourceProblem('https://at.alicdn.com/t/font_1.woff2?t=1', 'font-src', 'mini-ali-ui/es/button/index.acss')).toEqual({
      kind: 'acss',
      message: `ACSS loads a font from https://at.alicdn.com: ${HINT}; put the font in the project or inline it as data:`,
      file: 'mini-ali-ui/es/button/index.acss',
      refused: { resource: 'font', origin: 'https://at.alicdn.com' },
    });
    const image = refusedResourceProblem('http://cdn.example.com:8080/a/b.png', 'img-src', 'pages/a/a.acss');
    expect(image?.message).toBe(`ACSS loads an image from http://cdn.example.com:8080: ${HINT}; put the image in the project or inline it as data:`);
    expect(image?.refused).toEqual({ resource: 'image', origin: 'http://cdn.example.com:8080' });
  });

  it('two URLs of one origin and kind make the same problem, so the view reports it once', () => {
    const a = refusedResourceProblem('https://img.example.com/1.png', 'img-src', 'app.acss');
    const b = refusedResourceProblem('https://img.example.com/2.png', 'img-src', 'app.acss');
    expect(a).toEqual(b);
  });

  it('says "the page" where no project sheet names the URL, and "a file" for other directives', () => {
    expect(refusedResourceProblem('https://media.example.com/v.mp4', 'media-src', undefined)).toEqual({
      kind: 'runtime',
      message: `The page loads a media file from https://media.example.com: ${HINT}; put the media file in the project or inline it as data:`,
      refused: { resource: 'media', origin: 'https://media.example.com' },
    });
    expect(refusedResourceProblem('https://x.example.com/a', 'manifest-src', undefined)?.message).toBe(`The page loads a file from https://x.example.com: ${HINT}; put the file in the project or inline it as data:`);
  });

  it('ignores refusals that are no remote file: inline code, eval, other schemes', () => {
    expect(refusedResourceProblem('inline', 'script-src-elem', undefined)).toBeUndefined();
    expect(refusedResourceProblem('eval', 'script-src', undefined)).toBeUndefined();
    expect(refusedResourceProblem('ws://127.0.0.1:9/x', 'connect-src', undefined)).toBeUndefined();
  });
});
