import { describe, expect, it } from 'vitest';
import { electronAvailability } from './electron-availability';

describe('electron availability', () => {
  it('says why when the binary was never downloaded', () => {
    const result = electronAvailability({ DISPLAY: ':0' }, 'linux', () => {
      throw new Error('Electron failed to install correctly');
    });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('not installed') });
  });
  it('says why when there is no display on Linux', () => {
    const result = electronAvailability({}, 'linux', () => process.execPath);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('no display') });
  });
  it('is available with a binary and a display', () => {
    expect(electronAvailability({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', () => process.execPath)).toEqual({ ok: true, binary: process.execPath });
    expect(electronAvailability({}, 'darwin', () => process.execPath)).toEqual({ ok: true, binary: process.execPath });
  });
  it('is unavailable on this machine as installed (no binary download)', () => {
    expect(electronAvailability({ DISPLAY: ':0' }).ok).toBe(false);
  });
});
