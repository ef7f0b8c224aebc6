import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { ShellExit } from '../../../../main/contract';
import { api } from '../../api';
import './shell.css';

// xterm.js for a pod shell. The installer's TerminalView (components/terminal) is tied to the
// terminal.* calls of PTY sessions and keeps Tab out of the terminal; a shell needs Tab for
// completion and its own calls, so this is a small view of its own over the same xterm setup.

const THEME = { background: '#111418', foreground: '#e6e8eb', cursor: '#e6e8eb', selectionBackground: '#3a4d6b' };

export interface ShellTerminalProps {
  namespace: string;
  pod: string;
  container: string;
  label: string;
  onStarted: (shell: string) => void;
  onFailed: (message: string, hint: string | undefined) => void;
  onExit: (exit: ShellExit) => void;
  /** Ctrl+] leaves the terminal (Tab and Escape belong to the shell). */
  onLeave: () => void;
}

/** Starts one shell session when mounted and closes it when unmounted. */
export function ShellTerminal({ namespace, pod, container, label, onStarted, onFailed, onExit, onLeave }: ShellTerminalProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const started = useEffectEvent(onStarted);
  const failed = useEffectEvent(onFailed);
  const exited = useEffectEvent(onExit);
  const leave = useEffectEvent(onLeave);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const term = new Terminal({ fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace', fontSize: 13, scrollback: 5_000, cursorBlink: true, theme: THEME });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    term.attachCustomKeyEventHandler((e) => {
      if (e.type === 'keydown' && e.ctrlKey && e.key === ']') {
        leave();
        return false;
      }
      return true;
    });
    let sessionId: string | null = null;
    let closed = false;
    // Acknowledge what xterm has written (its write callback), gathered for a few milliseconds so
    // a flood of output is not answered with a call per batch; main pauses the exec while too much
    // is unacknowledged.
    let written = 0;
    let ackTimer = 0;
    const ack = (chars: number): void => {
      written += chars;
      ackTimer ||= window.setTimeout(() => {
        ackTimer = 0;
        const id = sessionId;
        if (id && written > 0) void api.shell.ack({ sessionId: id, chars: written }).catch(() => undefined);
        written = 0;
      }, 20);
    };
    const offOutput = api.on('shell.output', (o) => {
      if (o.sessionId === sessionId) term.write(o.data, () => ack(o.data.length));
    });
    const offExit = api.on('shell.exit', (e) => {
      if (e.sessionId !== sessionId) return;
      sessionId = null;
      term.write(`\r\n\x1b[2m[${e.exitCode !== null ? `the shell exited with code ${e.exitCode}` : (e.message ?? 'the session ended')}]\x1b[0m\r\n`);
      exited(e);
    });
    const input = term.onData((data) => {
      if (sessionId) void api.shell.input({ sessionId, data }).catch(() => undefined);
    });
    const resize = term.onResize(({ cols, rows }) => {
      if (sessionId) void api.shell.resize({ sessionId, cols, rows }).catch(() => undefined);
    });
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (el.clientWidth > 0 && el.clientHeight > 0) fit.fit();
      });
    });
    observer.observe(el);
    term.write(`\x1b[2mConnecting to ${pod} (${container})…\x1b[0m\r\n`);
    api.shell.start({ namespace, pod, container, cols: term.cols, rows: term.rows }).then(
      (s) => {
        if (closed) {
          void api.shell.close({ sessionId: s.sessionId }).catch(() => undefined);
          return;
        }
        sessionId = s.sessionId;
        started(s.shell);
        term.focus();
      },
      (error: unknown) => {
        if (closed) return;
        const message = error instanceof Error ? error.message : String(error);
        term.write(`\x1b[31m${message.replace(/\n/g, '\r\n')}\x1b[0m\r\n`);
        failed(message, (error as { hint?: string }).hint);
      },
    );
    return () => {
      closed = true;
      if (sessionId) void api.shell.close({ sessionId }).catch(() => undefined);
      cancelAnimationFrame(frame);
      window.clearTimeout(ackTimer);
      observer.disconnect();
      offOutput();
      offExit();
      input.dispose();
      resize.dispose();
      term.dispose();
    };
  }, [namespace, pod, container]);

  return <div className="shell-terminal" ref={containerRef} role="region" aria-label={label} />;
}
