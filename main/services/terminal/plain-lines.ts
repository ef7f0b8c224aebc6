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
  let lines = 0;
  const end = data.length;
  for (let i = 0; i < end; i++) {
    const byte = data[i] as number;
    if (byte >= 0x20 && byte < 0x7f) continue;
    if (byte === 0x0a) {
      if (i > 0 && data[i - 1] === 0x0d) lines++;
      continue;
    }
    if (byte === 0x0d || byte === 0x09 || byte === 0x07) continue;
    if (byte >= 0x80) {
      // A C1 control in UTF-8 (0xC2 then 0x80..0x9F); anything else non-ASCII is text.
      if (byte === 0xc2 && i + 1 < end && (data[i + 1] as number) < 0xa0) return undefined;
      continue;
    }
    // ESC, DEL, BS, SO/SI (charset shifts), VT/FF and the other C0 controls.
    return undefined;
  }
  return lines;
}

/** Where the `n`-th "\r\n" line end of `data` ends (the index after its "\n"); -1 if it has fewer. */
export function afterLineEnd(data: Uint8Array, n: number): number {
  let seen = 0;
  for (let i = data.indexOf(0x0a); i >= 0; i = data.indexOf(0x0a, i + 1)) {
    if (i > 0 && data[i - 1] === 0x0d && ++seen === n) return i + 1;
  }
  return -1;
}
