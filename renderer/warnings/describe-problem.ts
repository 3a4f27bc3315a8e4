// One readable description of a problem entry (warning, error event or failed call), shared by the
// warnings list and the timeline's marker details: code, the client profile's text and remedy, and the raw cause.
import type { CaptureEntry } from '../../shared/capture';
import { explainProfileCode, profileOfEntryDetail } from '../../shared/client-profiles';
import { explainWarning } from './warning-catalog';

export interface ProblemDescription {
  seq: number;
  severity: 'error' | 'warning';
  title: string;
  /** Error code (1–12, or what the engine reported). */
  code?: number;
  /** The warning id for warnings. */
  warningId?: string;
  /** Errors: how it reached the app ('error event', 'connectSocket failed'). */
  origin?: string;
  /** What the engine said (errorMessage), if anything. */
  message?: string;
  /** Raw cause: TLS error name, HTTP status, `ws` message. */
  cause?: string;
  /** Errors: the profile's description and solution (docs/behaviour.md#client-profiles), and what raises the code here. */
  seedText?: string;
  remedy?: string;
  meaning?: string;
  /** Warnings: the engine's structured extras (listener errors, header names ...) as JSON text. */
  details?: string;
  /** Warnings: the catalog's explanation. */
  what?: string;
  whyOnPhone?: string;
  fix?: string;
}

/** Describes a warning, error event or failed call (other entries get a plain title). */
export function describeProblem(entry: CaptureEntry): ProblemDescription {
  const base: ProblemDescription = { seq: entry.seq, severity: entry.kind === 'warning' ? 'warning' : 'error', title: entry.name };
  if (entry.errorMessage) base.message = entry.errorMessage;
  if (entry.cause) base.cause = entry.cause;
  if (entry.kind === 'warning') {
    const id = warningIdOf(entry) ?? 'warning';
    const explanation = explainWarning(id);
    const message = typeof entry.detail?.message === 'string' ? entry.detail.message : entry.errorMessage;
    const extras = Object.entries(entry.detail ?? {}).filter(([key]) => key !== 'warning' && key !== 'message');
    const details = extras.length > 0 ? JSON.stringify(Object.fromEntries(extras)) : undefined;
    return { ...base, ...explanation, warningId: id, ...(message ? { message } : {}), ...(details ? { details } : {}) };
  }
  const code = entry.errorCode;
  if (code === undefined) return { ...base, title: `${entry.name} failed` };
  // my.request has its own codes (docs/behaviour.md#my-request); the socket seed's texts do not apply.
  if (entry.kind === 'http') return { ...base, code, origin: 'my.request failed', title: `my.request ${entry.name} failed with ${code}: ${entry.errorMessage ?? ''}` };
  const origin = entry.kind === 'error' ? 'error event' : `${callName(entry)} failed`;
  const info = explainProfileCode(profileOfEntryDetail(entry.detail), code);
  if (!info) return { ...base, code, origin, title: `Error ${code}` };
  return { ...base, code, origin, title: `Error ${code}: ${info.description}`, seedText: info.description, ...(givenSolution(info.solution) ? { remedy: info.solution } : {}), meaning: info.meaning };
}

/** The client table's solution, or undefined where it gives none: it writes "-" (code 1), which read as a blank. */
export function givenSolution(solution: string): string | undefined {
  return solution.trim() === '-' ? undefined : solution;
}

function callName(entry: CaptureEntry): string {
  const call = entry.detail?.call ?? entry.detail?.api;
  if (typeof call === 'string') return call;
  return ['fail', 'success', 'result'].includes(entry.name) ? 'call' : entry.name;
}

/** The misuse warning id of a warning entry ('send-before-open', ...). */
export function warningIdOf(entry: CaptureEntry): string | undefined {
  const id = entry.detail?.warning;
  if (typeof id === 'string') return id;
  return entry.kind === 'warning' ? entry.name : undefined;
}
