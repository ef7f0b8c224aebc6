import { describe, expect, it } from 'vitest';
import { TailText } from './tail-text';

describe('TailText', () => {
  it('keeps the last characters of a stream, however it was cut into chunks', () => {
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
});
