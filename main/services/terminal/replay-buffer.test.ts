import { describe, expect, it } from 'vitest';
import { ReplayBuffer } from './replay-buffer';

describe('ReplayBuffer', () => {
  it('keeps everything while under the limit', () => {
    const buffer = new ReplayBuffer(10);
    buffer.push('abc');
    buffer.push('def');
    expect(buffer.read()).toEqual({ data: 'abcdef', truncated: false });
  });

  it('keeps the last `limit` characters and says it dropped some', () => {
    const buffer = new ReplayBuffer(10);
    let all = '';
    for (let i = 0; i < 5000; i++) {
      buffer.push(`${i % 10}`.repeat(3));
      all += `${i % 10}`.repeat(3);
    }
    const { data, truncated } = buffer.read();
    expect(truncated).toBe(true);
    expect(data).toBe(all.slice(-10));
  });
});
