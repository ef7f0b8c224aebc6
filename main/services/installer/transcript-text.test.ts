import { describe, expect, it } from 'vitest';
import { plainLines, plainText } from './transcript-text';

describe('plainText', () => {
  const samples = [
    'one\r\ntwo\r\n',
    'one\r\ntwo',
    '\r\n',
    '\r\n\r\n',
    'tab\there\r\n',
    'grün ✓\r\n',
    'ends with CR\r',
    '\r 10%\r 50%\r100% done\r\n',
    'bare LF\nthen CRLF\r\n',
    '\u001b[31mred\u001b[0m\r\n',
    'bell\u0007\r\n',
    '\u001b[0m',
    '\u001b]0;title\u0007text\r\n',
    'back\bspace\r\n',
  ];

  it('is the plain lines joined, whether the text takes the fast path or not', () => {
    for (const text of samples) {
      const lines = plainLines(text);
      expect(plainText(text), JSON.stringify(text)).toBe(lines.length > 0 ? lines.join('\n') : undefined);
    }
  });

  it('has no line for no text', () => {
    expect(plainText('')).toBeUndefined();
  });
});
