import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { TerminalState } from './terminal-state';

const COLS = 30;
const ROWS = 6;
const HISTORY = 50;

/** Every line of a terminal's buffer (history and screen), the cursor and the current colour of the first screen cell. */
async function shown(data: string) {
  const term = new Terminal({ cols: COLS, rows: ROWS, scrollback: HISTORY, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(data, resolve));
  const buffer = term.buffer.active;
  return {
    lines: Array.from({ length: buffer.length }, (_, y) => buffer.getLine(y)?.translateToString(true) ?? ''),
    cursor: [buffer.cursorX, buffer.cursorY],
    colour: buffer.getLine(buffer.baseY)?.getCell(0)?.getFgColor(),
  };
}

/** A batch as the PTY hands it over: reads of `size` bytes, cut anywhere (inside a line, a character). */
const reads = (text: string, size = 97) => {
  const bytes = Buffer.from(text, 'utf8');
  return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
};

/**
 * Pushes `pieces` as batches (after `first`, once main has parsed it, as output that came a moment
 * earlier), then reads the full state once main has parsed what it needs.
 */
async function stateAfter(pieces: string[], first?: string) {
  const state = new TerminalState(COLS, ROWS, HISTORY);
  if (first !== undefined) {
    state.push(reads(first));
    await new Promise<void>((resolve) => state.settled(resolve));
  }
  for (const piece of pieces) state.push(reads(piece));
  const snapshot = await new Promise<string>((resolve) => state.settled(() => resolve(state.snapshot().data)));
  return { shown: await shown(snapshot), skipped: state.skipped };
}

const numbered = (from: number, to: number, width = 1) =>
  Array.from({ length: to - from }, (_, i) => `${'line'.padEnd(width, '.')} ${from + i}\r\n`).join('');

describe('TerminalState', () => {
  it('drops plain lines no terminal could still show, and shows exactly what parsing every byte shows', async () => {
    // A screen with content and the cursor mid-screen first (not plain: coloured, cursor moved),
    // then a plain flood in batches, some lines wider than the terminal (they wrap).
    const before = '\x1b[2J\x1b[Hold screen row 0\r\nold row 1 with more text\r\n\x1b[33mstill yellow\x1b[2;5H';
    const flood = [numbered(0, 400), numbered(400, 800, 40), numbered(800, 1200), 'partial last li', 'ne, no line end'];
    const { shown: fromState, skipped } = await stateAfter(flood, before);
    const everyByte = await shown([before, ...flood].join(''));
    expect(skipped).toBeGreaterThan(10_000);
    expect(fromState.lines).toEqual(everyByte.lines);
    expect(fromState.cursor).toEqual(everyByte.cursor);
    expect(fromState.colour).toBe(everyByte.colour);
  });

  it('keeps everything while plain output is fewer lines than the history plus two screens', async () => {
    const { shown: fromState, skipped } = await stateAfter([numbered(0, 30), numbered(30, HISTORY + 2 * ROWS - 1)]);
    expect(skipped).toBe(0);
    expect(fromState.lines).toEqual((await shown(numbered(0, HISTORY + 2 * ROWS - 1))).lines);
  });

  it('skips nothing inside a scroll region or on the alternate screen (rows outside them stay)', async () => {
    for (const setup of ['\x1b[2;4r\x1b[3;1H', '\x1b[?1049h\x1b[H']) {
      const pieces = [`top line\r\n${setup}`, numbered(0, 300), numbered(300, 600)];
      const { shown: fromState, skipped } = await stateAfter(pieces.slice(1), pieces[0]);
      expect(skipped, JSON.stringify(setup)).toBe(0);
      expect(fromState.lines).toEqual((await shown(pieces.join(''))).lines);
    }
  });

  it('parses what follows plain output after it, in order', async () => {
    const pieces = [numbered(0, 500), '\x1b[31mred\x1b[0m\r\n', numbered(500, 1000), '\x1b[1;1Htop'];
    const { shown: fromState, skipped } = await stateAfter(pieces);
    expect(skipped).toBeGreaterThan(0);
    expect(fromState.lines).toEqual((await shown(pieces.join(''))).lines);
  });

  it('skips nothing while a string sequence cut by a read is open (its end may come in plain text)', async () => {
    // The title's end is in the next read; a terminal takes everything up to BEL as the title.
    const first = 'before\r\n\x1b]0;a title that go';
    const pieces = [`es on\x07${numbered(0, 400)}`, numbered(400, 800)];
    const { shown: fromState } = await stateAfter(pieces, first);
    expect(fromState.lines).toEqual((await shown(first + pieces.join(''))).lines);
  });
});
