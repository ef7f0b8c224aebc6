import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { WebSocketServer, type WebSocket } from 'ws';
import { ApiError, notFound } from '../errors';
import { missingIn, runtimeExecError } from '../kubelet/image-files';
import type { Shell } from '../kubelet/shell';
import { splitWords } from '../kubelet/shell';
import type { ApiContext } from './context';

// pods/exec over WebSocket with the channel.k8s.io subprotocols kubectl 1.30+ speaks by default:
// every binary message starts with a channel byte: 0 stdin, 1 stdout, 2 stderr, 3 error (a
// Status as JSON), 4 resize (JSON {"Width","Height"}); v5 adds 255 "close stream".
// https://github.com/kubernetes/enhancements/tree/master/keps/sig-api-machinery/4006-transition-spdy-to-websockets

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const RESIZE = 4;
const CLOSE = 255;

const wss = new WebSocketServer({
  noServer: true,
  handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
});

function rejectUpgrade(socket: Duplex, err: ApiError): void {
  const body = JSON.stringify(err.toStatus());
  const text = err.code === 404 ? 'Not Found' : err.code === 401 ? 'Unauthorized' : 'Bad Request';
  socket.end(`HTTP/1.1 ${err.code} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

interface ExecParams {
  namespace: string;
  pod: string;
  container?: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
}

function resolveContainer(ctx: ApiContext, p: ExecParams): { pod: IPod; container: string } {
  const pod = ctx.store.get<IPod>('pods', p.namespace, p.pod);
  if (!pod) throw notFound('', 'pods', p.pod);
  const containers = pod.spec?.containers ?? [];
  const name = p.container ?? pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]?.name ?? '';
  if (!containers.some((c) => c.name === name)) throw new ApiError(400, 'BadRequest', `container ${name} is not valid for pod ${p.pod}`);
  const st = (pod.status?.containerStatuses ?? []).find((s) => s.name === name);
  if (!st?.state?.running) throw new ApiError(400, 'BadRequest', `unable to upgrade connection: container not found ("${name}")`);
  return { pod, container: name };
}

const status = (code: number, argv: string[]): string =>
  code === 0
    ? JSON.stringify({ metadata: {}, status: 'Success' })
    : JSON.stringify({
        metadata: {},
        status: 'Failure',
        message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
        reason: 'NonZeroExitCode',
        details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
      });

/** containerd names each exec by a 64-hex id; ours is derived from the request so messages are stable in tests. */
function execId(p: ExecParams): string {
  return createHash('sha256').update(`${p.namespace}/${p.pod}/${p.command.join(' ')}`).digest('hex');
}

export function handleExecUpgrade(ctx: ApiContext, req: IncomingMessage, socket: Duplex, head: Buffer, p: ExecParams): void {
  let target: { pod: IPod; container: string };
  try {
    target = resolveContainer(ctx, p);
  } catch (e) {
    rejectUpgrade(socket, e instanceof ApiError ? e : new ApiError(500, 'InternalError', String(e)));
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => runSession(ctx, ws, p, target));
}

function runSession(ctx: ApiContext, ws: WebSocket, p: ExecParams, target: { pod: IPod; container: string }): void {
  const spec = target.pod.spec?.containers.find((c) => c.name === target.container);
  const env: Record<string, string> = {};
  for (const e of spec?.env ?? []) if (typeof e.value === 'string') env[e.name] = e.value;
  if (target.pod.status?.podIP) env.POD_IP = target.pod.status.podIP;
  const shell: Shell = ctx.shell({ namespace: p.namespace, pod: p.pod, container: target.container, env });
  const send = (channel: number, data: string): void => {
    if (ws.readyState === ws.OPEN && data) ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(data, 'utf8')]));
  };
  const finish = (code: number): void => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(Buffer.concat([Buffer.from([ERROR]), Buffer.from(status(code, p.command), 'utf8')]));
    ws.close(1000);
  };
  const out = (text: string): void => send(STDOUT, p.tty ? text.replace(/\r?\n/g, '\r\n') : text);
  const err = (text: string): void => (p.tty ? out(text) : send(STDERR, text));

  const [cmd, ...args] = p.command;
  const image = target.pod.spec?.containers.find((c) => c.name === target.container)?.image ?? '';
  if (cmd && missingIn(image, cmd) && p.tty) {
    // With a TTY, runc's complaint reaches the terminal and the exec ends with 126 (as
    // `kubectl exec -it distroless-pod -- /bin/sh` shows it).
    out(`${runtimeExecError(cmd)}\n`);
    finish(126);
    return;
  }
  if (!cmd || !shell.knows(cmd) || missingIn(image, cmd)) {
    // The container runtime cannot start the process at all.
    if (ws.readyState === ws.OPEN) {
      const message = `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId(p)}": ${runtimeExecError(cmd ?? '')}`;
      ws.send(Buffer.concat([Buffer.from([ERROR]), Buffer.from(JSON.stringify({ metadata: {}, status: 'Failure', message, reason: 'InternalError', details: { causes: [{ message }] }, code: 500 }))]));
      ws.close(1000);
    }
    return;
  }
  const interactiveShell = p.stdin && ['sh', 'bash', '/bin/sh', '/bin/bash', 'ash'].includes(cmd) && !args.includes('-c');
  if (!interactiveShell) {
    const r = shell.run(p.command);
    out(r.stdout);
    err(r.stderr);
    finish(r.exitCode);
    return;
  }

  // An interactive shell: a prompt, line editing when there is a TTY, one command per line.
  const prompt = (): string => `${shell.cwd} # `;
  let line = '';
  let lastCode = 0;
  const runLine = (text: string): boolean => {
    const r = shell.run(splitWords(text.trim()));
    out(r.stdout);
    err(r.stderr);
    lastCode = r.exitCode;
    if (r.exit) {
      finish(r.exitCode);
      return false;
    }
    return true;
  };
  if (p.tty) out(prompt());
  ws.on('message', (raw: Buffer) => {
    const channel = raw[0];
    const data = raw.subarray(1);
    if (channel === RESIZE) return;
    if (channel === CLOSE) {
      if (data[0] === STDIN) finish(lastCode);
      return;
    }
    if (channel !== STDIN) return;
    for (const ch of data.toString('utf8')) {
      if (!p.tty) {
        if (ch === '\n') {
          if (!runLine(line)) return;
          line = '';
        } else line += ch;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        out('\n');
        const keep = runLine(line);
        line = '';
        if (!keep) return;
        out(prompt());
      } else if (ch === '\x7f' || ch === '\b') {
        if (line) {
          line = line.slice(0, -1);
          send(STDOUT, '\b \b');
        }
      } else if (ch === '\x03') {
        line = '';
        out('^C\n');
        out(prompt());
      } else if (ch === '\x04') {
        if (!line) return finish(lastCode);
      } else {
        line += ch;
        send(STDOUT, ch);
      }
    }
  });
}

export function execParams(namespace: string, pod: string, q: URLSearchParams): ExecParams {
  const p: ExecParams = {
    namespace,
    pod,
    command: q.getAll('command'),
    stdin: q.get('stdin') === 'true' || q.get('stdin') === '1',
    tty: q.get('tty') === 'true' || q.get('tty') === '1',
  };
  const c = q.get('container');
  if (c) p.container = c;
  return p;
}
