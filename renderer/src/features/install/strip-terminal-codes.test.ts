import { describe, expect, it } from 'vitest';
import { stripTerminalCodes } from './strip-terminal-codes';

describe('stripTerminalCodes', () => {
  it('removes colours and cursor codes', () => {
    expect(stripTerminalCodes('\x1b[?25l\x1b[32mok\x1b[0m done\x1b[K')).toBe('ok done');
    expect(stripTerminalCodes('\x1b]0;title\x07text')).toBe('text');
  });

  it('keeps the last redraw of a progress line and normalises CRLF', () => {
    const snap = '\rDownload snap "microk8s" 10%\r\x1b[7mDownload\x1b[0m snap "microk8s" 90%\r\x1b[0m\x1b[?25h\x1b[Kmicrok8s (1.32/stable) v1.32.3 from Canonical✓ installed\r\n';
    expect(stripTerminalCodes(snap)).toBe('microk8s (1.32/stable) v1.32.3 from Canonical✓ installed\n');
    expect(stripTerminalCodes('one\r\ntwo\r\n')).toBe('one\ntwo\n');
    expect(stripTerminalCodes('spinner /\r')).toBe('spinner /');
  });
});
