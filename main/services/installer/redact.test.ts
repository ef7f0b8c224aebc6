import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redact } from './redact';
import { listRunLogs, pruneRunLogs, readRunLog, RunLog } from './run-log';

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlLXBhcnQ';

describe('redact', () => {
  it('removes service-account tokens, kubeconfig credentials and join tokens', () => {
    expect(redact(`Use the following token to login:\n${JWT}\n`)).toBe('Use the following token to login:\n[token redacted]\n');
    expect(redact('    client-key-data: S0VZCg==')).toBe('    client-key-data: [redacted]');
    expect(redact('  user: {token: abc123}')).toBe('  user: {token: [redacted]}');
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redact('microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6 --worker')).toBe(
      'microk8s join 10.0.0.241:25000/[join token redacted]/2618bff96bd6 --worker',
    );
  });

  it('leaves ordinary output alone', () => {
    const line = 'Download snap "microk8s" (7731) from channel "1.32/stable"  26% 1.74MB/s 1m18s';
    expect(redact(line)).toBe(line);
  });
});

describe('RunLog', () => {
  it('writes timestamped plain lines with secrets redacted, even when a token is split across reads', () => {
    const folder = mkdtempSync(join(tmpdir(), 'berth-log-'));
    const log = new RunLog(folder, { runId: 'r1', kind: 'install', startedAt: Date.UTC(2026, 0, 1) });
    log.note('step dashboard: $ microk8s dashboard-proxy');
    log.output('Use the following token to login:\r\n' + JWT.slice(0, 20));
    log.output(JWT.slice(20) + '\r\n\u001b[31mred\u001b[0m\r\n');
    log.output('\r 10%\r 50%\r100% done\n');
    log.finish('succeeded');
    const text = readRunLog(folder, 'r1').text;
    expect(text).not.toContain(JWT.slice(0, 30));
    expect(text).toMatch(/\[2\S+Z\] {3}\[token redacted\]\n/);
    expect(text).toContain('   red\n');
    expect(text).toContain('   100% done\n');
    expect(text).not.toContain('\u001b');
    expect(text).toMatch(/run succeeded\n$/);
    expect(listRunLogs(folder)).toEqual([{ runId: 'r1', kind: 'install', startedAt: Date.UTC(2026, 0, 1), state: 'succeeded', path: log.path }]);
    expect(readFileSync(log.path, 'utf8')).toBe(text);
  });

  it('writes output lines a moment after they come (not per read), whole lines only, the rest at the step end', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'berth-log-'));
    const log = new RunLog(folder, { runId: 'r2', kind: 'install', startedAt: Date.UTC(2026, 0, 1) });
    for (let i = 0; i < 1000; i++) log.output(`line ${i}\r\n`);
    log.output('half a li');
    expect(readRunLog(folder, 'r2').text).not.toContain('line 0');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const written = readRunLog(folder, 'r2').text;
    expect(written).toContain('   line 999\n');
    expect(written).not.toContain('half a li');
    log.output('ne\r\n');
    log.flushOutput();
    expect(readRunLog(folder, 'r2').text).toContain('   half a line\n');
  });

  it('says plainly when a run has no log', () => {
    expect(() => readRunLog(mkdtempSync(join(tmpdir(), 'berth-log-')), 'nope')).toThrow(/No log for run/);
  });

  it('keeps only the newest runs when pruning', () => {
    const folder = mkdtempSync(join(tmpdir(), 'berth-log-'));
    for (let i = 0; i < 5; i++) new RunLog(folder, { runId: `r${i}`, kind: 'install', startedAt: Date.UTC(2026, 0, 1, i) }).finish('succeeded');
    pruneRunLogs(folder, 2);
    expect(listRunLogs(folder).map((e) => e.runId)).toEqual(['r4', 'r3']);
    expect(readdirSync(folder)).toHaveLength(4);
  });
});

describe('redact, pre-checked', () => {
  it('still catches every rule in any case the rule allows, in a block with other lines', () => {
    const block = (line: string) => `ordinary line\n${line}\nanother ordinary line`;
    expect(redact(block('  TOKEN: abc123'))).toBe(block('  TOKEN: [redacted]'));
    expect(redact(block('Password: hunter2'))).toBe(block('Password: [redacted]'));
    expect(redact(block('  Client-Certificate-Data: QUJD'))).toBe(block('  Client-Certificate-Data: [redacted]'));
    expect(redact(block('kubectl --token=abc.def get pods'))).toBe(block('kubectl --token=[redacted] get pods'));
    expect(redact(block(`x ${JWT} y`))).toBe(block('x [token redacted] y'));
  });
});

describe('RunLog after the run ended', () => {
  it('still takes notes (a retry, a stopped dashboard) in the same transcript', () => {
    const folder = mkdtempSync(join(tmpdir(), 'berth-log-'));
    const log = new RunLog(folder, { runId: 'r9', kind: 'install', startedAt: Date.UTC(2026, 0, 1) });
    log.output('first line\r\n');
    log.finish('failed');
    log.note('retry from step addons');
    log.output('second line\r\n');
    log.finish('succeeded');
    const text = readRunLog(folder, 'r9').text;
    expect(text.split('\n').filter(Boolean).map((line) => line.replace(/^\[\S+\] */, ''))).toEqual(['# Berth install run r9, started 2026-01-01T00:00:00.000Z', 'first line', 'run failed', 'retry from step addons', 'second line', 'run succeeded']);
  });
});

describe('reading a long log a part at a time', () => {
  it('gives the end first, in whole lines, then each earlier part before it, until the beginning', () => {
    const folder = mkdtempSync(join(tmpdir(), 'berth-log-'));
    const log = new RunLog(folder, { runId: 'big', kind: 'install', startedAt: Date.UTC(2026, 0, 1) });
    for (let i = 0; i < 5_000; i++) log.output(`line ${i} grün ✓ ${'x'.repeat(i % 40)}\r\n`);
    log.finish('succeeded');
    const whole = readFileSync(log.path, 'utf8');
    const size = Buffer.byteLength(whole);

    const last = readRunLog(folder, 'big', undefined, 4096);
    expect(last.size).toBe(size);
    expect(last.start).toBeGreaterThan(size - 4096);
    expect(last.text.endsWith('run succeeded\n')).toBe(true);
    // It starts at a line's start.
    expect(Buffer.from(whole)[last.start - 1]).toBe(0x0a);

    // Walking back to the beginning gives the whole log, each byte once.
    const parts = [last];
    while ((parts[0] as { start: number }).start > 0) parts.unshift(readRunLog(folder, 'big', (parts[0] as { start: number }).start, 4096));
    expect(parts.map((p) => p.text).join('')).toBe(whole);
    expect(parts.length).toBeGreaterThan(size / 4096);
  });

  it('cuts one line longer than a part at a whole character, and gives a short log whole', () => {
    const folder = mkdtempSync(join(tmpdir(), 'berth-log-'));
    const log = new RunLog(folder, { runId: 'wide', kind: 'install', startedAt: Date.UTC(2026, 0, 1) });
    log.output(`${'ä'.repeat(5_000)}\r\n`);
    log.finish('succeeded');
    const whole = readFileSync(log.path, 'utf8');
    let before: number | undefined;
    const texts: string[] = [];
    do {
      const part = readRunLog(folder, 'wide', before, 1001);
      expect(part.text).not.toContain('\ufffd');
      texts.unshift(part.text);
      before = part.start;
    } while (before > 0);
    expect(texts.join('')).toBe(whole);
    expect(readRunLog(folder, 'wide')).toEqual({ text: whole, start: 0, size: Buffer.byteLength(whole) });
  });
});
