// The drawing calls of `my.createCanvasContext` (docs/miniprogram-runtime.md#canvas): one table says which
// methods exist and what their arguments are. The logic checks each call against it as it is recorded, and the
// view checks again before it replays a batch, so a call the table does not allow never reaches a 2D context.

/** A gradient made by `createLinearGradient` (x0 y0 x1 y1) or `createRadialGradient`/`createCircularGradient` (x0 y0 r0 x1 y1 r1). */
export interface CanvasGradientSpec {
  kind: 'linear' | 'radial';
  coords: number[];
  /** `[offset, color]` in the order `addColorStop` was called. */
  stops: [number, string][];
}

export type CanvasArg = number | string | boolean | number[] | CanvasGradientSpec;

export interface CanvasCall {
  method: CanvasMethod;
  args: CanvasArg[];
}

type ArgKind = 'number' | 'text' | 'boolean' | 'style' | 'numbers' | readonly string[];

interface MethodSpec {
  args: readonly ArgKind[];
  /** How many leading arguments must be given; the rest are optional. */
  required: number;
  /** The CanvasContext property that sets the same state (`ctx.lineWidth = 2` is `setLineWidth(2)`). */
  property?: string;
}

const n = (count: number): readonly ArgKind[] => Array.from({ length: count }, () => 'number' as const);
const LINE_CAPS = ['butt', 'round', 'square'] as const;
const LINE_JOINS = ['bevel', 'round', 'miter'] as const;
const TEXT_ALIGNS = ['left', 'right', 'center', 'start', 'end'] as const;
const TEXT_BASELINES = ['top', 'hanging', 'middle', 'alphabetic', 'ideographic', 'bottom', 'normal'] as const;

export const CANVAS_METHODS = {
  setFillStyle: { args: ['style'], required: 1, property: 'fillStyle' },
  setStrokeStyle: { args: ['style'], required: 1, property: 'strokeStyle' },
  setLineWidth: { args: n(1), required: 1, property: 'lineWidth' },
  setLineCap: { args: [LINE_CAPS], required: 1, property: 'lineCap' },
  setLineJoin: { args: [LINE_JOINS], required: 1, property: 'lineJoin' },
  setMiterLimit: { args: n(1), required: 1, property: 'miterLimit' },
  setLineDash: { args: ['numbers', 'number'], required: 1 },
  setLineDashOffset: { args: n(1), required: 1, property: 'lineDashOffset' },
  setFontSize: { args: n(1), required: 1, property: 'fontSize' },
  setFont: { args: ['text'], required: 1, property: 'font' },
  setGlobalAlpha: { args: n(1), required: 1, property: 'globalAlpha' },
  setGlobalCompositeOperation: { args: ['text'], required: 1, property: 'globalCompositeOperation' },
  setShadow: { args: ['number', 'number', 'number', 'text'], required: 0 },
  setTextAlign: { args: [TEXT_ALIGNS], required: 1, property: 'textAlign' },
  setTextBaseline: { args: [TEXT_BASELINES], required: 1, property: 'textBaseline' },
  setTransform: { args: n(6), required: 6 },
  transform: { args: n(6), required: 6 },
  translate: { args: n(2), required: 2 },
  rotate: { args: n(1), required: 1 },
  scale: { args: n(2), required: 2 },
  save: { args: [], required: 0 },
  restore: { args: [], required: 0 },
  beginPath: { args: [], required: 0 },
  closePath: { args: [], required: 0 },
  moveTo: { args: n(2), required: 2 },
  lineTo: { args: n(2), required: 2 },
  arc: { args: [...n(5), 'boolean'], required: 5 },
  arcTo: { args: n(5), required: 5 },
  quadraticCurveTo: { args: n(4), required: 4 },
  bezierCurveTo: { args: n(6), required: 6 },
  rect: { args: n(4), required: 4 },
  fill: { args: [], required: 0 },
  stroke: { args: [], required: 0 },
  clip: { args: [], required: 0 },
  fillRect: { args: n(4), required: 4 },
  strokeRect: { args: n(4), required: 4 },
  clearRect: { args: n(4), required: 4 },
  fillText: { args: ['text', ...n(3)], required: 3 },
  strokeText: { args: ['text', ...n(3)], required: 3 },
  // (src, dx, dy), (src, dx, dy, dw, dh) or (src, sx, sy, sw, sh, dx, dy, dw, dh), as CanvasRenderingContext2D.
  drawImage: { args: ['text', ...n(8)], required: 3 },
} as const satisfies Record<string, MethodSpec>;

export type CanvasMethod = keyof typeof CANVAS_METHODS;

export function isCanvasMethod(name: unknown): name is CanvasMethod {
  return typeof name === 'string' && Object.hasOwn(CANVAS_METHODS, name);
}

