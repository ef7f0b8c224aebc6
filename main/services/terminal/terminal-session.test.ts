import { execFileSync } from 'node:child_process';
import { Terminal } from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import { statePrefix } from '../../../renderer/src/components/terminal/state-prefix';
import { TerminalSessions } from './terminal-sessions';
import { BEHIND_BYTES } from './viewer-pacing';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', TERM: 'xterm-256color', HOME: process.env.HOME ?? '/tmp' };

/**
 * Sessions with one attached page, `test`, that records each batch (and each terminal state it is
 * sent instead: `states`). `acks: 'at-once'` acknowledges each batch as it arrives (a page that
 * keeps up); `'by-hand'` leaves it to the test.
 */
function harness(acks: 'at-once' | 'by-hand' = 'at-once') {
  const outputs: Buffer[] = [];
  const states: Buffer[] = [];
  /** What the page was sent, in order. */
  const received: Array<{ data: Buffer; replace: 'all' | 'screen' | undefined }> = [];
  const exits: Array<{ exitCode: number | null; signal: string | null }> = [];
  const sessions = new TerminalSessions({ exit: (e) => exits.push(e) });
  const sh = (script: string, completeOutput = false) => {
    const session = sessions.start({ file: '/bin/sh', args: ['-c', script], env, cwd: '/tmp', killGraceMs: 500, completeOutput });
    sessions.attach(session.id, {
      id: 'test',
      output: ({ data, replace }) => {
        received.push({ data: Buffer.from(data), replace });
        (replace ? states : outputs).push(Buffer.from(data));
        if (acks === 'at-once') session.ack('test', data.length);
      },
    });
    return session;
  };
  const count = () => outputs.reduce((n, o) => n + o.length, 0);
  return { sessions, outputs, states, received, exits, sh, count, text: () => Buffer.concat(outputs).toString('utf8') };
}

/** A terminal like the page's (xterm.js, the session's default size), to compare what pages end up showing. */
function screen() {
  const term = new Terminal({ cols: 100, rows: 30, scrollback: 5_000, allowProposedApi: true });
  const write = (data: string | Uint8Array) => new Promise<void>((resolve) => term.write(data, resolve));
  return {
    write,
    /** As the page's terminal view shows a terminal state (renderer/src/components/terminal/xterm-view.tsx). */
    replace: (data: Uint8Array, kind: 'all' | 'screen') => write(Buffer.concat([Buffer.from(statePrefix(kind)), data])),
    /** The screen's lines, as text. */
    lines: () => {
      const buffer = term.buffer.active;
      return Array.from({ length: term.rows }, (_, y) => buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '');
    },
    cursor: () => [term.buffer.active.cursorX, term.buffer.active.cursorY],
    /** Lines of history above the screen. */
    history: () => term.buffer.active.baseY,
  };
}

const until = async (condition: () => boolean, ms = 10_000) => {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const alive = (pid: number) => {
  const out = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  return out !== '' && !out.startsWith('Z');
};
const psAlive = (pid: number) => {
  try {
    return alive(pid);
  } catch {
    return false;
  }
};

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup) await fn();
  cleanup = [];
});

