import { describe, expect, it } from 'vitest';
import { ExitMarkerScanner } from './exit-handshake';

const marker = (code: number) => `\u001b]7770;berth-exit;${code}\u0007`;
const b = (text: string) => Buffer.from(text, 'utf8');
const s = (bytes: Buffer) => bytes.toString('utf8');

describe('ExitMarkerScanner', () => {
  it('takes the marker out and reads the exit code', () => {
    const scanner = new ExitMarkerScanner();
    expect(s(scanner.scan(b(`done ✓\r\n${marker(42)}`)))).toBe('done ✓\r\n');
    expect(scanner.exitCode).toBe(42);
  });

  it('finds a marker split across chunks at any point', () => {
    const whole = b(`tail text${marker(7)}`);
    for (let cut = 1; cut < whole.length; cut++) {
      const scanner = new ExitMarkerScanner();
      const out = Buffer.concat([scanner.scan(whole.subarray(0, cut)), scanner.scan(whole.subarray(cut)), scanner.flush()]);
      expect(s(out)).toBe('tail text');
      expect(scanner.exitCode).toBe(7);
    }
  });

  it('passes other escape sequences through untouched, including one that starts like the marker', () => {
    const scanner = new ExitMarkerScanner();
    const text = b('\u001b[31mred\u001b[0m \u001b]0;title\u0007 \u001b]7770;berth-exit;x\u0007');
    expect(Buffer.concat([scanner.scan(text.subarray(0, 5)), scanner.scan(text.subarray(5)), scanner.flush()]).equals(text)).toBe(true);
    expect(scanner.scan(b('\u001b')).length).toBe(0);
    expect(s(scanner.flush())).toBe('\u001b');
    expect(scanner.exitCode).toBeUndefined();
  });
});
