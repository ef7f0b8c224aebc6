import { delimiter as pathDelimiter, isAbsolute, join } from 'node:path';

// Apps started from a desktop launcher get a minimal PATH (often /usr/bin:/bin), so exec credential
// plugins installed by gcloud, Homebrew, aws or krew are not found. We ask the person's login
// shell for its PATH once (interactive + login, as a terminal would start it), with a timeout,
// and search that, then our own PATH, then the places these plugins are usually installed.

export interface ShellPathDeps {
  /** $SHELL, or undefined when there is none (Windows, some services). */
  shell: string | undefined;
  /** Runs the shell with args; resolves its stdout; rejects on failure or timeout. */
  run(file: string, args: string[], timeoutMs: number): Promise<string>;
  /** This process's own PATH. */
  processPath: string;
  home: string;
}

const START = '__BERTH_PATH_START__';
const END = '__BERTH_PATH_END__';
const SHELL_TIMEOUT_MS = 4_000;

/** Where plugins usually live when no PATH mentions them (gcloud SDK, Homebrew, krew, pipx...). */
export function wellKnownDirs(home: string): string[] {
  return [
    '/usr/local/bin',
    '/opt/homebrew/bin',
    '/snap/bin',
    '/usr/bin',
    '/bin',
    join(home, '.local', 'bin'),
    join(home, 'bin'),
    join(home, 'google-cloud-sdk', 'bin'),
    join(home, '.krew', 'bin'),
    '/usr/lib/google-cloud-sdk/bin',
    '/opt/google-cloud-sdk/bin',
  ];
}

/** Pulls the PATH out of a login shell's output; rc files may print banners around it. */
export function extractShellPath(output: string): string | null {
  const start = output.lastIndexOf(START);
  if (start < 0) return null;
  const end = output.indexOf(END, start);
  if (end < 0) return null;
  const value = output.slice(start + START.length, end).trim();
  return value === '' ? null : value;
}

export interface SearchPath {
  dirs: string[];
  /** Whether the login shell answered (false: it timed out, failed, or there is none). */
  fromLoginShell: boolean;
}

/** Asks the login shell for its PATH once; later calls share the answer. */
export function loginShellSearchPath(deps: ShellPathDeps): () => Promise<SearchPath> {
  let cached: Promise<SearchPath> | undefined;
  const resolve = async (): Promise<SearchPath> => {
    let shellDirs: string[] = [];
    let fromLoginShell = false;
    if (deps.shell) {
      try {
        const out = await deps.run(deps.shell, ['-ilc', `printf '%s%s%s' '${START}' "$PATH" '${END}'`], SHELL_TIMEOUT_MS);
        const value = extractShellPath(out);
        if (value) {
          shellDirs = value.split(pathDelimiter);
          fromLoginShell = true;
        }
      } catch {
        // A broken or slow rc file: fall back to our PATH and the usual places.
      }
    }
    const dirs = [...shellDirs, ...deps.processPath.split(pathDelimiter), ...wellKnownDirs(deps.home)].filter((d) => d !== '' && isAbsolute(d));
    return { dirs: [...new Set(dirs)], fromLoginShell };
  };
  return () => (cached ??= resolve());
}

export interface ExecutableLookup {
  resolvedPath: string | null;
  /** The folders looked in, in order (or the one path, for an absolute command). */
  searched: string[];
}

/** Finds `command` as a shell would: an absolute path as is, a bare name on the search path. */
export function findExecutable(command: string, dirs: readonly string[], isExecutable: (path: string) => boolean): ExecutableLookup {
  if (isAbsolute(command)) return { resolvedPath: isExecutable(command) ? command : null, searched: [command] };
  for (const dir of dirs) {
    const candidate = join(dir, command);
    if (isExecutable(candidate)) return { resolvedPath: candidate, searched: [...dirs] };
  }
  return { resolvedPath: null, searched: [...dirs] };
}

/** What to say when a plugin is missing: which one and where Berth looked. */
export function missingPluginMessage(command: string, lookup: ExecutableLookup, fromLoginShell: boolean): { reason: string; hint: string } {
  const where = lookup.searched.length > 6 ? `${lookup.searched.slice(0, 6).join(', ')} and ${lookup.searched.length - 6} more folders` : lookup.searched.join(', ');
  return {
    reason: `The credential plugin "${command}" this context needs was not found. Berth looked in ${where}.`,
    hint: fromLoginShell
      ? `Install ${command}, or put its folder on the PATH your login shell sets, then connect again.`
      : `Install ${command}, or set an absolute path in the kubeconfig's exec.command. Your login shell did not report a PATH, so only the usual folders were searched.`,
  };
}
