import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { InstallRun, LogEntry } from '../../contract';
import { redact } from './redact';
import { plainText } from './transcript-text';

const stamp = (at: number) => new Date(at).toISOString();
const OUTPUT_FLUSH_MS = 200;
const PENDING_LIMIT = 64 * 1024;

/**
 * The transcript of one run in the app's data folder: every step's command, output (as text lines,
 * timestamped, secrets redacted) and result. Typed input is never given to it. A small JSON file
 * beside it says what the run was, for the list of logs.
 */
export class RunLog {
  readonly path: string;
  private readonly metaPath: string;
  /** Output not written yet, as it came (joined once, when written). */
  private pending: string[] = [];
  private pendingLength = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  /** The transcript, open while the run writes to it (closed by `finish`; a later note opens it again). */
  private fd: number | undefined;

  constructor(
    folder: string,
    private readonly run: Pick<InstallRun, 'runId' | 'kind' | 'startedAt'>,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const base = `${stamp(run.startedAt).replace(/[:.]/g, '-')}-${run.kind}-${run.runId}`;
    this.path = join(folder, `${base}.log`);
    this.metaPath = join(folder, `${base}.json`);
    writeFileSync(this.path, `# Berth ${run.kind} run ${run.runId}, started ${stamp(run.startedAt)}\n`, { mode: 0o600 });
    this.saveMeta('running');
  }

  note(text: string): void {
    this.flushOutput();
    this.append(`[${stamp(this.now())}] ${redact(text)}\n`);
  }

  /**
   * Terminal output; written a whole line at a time so a token split across reads is still
   * caught, and a few times a second (or per 64 KB) rather than per read: a flood makes ~250 reads
   * per MB, and a write per read cost a file append each. Lines carry the time they were written
   * (at most OUTPUT_FLUSH_MS after they came).
   */
  output(chunk: string): void {
    if (chunk.length === 0) return;
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength >= PENDING_LIMIT) this.writeWholeLines();
    else
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = undefined;
        this.writeWholeLines();
      }, OUTPUT_FLUSH_MS).unref();
  }

  flushOutput(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const text = this.takePending();
    if (text.length > 0) this.writeLines(text);
  }

  private writeWholeLines(): void {
    const text = this.takePending();
    const lastNewline = text.lastIndexOf('\n');
    // A line without an end (a progress bar redrawing for minutes) is written once it grows large.
    const cut = lastNewline >= 0 ? lastNewline + 1 : text.length >= PENDING_LIMIT ? text.length : 0;
    if (cut > 0) this.writeLines(cut === text.length ? text : text.slice(0, cut));
    if (cut < text.length) {
      this.pending = [text.slice(cut)];
      this.pendingLength = text.length - cut;
    }
  }

  private takePending(): string {
    const text = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    return text;
  }

  finish(state: InstallRun['state']): void {
    this.flushOutput();
    this.append(`[${stamp(this.now())}] run ${state}\n`);
    this.saveMeta(state);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private writeLines(text: string): void {
    // Redacted once for the block, before the timestamps go in (a pattern may not reach into them).
    const body = plainText(text);
    if (body === undefined) return;
    const prefix = `[${stamp(this.now())}]   `;
    this.append(`${prefix}${redact(body).replaceAll('\n', `\n${prefix}`)}\n`);
  }

  private append(text: string): void {
    this.fd ??= openSync(this.path, 'a', 0o600);
    const bytes = Buffer.from(text, 'utf8');
    // A write may take less than all of it (interrupted, a nearly full disk): write the rest.
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
  }

  private saveMeta(state: InstallRun['state']): void {
    const entry: LogEntry = { runId: this.run.runId, kind: this.run.kind, startedAt: this.run.startedAt, state, path: this.path };
    writeFileSync(this.metaPath, JSON.stringify(entry), { mode: 0o600 });
  }
}

/** The runs logged in `folder`, newest first. A damaged entry is skipped, not fatal. */
export function listRunLogs(folder: string): LogEntry[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const entries: LogEntry[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      const entry = JSON.parse(readFileSync(join(folder, name), 'utf8')) as LogEntry;
      if (typeof entry.runId === 'string' && typeof entry.path === 'string') entries.push(entry);
    } catch {
      // A half-written or foreign file: leave it out of the list.
    }
  }
  return entries.sort((a, b) => b.startedAt - a.startedAt);
}

/**
 * How much of a log one read returns. A step that floods its terminal makes a log of about 1.3
 * times its output (a 100 MB flood: 130 MB), which as one answer the page would have to take in
 * whole and lay out as one text: in Chromium here, 130 MiB of log lines in the log's <pre> took
 * 0.7 s to parse from JSON and 25 s to lay out, 1 MiB 7 and 307 ms. A person reads a log from its
 * end (where a run failed) and asks for earlier parts; half a MiB (about 4,000 lines) opens in
 * about 150 ms, and holds a whole ordinary install's log.
 */
export const LOG_CHUNK_BYTES = 512 * 1024;

/** Part of a saved log: `text` is the bytes from `start` to the end asked for, in whole lines where it was cut. */
export interface LogChunk {
  text: string;
  /** Where the text starts in the log (bytes): 0 once the log's beginning is in. */
  start: number;
  /** The log's size now (bytes). */
  size: number;
}

/** The end of a run's log, or (`before`: an earlier chunk's `start`) the part before it, at most `maxBytes`. */
export function readRunLog(folder: string, runId: string, before?: number, maxBytes = LOG_CHUNK_BYTES): LogChunk {
  const entry = listRunLogs(folder).find((e) => e.runId === runId);
  if (!entry) {
    throw Object.assign(new Error(`No log for run ${runId.slice(0, 40)}.`), { code: 'unknown-run', hint: 'Pick a run from the list of logs.' });
  }
  const fd = openSync(entry.path, 'r');
  try {
    const size = fstatSync(fd).size;
    const end = Math.min(before ?? size, size);
    const start = Math.max(0, end - maxBytes);
    const bytes = Buffer.alloc(end - start);
    for (let got = 0; got < bytes.length; ) {
      const read = readSync(fd, bytes, got, bytes.length - got, start + got);
      if (read === 0) break;
      got += read;
    }
    let from = 0;
    if (start > 0) {
      // Cut at a line's start; a chunk that is all one line's tail starts at a whole character.
      const newline = bytes.indexOf(0x0a);
      if (newline >= 0 && newline + 1 < bytes.length) from = newline + 1;
      else while (from < bytes.length && ((bytes[from] as number) & 0xc0) === 0x80) from++;
    }
    return { text: bytes.toString('utf8', from), start: start + from, size };
  } finally {
    closeSync(fd);
  }
}

/** Removes the logs of all but the newest `keep` runs (the transcript and its JSON). */
export function pruneRunLogs(folder: string, keep: number): void {
  for (const entry of listRunLogs(folder).slice(keep)) {
    rmSync(entry.path, { force: true });
    rmSync(entry.path.replace(/\.log$/, '.json'), { force: true });
  }
}
