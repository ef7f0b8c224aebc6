/**
 * The last `limit` characters a session printed (at least; up to one chunk more), for a page that
 * attaches late or reloads. Whole chunks are dropped from the front, so keeping it costs no copying
 * on the output path; the trim to `limit` happens only when someone reads it.
 */
export class ReplayBuffer {
  private parts: string[] = [];
  private head = 0;
  private size = 0;
  private dropped = false;

  constructor(private readonly limit: number) {}

  push(data: string): void {
    this.parts.push(data);
    this.size += data.length;
    while (this.size - (this.parts[this.head]?.length ?? 0) >= this.limit) {
      this.size -= (this.parts[this.head] as string).length;
      this.head++;
      this.dropped = true;
    }
    // Forget dropped slots now and then rather than shifting the array on every chunk.
    if (this.head > 1024) {
      this.parts = this.parts.slice(this.head);
      this.head = 0;
    }
  }

  read(): { data: string; truncated: boolean } {
    const all = this.parts.slice(this.head).join('');
    const data = all.length > this.limit ? all.slice(all.length - this.limit) : all;
    return { data, truncated: this.dropped || data.length < all.length };
  }
}
