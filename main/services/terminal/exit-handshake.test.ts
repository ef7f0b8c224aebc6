import { describe, expect, it } from 'vitest';
import { ExitMarkerScanner } from './exit-handshake';

const marker = (code: number) => `\u001b]7770;berth-exit;${code}\u0007`;

describe('ExitMarkerScanner', () => {
  it('takes the marker out and reads the exit code', () => {
    const scanner = new ExitMarkerScanner();
    expect(scanner.scan(`done\r\n${marker(42)}`)).toBe('done\r\n');
    expect(scanner.exitCode).toBe(42);
  });

  it('finds a marker split across chunks at any point', () => {
    const whole = `tail text${marker(7)}`;
    for (let cut = 1; cut < whole.length; cut++) {
      const scanner = new ExitMarkerScanner();
      const out = scanner.scan(whole.slice(0, cut)) + scanner.scan(whole.slice(cut)) + scanner.flush();
      expect(out).toBe('tail text');
      expect(scanner.exitCode).toBe(7);
    }
  });

  it('passes other escape sequences through untouched', () => {
    const scanner = new ExitMarkerScanner();
    const text = '\u001b[31mred\u001b[0m \u001b]0;title\u0007';
    expect(scanner.scan(text.slice(0, 5)) + scanner.scan(text.slice(5)) + scanner.flush()).toBe(text);
    expect(scanner.scan('\u001b')).toBe('');
    expect(scanner.flush()).toBe('\u001b');
    expect(scanner.exitCode).toBeUndefined();
  });
});
