/**
 * The last `kept` bytes of a stream of text (a step's output, for the checks that read it), held
 * as UTF-8 in one buffer outside V8's heap. Adding a chunk copies it in; the buffer holds twice
 * what is kept, and when it is full the kept part moves to its front (one copy per `kept` bytes).
 *
 * Not as strings: holding the chunks of the last 256 KB while a step's log turns over strings of
 * the same output made V8 promote nearly every chunk to its old generation before it was dropped
 * (~100 MB per 100 MB of output, in the heap profile), each flood then costing main a run of full
 * collections.
 */
export class TailText {
  private readonly buffer: Buffer;
  private end = 0;

  constructor(private readonly kept: number) {
    this.buffer = Buffer.allocUnsafeSlow(2 * kept);
  }

  add(chunk: string): void {
    if (chunk.length === 0) return;
    let bytes = Buffer.byteLength(chunk, 'utf8');
    if (bytes >= this.kept) {
      // Only its end stays: encode it alone, then keep its last `kept` bytes.
      const encoded = Buffer.from(chunk, 'utf8');
      encoded.copy(this.buffer, 0, encoded.length - this.kept);
      this.end = this.kept;
      return;
    }
    if (this.end + bytes > this.buffer.length) {
      const from = Math.max(0, this.end - this.kept);
      this.buffer.copy(this.buffer, 0, from, this.end);
      this.end -= from;
    }
    bytes = this.buffer.write(chunk, this.end, 'utf8');
    this.end += bytes;
  }

  text(): string {
    let start = Math.max(0, this.end - this.kept);
    // The cut may fall inside a character: start at the next whole one (UTF-8 continuation bytes are 10xxxxxx).
    while (start < this.end && ((this.buffer[start] as number) & 0xc0) === 0x80) start++;
    return this.buffer.toString('utf8', start, this.end);
  }
}
