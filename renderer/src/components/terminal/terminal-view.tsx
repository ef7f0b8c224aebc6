import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useEffectEvent, useImperativeHandle, useRef, type Ref } from 'react';
import { api } from '../../api';
import { useConnectionState } from '../../app/use-connection-state';
import { terminalFlow } from './terminal-flow';
import './terminal.css';

export interface TerminalHandle {
  focus(): void;
}

interface TerminalViewProps {
  /** The session to show; none shows an empty terminal. */
  sessionId: string | undefined;
  /** Names the terminal for assistive technology, e.g. "Output of Install the microk8s snap". */
  label: string;
  /** Every piece of output shown, replay included (e.g. to notice a password prompt). */
  onOutput?: (data: string) => void;
  ref?: Ref<TerminalHandle>;
}

const THEME = { background: '#111418', foreground: '#e6e8eb', cursor: '#e6e8eb', selectionBackground: '#3a4d6b' };
const TRIMMED_NOTICE = '\x1b[2m[earlier output was trimmed; the full output is in the log]\x1b[0m\r\n';

/**
 * xterm.js showing one terminal session. It knows nothing of processes: it writes the session's
 * output (replay first, then live), forwards what the person types and the terminal size, and
 * acknowledges output once xterm has parsed it (through the page's output flow).
 */
export function TerminalView({ sessionId, label, onOutput, ref }: TerminalViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const sessionRef = useRef<string | undefined>(undefined);
  const emitOutput = useEffectEvent((data: string) => onOutput?.(data));
  // After a lost connection (web host restarted, network blip) output may have been missed:
  // attach afresh, with a replay, once it is back.
  const connected = useConnectionState() === 'open';

  useImperativeHandle(ref, () => ({ focus: () => termRef.current?.focus() }), []);

  // One xterm for the component's life; sessions come and go below.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const term = new Terminal({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      scrollback: 5_000,
      cursorBlink: true,
      theme: THEME,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(container);
    // Tab leaves the terminal, so keyboard users are never trapped in it (install steps never
    // need Tab completion).
    term.attachCustomKeyEventHandler((event) => event.key !== 'Tab');
    const input = term.onData((data) => {
      const id = sessionRef.current;
      if (id) void api.terminal.input({ sessionId: id, data }).catch(() => undefined);
    });
    const resize = term.onResize(({ cols, rows }) => {
      const id = sessionRef.current;
      if (id) void api.terminal.resize({ sessionId: id, cols, rows }).catch(() => undefined);
    });
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // A hidden container measures 0; keep the last good size.
        if (container.clientWidth > 0 && container.clientHeight > 0) fit.fit();
      });
    });
    observer.observe(container);
    fit.fit();
    termRef.current = term;
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      input.dispose();
      resize.dispose();
      termRef.current = null;
      term.dispose();
    };
  }, []);

  useEffect(() => {
    const term = termRef.current;
    sessionRef.current = sessionId;
    if (!term || !connected) return;
    term.reset();
    if (!sessionId) return;
    let replaying = true;
    let cancelled = false;
    const detach = terminalFlow().attach(sessionId, (data, parsed) => {
      // Output that arrives before the replay answer is part of it (both travel in order on one
      // channel): acknowledge it without writing it twice.
      if (replaying) {
        parsed();
        return;
      }
      term.write(data, parsed);
      emitOutput(data);
    });
    api.terminal.replay({ sessionId }).then(
      ({ data, truncated }) => {
        if (cancelled) return;
        term.reset();
        if (truncated) term.write(TRIMMED_NOTICE);
        term.write(data);
        replaying = false;
        emitOutput(data);
        void api.terminal.resize({ sessionId, cols: term.cols, rows: term.rows }).catch(() => undefined);
      },
      (error: unknown) => {
        if (cancelled) return;
        replaying = false;
        term.write(`\x1b[2m[could not load this step's earlier output: ${error instanceof Error ? error.message : String(error)}]\x1b[0m\r\n`);
      },
    );
    return () => {
      cancelled = true;
      detach();
    };
  }, [sessionId, connected]);

  return <div className="terminal-view" ref={containerRef} role="region" aria-label={label} />;
}
