import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { ScreenMirror } from './screen-mirror';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const written = (mirror: ScreenMirror, text: string) => new Promise<void>((resolve) => mirror.write(bytes(text), resolve));

/** What a fresh terminal of the same size shows after writing `data`. */
async function shown(data: string, cols = 40, rows = 5) {
  const term = new Terminal({ cols, rows, scrollback: 100, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(data, resolve));
  const buffer = term.buffer.active;
  const all = Array.from({ length: buffer.length }, (_, y) => buffer.getLine(y)?.translateToString(true) ?? '');
  const cell = buffer.getLine(buffer.baseY)?.getCell(0);
  return { all, cursor: [buffer.cursorX, buffer.cursorY], firstFg: cell?.getFgColor() };
}

describe('ScreenMirror', () => {
  it("gives a state that shows what the terminal shows: history, screen, colours and cursor", async () => {
    const mirror = new ScreenMirror(40, 5, 100);
    const output = Array.from({ length: 12 }, (_, i) => `\x1b[3${i % 7}mline ${i}\x1b[0m\r\n`).join('') + 'prompt> ';
    await written(mirror, output);
    const { data, trimmed } = mirror.snapshot();
    expect(trimmed).toBe(false);
    const fromState = await shown(data);
    const fromOutput = await shown(output);
    expect(fromState.all).toEqual(fromOutput.all);
    expect(fromState.cursor).toEqual(fromOutput.cursor);
    expect(fromState.firstFg).toBe(fromOutput.firstFg);
  });

  it('says when the start of the output is not in the state (more history than kept or asked for)', async () => {
    const mirror = new ScreenMirror(40, 5, 10);
    await written(mirror, Array.from({ length: 12 }, (_, i) => `line ${i}\r\n`).join(''));
    expect(mirror.snapshot(3).trimmed).toBe(true);
    expect(mirror.snapshot().trimmed).toBe(false);
    await written(mirror, Array.from({ length: 20 }, (_, i) => `more ${i}\r\n`).join(''));
    expect(mirror.snapshot().trimmed).toBe(true);
  });

  it('counts what is not parsed yet and tells when all of it is', async () => {
    const mirror = new ScreenMirror(40, 5, 10);
    const order: string[] = [];
    mirror.write(bytes('a'.repeat(1000)), () => order.push('first'));
    mirror.write(bytes('b'.repeat(500)), () => order.push('second'));
    expect(mirror.pending).toBe(1500);
    await new Promise<void>((resolve) => mirror.whenParsed(resolve));
    expect(order).toEqual(['first', 'second']);
    expect(mirror.pending).toBe(0);
    let now = false;
    mirror.whenParsed(() => (now = true));
    expect(now).toBe(true);
  });

  it('runs a wait for what was written before it ahead of what is written after it: its snapshot holds exactly that output', async () => {
    const mirror = new ScreenMirror(40, 5, 10);
    mirror.write(bytes('\x1b[31mbefore\x1b[0m\r\n'), () => undefined);
    let snapshot = '';
    mirror.whenParsed(() => (snapshot = mirror.snapshot().data));
    // Output that comes while the first is being parsed: the page waiting for the state gets it after the state.
    mirror.write(bytes('\x1b[32mafter\x1b[0m\r\n'), () => undefined);
    await new Promise<void>((resolve) => mirror.whenParsed(resolve));
    expect(snapshot).toContain('before');
    expect(snapshot).not.toContain('after');
  });
});
