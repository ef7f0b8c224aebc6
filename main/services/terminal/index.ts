export { TerminalSessions, type TerminalDeps, type TerminalViewer } from './terminal-sessions';
export { TerminalSession, type SessionExit, type SessionOptions } from './terminal-session';
export { ptyEnv } from './pty-env';
export { BEHIND_BYTES, CAUGHT_UP_BYTES } from './viewer-pacing';
export { BATCH_INTERVAL_MS, BATCH_MAX_BYTES } from './output-batcher';
