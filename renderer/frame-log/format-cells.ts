// Text of the frame log's cells: fixed-width, locale-free formats so columns never jump while traffic flows.
import type { CaptureEntry } from '../../shared/capture';
import type { Json } from '../../shared/json';
import { base64ToBytes } from '../capture/binary-forms';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** HH:MM:SS.mmm in local time. */
export function formatClock(wallTime: number): string {
  const date = new Date(wallTime);
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}.${pad(date.getMilliseconds(), 3)}`;
}

/** "+12.3" ms since the previous shown row; '' for the first row. */
export function formatDelta(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  const value = Math.max(0, ms);
  if (value < 1000) return `+${value.toFixed(value < 10 ? 1 : 0)}`;
  if (value < 60_000) return `+${(value / 1000).toFixed(value < 10_000 ? 2 : 1)}s`;
  return `+${Math.round(value / 60_000)}m`;
}

/** Bytes: exact below 10 kB, then one decimal in kB/MB. */
export function formatSize(bytes: number): string {
  if (bytes < 10_000) return `${bytes} B`;
  if (bytes < 10_000_000) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** ↑ for what the app sent, ↓ for what it received. */
export function directionArrow(direction: CaptureEntry['direction']): string {
  return direction === 'out' ? '↑' : direction === 'in' ? '↓' : '';
}

const PREVIEW_CHARS = 240;

/** One line saying what the row is, as plain text. */
export function previewOf(entry: CaptureEntry): string {
  return oneLine(previewText(entry)).slice(0, PREVIEW_CHARS);
}

function previewText(entry: CaptureEntry): string {
  const detail = entry.detail ?? {};
  switch (entry.kind) {
    case 'frame':
      if (entry.opcode === 8) return `close ${describeClose(detail.code, detail.reason)}`;
      if (entry.binary) return `${entry.name} ${hexPreview(entry.payload ?? '')}`;
      return entry.payload ?? '';
    case 'call':
      return `${entry.name}(${detail.options !== undefined ? compactJson(detail.options) : listenSummary(detail)})`;
    case 'result':
      if (entry.errorCode !== undefined) return `${entry.name} fail ${entry.errorCode}: ${entry.errorMessage ?? ''}`;
      return `${entry.name} success ${detail.payload !== undefined ? compactJson(detail.payload) : ''}`;
    case 'lifecycle':
      return `${entry.name} ${lifecycleSummary(entry.name, detail)}`;
    case 'error':
      return `error ${entry.errorCode ?? ''}: ${entry.errorMessage ?? ''}${entry.cause ? ` (${entry.cause})` : ''}`;
    case 'warning':
      return `${entry.name}: ${entry.errorMessage ?? ''}`;
    case 'http':
      return `${entry.name} ${String(detail.url ?? '')} → ${detail.status !== undefined ? String(detail.status) : 'no response'} in ${String(detail.durationMs ?? '')} ms${entry.errorCode !== undefined ? ` · fail ${entry.errorCode}: ${entry.errorMessage ?? ''}` : ''}`;
  }
}

function lifecycleSummary(name: string, detail: Record<string, Json>): string {
  switch (name) {
    case 'connecting':
      return String(detail.url ?? '');
    case 'handshake-response':
      return `HTTP ${String(detail.status ?? '')}`;
    case 'open':
      return detail.protocol ? `protocol ${String(detail.protocol)}` : '';
    case 'closing':
      return describeClose(detail.code, detail.reason);
    case 'closed':
      return `${describeClose(detail.codeReceived, detail.reasonReceived)}${detail.closedFirstBy ? ` by ${String(detail.closedFirstBy)}` : ''}`;
    default:
      return compactJson(detail);
  }
}

function listenSummary(detail: Record<string, Json>): string {
  return detail.count !== undefined ? `${String(detail.count)} listener${detail.count === 1 ? '' : 's'}` : '';
}

function describeClose(code: Json | undefined, reason: Json | undefined): string {
  const text = code === undefined ? '' : String(code);
  return reason ? `${text} "${String(reason)}"` : text;
}

function compactJson(value: Json): string {
  const text = JSON.stringify(value);
  return text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS) : text;
}

function hexPreview(base64: string): string {
  const bytes = base64ToBytes(base64.slice(0, 64));
  if (bytes === null) return '(invalid base64)';
  return Array.from(bytes.subarray(0, 24), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}
