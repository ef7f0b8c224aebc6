// Terminal output as plain text lines for the log: colours and cursor moves dropped, and a line
// that was redrawn in place (snapd's progress bar) kept as its last drawing.
// eslint-disable-next-line no-control-regex -- terminal escape sequences are control characters by nature
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78DEHMNOZc]/g;

// Escape sequences, then control characters other than TAB, LF and CR (BEL, BS: nothing for a
// reader), in one pass.
const NOT_TEXT = new RegExp(`${ESCAPES.source}|[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]`, 'g');

/**
 * Text that is plain already: no escapes, no control characters but TAB and line ends, and every
 * CR part of a CR LF. What a flood of ordinary output is, 64 KB at a time.
 */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const NOT_PLAIN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\r(?!\n)/;

/**
 * Whole lines of terminal output as plain text for the log: `plainLines` joined with LF, or
 * undefined when there is no line. Plain text (the usual case) only has its CR LFs made LFs: one
 * new string instead of one per line (a flood is a million lines per 100 MB, and each of those
 * strings was garbage for the collector).
 */
export function plainText(text: string): string | undefined {
  if (text.length === 0) return undefined;
  if (!NOT_PLAIN.test(text)) {
    const lines = text.replaceAll('\r\n', '\n');
    return lines.endsWith('\n') ? lines.slice(0, -1) : lines;
  }
  const lines = plainLines(text);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/**
 * Whole lines of terminal output as the plain text lines a reader wants. Works on the whole block
 * (a regex pass each, not one per line: a flood is a million lines per 100 MB).
 */
export function plainLines(text: string): string[] {
  const lines = text.replace(NOT_TEXT, '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map(lastDrawing);
}

/** A line drawn several times in place (CR, then the new drawing): its last drawing. */
function lastDrawing(line: string): string {
  const cr = line.indexOf('\r');
  if (cr < 0) return line;
  // The usual case: the CR of the line's CR LF only.
  if (cr === line.length - 1) return line.slice(0, cr);
  const drawings = line.split('\r').filter((part) => part.length > 0);
  return drawings[drawings.length - 1] ?? '';
}
