import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpu } from './format-amount';

describe('formatCpu', () => {
  it('shows millicores below a core and cores above', () => {
    expect(formatCpu(250)).toBe('250m');
    expect(formatCpu(1000)).toBe('1 core');
    expect(formatCpu(1500)).toBe('1.5 cores');
    expect(formatCpu(4000)).toBe('4 cores');
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal where it helps', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(128 * 1024 * 1024)).toBe('128 MiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GiB');
    expect(formatBytes(16 * 1024 ** 3)).toBe('16 GiB');
  });
});
