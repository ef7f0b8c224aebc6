import { PassThrough, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import WebSocket from 'ws';
import { errorFromNetwork, errorFromResponse, KubeApiError } from '../cluster/kube-errors';

// One exec into a container over the API's exec WebSocket, with client-node's Exec doing the
// channel protocol (v5/v4: stdin 0, stdout 1, stderr 2, status 3, resize 4). We give it the
// socket ourselves (its WebSocketInterface) to read the API's answer when the upgrade is refused
// (403 from RBAC, 404, 400 for a stopped container): client-node's own handler turns that into
// "Unexpected server response: 403" and loses the Status message that says why.

export interface ExecTarget {
  namespace: string;
  pod: string;
  container: string;
  command: string[];
  cols: number;
  rows: number;
}

/** How an exec ended: the process exited (with its code), the runtime could not start it, or the connection went. */
export type ExecEnd = { kind: 'exit'; exitCode: number } | { kind: 'failed'; message: string; exitCode?: number } | { kind: 'closed' };

export interface ExecHandlers {
  output(data: string): void;
  end(end: ExecEnd): void;
}

export interface ExecConnection {
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Stop reading the container's output (TCP backpressure reaches the API server) until resume. */
  pause(): void;
  resume(): void;
  close(): void;
}

/** Reads the exit out of the status channel's Status (NonZeroExitCode carries the code in its causes). */
export function execEndFromStatus(status: V1Status): ExecEnd {
  if (status.status === 'Success') return { kind: 'exit', exitCode: 0 };
  if (status.reason === 'NonZeroExitCode') {
    const code = Number(status.details?.causes?.find((c) => c.reason === 'ExitCode')?.message);
    return { kind: 'exit', exitCode: Number.isFinite(code) ? code : 1 };
  }
  return { kind: 'failed', message: status.message ?? 'The exec ended with an error.' };
}

/** A terminal-sized stdout: client-node sends a resize whenever it emits 'resize'. */
class TerminalOutput extends Writable {
  columns: number;
  rows: number;
  private readonly decoder = new StringDecoder('utf8');

  constructor(cols: number, rows: number, onText: (text: string) => void) {
    super({
      write: (chunk: Buffer, _enc, done) => {
        const text = this.decoder.write(chunk);
        if (text) onText(text);
        done();
      },
    });
    this.columns = cols;
    this.rows = rows;
  }
}

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

/**
 * The socket side of client-node's Exec (its WebSocketInterface): opens the exec WebSocket with
 * the context's TLS material and headers, and reads the API's Status when the upgrade is refused.
 */
function execSocket(config: KubeConfig, onSocket: (ws: WebSocket) => void) {
  return {
    async connect(path: string, _text: unknown, binaryHandler: ((stream: number, buff: Buffer) => boolean) | null): Promise<WebSocket> {
      const cluster = config.getCurrentCluster();
      if (!cluster) throw new Error('The selected context has no cluster.');
      const opts: WebSocket.ClientOptions = {};
      await config.applyToHTTPSOptions(opts);
      const uri = `${cluster.server.replace(/^http/, 'ws').replace(/\/$/, '')}${path}`;
      return new Promise((resolve, reject) => {
        const ws = new WebSocket(uri, PROTOCOLS, opts);
        onSocket(ws);
        let open = false;
        ws.on('unexpected-response', (req, res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            reject(errorFromResponse(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), undefined));
            req.destroy();
          });
        });
        ws.on('open', () => {
          open = true;
          resolve(ws);
        });
        ws.on('error', (error) => {
          if (!open) reject(error);
        });
        ws.on('message', (data: Buffer, isBinary: boolean) => {
          if (!isBinary || data.length === 0) return;
          if (binaryHandler && !binaryHandler(data[0]!, data.subarray(1))) ws.close();
        });
      });
    },
  };
}

export async function openExec(config: KubeConfig, target: ExecTarget, handlers: ExecHandlers): Promise<ExecConnection> {
  let socket: WebSocket | undefined;
  const handler = execSocket(config, (ws) => (socket = ws));
  const stdout = new TerminalOutput(target.cols, target.rows, handlers.output);
  const stdin = new PassThrough();
  let ended = false;
  const end = (e: ExecEnd): void => {
    if (ended) return;
    ended = true;
    handlers.end(e);
  };
  try {
    await new Exec(config, handler).exec(target.namespace, target.pod, target.container, target.command, stdout, null, stdin, true, (status) => end(execEndFromStatus(status)));
  } catch (error) {
    if (error instanceof KubeApiError) throw error;
    throw errorFromNetwork(error, new URL(config.getCurrentCluster()?.server ?? 'https://unknown').origin);
  }
  // The status channel (when the process exits) comes before the close; a close without it means the connection went.
  socket?.on('close', () => end({ kind: 'closed' }));
  return {
    write: (data) => void stdin.write(data),
    resize(cols, rows) {
      stdout.columns = cols;
      stdout.rows = rows;
      stdout.emit('resize');
    },
    pause: () => socket?.pause(),
    resume: () => socket?.resume(),
    close() {
      stdin.end();
      socket?.close();
    },
  };
}
