/**
 * Takes the terminal's echo of what the person typed out of the text that goes to the log.
 * The page still shows the echo; only the transcript must never hold typed input (issue 4). The
 * echo comes back as the very next output, so only a chunk that starts with the typed text is
 * trimmed; anything else ends the match (with echo off, as at sudo's prompt, nothing comes back).
 */
export class TypedEcho {
  private expected = '';
  private since = 0;

  constructor(
    private readonly maxAgeMs = 2_000,
    private readonly now: () => number = Date.now,
  ) {}

  typed(data: string): void {
    if (this.now() - this.since > this.maxAgeMs) this.expected = '';
    // The terminal echoes Enter as a line end.
    this.expected += data.replace(/\r/g, '\r\n');
    this.since = this.now();
  }

  /** The output chunk without the leading echo of typed input. */
  strip(chunk: string): string {
    if (this.expected === '') return chunk;
    if (this.now() - this.since > this.maxAgeMs) {
      this.expected = '';
      return chunk;
    }
    let same = 0;
    while (same < chunk.length && same < this.expected.length && chunk[same] === this.expected[same]) same++;
    if (same === 0) {
      this.expected = '';
      return chunk;
    }
    this.expected = this.expected.slice(same);
    return chunk.slice(same);
  }
}
