import { spawn as spawnChild } from 'node:child_process';
import * as pty from 'node-pty';

/**
 * Runs stand-in commands for tests: through a real PTY (as the install wizard does) or through a
 * plain child process. Exported for the installer's tests too.
 */

export interface CommandResult {
  /** Everything printed (PTY: stdout and stderr interleaved, with \r\n line ends). */
  output: string;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
}

export interface PtyAnswer {
  /** When the output (since the last answer) matches, type `send`. */
  when: RegExp;
  send: string;
}

/**
 * node-pty can lose the last output when the child exits at once (microsoft/node-pty#72): a shell
 * around the command keeps the terminal open a moment after it ends, and passes its status on.
 */
export function runInPty(command: string, args: string[], env: Record<string, string>, opts: { answers?: PtyAnswer[]; cols?: number; timeoutMs?: number } = {}): Promise<CommandResult> {
  const term = pty.spawn('/bin/sh', ['-c', '"$@"; rc=$?; sleep 0.15; exit $rc', 'sh', command, ...args], {
    name: 'xterm-256color',
    cols: opts.cols ?? 100,
    rows: 30,
    env: { ...process.env, LANG: 'C.UTF-8', ...env },
  });
  const answers = [...(opts.answers ?? [])];
  let output = '';
  let answeredAt = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      term.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not end within ${opts.timeoutMs ?? 15_000} ms; output so far:\n${output}`));
    }, opts.timeoutMs ?? 15_000);
    term.onData((d) => {
      output += d;
      const next = answers[0];
      if (next && next.when.test(output.slice(answeredAt))) {
        answers.shift();
        answeredAt = output.length;
        term.write(next.send);
      }
    });
    term.onExit(({ exitCode, signal }) => {
      clearTimeout(timer);
      resolve({ output, stdout: output, stderr: '', exitCode, signal: signal ? String(signal) : null });
    });
  });
}

/**
 * A plain child process with pipes, in its own session (detached) so it has no controlling
 * terminal: sudo must then say it needs one, as the real one does.
 */
export function runPiped(command: string, args: string[], env: Record<string, string>, opts: { input?: string; timeoutMs?: number } = {}): Promise<CommandResult> {
  const child = spawnChild(command, args, { env: { ...process.env, LANG: 'C.UTF-8', ...env }, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let output = '';
  child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), (output += d.toString())));
  child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), (output += d.toString())));
  child.stdin.end(opts.input ?? '');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not end within ${opts.timeoutMs ?? 15_000} ms; output so far:\n${output}`));
    }, opts.timeoutMs ?? 15_000);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ output, stdout, stderr, exitCode, signal });
    });
  });
}
