import { describe, expect, it } from 'vitest';
import { ReplayBuffer } from './replay-buffer';

const b = (text: string) => Buffer.from(text, 'utf8');

describe('ReplayBuffer', () => {
  it('keeps everything while under the limit', () => {
    const buffer = new ReplayBuffer(10);
    buffer.push(b('abc'));
    buffer.push(b('déf'));
    expect(buffer.read()).toEqual({ data: 'abcdéf', truncated: false });
  });

  it('keeps the last `limit` bytes and says it dropped some', () => {
    const buffer = new ReplayBuffer(10);
    let all = '';
    for (let i = 0; i < 5000; i++) {
      buffer.push(b(`${i % 10}`.repeat(3)));
      all += `${i % 10}`.repeat(3);
    }
    const { data, truncated } = buffer.read();
    expect(truncated).toBe(true);
    expect(data).toBe(all.slice(-10));
  });

  it('drops the remains of a character the trim cut, rather than showing a replacement mark', () => {
    const buffer = new ReplayBuffer(5);
    buffer.push(b('xx😀'));
    buffer.push(b('ab'));
    // The last 5 bytes start inside 😀 (4 bytes): its remains go.
    expect(buffer.read()).toEqual({ data: 'ab', truncated: true });
  });
});
