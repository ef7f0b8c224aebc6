import { describe, expect, it } from 'vitest';
import { TypedEcho } from './typed-echo';

describe('TypedEcho', () => {
  it('takes the echo of typed keys out, key by key or at once', () => {
    const echo = new TypedEcho();
    echo.typed('1');
    expect(echo.strip('1')).toBe('');
    echo.typed('0.64.140.43\r');
    expect(echo.strip('0.64.140.43\r\nApplying manifest\r\n')).toBe('Applying manifest\r\n');
  });

  it('takes nothing when the terminal did not echo (a password prompt)', () => {
    const echo = new TypedEcho();
    echo.typed('secret\r');
    expect(echo.strip('\r\nmicrok8s (1.32/stable) installed\r\n')).toBe('\r\nmicrok8s (1.32/stable) installed\r\n');
    // The match ended: later output that happens to look like the input stays.
    expect(echo.strip('secret')).toBe('secret');
  });

  it('forgets input that was never echoed after a while', () => {
    let now = 0;
    const echo = new TypedEcho(2_000, () => now);
    echo.typed('y');
    now = 5_000;
    expect(echo.strip('yes, done')).toBe('yes, done');
  });
});
