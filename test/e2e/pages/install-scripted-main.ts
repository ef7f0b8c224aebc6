import type { Page, WebSocketRoute } from 'playwright-core';
import type { InstallRun, PreflightResult } from '../../../main/contract';
import { encodeTerminalOutput } from '../../../main/web/terminal-frame';

type Frame = { type: 'call'; id: number; channel: string; payload: Record<string, unknown> };
type Answer = (payload: Record<string, unknown>) => unknown;

/**
 * Stands in for the installer and terminal domains of main, inside the browser's WebSocket (the
 * rest, e.g. `app.info`, still reaches the real web host). The test scripts what main would say,
 * step by step, and reads back every call the page made: this pins the page's behaviour without
 * the timing of real processes. The end-to-end run against the stand-in tools is install.e2e.ts.
 */
export class ScriptedMain {
  readonly calls: Frame[] = [];
  private route: WebSocketRoute | undefined;
  private readonly answers = new Map<string, Answer>();
  private readonly replays = new Map<string, string>();

  constructor(
    public preflight: PreflightResult,
    public run: InstallRun | null = null,
  ) {
    this.answer('installer.preflight', () => this.preflight);
    this.answer('installer.current', () => ({ run: this.run }));
    this.answer('installer.logs', () => ({ logs: [], folder: '/tmp/berth/logs' }));
    this.answer('installer.readLog', () => ({ text: 'no log', start: 0, size: 6 }));
    this.answer('terminal.ack', () => ({}));
    this.answer('terminal.input', () => ({ accepted: true }));
    this.answer('terminal.resize', () => ({ resized: true }));
    this.answer('terminal.attach', (p) => ({ data: this.replays.get(String(p.sessionId)) ?? '', truncated: false }));
    this.answer('terminal.detach', () => ({}));
  }

  async install(page: Page): Promise<void> {
    await page.routeWebSocket(/\/api$/, (ws) => {
      const server = ws.connectToServer();
      this.route = ws;
      ws.onMessage((message) => {
        const frame = JSON.parse(String(message)) as Frame;
        if (!frame.channel.startsWith('installer.') && !frame.channel.startsWith('terminal.')) {
          server.send(message);
          return;
        }
        this.calls.push(frame);
        const answer = this.answers.get(frame.channel);
        try {
          if (!answer) throw Object.assign(new Error(`no scripted answer for ${frame.channel}`), { code: 'unknown-call' });
          ws.send(JSON.stringify({ type: 'result', id: frame.id, envelope: { ok: true, value: answer(frame.payload) } }));
        } catch (e) {
          const error = e as Error & { code?: string; hint?: string };
          ws.send(JSON.stringify({ type: 'result', id: frame.id, envelope: { ok: false, error: { name: 'Error', message: error.message, code: error.code, hint: error.hint } } }));
        }
      });
    });
  }

  answer(channel: string, answer: Answer): void {
    this.answers.set(channel, answer);
  }

  /** Main's word on the run: what `installer.run` would carry (and `installer.current` answers). */
  setRun(run: InstallRun): void {
    this.run = run;
    this.event('installer.run', run);
  }

  /** A session prints: kept for `terminal.attach`, and live to the page (a binary frame, as the web host sends it) once it is connected. */
  output(sessionId: string, data: string): void {
    this.replays.set(sessionId, (this.replays.get(sessionId) ?? '') + data);
    if (this.route) this.route.send(encodeTerminalOutput({ sessionId, data: Buffer.from(data, 'utf8') }));
  }

  /** Main sends the page the terminal's state in place of output it skipped (the page fell behind). */
  state(sessionId: string, data: string, kind: 'all' | 'screen' = 'all'): void {
    this.replays.set(sessionId, data);
    if (this.route) this.route.send(encodeTerminalOutput({ sessionId, data: Buffer.from(data, 'utf8'), replace: kind }));
  }

  event(event: string, payload: unknown): void {
    if (!this.route) throw new Error('the page has not connected yet');
    this.route.send(JSON.stringify({ type: 'event', event, payload }));
  }

  callsTo(channel: string): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.payload);
  }

  acked(sessionId: string): number {
    return this.callsTo('terminal.ack')
      .filter((p) => p.sessionId === sessionId)
      .reduce((sum, p) => sum + Number(p.bytes), 0);
  }

  typed(sessionId: string): string {
    return this.callsTo('terminal.input')
      .filter((p) => p.sessionId === sessionId)
      .map((p) => String(p.data))
      .join('');
  }
}
