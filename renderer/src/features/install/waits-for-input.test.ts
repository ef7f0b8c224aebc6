import { describe, expect, it } from 'vitest';
import { appendTail, waitsForInput } from './waits-for-input';

describe('waitsForInput', () => {
  it('sees sudo prompts at the end of the output', () => {
    expect(waitsForInput('$ sudo snap install microk8s --classic\r\n[sudo] password for ann: ')).toBe(true);
    expect(waitsForInput('Password: ')).toBe(true);
    expect(waitsForInput('\x1b[1m[sudo] password for ann:\x1b[0m ')).toBe(true);
    expect(waitsForInput('Sorry, try again.\r\n[sudo] password for ann: ')).toBe(true);
  });

  it('is false once the prompt was answered or for ordinary output', () => {
    expect(waitsForInput('[sudo] password for ann: \r\n')).toBe(false);
    expect(waitsForInput('[sudo] password for ann: \r\nDownload snap "microk8s" (7731) from channel "1.32/stable"')).toBe(false);
    expect(waitsForInput('The password for the dashboard is in the secret')).toBe(false);
    expect(waitsForInput('')).toBe(false);
  });
});

describe('appendTail', () => {
  it('keeps only the last characters', () => {
    expect(appendTail('abc', 'def', 4)).toBe('cdef');
    expect(appendTail('', 'xy', 4)).toBe('xy');
  });
});
