// The tiny shell behind `kubectl exec`: enough of busybox sh for a person poking around a pod
// (ls, cat, env, echo, pwd, cd, hostname, id, uname, date, exit) over a small fixed filesystem.

export interface ShellResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** `exit` was run: an interactive session ends. */
  exit?: boolean;
}

export interface PodInfo {
  namespace: string;
  pod: string;
  container: string;
  env: Record<string, string>;
}

export interface Shell {
  run(argv: string[]): ShellResult;
  readonly cwd: string;
  /** Whether argv[0] names something this shell can run (otherwise exec fails like the runtime does). */
  knows(command: string): boolean;
}

export type ShellFactory = (info: PodInfo) => Shell;

function fileSystem(info: PodInfo): Map<string, string | string[]> {
  const fs = new Map<string, string | string[]>();
  const dir = (path: string, entries: string[]): void => void fs.set(path, entries);
  dir('/', ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'run', 'sbin', 'sys', 'tmp', 'usr', 'var']);
  dir('/etc', ['hostname', 'hosts', 'os-release', 'passwd', 'resolv.conf']);
  dir('/bin', ['busybox', 'cat', 'date', 'echo', 'env', 'hostname', 'id', 'ls', 'pwd', 'sh', 'uname']);
  for (const d of ['/dev', '/home', '/lib', '/proc', '/root', '/run', '/sbin', '/sys', '/tmp', '/usr', '/var']) dir(d, []);
  dir('/var', ['run']);
  dir('/var/run', ['secrets']);
  dir('/var/run/secrets', ['kubernetes.io']);
  dir('/var/run/secrets/kubernetes.io', ['serviceaccount']);
  dir('/var/run/secrets/kubernetes.io/serviceaccount', ['ca.crt', 'namespace', 'token']);
  fs.set('/etc/hostname', `${info.pod}\n`);
  fs.set('/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${info.env.POD_IP ?? '10.1.0.1'}\t${info.pod}\n`);
  fs.set('/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME="Alpine Linux v3.21"\n');
  fs.set('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n');
  fs.set('/etc/resolv.conf', `search ${info.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.152.183.10\noptions ndots:5\n`);
  fs.set('/var/run/secrets/kubernetes.io/serviceaccount/namespace', info.namespace);
  fs.set('/var/run/secrets/kubernetes.io/serviceaccount/ca.crt', '-----BEGIN CERTIFICATE-----\n(simulated)\n-----END CERTIFICATE-----\n');
  fs.set('/var/run/secrets/kubernetes.io/serviceaccount/token', 'eyJhbGciOiJSUzI1NiIsImtpZCI6InNpbXVsYXRlZCJ9.e30.c2ltdWxhdGVk');
  return fs;
}

function normalize(cwd: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Splits a command line the way sh does for simple words and quotes. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === ' ' || ch === '\t') {
      if (has || cur) words.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (has || cur) words.push(cur);
  return words;
}

const BUILTINS = new Set(['ls', 'cat', 'env', 'printenv', 'echo', 'pwd', 'cd', 'hostname', 'id', 'whoami', 'uname', 'date', 'exit', 'true', 'false', 'sh', '/bin/sh', 'bash', '/bin/bash']);

export const createShell: ShellFactory = (info) => {
  const fs = fileSystem(info);
  let cwd = '/';
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: info.pod,
    HOME: '/root',
    KUBERNETES_SERVICE_HOST: '10.152.183.1',
    KUBERNETES_SERVICE_PORT: '443',
    KUBERNETES_SERVICE_PORT_HTTPS: '443',
    KUBERNETES_PORT: 'tcp://10.152.183.1:443',
    KUBERNETES_PORT_443_TCP: 'tcp://10.152.183.1:443',
    KUBERNETES_PORT_443_TCP_ADDR: '10.152.183.1',
    KUBERNETES_PORT_443_TCP_PORT: '443',
    KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
    ...info.env,
  };
  const ok = (stdout = ''): ShellResult => ({ stdout, stderr: '', exitCode: 0 });
  const fail = (stderr: string, exitCode = 1): ShellResult => ({ stdout: '', stderr, exitCode });

  const run = (argv: string[]): ShellResult => {
    const [cmd, ...args] = argv.map((a) => (a.startsWith('$') && env[a.slice(1)] !== undefined ? env[a.slice(1)]! : a));
    if (!cmd) return ok();
    switch (cmd) {
      case 'ls': {
        const flags = args.filter((a) => a.startsWith('-'));
        const paths = args.filter((a) => !a.startsWith('-'));
        const targets = paths.length ? paths : [cwd];
        let out = '';
        let code = 0;
        let err = '';
        for (const t of targets) {
          const p = normalize(cwd, t);
          const node = fs.get(p);
          if (node === undefined) {
            err += `ls: ${t}: No such file or directory\n`;
            code = 1;
          } else if (Array.isArray(node)) {
            const entries = flags.some((f) => f.includes('a')) ? ['.', '..', ...node] : node;
            out += entries.length ? `${entries.join('\n')}\n` : '';
          } else out += `${t}\n`;
        }
        return { stdout: out, stderr: err, exitCode: code };
      }
      case 'cat': {
        let out = '';
        for (const a of args) {
          const node = fs.get(normalize(cwd, a));
          if (node === undefined) return { stdout: out, stderr: `cat: can't open '${a}': No such file or directory\n`, exitCode: 1 };
          if (Array.isArray(node)) return { stdout: out, stderr: `cat: read error: Is a directory\n`, exitCode: 1 };
          out += node;
        }
        return ok(out);
      }
      case 'env':
      case 'printenv':
        return ok(Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''));
      case 'echo':
        return ok(`${args.join(' ')}\n`);
      case 'pwd':
        return ok(`${cwd}\n`);
      case 'cd': {
        const p = normalize(cwd, args[0] ?? '/root');
        if (!Array.isArray(fs.get(p))) return fail(`sh: cd: can't cd to ${args[0]}: No such file or directory\n`, 2);
        cwd = p;
        return ok();
      }
      case 'hostname':
        return ok(`${info.pod}\n`);
      case 'id':
        return ok('uid=0(root) gid=0(root) groups=0(root)\n');
      case 'whoami':
        return ok('root\n');
      case 'uname':
        return ok(args.includes('-a') ? `Linux ${info.pod} 6.8.0-51-generic #52-Ubuntu SMP x86_64 Linux\n` : 'Linux\n');
      case 'date':
        return ok(`${new Date().toUTCString().replace('GMT', 'UTC')}\n`);
      case 'true':
        return ok();
      case 'false':
        return fail('', 1);
      case 'exit':
        return { stdout: '', stderr: '', exitCode: Number(args[0] ?? 0) || 0, exit: true };
      case 'sh':
      case '/bin/sh':
      case 'bash':
      case '/bin/bash':
        if (args[0] === '-c' && args[1] !== undefined) return run(splitWords(args[1]));
        return ok();
      default:
        return fail(`sh: ${cmd}: not found\n`, 127);
    }
  };
  return {
    run,
    get cwd() {
      return cwd;
    },
    knows: (c) => BUILTINS.has(c) || BUILTINS.has(c.split('/').pop() ?? c),
  };
};
