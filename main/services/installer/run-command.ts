import { execFile } from 'node:child_process';

export interface CommandResult {
  /** null when the command could not be started or was killed. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The program is not on PATH. */
  notFound: boolean;
  timedOut: boolean;
}

export type RunCommand = (argv: readonly string[], options?: { timeoutMs?: number }) => Promise<CommandResult>;

/**
 * Runs a short command without a terminal and captures its output: for checks (`snap version`,
 * `id -nG`) and for output that must never reach the screen (`microk8s config` holds credentials).
 */
export function commandRunner(env: Record<string, string>, cwd: string): RunCommand {
  return (argv, options = {}) =>
    new Promise((resolve) => {
      const [file, ...args] = argv;
      execFile(
        file as string,
        args,
        { env, cwd, timeout: options.timeoutMs ?? 15_000, maxBuffer: 8 * 1024 * 1024, killSignal: 'SIGKILL' },
        (error, stdout, stderr) => {
          const err = error as (NodeJS.ErrnoException & { code?: string | number; killed?: boolean }) | null;
          resolve({
            exitCode: err ? (typeof err.code === 'number' ? err.code : null) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
            notFound: err?.code === 'ENOENT',
            timedOut: Boolean(err?.killed),
          });
        },
      );
    });
}
