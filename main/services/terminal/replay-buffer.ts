import { leadingContinuationBytes } from './utf8-boundary';

/**
 * The last `limit` bytes a session printed (at least; up to one batch more), for a page that
 * attaches late or reloads. Whole batches are dropped from the front, so keeping it costs no
 * copying on the output path; the trim to `limit` and the decoding happen only when someone reads
 * it. Batches end on character boundaries (see OutputBatcher), so only the front trim can cut a
 * character, and its remains are dropped.
 */
export class ReplayBuffer {
  private parts: Buffer[] = [];
  private head = 0;
  private size = 0;
  private dropped = false;

  constructor(private readonly limit: number) {}

  push(data: Buffer): void {
    this.parts.push(data);
    this.size += data.length;
    while (this.size - (this.parts[this.head]?.length ?? 0) >= this.limit) {
      this.size -= (this.parts[this.head] as Buffer).length;
      this.head++;
      this.dropped = true;
    }
    // Forget dropped slots now and then rather than shifting the array on every batch.
    if (this.head > 1024) {
      this.parts = this.parts.slice(this.head);
      this.head = 0;
    }
  }

  read(): { data: string; truncated: boolean } {
    const all = Buffer.concat(this.parts.slice(this.head), this.size);
    let kept = all.length > this.limit ? all.subarray(all.length - this.limit) : all;
    const cut = this.dropped || kept.length < all.length;
    if (cut) kept = kept.subarray(leadingContinuationBytes(kept));
    return { data: kept.toString('utf8'), truncated: cut };
  }
}
