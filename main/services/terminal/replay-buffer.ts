/** The last `limit` characters a session printed, for a page that attaches late or reloads. */
export class ReplayBuffer {
  private parts: string[] = [];
  private size = 0;
  private dropped = false;

  constructor(private readonly limit: number) {}

  push(data: string): void {
    this.parts.push(data);
    this.size += data.length;
    if (this.size > this.limit * 2) this.compact();
  }

  read(): { data: string; truncated: boolean } {
    this.compact();
    return { data: this.parts.join(''), truncated: this.dropped };
  }

  private compact(): void {
    if (this.size <= this.limit) return;
    const all = this.parts.join('');
    const kept = all.slice(all.length - this.limit);
    this.parts = [kept];
    this.size = kept.length;
    this.dropped = true;
  }
}
