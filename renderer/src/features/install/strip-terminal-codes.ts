/**
 * A log holds what the terminal showed, escape sequences included. For reading it as plain text:
 * drop colour and cursor sequences, and keep only the last redraw of a line that used `\r`
 * (snap's progress bar redraws one line hundreds of times).
 */
// eslint-disable-next-line no-control-regex
const SEQUENCES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-Z\\-_]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

export function stripTerminalCodes(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => {
      const redraws = line.split('\r');
      // A line ending in \r was redrawn by what follows; an empty tail means the last draw stands.
      let last = redraws.pop() ?? '';
      while (last === '' && redraws.length > 0) last = redraws.pop() ?? '';
      return last.replace(SEQUENCES, '');
    })
    .join('\n');
}
