import type { ShellExit } from '../../../../main/contract';
import { api } from '../../api';
import type { TerminalSource, TerminalStreamView } from '../../components/terminal/xterm-view';

// A pod shell as a source for the terminal view (components/terminal/xterm-view): opening it
// starts an exec session at the terminal's size, output is acknowledged once xterm has parsed it
// (main pauses the exec while too much is unacknowledged), typing and resizes go to the session,
// and closing it ends the session.

export interface ShellTarget {
  namespace: string;
  pod: string;
  container: string;
}

export interface ShellEvents {
  started(shell: string): void;
  failed(message: string, hint: string | undefined): void;
  exited(exit: ShellExit): void;
}

const ACK_DELAY_MS = 20;

export function podShellSource(target: ShellTarget, attempt: number, events: ShellEvents): TerminalSource {
  let sessionId: string | null = null;
  let size = { cols: 80, rows: 24 };
  return {
    key: `${target.namespace}/${target.pod}/${target.container}#${attempt}`,
    open(view: TerminalStreamView) {
      let closed = false;
      // Acks gathered for a few milliseconds, so a flood is not answered with a call per batch.
      let written = 0;
      let ackTimer = 0;
      const ack = (chars: number): void => {
        written += chars;
        ackTimer ||= window.setTimeout(() => {
          ackTimer = 0;
          if (sessionId && written > 0) void api.shell.ack({ sessionId, chars: written }).catch(() => undefined);
          written = 0;
        }, ACK_DELAY_MS);
      };
      const note = (text: string): void => view.output(text, () => undefined);
      const offOutput = api.on('shell.output', (o) => {
        if (o.sessionId === sessionId) view.output(o.data, () => ack(o.data.length));
      });
      const offExit = api.on('shell.exit', (e) => {
        if (e.sessionId !== sessionId) return;
        sessionId = null;
        note(`\r\n\x1b[2m[${e.exitCode !== null ? `the shell exited with code ${e.exitCode}` : (e.message ?? 'the session ended')}]\x1b[0m\r\n`);
        events.exited(e);
      });
      // The view answers an (empty) replay with the terminal's size: the session starts at that size.
      view.replay('', false);
      note(`\x1b[2mConnecting to ${target.pod} (${target.container})…\x1b[0m\r\n`);
      api.shell.start({ ...target, cols: size.cols, rows: size.rows }).then(
        (s) => {
          if (closed) {
            void api.shell.close({ sessionId: s.sessionId }).catch(() => undefined);
            return;
          }
          sessionId = s.sessionId;
          events.started(s.shell);
        },
        (error: unknown) => {
          if (closed) return;
          const message = error instanceof Error ? error.message : String(error);
          note(`\x1b[31m${message.replace(/\n/g, '\r\n')}\x1b[0m\r\n`);
          events.failed(message, (error as { hint?: string }).hint);
        },
      );
      return () => {
        closed = true;
        window.clearTimeout(ackTimer);
        offOutput();
        offExit();
        if (sessionId) void api.shell.close({ sessionId }).catch(() => undefined);
        sessionId = null;
      };
    },
    input(data) {
      if (sessionId) void api.shell.input({ sessionId, data }).catch(() => undefined);
    },
    resize(cols, rows) {
      size = { cols, rows };
      if (sessionId) void api.shell.resize({ sessionId, cols, rows }).catch(() => undefined);
    },
  };
}
