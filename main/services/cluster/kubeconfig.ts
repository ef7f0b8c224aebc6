import { dirname, isAbsolute, join } from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';

// Loads the kubeconfig the way kubectl does (k8s.io/client-go/tools/clientcmd/loader.go):
// - `--kubeconfig F`: that file only, and it must exist;
// - else $KUBECONFIG: every listed file, missing ones skipped, merged so that the FIRST file to set
//   a cluster, user or context name (or current-context) wins;
// - else ~/.kube/config.
// `--context C` overrides current-context. client-node's own loadFromDefault throws on duplicate
// names (kubectl does not) and lets the last file's current-context win, so we merge here and
// hand one KubeConfig to everything: the context list and the API client read the same object.
// https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/#merging-kubeconfig-files

export interface KubeconfigDeps {
  env: { KUBECONFIG?: string | undefined };
  home: string;
  readFile(path: string): string;
  exists(path: string): boolean;
  /** Path list separator of $KUBECONFIG (":" on Linux and macOS, ";" on Windows). */
  delimiter: string;
}

export interface KubeconfigOptions {
  kubeconfig?: string | undefined;
  context?: string | undefined;
}

export interface LoadedKubeconfig {
  config: KubeConfig;
  /** Files that were read, in precedence order. */
  sources: string[];
  /** What went wrong reading them, in plain words. Never contains file contents. */
  problems: string[];
}

/** The files kubectl would read, in precedence order, and whether missing ones are an error. */
export function kubeconfigPaths(options: KubeconfigOptions, deps: KubeconfigDeps): { paths: string[]; mustExist: boolean } {
  if (options.kubeconfig) return { paths: [options.kubeconfig], mustExist: true };
  const fromEnv = (deps.env.KUBECONFIG ?? '').split(deps.delimiter).filter((p) => p !== '');
  if (fromEnv.length > 0) return { paths: [...new Set(fromEnv)], mustExist: false };
  return { paths: [join(deps.home, '.kube', 'config')], mustExist: false };
}

interface RawUser {
  tokenFile?: unknown;
  'token-file'?: unknown;
  exec?: { command?: unknown } | null;
}

/**
 * kubectl resolves relative file references against the kubeconfig's folder; client-node does that
 * for certificate files but not for `tokenFile` (which it also only knows as `token-file`) nor an
 * exec command given as a relative path (client-go ResolvePaths).
 */
function normaliseRaw(raw: unknown, dir: string): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const users = (raw as { users?: unknown }).users;
  if (!Array.isArray(users)) return raw;
  for (const entry of users) {
    const user = (entry as { user?: RawUser } | null)?.user;
    if (!user || typeof user !== 'object') continue;
    const tokenFile = user.tokenFile ?? user['token-file'];
    if (typeof tokenFile === 'string' && tokenFile !== '') {
      user['token-file'] = isAbsolute(tokenFile) ? tokenFile : join(dir, tokenFile);
      delete user.tokenFile;
    }
    const command = user.exec?.command;
    if (user.exec && typeof command === 'string' && command.includes('/') && !isAbsolute(command)) {
      user.exec.command = join(dir, command);
    }
  }
  return raw;
}

function readOne(path: string, deps: KubeconfigDeps, problems: string[]): KubeConfig | null {
  let text: string;
  try {
    text = deps.readFile(path);
  } catch (error) {
    problems.push(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    return null;
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    // The YAML error's message quotes the offending line, which may hold a credential: say where only.
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    problems.push(`${path}: is not valid YAML${line ? ` (line ${line})` : ''}.`);
    return null;
  }
  if (raw === null || raw === undefined) return new KubeConfig();
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${path}: is not a kubeconfig (expected a mapping with clusters, users and contexts).`);
    return null;
  }
  const dir = dirname(path);
  const json = JSON.stringify(normaliseRaw(raw, dir));
  const kc = new KubeConfig();
  try {
    kc.loadFromString(json);
  } catch (error) {
    // Keep what is valid, as far as we can, and say what was skipped.
    problems.push(`${path}: ${(error as Error).message}; the invalid entries were skipped.`);
    try {
      kc.loadFromString(json, { onInvalidEntry: 'filter' });
    } catch (again) {
      problems.push(`${path}: ${(again as Error).message}.`);
      return null;
    }
  }
  kc.makePathsAbsolute(dir);
  return kc;
}

/** Reads and merges the kubeconfig files; never throws: problems are returned for the UI to show. */
export function loadKubeconfig(options: KubeconfigOptions, deps: KubeconfigDeps): LoadedKubeconfig {
  const { paths, mustExist } = kubeconfigPaths(options, deps);
  const problems: string[] = [];
  const sources: string[] = [];
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let current: string | undefined;

  for (const path of paths) {
    if (!deps.exists(path)) {
      if (mustExist) problems.push(`${path}: no such file (given with --kubeconfig).`);
      continue;
    }
    const kc = readOne(path, deps, problems);
    if (!kc) continue;
    sources.push(path);
    for (const c of kc.getClusters()) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of kc.getUsers()) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of kc.getContexts()) if (!contexts.has(c.name)) contexts.set(c.name, c);
    const fileCurrent = kc.getCurrentContext();
    if (!current && fileCurrent) current = fileCurrent;
  }

  if (options.context) {
    if (!contexts.has(options.context)) problems.push(`--context ${options.context}: no such context in ${sources.join(', ') || 'the kubeconfig'}.`);
    current = options.context;
  }

  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [...clusters.values()],
    users: [...users.values()],
    contexts: [...contexts.values()],
    currentContext: current ?? '',
  });
  return { config, sources, problems };
}
