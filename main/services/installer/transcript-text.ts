// Terminal output as plain text lines for the log: colours and cursor moves dropped, and a line
// that was redrawn in place (snapd's progress bar) kept as its last drawing.
// eslint-disable-next-line no-control-regex -- terminal escape sequences are control characters by nature
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78DEHMNOZc]/g;

export function plainLine(raw: string): string {
  const noEscapes = raw.replace(ESCAPES, '');
  const redraws = noEscapes.split('\r').filter((part) => part.length > 0);
  // eslint-disable-next-line no-control-regex -- remaining control characters (BEL, BS) carry nothing for a reader
  return (redraws[redraws.length - 1] ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
