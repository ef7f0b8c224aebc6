import '@xterm/xterm/css/xterm.css';
import type { Terminal } from '@xterm/xterm';
import { useEffect, useEffectEvent, useImperativeHandle, useRef, type Ref } from 'react';
import { useConnectionState } from '../../app/use-connection-state';
import { createTerminal } from './create-terminal';
import { statePrefix } from './state-prefix';
import { writeInPieces } from './write-in-pieces';
import './terminal.css';

export interface TerminalHandle {
  focus(): void;
}

/** What a source shows in the terminal, in order: the earlier output once, then each chunk. */
export interface TerminalStreamView {
  replay(data: string, truncated: boolean): void;
  /** Call `parsed` once the terminal has taken the chunk in (what flow control waits for). */
  output(data: Uint8Array | string, parsed: () => void): void;
  /**
   * The terminal's state, shown in place of everything so far (the source skipped output this page
   * could not keep up with): all of it, or the screen only (see state-prefix.ts).
   */
  replace(data: Uint8Array, parsed: () => void, kind: 'all' | 'screen'): void;
  failed(error: unknown): void;
}

/**
 * Anything a terminal can show and type into: an install step's PTY (sessionSource), a pod's
 * shell. The view knows nothing of processes.
 */
export interface TerminalSource {
  /** Identifies the stream: another key clears the terminal. */
  readonly key: string;
  /** Starts showing the stream in `view`; returns the function that stops it. */
  open(view: TerminalStreamView): () => void;
  /** What the person typed (never logged). */
  input(data: string): void;
  resize(cols: number, rows: number): void;
}

interface XtermViewProps {
  /** The stream to show; none shows an empty terminal. */
  source: TerminalSource | undefined;
  /** Names the terminal for assistive technology, e.g. "Output of Install the microk8s snap". */
  label: string;
  /** Every piece of output shown, as text, replay included (e.g. to notice a password prompt). */
  onOutput?: (text: string) => void;
  /**
   * Which keys the terminal takes (false: the page handles it). Default: all but Tab, so keyboard
   * users are never trapped (install steps need no completion); a shell passes its own (Tab for
   * completion, some other key to leave).
   */
  takesKey?: (event: KeyboardEvent) => boolean;
  ref?: Ref<TerminalHandle>;
}

const tabLeaves = (event: KeyboardEvent) => event.key !== 'Tab';

const TRIMMED_NOTICE = '\x1b[2m[earlier output was trimmed; the full output is in the log]\x1b[0m\r\n';
const CAUGHT_UP_NOTICE = '\x1b[2m[output came faster than the screen could draw it: skipped to the latest lines; the full output is in the log]\x1b[0m\r\n';

/** xterm.js showing one source: writes its output, forwards typing and the terminal's size. */
export function XtermView({ source, label, onOutput, takesKey = tabLeaves, ref }: XtermViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const sourceRef = useRef<TerminalSource | undefined>(undefined);
  const wantsText = onOutput !== undefined;
  const emitOutput = useEffectEvent((text: string) => onOutput?.(text));
  const keyFilter = useEffectEvent((event: KeyboardEvent) => takesKey(event));
  // After a lost connection (web host restarted, network blip) output may have been missed:
  // open the source afresh, with its replay, once it is back.
  const connected = useConnectionState() === 'open';

  useImperativeHandle(ref, () => ({ focus: () => termRef.current?.focus() }), []);

  // One xterm for the component's life; sources come and go below.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { term, fit, dispose } = createTerminal(container);
    term.attachCustomKeyEventHandler((event) => keyFilter(event));
    const input = term.onData((data) => sourceRef.current?.input(data));
    const resize = term.onResize(({ cols, rows }) => sourceRef.current?.resize(cols, rows));
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // A hidden container measures 0; keep the last good size.
        if (container.clientWidth > 0 && container.clientHeight > 0) fit();
      });
    });
    observer.observe(container);
    fit();
    termRef.current = term;
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      input.dispose();
      resize.dispose();
      termRef.current = null;
      dispose();
    };
  }, []);

  useEffect(() => {
    const term = termRef.current;
    sourceRef.current = source;
    if (!term || !connected) return;
    term.reset();
    if (!source) return;
    // Text for onOutput only when someone listens; a stream decoder keeps split characters whole.
    const decoder = new TextDecoder();
    const asText = (data: Uint8Array | string) => (typeof data === 'string' ? data : decoder.decode(data, { stream: true }));
    return source.open({
      replay(data, truncated) {
        term.reset();
        if (truncated) term.write(TRIMMED_NOTICE);
        writeInPieces(term, data);
        if (wantsText) emitOutput(data);
        source.resize(term.cols, term.rows);
      },
      output(data, parsed) {
        writeInPieces(term, data, parsed);
        if (wantsText) emitOutput(asText(data));
      },
      replace(data, parsed, kind) {
        // The notice heads the rebuilt history.
        term.write(kind === 'all' ? `${statePrefix(kind)}${CAUGHT_UP_NOTICE}` : statePrefix(kind));
        writeInPieces(term, data, parsed);
        if (wantsText) emitOutput(asText(data));
      },
      failed(error) {
        term.write(`\x1b[2m[could not load the earlier output: ${error instanceof Error ? error.message : String(error)}]\x1b[0m\r\n`);
      },
    });
  }, [source, connected, wantsText]);

  return <div className="terminal-view" ref={containerRef} role="region" aria-label={label} />;
}
