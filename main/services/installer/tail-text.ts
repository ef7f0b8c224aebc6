/**
 * The last `kept` characters of a stream of text (a step's output, for the checks that read it),
 * kept as the chunks that came: adding one costs nothing however long the stream (concatenating
 * and slicing a 256 KB string on every 4 KB read of a flood copied 64x its size).
 */
export class TailText {
  private chunks: string[] = [];
  private head = 0;
  private size = 0;

  constructor(private readonly kept: number) {}

  add(chunk: string): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    // Drop chunks from the front while what stays still holds `kept` characters.
    while (this.size - (this.chunks[this.head] as string).length >= this.kept) {
      this.size -= (this.chunks[this.head] as string).length;
      this.head++;
    }
    if (this.head > 1024) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }

  text(): string {
    const all = this.chunks.slice(this.head).join('');
    return all.length > this.kept ? all.slice(all.length - this.kept) : all;
  }
}
