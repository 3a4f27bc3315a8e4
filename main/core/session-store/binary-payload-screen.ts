// Whether a record's binary payload, decoded, holds one of the filter's required fragments: the panel's
// text search also reads a binary payload as the UTF-8 text of its bytes (shared/binary-text.ts), text that
// is not in the record's bytes. Its base64 is decoded natively into one reused buffer and searched as bytes
// by the chunk's own kind of finder (fragment-finder.ts); no string of the text is made
// (docs/architecture.md#whole-session-filter).
import { recordPayloadAt } from './entry-codec';
import type { FragmentFinder } from './fragment-finder';

export class BinaryPayloadScreen {
  private decoded = Buffer.alloc(64 * 1024);

  /** `finder`: for the same fragments as the chunk's, its own instance (it is loaded with payload bytes). */
  constructor(private readonly finder: FragmentFinder) {}

  /** Whether the decoded payload of the record whose body starts at data[start] holds a fragment. */
  holds(data: Buffer, start: number): boolean {
    const at = recordPayloadAt(data, start);
    if (at < 0) return false;
    const from = at + 4;
    const end = from + data.readUInt32LE(at);
    // Base64 of n characters holds at most 3 bytes per 4 of them; Buffer.write stops where room ends.
    const room = Math.ceil((end - from) / 4) * 3;
    if (this.decoded.length < room) this.decoded = Buffer.alloc(room);
    // Node decodes what the panel accepts as base64 to the same bytes (whitespace skipped, URL-safe
    // letters taken); for what the panel rejects, its text is not searched and a wrong guess here only
    // decodes a record the predicate then turns down.
    const length = this.decoded.write(data.toString('latin1', from, end), 0, 'base64');
    this.finder.load(this.decoded, length);
    return this.finder.find(0) !== Infinity;
  }
}
