import { describe, expect, it } from 'vitest';
import { afterLineEnd, plainLineEnds } from './plain-lines';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('plainLineEnds', () => {
  it('counts CR LF line ends of text', () => {
    expect(plainLineEnds(bytes('one\r\ntwo\r\nthree'))).toBe(2);
    expect(plainLineEnds(bytes('tab\there, bell\x07, ✓ café 😀\r\n'))).toBe(1);
    // A bare LF (no CR before it, in this batch) is not counted: fewer lines is the safe side.
    expect(plainLineEnds(bytes('\nx\r\n'))).toBe(1);
    expect(plainLineEnds(bytes(''))).toBe(0);
  });

  it('refuses anything that can change a terminal beyond where text lands', () => {
    for (const text of ['a\x1b[31mred', 'a\x1b7', 'a\x0eb', 'a\x0fb', 'a\x08b', 'a\x7fb', 'a\x0bb', 'a\x0cb', 'a\x00b', 'a\u009b31mb', 'a\u0090b']) {
      expect(plainLineEnds(bytes(text)), JSON.stringify(text)).toBeUndefined();
    }
    // Other characters in the same UTF-8 block are text.
    expect(plainLineEnds(bytes('© ° ±'))).toBe(0);
    // A read that ends after the first byte of one of them may end inside a C1 control.
    expect(plainLineEnds(bytes('text ©').subarray(0, 6))).toBeUndefined();
  });

  it('reads the same at every alignment, with a control byte at every position', () => {
    // Four bytes at a time where the buffer is aligned: the head, the words and the tail must agree.
    const text = 'ab\r\ncd é\r\nefgh\r\nijklm\r\n';
    const backing = Buffer.alloc(text.length + 16);
    for (let offset = 0; offset < 4; offset++) {
      const data = backing.subarray(offset, offset + Buffer.byteLength(text));
      data.write(text);
      expect(plainLineEnds(data), `offset ${offset}`).toBe(4);
      for (let at = 0; at < data.length; at++) {
        const copy = Buffer.from(data);
        for (const control of [0x1b, 0x0e, 0x7f, 0x00]) {
          const saved = data[at] as number;
          data[at] = control;
          expect(plainLineEnds(data), `offset ${offset}, 0x${control.toString(16)} at ${at}`).toBeUndefined();
          data[at] = saved;
        }
        expect(Buffer.compare(copy, data)).toBe(0);
      }
    }
    // A C1 control in UTF-8 found in a word, and its second byte in the next one.
    expect(plainLineEnds(bytes('abc\u009bxyz'))).toBeUndefined();
    expect(plainLineEnds(bytes('abcdefg\u0085'))).toBeUndefined();
  });
});

describe('afterLineEnd', () => {
  it('finds where the n-th CR LF ends', () => {
    const data = bytes('a\r\nbb\r\nccc\r\n');
    expect(afterLineEnd(data, 1)).toBe(3);
    expect(afterLineEnd(data, 2)).toBe(7);
    expect(afterLineEnd(data, 3)).toBe(12);
    expect(afterLineEnd(data, 4)).toBe(-1);
  });
});
