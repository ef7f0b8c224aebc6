export { TerminalSessions, type TerminalDeps } from './terminal-sessions';
export { TerminalSession, type SessionExit, type SessionOptions } from './terminal-session';
export { ptyEnv } from './pty-env';
export { HIGH_WATERMARK_CHARS, LOW_WATERMARK_CHARS } from './flow-control';
export { BATCH_INTERVAL_MS, BATCH_MAX_CHARS } from './output-batcher';
