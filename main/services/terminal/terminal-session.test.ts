import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { HIGH_WATERMARK_BYTES } from './flow-control';
import { TerminalSessions } from './terminal-sessions';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', TERM: 'xterm-256color', HOME: process.env.HOME ?? '/tmp' };

/**
 * Sessions with one attached page, `test`, that records each batch. `acks: 'at-once'` acknowledges
 * each batch as it arrives (a page that keeps up); `'by-hand'` leaves it to the test.
 */
function harness(acks: 'at-once' | 'by-hand' = 'at-once') {
  const outputs: Buffer[] = [];
  const exits: Array<{ exitCode: number | null; signal: string | null }> = [];
  const sessions = new TerminalSessions({ exit: (e) => exits.push(e) });
  const sh = (script: string, completeOutput = false, unwatchedAfterMs = 10_000) => {
    const session = sessions.start({ file: '/bin/sh', args: ['-c', script], env, cwd: '/tmp', killGraceMs: 500, completeOutput, unwatchedAfterMs });
    sessions.attach(session.id, {
      id: 'test',
      output: ({ data }) => {
        outputs.push(Buffer.from(data));
        if (acks === 'at-once') session.ack('test', data.length);
      },
    });
    return session;
  };
  const count = () => outputs.reduce((n, o) => n + o.length, 0);
  return { sessions, outputs, exits, sh, count, text: () => Buffer.concat(outputs).toString('utf8') };
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
      expect(await s.exited).toEqual({ exitCode: 4, signal: null });
      expect(h.count()).toBe(300000);
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
    expect(h.sessions.attach(s.id, { id: 'late', output: () => undefined })?.data).toContain('Password: ');
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

  it('pauses a fast printer while output is unacknowledged and finishes once acknowledged', async () => {
    const h = harness('by-hand');
    const total = 8 * HIGH_WATERMARK_BYTES;
    const s = h.sh(`head -c ${total} /dev/zero | tr '\\0' x`, true);
    // Without acknowledgements the printer stalls near the high watermark (plus what the kernel buffers).
    for (let waited = 0; !s.isPaused && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(s.isPaused).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    const stalledAt = h.count();
    expect(s.isRunning).toBe(true);
    expect(stalledAt).toBeLessThan(2 * HIGH_WATERMARK_BYTES);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.count()).toBe(stalledAt);
    // Acknowledge like the page does: each batch after it is parsed.
    let acked = 0;
    const pump = setInterval(() => {
      const sent = h.count();
      s.ack('test', sent - acked);
      acked = sent;
    }, 2);
    await s.exited;
    clearInterval(pump);
    // Every character arrives: the exit handshake keeps node-pty from dropping the tail.
    expect(h.count()).toBe(total);
  });

  it('gives a page that attaches mid-stream every byte exactly once: the replay, then live batches', async () => {
    const h = harness('at-once');
    const s = h.sh(`i=0; while [ $i -lt 20000 ]; do echo "line $i"; i=$((i+1)); done`, true);
    const late: Buffer[] = [];
    let replay: string | undefined;
    // Attach at a moment when output is waiting in the batcher (read, not yet sent as a batch).
    let read = 0;
    s.onData((text) => {
      read += Buffer.byteLength(text);
      queueMicrotask(() => {
        if (replay !== undefined || read <= h.count()) return;
        replay = h.sessions.attach(s.id, { id: 'late', output: ({ data }) => void late.push(Buffer.from(data)) })?.data ?? '';
      });
    });
    await s.exited;
    expect(replay).toBeDefined();
    const seen = (replay ?? '') + Buffer.concat(late).toString('utf8');
    expect(seen).toBe(h.text());
  });

  it('is paced by the slowest attached page, and runs on when that page goes away', async () => {
    const h = harness('at-once');
    const total = 8 * HIGH_WATERMARK_BYTES;
    const s = h.sh(`head -c ${total} /dev/zero | tr '\\0' x`, true);
    let slowGot = 0;
    h.sessions.attach(s.id, { id: 'slow', output: ({ data }) => (slowGot += data.length) });
    for (let waited = 0; !s.isPaused && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(s.isPaused).toBe(true);
    // The fast page has acknowledged everything; the slow one holds the PTY.
    expect(s.unacknowledged).toBe(slowGot);
    expect(h.count()).toBeLessThan(2 * HIGH_WATERMARK_BYTES);
    h.sessions.detachEverywhere('slow');
    expect(s.isPaused).toBe(false);
    await s.exited;
    expect(h.count()).toBe(total);
  });

  it('runs on when no page acknowledges for a while (nobody is looking), and counts again from the next ack', async () => {
    const h = harness('by-hand');
    const total = 30 * HIGH_WATERMARK_BYTES;
    const s = h.sh(`head -c ${total} /dev/zero | tr '\\0' z`, true, 300);
    for (let waited = 0; !s.isPaused && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(s.isPaused).toBe(true);
    for (let waited = 0; !s.isUnwatched && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(s.isUnwatched).toBe(true);
    expect(s.isPaused).toBe(false);
    // A page shows up again: counting starts afresh.
    s.ack('test', 0);
    expect(s.isUnwatched).toBe(false);
    await s.exited;
    expect(h.count()).toBe(total);
    expect(s.isUnwatched).toBe(true);
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