function isGradient(value: unknown): value is CanvasGradientSpec {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, coords, stops } = value as Record<string, unknown>;
  const sized = kind === 'linear' ? 4 : kind === 'radial' ? 6 : -1;
  return Array.isArray(coords) && coords.length === sized && coords.every((x) => Number.isFinite(x)) && Array.isArray(stops) &&
    stops.every((stop) => Array.isArray(stop) && Number.isFinite(stop[0]) && typeof stop[1] === 'string');
}

/** One argument as the table wants it, or a reason it is not. Numeric strings count as numbers (`"10"`), as a phone's JS bridge converts them. */
function readArg(kind: ArgKind, value: unknown): { value: CanvasArg } | { problem: string } {
  if (kind === 'number') {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number) ? { value: number } : { problem: `${describe(value)} is not a finite number` };
  }
  if (kind === 'text') return typeof value === 'string' || typeof value === 'number' ? { value: String(value) } : { problem: `${describe(value)} is not a string` };
  if (kind === 'boolean') return { value: Boolean(value) };
  if (kind === 'numbers') {
    return Array.isArray(value) && value.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)
      ? { value: [...(value as number[])] }
      : { problem: `${describe(value)} is not an array of non-negative numbers` };
  }
  if (kind === 'style') {
    if (typeof value === 'string' && value !== '') return { value };
    return isGradient(value) ? { value } : { problem: `${describe(value)} is neither a colour nor a gradient made by this context` };
  }
  return typeof value === 'string' && kind.includes(value) ? { value } : { problem: `${describe(value)} is not one of ${kind.join(', ')}` };
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (value === undefined) return 'undefined';
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? String(value) : json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

/** A call checked against the table: trailing `undefined`s are dropped; a wrong argument gives a problem naming it. */
export function checkCanvasCall(method: unknown, args: readonly unknown[]): { call: CanvasCall } | { problem: string } {
  if (!isCanvasMethod(method)) return { problem: `${describe(method)} is not a CanvasContext method` };
  const spec: MethodSpec = CANVAS_METHODS[method];
  const given = [...args];
  while (given.length > 0 && given.at(-1) === undefined) given.pop();
  if (given.length < spec.required) return { problem: `needs ${spec.required} argument${spec.required === 1 ? '' : 's'}, got ${given.length}` };
  if (method === 'drawImage' && ![3, 5, 9].includes(given.length)) return { problem: `takes 3, 5 or 9 arguments, got ${given.length}` };
  const read: CanvasArg[] = [];
  for (const [index, value] of given.slice(0, spec.args.length).entries()) {
    const kind = spec.args[index] ?? 'number';
    const result = readArg(kind, value);
    if ('problem' in result) return { problem: `argument ${index + 1}: ${result.problem}` };
    read.push(result.value);
  }
  return { call: { method, args: read } };
}

/** The CanvasContext property `method` sets, if any (`setLineWidth` → `lineWidth`). */
export function canvasPropertyOf(method: CanvasMethod): string | undefined {
  const spec: MethodSpec = CANVAS_METHODS[method];
  return spec.property;
}

/** CanvasContext property → the method that sets it (`lineWidth` → `setLineWidth`). */
export const CANVAS_PROPERTIES: ReadonlyMap<string, CanvasMethod> = new Map(
  Object.entries(CANVAS_METHODS).flatMap(([method, spec]: [string, MethodSpec]) => (spec.property === undefined ? [] : [[spec.property, method as CanvasMethod]])),
);

/** The region `toTempFilePath`/`toDataURL`/`my.canvasToTempFilePath` export, in the canvas's coordinates (docs/miniprogram-runtime.md#canvas). */
export interface CanvasExportArea {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  destWidth?: number;
  destHeight?: number;
  fileType: 'png' | 'jpg';
  quality: number;
}

/** The export options as documented (all optional); a wrong one gives a problem naming it. */
export function readExportArea(options: unknown): { area: CanvasExportArea } | { problem: string } {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const area: CanvasExportArea = { fileType: 'png', quality: 1 };
  for (const name of ['x', 'y', 'width', 'height', 'destWidth', 'destHeight'] as const) {
    const value = given[name];
    if (value === undefined) continue;
    const read = readArg('number', value);
    if ('problem' in read) return { problem: `${name}: ${read.problem}` };
    if ((name !== 'x' && name !== 'y' && Number(read.value) <= 0) || Number(read.value) < 0) return { problem: `${name}: ${String(read.value)} is out of range` };
    area[name] = Number(read.value);
  }
  const fileType = String(given.fileType ?? 'png').toLowerCase();
  if (fileType !== 'png' && fileType !== 'jpg') return { problem: `fileType: ${describe(given.fileType)} is not one of png, jpg` };
  area.fileType = fileType;
  const quality = Number(given.quality);
  // Out of (0, 1] counts as 1, as documented.
  area.quality = quality > 0 && quality <= 1 ? quality : 1;
  return { area };
}
