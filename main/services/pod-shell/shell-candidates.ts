// Which shell to start in a container, and how to tell "this container has no such shell" from
// any other failure. Like Lens and k9s we try a few in turn: /bin/sh is nearly everywhere,
// /bin/bash where sh is missing but bash is not, and /busybox/sh in distroless ":debug" images.

export const SHELLS = ['/bin/sh', '/bin/bash', '/busybox/sh'] as const;

const RUNTIME_PREFIX = 'OCI runtime exec failed';
const MISSING = /(no such file or directory|executable file not found|not found in \$PATH)/i;

/** The runtime's (or API server's) message says the program does not exist in the image. */
export function saysProgramMissing(text: string): boolean {
  return MISSING.test(text);
}

/**
 * With a TTY, runc writes its complaint to the terminal before the exec ends with 126. While the
 * first output could still be that complaint we hold it back, so a missing shell never flashes
 * an error before the next one starts.
 */
export function couldBeRuntimeComplaint(outputSoFar: string): boolean {
  const text = outputSoFar.trimStart();
  return RUNTIME_PREFIX.startsWith(text) || text.startsWith(RUNTIME_PREFIX);
}

/** One line per shell tried, for the message shown when none starts. */
export function noShellMessage(container: string, failures: Array<{ shell: string; reason: string }>): string {
  const tried = failures.map((f) => `${f.shell}: ${f.reason.replace(/\s+/g, ' ').trim()}`).join('\n');
  return `Container "${container}" has no shell Berth could start. Tried:\n${tried}`;
}

export const NO_SHELL_HINT =
  'Images built without a shell (distroless, scratch) cannot be entered this way. Use `kubectl debug -it POD --image=busybox --target=CONTAINER` to attach a debug container, or read the logs instead.';
