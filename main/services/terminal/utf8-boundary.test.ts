import { describe, expect, it } from 'vitest';
import { wholeCharactersLength } from './utf8-boundary';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('wholeCharactersLength', () => {
  it('keeps a buffer of whole characters whole', () => {
    for (const text of ['', 'abc', 'é', '✓', '😀', 'a✓é😀']) expect(wholeCharactersLength(bytes(text))).toBe(bytes(text).length);
  });

  it('stops before a character whose bytes have not all arrived', () => {
    for (const char of ['é', '✓', '😀']) {
      const whole = bytes(`ab${char}`);
      for (let cut = 3; cut < whole.length; cut++) expect(wholeCharactersLength(whole.subarray(0, cut))).toBe(2);
    }
  });

  it('passes bytes that are not UTF-8 on rather than holding them forever', () => {
    expect(wholeCharactersLength(Uint8Array.from([0x41, 0x80, 0x80, 0x80, 0x80]))).toBe(5);
  });
});
