// Whether a record's binary payload, decoded, may hold one of the filter's required fragments: the panel's
// text search also reads a binary payload as the UTF-8 text of its bytes (shared/binary-text.ts), text that
// is not in the record's bytes. Two steps, cheapest first (docs/architecture.md#whole-session-filter):
// the fragments' base64 forms searched in the chunk (base64-form-finder.ts), for a payload of base64
// characters only; else its base64 decoded natively into one reused buffer and searched as bytes by the
// chunk's own kind of finder (fragment-finder.ts). No string of the text is made.
import { base64FormFinder, type Base64FormFinder } from './base64-form-finder';
import { RECORD_TEXT_OFFSET, recordPayloadAt } from './entry-codec';
import { fragmentFinder, FragmentScreen, type FragmentFinder } from './fragment-finder';

export class BinaryPayloadScreen {
  private decoded = Buffer.alloc(64 * 1024);
  private readonly finder: FragmentFinder;
  /** Both undefined when a fragment is too short to have base64 forms worth searching. */
  private readonly formFinder: Base64FormFinder | undefined;
  private readonly forms: FragmentScreen | undefined;

  constructor(fragments: readonly string[]) {
    this.finder = fragmentFinder(fragments);
    this.formFinder = base64FormFinder(fragments);
    this.forms = this.formFinder === undefined ? undefined : new FragmentScreen(this.formFinder);
  }

  /** Starts a chunk: data[0, length). */
  startChunk(data: Buffer, length: number): void {
    this.forms?.startChunk(data, length);
  }

  /** Whether the record whose body is data[start, end) has a binary payload that may hold a fragment; records in chunk order. */
  mayHold(data: Buffer, start: number, end: number): boolean {
    const at = recordPayloadAt(data, start);
    if (at < 0) return false;
    const from = at + 4;
    const payloadEnd = from + data.readUInt32LE(at);
    if (this.forms?.active === true && this.formFinder?.isPlain(from, payloadEnd) === true) return this.forms.holds(start + RECORD_TEXT_OFFSET, end);
    return this.decodedHolds(data, from, payloadEnd);
  }

  private decodedHolds(data: Buffer, from: number, end: number): boolean {
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
