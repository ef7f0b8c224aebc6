export { TerminalSessions, type TerminalDeps, type TerminalViewer } from './terminal-sessions';
export { TerminalSession, type SessionExit, type SessionOptions } from './terminal-session';
export { ptyEnv } from './pty-env';
export { HIGH_WATERMARK_BYTES, LOW_WATERMARK_BYTES } from './flow-control';
export { BATCH_INTERVAL_MS, BATCH_MAX_BYTES } from './output-batcher';
