import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
  /** A zombie has exited and only waits to be reaped: it is gone for our purposes. */
  zombie: boolean;
}

/** Every process on the machine with its parent and group, from `ps` (Linux and macOS). */
export async function listProcesses(): Promise<ProcessEntry[]> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat='], { maxBuffer: 16 * 1024 * 1024 });
  const entries: ProcessEntry[] = [];
  for (const line of stdout.split('\n')) {
    const [pidText, ppidText, pgidText, stat = ''] = line.trim().split(/\s+/);
    const [pid, ppid, pgid] = [Number(pidText), Number(ppidText), Number(pgidText)];
    if (pid > 0 && Number.isInteger(ppid) && Number.isInteger(pgid)) entries.push({ pid, ppid, pgid, zombie: stat.startsWith('Z') });
  }
  return entries;
}

/**
 * The processes that belong to a step: its process group (node-pty makes the child a session
 * leader, so the group id is its pid) plus every descendant, including those that started a group
 * of their own (a daemonising helper, `setsid`), which a group signal would miss.
 */
export function processTree(entries: readonly ProcessEntry[], rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    const list = children.get(entry.ppid) ?? [];
    list.push(entry.pid);
    children.set(entry.ppid, list);
  }
  const found = new Set<number>();
  const queue = [rootPid, ...entries.filter((e) => e.pgid === rootPid).map((e) => e.pid)];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    if (found.has(pid)) continue;
    found.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return [...found];
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone (ESRCH), or not ours to signal (EPERM): nothing more we can do for this one.
  }
}

export interface KillTreeDeps {
  listProcesses: () => Promise<ProcessEntry[]>;
  /** Resolves when the root process has exited. */
  exited: Promise<unknown>;
  graceMs: number;
}

const POLL_MS = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ends a step's whole process tree: SIGTERM to the group and each descendant, then SIGKILL to
 * whatever of them is left after a grace period. The tree is listed before the first signal,
 * because once the root dies its orphans are re-parented and can no longer be found through it.
 */
export async function killTree(rootPid: number, deps: KillTreeDeps): Promise<void> {
  const list = () => deps.listProcesses().catch((): ProcessEntry[] => []);
  const tree = new Set(processTree(await list(), rootPid));
  let rootExited = false;
  void deps.exited.then(() => (rootExited = true));
  signal(-rootPid, 'SIGTERM');
  for (const pid of tree) signal(pid, 'SIGTERM');
  const deadline = Date.now() + deps.graceMs;
  for (;;) {
    await sleep(POLL_MS);
    const now = await list();
    for (const pid of processTree(now, rootPid)) tree.add(pid);
    const living = new Set(now.filter((e) => !e.zombie).map((e) => e.pid));
    const survivors = [...tree].filter((pid) => living.has(pid));
    if (survivors.length === 0 && rootExited) break;
    if (Date.now() >= deadline) {
      signal(-rootPid, 'SIGKILL');
      for (const pid of survivors) signal(pid, 'SIGKILL');
      break;
    }
  }
  await deps.exited;
}
