// HAR 1.2 as this project writes and reads it, in the shape Chrome writes for WebSockets (one entry per
// connection, `_resourceType: "websocket"`, `_webSocketMessages` items with exactly type/time/opcode/data)
// so Chrome, mitmproxy, Proxyman and Playwright can read it. Everything else of the capture travels in
// `_`-prefixed extras, so importing our own HAR restores the log exactly. The export is har-export.ts, the
// import har-import.ts. Pure: used by main and renderer.
import * as z from 'zod';
import type { CaptureEntry, CaptureStats, Direction, EntryKind } from './capture';
import type { DecoderChoices } from './decoders/connection-decoder';
import type { CaptureImport } from './jsonl';
import type { Json } from './json';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarCreator {
  name: string;
  version: string;
}

/**
 * The CaptureEntry fields a Chrome message item cannot carry, present only where the entry differs from
 * what type/time/opcode/data imply (`null`: the entry has no such field).
 */
export interface HarMessageExtras {
  _seq?: number;
  _monoTime?: number;
  _wallTime?: number;
  _clientId?: string;
  _connectionId?: string;
  _kind?: EntryKind;
  _name?: string;
  _direction?: Direction;
  _opcode?: number | null;
  _size?: number;
  _payload?: string | null;
  _binary?: boolean | null;
  _truncated?: boolean | null;
  _errorCode?: number | null;
  _errorMessage?: string | null;
  _cause?: string | null;
  _detail?: Record<string, Json> | null;
}

/** Chrome's `_webSocketMessages` item: send/receive frames and error events. */
export interface HarWebSocketMessage extends HarMessageExtras {
  type: 'send' | 'receive' | 'error';
  /** Seconds since the epoch. */
  time: number;
  /** RFC 6455 opcode; -1 for errors. */
  opcode: number;
  /** Text, base64 for binary, or the error text. */
  data: string;
  /** The connection decoder's view of this frame (docs/architecture.md#decoded-views-in-har). */
  _decoded?: { fields: Record<string, string>; tree: Json };
  _decodeError?: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  headersSize: number;
  bodySize: number;
  postData?: { mimeType: string; text: string; encoding?: 'base64' };
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  content: { size: number; mimeType: string; text?: string; encoding?: 'base64' };
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

export interface HarEntry {
  startedDateTime: string;
  /** ms: the handshake (send + wait + receive). */
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  /** 'websocket' for a connection, 'fetch' for a my.request (docs/behaviour.md#my-request). */
  _resourceType: 'websocket' | 'fetch';
  _connectionId: string;
  _clientId: string;
  /** The URL really dialled when map remote rewrote request.url (docs/debugging.md#map-remote). */
  _dialedUrl?: string;
  _webSocketMessages: HarWebSocketMessage[];
  /** The connection's calls, results, lifecycle steps, warnings and direction-less frames; a my.request's own entry. */
  _events: CaptureEntry[];
  /** The decoder applied to this connection's frames (docs/architecture.md#decoded-views-in-har). */
  _decoder?: { decoder: string; messageType?: string; proto?: string };
}

export interface Har {
  log: {
    version: '1.2';
    creator: HarCreator;
    entries: HarEntry[];
    /** Entries that belong to no connection (listener registrations, calls refused before connecting). */
    _entries: CaptureEntry[];
    _stats?: CaptureStats;
  };
}

/** What the export records besides the entries. */
export interface HarMeta {
  creator: HarCreator;
  stats?: CaptureStats;
  /** Decoder choices by connection id (docs/architecture.md#decoded-views-in-har); unchosen connections are auto-detected. */
  decoders?: DecoderChoices;
}

/** A HAR import: the entries, the warnings, and the source capture's counters when it recorded them. */
export interface HarImport extends CaptureImport {
  stats?: CaptureStats;
}

const nameValueSchema = z.looseObject({ name: z.string(), value: z.string() });

const isoDateSchema = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not an ISO 8601 date');

const statsSchema = z.object({
  total: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  cleared: z.number().int().nonnegative(),
});

/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): every required field, extras allowed. */
export const harSchema = z.object({
  log: z.looseObject({
    version: z.string(),
    creator: z.looseObject({ name: z.string(), version: z.string(), comment: z.string().optional() }),
    browser: z.looseObject({ name: z.string(), version: z.string() }).optional(),
    pages: z
      .array(z.looseObject({ startedDateTime: isoDateSchema, id: z.string(), title: z.string(), pageTimings: z.looseObject({}) }))
      .optional(),
    entries: z.array(
      z.looseObject({
        pageref: z.string().optional(),
        startedDateTime: isoDateSchema,
        time: z.number(),
        request: z.looseObject({
          method: z.string(),
          url: z.string(),
          httpVersion: z.string(),
          cookies: z.array(nameValueSchema),
          headers: z.array(nameValueSchema),
          queryString: z.array(nameValueSchema),
          headersSize: z.number(),
          bodySize: z.number(),
        }),
        response: z.looseObject({
          status: z.number().int(),
          statusText: z.string(),
          httpVersion: z.string(),
          cookies: z.array(nameValueSchema),
          headers: z.array(nameValueSchema),
          content: z.looseObject({ size: z.number(), mimeType: z.string() }),
          redirectURL: z.string(),
          headersSize: z.number(),
          bodySize: z.number(),
        }),
        cache: z.looseObject({}),
        timings: z.looseObject({ send: z.number(), wait: z.number(), receive: z.number() }),
        _resourceType: z.string().optional(),
        _connectionId: z.string().optional(),
        _clientId: z.string().optional(),
        _webSocketMessages: z.array(z.unknown()).optional(),
        _events: z.array(z.unknown()).optional(),
      }),
    ),
    _entries: z.array(z.unknown()).optional(),
    _stats: statsSchema.optional(),
  }),
});
