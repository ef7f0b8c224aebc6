/**
 * Plain output: text and line ends only, no escape or control sequence that changes a terminal's
 * state beyond where its text lands. A terminal shows the last lines of plain output the same
 * whatever came long before them: once more complete lines ("\r\n": the PTY turns a program's "\n"
 * into it) than the terminal keeps (history + screen) have followed, the earlier ones are gone
 * from it anyway. That is what lets main skip parsing most of a flood (TerminalState).
 *
 * Allowed bytes: printable ASCII, TAB, CR, LF, BEL, and UTF-8 sequences except those of C1 controls
 * (U+0080..U+009F, which xterm.js acts on like ESC sequences: 0xC2 0x80..0x9F). Not BS: with
 * reverse wraparound (a mode set earlier) it reaches back into the line before.
 */

/** How many "\r\n" line ends `data` holds, or undefined if it is not plain. */
export function plainLineEnds(data: Uint8Array): number | undefined {
  // Four bytes at a time (a word with no byte below 0x20, no DEL and no 0xC2 is text), byte by byte
  // only in the words that have one: about twice as fast as looking at every byte (~0.6 against
  // ~1.1 ms per MB of 80-column text here), and main looks at every byte of a flood.
  const head = Math.min(data.length, (4 - (data.byteOffset & 3)) & 3);
  const counter = { lines: 0 };
  if (!plainBytes(data, 0, head, counter)) return undefined;
  const words = (data.length - head) >> 2;
  if (words > 0) {
    const view = new Uint32Array(data.buffer, data.byteOffset + head, words);
    for (let k = 0; k < words; k++) {
      const word = view[k] as number;
      const c2 = word ^ 0xc2c2c2c2;
      const del = word ^ 0x7f7f7f7f;
      // Per byte, the top bit of (x - n) & ~x is set where some byte of x is below n (exact for "any").
      if ((((word - 0x20202020) & ~word) | ((c2 - 0x01010101) & ~c2) | ((del - 0x01010101) & ~del)) & 0x80808080) {
        const at = head + (k << 2);
        if (!plainBytes(data, at, at + 4, counter)) return undefined;
      }
    }
  }
  const tail = head + (words << 2);
  return plainBytes(data, tail, data.length, counter) ? counter.lines : undefined;
}

/** Whether data[from, to) is plain (see the module), counting its "\r\n" line ends into `counter`. */
function plainBytes(data: Uint8Array, from: number, to: number, counter: { lines: number }): boolean {
  for (let i = from; i < to; i++) {
    const byte = data[i] as number;
    if (byte >= 0x20 && byte < 0x7f) continue;
    if (byte === 0x0a) {
      if (i > 0 && data[i - 1] === 0x0d) counter.lines++;
      continue;
    }
    if (byte === 0x0d || byte === 0x09 || byte === 0x07) continue;
    if (byte >= 0x80) {
      // A C1 control in UTF-8 (0xC2 then 0x80..0x9F); anything else non-ASCII is text. A read may
      // end between the two bytes: a 0xC2 at the end does not count as plain.
      if (byte === 0xc2 && (i + 1 === data.length || (data[i + 1] as number) < 0xa0)) return false;
      continue;
    }
    // ESC, DEL, BS, SO/SI (charset shifts), VT/FF and the other C0 controls.
    return false;
  }
  return true;
}

/** Where the `n`-th "\r\n" line end of `data` ends (the index after its "\n"); -1 if it has fewer. */
export function afterLineEnd(data: Uint8Array, n: number): number {
  let seen = 0;
  for (let i = data.indexOf(0x0a); i >= 0; i = data.indexOf(0x0a, i + 1)) {
    if (i > 0 && data[i - 1] === 0x0d && ++seen === n) return i + 1;
  }
  return -1;
}
