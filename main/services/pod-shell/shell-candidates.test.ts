import { describe, expect, it } from 'vitest';
import { couldBeRuntimeComplaint, noShellMessage, saysProgramMissing } from './shell-candidates';

describe('shell candidates', () => {
  it('recognises the runtime saying a program is missing (TTY and non-TTY wordings)', () => {
    expect(saysProgramMissing('OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown')).toBe(true);
    expect(saysProgramMissing('Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "ab": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown')).toBe(true);
    expect(saysProgramMissing('command terminated with non-zero exit code: error executing command [sh], exit code 1')).toBe(false);
  });

  it('holds output back only while it could still be the runtime complaint', () => {
    expect(couldBeRuntimeComplaint('')).toBe(true);
    expect(couldBeRuntimeComplaint('OCI run')).toBe(true);
    expect(couldBeRuntimeComplaint('OCI runtime exec failed: exec failed')).toBe(true);
    expect(couldBeRuntimeComplaint('/ # ')).toBe(false);
    expect(couldBeRuntimeComplaint('root@web:/# ')).toBe(false);
  });

  it('lists every shell tried with its reason', () => {
    expect(noShellMessage('app', [{ shell: '/bin/sh', reason: 'stat /bin/sh: no such file\n or directory' }])).toBe('Container "app" has no shell Berth could start. Tried:\n/bin/sh: stat /bin/sh: no such file or directory');
  });
});
