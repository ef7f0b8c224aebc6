import { SerializeAddon } from '@xterm/addon-serialize';
import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { statePrefix } from './state-prefix';

const written = (term: Terminal, data: string) => new Promise<void>((resolve) => term.write(data, resolve));
const terminal = () => new Terminal({ cols: 20, rows: 4, scrollback: 10, allowProposedApi: true });

/** What a page's terminal shows and how it behaves: screen lines, cursor, modes, colour of the next text. */
async function looks(term: Terminal) {
  const buffer = term.buffer.active;
  await written(term, 'Z');
  const cell = buffer.getLine(buffer.baseY + buffer.cursorY)?.getCell(buffer.cursorX - 1);
  return {
    screen: Array.from({ length: term.rows }, (_, y) => buffer.getLine(buffer.baseY + y)?.translateToString(true)),
    buffer: buffer.type,
    modes: term.modes,
    nextTextColour: cell?.getFgColor(),
  };
}

describe('statePrefix', () => {
  it("'screen' undoes whatever modes the page was left in, so the page then shows and behaves like main's terminal", async () => {
    // Main's terminal: plain state, one mode on.
    const main = terminal();
    const serializer = new SerializeAddon();
    main.loadAddon(serializer as never);
    await written(main, 'line 1\r\nline 2\r\n\x1b[?2004hprompt> ');
    const screen = serializer.serialize({ scrollback: 0 });
    // The page was left by output main's terminal has since moved past: alternate screen, modes, a
    // scroll region, red text.
    const page = terminal();
    await written(page, 'old\r\n\x1b[?1049h\x1b[?1h\x1b[?1000h\x1b[4h\x1b[2;3r\x1b[31mfull-screen program');
    await written(page, statePrefix('screen') + screen);
    expect(await looks(page)).toEqual(await looks(main));
  });

  it("'all' starts the page afresh", async () => {
    const page = terminal();
    await written(page, 'a\r\nb\r\nc\r\nd\r\ne\r\n\x1b[?2004h');
    await written(page, statePrefix('all'));
    expect(page.buffer.active.length).toBe(4);
    expect(page.modes.bracketedPasteMode).toBe(false);
  });
});
