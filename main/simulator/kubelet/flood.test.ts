import { describe, expect, it } from 'vitest';
import { floodOf, floodPlan, ROTATED_LOG_BYTES } from './flood';
import { missingIn, runtimeExecError } from './image-files';

describe('flooding containers', () => {
  it('reads `yes TEXT | head -c N` from the command', () => {
    expect(floodOf({ name: 'a', command: ['sh', '-c', "yes 'hello there' | head -c 1000"] })).toEqual({ line: 'hello there', totalBytes: 1000 });
    expect(floodOf({ name: 'a', command: ['yes'] })).toEqual({ line: 'y' });
    expect(floodOf({ name: 'a', command: ['sleep', '3600'] })).toBeUndefined();
    expect(floodOf({ name: 'a', image: 'nginx', args: ['--eyes-only'] })).toBeUndefined();
  });

  it('plans bytes: all when bounded, a rotated file for history, tails and limits', () => {
    expect(floodPlan({ line: 'ab', totalBytes: 30 }, { follow: true, timestamps: false })).toEqual({ unit: 'ab\n', bytes: 30, timestamps: false });
    expect(floodPlan({ line: 'ab' }, { follow: false, timestamps: false }).bytes).toBe(ROTATED_LOG_BYTES);
    expect(floodPlan({ line: 'ab' }, { follow: true, timestamps: false }).bytes).toBeUndefined();
    expect(floodPlan({ line: 'ab' }, { follow: false, tailLines: 2, timestamps: false }).bytes).toBe(6);
    expect(floodPlan({ line: 'ab', totalBytes: 30 }, { follow: true, limitBytes: 4, timestamps: false }).bytes).toBe(4);
  });
});

describe('image files', () => {
  it('knows which images lack a shell', () => {
    expect(missingIn('gcr.io/distroless/static-debian12', '/bin/sh')).toBe(true);
    expect(missingIn('gcr.io/distroless/static-debian12', 'ls')).toBe(true);
    expect(missingIn('alpine:3.21', '/bin/bash')).toBe(true);
    expect(missingIn('alpine:3.21', '/bin/sh')).toBe(false);
    expect(missingIn('nginx:1.27', '/bin/bash')).toBe(false);
    expect(missingIn('nginx:1.27', 'ls')).toBe(false);
  });

  it("words the runtime's error as containerd does", () => {
    expect(runtimeExecError('/bin/sh')).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown');
    expect(runtimeExecError('sh')).toContain('"sh": executable file not found in $PATH');
  });
});
