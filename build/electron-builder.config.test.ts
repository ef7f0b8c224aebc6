import { describe, expect, it } from 'vitest';
import config from './electron-builder.config';

describe('packaging configuration', () => {
  it('flips the fuses that would turn Berth into a general Node runtime', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });
  it('keeps node-pty unpacked from the asar archive', () => {
    expect(config.asarUnpack).toContain('node_modules/node-pty/**');
  });
  it('builds the promised targets', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb', 'snap']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });
});