describe('TerminalSession through a real PTY', () => {
  it('streams output in batches and reports the exit code', async () => {
    const h = harness();
    const s = h.sh('printf "one\\n"; printf "two\\n"; exit 3');
    const exit = await s.exited;
    expect(exit).toEqual({ exitCode: 3, signal: null });
    expect(h.text()).toContain('one\r\ntwo\r\n');
    expect(h.exits).toEqual([{ sessionId: s.id, exitCode: 3, signal: null }]);
  });

  it('delivers the whole tail of a fast command that exits at once, with its exit code', async () => {
    for (let i = 0; i < 5; i++) {
      const h = harness('at-once');
      const s = h.sh(`head -c 300000 /dev/zero | tr '\\0' y; exit 4`, true);
      // Every byte reaches the step's listeners (its log, its checks); the page may get part of
      // it as the terminal's state instead (ViewerPacing).
      let read = 0;
      s.onData((text) => (read += text.length));
      expect(await s.exited).toEqual({ exitCode: 4, signal: null });
      expect(read).toBe(300000);
    }
  });

  it('never splits a UTF-8 character between batches', async () => {
    const h = harness('at-once');
    // 3-byte and 4-byte characters in a stream long enough to cross many reads and batches.
    const s = h.sh(`i=0; while [ $i -lt 3000 ]; do printf '✓é😀'; i=$((i+1)); done`, true);
    await s.exited;
    expect(h.outputs.length).toBeGreaterThan(0);
    // Each batch decodes on its own: none ends inside a character.
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const batch of h.outputs) expect(() => strict.decode(batch)).not.toThrow();
    expect(h.text() === '✓é😀'.repeat(3000)).toBe(true);
  });

  it('passes typed input to the process and replays what was printed', async () => {
    const h = harness();
    const s = h.sh('stty -echo; printf "Password: "; read line; stty echo; echo "got ${#line} chars"');
    // Type once the prompt is there (as a person does): before it, the shell may not have turned echo off yet.
    await until(() => h.text().includes('Password: '));
    expect(s.write('secret\r')).toBe(true);
    await s.exited;
    expect(h.text()).toContain('got 6 chars');
    expect(h.text()).not.toContain('secret');
    expect((await h.sessions.attach(s.id, { id: 'late', output: () => undefined }))?.data).toContain('Password: ');
    expect(s.write('late')).toBe(false);
  });

  it('keeps the echo of typed input out of what listeners (the log) see, while the page still gets it', async () => {
    const h = harness();
    const s = h.sh('printf "Range: "; read line; echo "done"');
    let logged = '';
    s.onData((d) => (logged += d));
    await until(() => h.text().includes('Range: '));
    s.write('10.64.140.43-10.64.140.49\r');
    await s.exited;
    expect(h.text()).toContain('Range: 10.64.140.43-10.64.140.49\r\ndone');
    expect(logged).toContain('Range: ');
    expect(logged).toContain('done');
    expect(logged).not.toContain('10.64.140.43');
  });

  it('never holds a command for a page that stops acknowledging: it gets nothing past BEHIND_BYTES behind, then the final state before the exit', async () => {
    const h = harness('by-hand');
    const total = 8 * BEHIND_BYTES;
    const s = h.sh(`head -c ${total} /dev/zero | tr '\\0' x; printf '\\nthe end\\n'`, true);
    const exit = await s.exited;
    expect(exit.exitCode).toBe(0);
    // Live batches while they kept the page within BEHIND_BYTES, then none.
    expect(h.count()).toBeGreaterThan(0);
    expect(h.count()).toBeLessThanOrEqual(BEHIND_BYTES);
    // The last thing it was sent, before the exit, is the terminal's end state.
    expect(h.received.at(-1)?.replace).toBe('all');
    expect(h.exits).toHaveLength(1);
    const page = screen();
    for (const { data, replace } of h.received) await (replace ? page.replace(data, replace) : page.write(data));
    // The x's wrap at 100 columns: the last row holds the rest.
    expect(page.lines().slice(-3)).toEqual(['x'.repeat(total % 100), 'the end', '']);
  });

  it('catches a page up that fell behind with the terminal state, then sends it live batches again; it ends up showing what a page that parsed every byte shows', async () => {
    const h = harness('by-hand');
    // ~3 MB of numbered lines with colours (more than a page 2 MiB behind can hold), a pause, a few more lines.
    const lines = (from: number, to: number) => `seq ${from} ${to} | awk '{ printf "\\033[3%dmline %d\\033[0m of output\\n", $1 % 7, $1 }'`;
    const s = h.sh(`${lines(0, 99_999)}; sleep 0.6; ${lines(100_000, 100_099)}; printf done`, true);
    let printed = 0;
    s.onData((text) => (printed += Buffer.byteLength(text)));
    // A slow page: it takes in nothing until it is behind (main skipped output for it: a PTY
    // carries awk's line-by-line writes at only ~4 MB/s), then all it got, and from then on keeps up.
    const got = () => h.received.reduce((n, r) => n + r.data.length, 0);
    await until(() => printed > h.count() + BEHIND_BYTES);
    let acked = 0;
    const pump = setInterval(() => {
      const now = got();
      s.ack('test', now - acked);
      acked = now;
    }, 20);
    cleanup.push(async () => clearInterval(pump));
    await s.exited;
    clearInterval(pump);
    const catchUps = h.received.map((r, i) => (r.replace ? i : -1)).filter((i) => i >= 0);
    expect(catchUps.length).toBeGreaterThan(0);
    // After a catch-up the page gets live batches again (unless the state was the last word).
    expect(catchUps.some((i) => h.received[i + 1] !== undefined && h.received[i + 1]?.replace === undefined)).toBe(true);
    // What it skipped was never sent to it.
    expect(h.count()).toBeLessThan(printed);
    const page = screen();
    for (const { data, replace } of h.received) await (replace ? page.replace(data, replace) : page.write(data));
    const everyByte = screen();
    for (let i = 100_071; i < 100_100; i++) await everyByte.write(`\x1b[3${i % 7}mline ${i}\x1b[0m of output\r\n`);
    await everyByte.write('done');
    expect(page.lines()).toEqual(everyByte.lines());
    expect(page.lines().at(-2)).toBe('line 100099 of output');
    expect(page.cursor()).toEqual(everyByte.cursor());
    // Catch-ups during the flood carry the screen only; once it settled the page got the recent history too.
    expect(page.history()).toBeGreaterThanOrEqual(1_000);
  });

  it('gives a page that attaches mid-stream the terminal state, then live batches: it shows what the first page shows', async () => {
    const h = harness('at-once');
    const s = h.sh(`i=0; while [ $i -lt 20000 ]; do echo "line $i"; i=$((i+1)); done`, true);
    const late: Buffer[] = [];
    let replay: Promise<{ data: string } | undefined> | undefined;
    // Attach while output is on its way (read, not yet sent as a batch).
    let read = 0;
    s.onData((text) => {
      read += Buffer.byteLength(text);
      queueMicrotask(() => {
        if (replay !== undefined || read <= h.count() || read < 100_000) return;
        replay = h.sessions.attach(s.id, { id: 'late', output: ({ data }) => void late.push(Buffer.from(data)) });
      });
    });
    await s.exited;
    expect(replay).toBeDefined();
    const first = screen();
    for (const data of h.outputs) await first.write(data);
    const second = screen();
    await second.write((await replay)?.data ?? '');
    for (const data of late) await second.write(data);
    expect(second.lines()).toEqual(first.lines());
    expect(first.lines().at(-2)).toBe('line 19999');
  });

  it('runs on when the only page goes away mid-flood, and a page attaching after the end gets the final state', async () => {
    const h = harness('by-hand');
    const total = 16 * BEHIND_BYTES;
    const s = h.sh(`head -c ${total} /dev/zero | tr '\\0' y; echo; echo finished`, true);
    await until(() => h.count() > 0);
    h.sessions.detachEverywhere('test');
    expect((await s.exited).exitCode).toBe(0);
    const after = await h.sessions.attach(s.id, { id: 'after', output: () => undefined });
    const page = screen();
    await page.write(after?.data ?? '');
    expect(page.lines().slice(-3)).toEqual(['y'.repeat(total % 100), 'finished', '']);
    // 84k rows of y's: far more than the 1,000 lines of history in the state.
    expect(after?.truncated).toBe(true);
  });

  it('kills the whole process tree on cancel, including a child that left the group', async () => {
    const h = harness();
    const s = h.sh('sleep 300 & setsid sleep 301 & trap "" TERM; echo started; sleep 302');
    cleanup.push(() => s.kill());
    await new Promise((r) => setTimeout(r, 300));
    expect(h.text()).toContain('started');
    // The step's own sleeps: descendants of the session's process (other tests or programs on
    // the machine may run a `sleep` of the same length at the same time).
    const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] ?? '' }));
    const descendants = new Set([s.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of table) {
        if (descendants.has(p.ppid) && !descendants.has(p.pid)) {
          descendants.add(p.pid);
          grew = true;
        }
      }
    }
    const tree = table.filter((p) => descendants.has(p.pid) && /^sleep 30[012]$/.test(p.args)).map((p) => p.pid);
    expect(tree.length).toBe(3);
    await s.kill();
    const exit = await s.exited;
    // The shell ignored SIGTERM, so it took the SIGKILL after the grace period.
    expect(exit.signal).toBe('SIGKILL');
    for (const pid of [s.pid, ...tree]) expect(psAlive(pid)).toBe(false);
  });
});
