import { describe, expect, it } from 'vitest';
import { TailText } from './tail-text';

const tailBytes = (text: string, kept: number) => {
  const bytes = Buffer.from(text, 'utf8');
  let start = Math.max(0, bytes.length - kept);
  while (start < bytes.length && ((bytes[start] as number) & 0xc0) === 0x80) start++;
  return bytes.subarray(start).toString('utf8');
};

describe('TailText', () => {
  it('keeps the last bytes of a stream, however it was cut into chunks', () => {
    const tail = new TailText(10);
    let all = '';
    for (let i = 0; i < 500; i++) {
      const chunk = `${i};`.repeat(i % 4);
      tail.add(chunk);
      all += chunk;
      expect(tail.text()).toBe(all.slice(-10));
    }
  });

  it('keeps everything while the stream is short', () => {
    const tail = new TailText(100);
    tail.add('ab');
    tail.add('');
    tail.add('c');
    expect(tail.text()).toBe('abc');
  });

  it('never starts inside a character, and keeps a chunk longer than all it keeps by its end', () => {
    const tail = new TailText(16);
    let all = '';
    for (const chunk of ['grün ', 'über ', '✓ ', 'done ', '🚀 launched ', 'x'.repeat(3), 'ä'.repeat(20), 'ok ✓']) {
      tail.add(chunk);
      all += chunk;
      expect(tail.text()).toBe(tailBytes(all, 16));
    }
    expect(tail.text().endsWith('ok ✓')).toBe(true);
  });
});
