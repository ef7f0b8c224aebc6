import { useMemo, type Ref } from 'react';
import { api } from '../../api';
import { terminalFlow } from './terminal-flow';
import { XtermView, type TerminalHandle, type TerminalSource } from './xterm-view';

export type { TerminalHandle, TerminalSource, TerminalStreamView } from './xterm-view';
export { XtermView } from './xterm-view';

/** A terminal session in main (`terminal.*`) as a source for the terminal view. */
export function sessionSource(sessionId: string): TerminalSource {
  return {
    key: sessionId,
    open: (view) => terminalFlow().attach(sessionId, view),
    input: (data) => void api.terminal.input({ sessionId, data }).catch(() => undefined),
    resize: (cols, rows) => void api.terminal.resize({ sessionId, cols, rows }).catch(() => undefined),
  };
}

interface TerminalViewProps {
  /** The session to show; none shows an empty terminal. */
  sessionId: string | undefined;
  label: string;
  onOutput?: (text: string) => void;
  ref?: Ref<TerminalHandle>;
}

/** xterm.js showing one of main's terminal sessions (an install step). */
export function TerminalView({ sessionId, ...props }: TerminalViewProps) {
  const source = useMemo(() => (sessionId ? sessionSource(sessionId) : undefined), [sessionId]);
  return <XtermView source={source} {...props} />;
}
