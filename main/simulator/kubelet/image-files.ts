// Which shells an image ships, read from its name: distroless, scratch-based and pause images
// have none (and no other tools either), Alpine and BusyBox have sh/ash but no bash, the rest
// (Debian/Ubuntu based) have both. That is what decides whether `kubectl exec -- /bin/sh` works.

const NO_SHELL = /(distroless|scratch|\/pause:|^pause:|-static[:@]|static-debian)/;
const BUSYBOX = /(alpine|busybox)/;

export type ImageShells = ReadonlySet<string>;

export function shellsIn(image: string): ImageShells {
  if (NO_SHELL.test(image)) return new Set();
  if (BUSYBOX.test(image)) return new Set(['sh', '/bin/sh', 'ash', '/bin/ash']);
  return new Set(['sh', '/bin/sh', 'bash', '/bin/bash']);
}

/** An image without a shell has no other tools either: nothing can be exec'd. */
export function canRunAnything(image: string): boolean {
  return shellsIn(image).size > 0;
}

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'zsh', 'dash']);

/** Whether the image lacks the program: a shell it does not ship, or anything in an image without tools. */
export function missingIn(image: string, command: string): boolean {
  if (!canRunAnything(image)) return true;
  const base = command.split('/').pop() ?? command;
  return SHELL_NAMES.has(base) && !shellsIn(image).has(command) && !shellsIn(image).has(base);
}

/** What runc says when exec'ing a program the image lacks (containerd's wording, as kubectl prints it). */
export function runtimeExecError(command: string): string {
  const why = command.includes('/') ? `stat ${command}: no such file or directory` : 'executable file not found in $PATH';
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command}": ${why}: unknown`;
}
