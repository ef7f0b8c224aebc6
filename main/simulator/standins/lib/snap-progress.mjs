// @ts-check
// snapd's terminal progress meter (snapd progress/ansimeter.go) and the number formats it uses
// (canonical/x-go strutil/quantity). On a terminal every redraw starts with \r; downloads draw the
// line in reverse video up to the done fraction; other tasks show a spinner in the last column.
// When stdout is not a terminal snapd uses its quiet meter: nothing but the final line.

const CLR_EOL = '\x1b[K';
const CURSOR_INVISIBLE = '\x1b[?25l';
const CURSOR_VISIBLE = '\x1b[?25h';
const REVERSE = '\x1b[7m';
const RESET = '\x1b[0m';
const SPINNER = ['/', '-', '\\', '|'];

/**
 * Pads or cuts `msg` to exactly `col` characters (cut ends in an ellipsis), as snapd's norm().
 * @param {number} col
 * @param {string} msg
 */
export function norm(col, msg) {
  if (col <= 0) return '';
  const chars = [...msg];
  if (chars.length > col) return chars.slice(0, col - 1).join('') + '…';
  return chars.join('') + ' '.repeat(col - chars.length);
}

/**
 * quantity.FormatAmount with the default width of 5: `172M`, `1.74M`, `950`.
 * @param {number} amount
 * @param {number} width
 */
export function formatAmount(amount, width = 5) {
  let max = 5000;
  let maxFloat = 999.5;
  if (width < 4) {
    width = 3;
    max = 999;
    maxFloat = 99.5;
  }
  if (amount <= max) {
    const pad = width > 5 ? ' ' : '';
    return String(Math.floor(amount)).padStart(width - pad.length) + pad;
  }
  let r = amount;
  let prefix = '';
  for (const p of 'kMGTPEZY') {
    prefix = p;
    r /= 1000;
    if (r < maxFloat) break;
  }
  width--;
  let digits = 3;
  if (r < 99.5) {
    digits--;
    if (r < 9.5) {
      digits--;
      if (r < 0.95) digits--;
    }
  }
  const precision = width - digits > 1 ? width - digits - 1 : 0;
  const s = r.toFixed(precision).padStart(width) + prefix;
  return r < 0.95 ? s.slice(1) : s;
}

/** @param {number} bytes @param {number} seconds */
export const formatBPS = (bytes, seconds) => `${formatAmount(Math.floor(bytes / Math.abs(seconds || 1e-9)), 5)}B/s`;

/**
 * quantity.FormatDuration: `4.21s`, `12.3s`, `1m18s`, `2h32m`.
 * @param {number} dt seconds
 */
export function formatDuration(dt) {
  if (dt < 60) {
    if (dt >= 9.995) return `${dt.toFixed(1)}s`;
    if (dt >= 0.9995) return `${dt.toFixed(2)}s`;
    let prefix = 'm';
    for (const p of 'mµn') {
      prefix = p;
      dt *= 1000;
      if (dt >= 0.9995) break;
    }
    return dt > 9.5 ? `${dt.toFixed(0).padStart(3)}${prefix}s` : `${dt.toFixed(1)}${prefix}s`;
  }
  if (dt < 600) {
    const m = Math.floor(dt / 60);
    return `${m}m${String(Math.round(dt - m * 60)).padStart(2, '0')}s`;
  }
  const min = dt / 60;
  if (min < 99.95) return `${min.toFixed(1)}m`;
  const h = Math.floor(min / 60);
  return `${h}h${String(Math.round(min - h * 60)).padStart(2, '0')}m`;
}

/**
 * @typedef {object} Meter
 * @property {(label: string, total: number) => void} start
 * @property {(done: number, elapsedSeconds: number) => void} set   download progress
 * @property {(label: string) => void} spin
 * @property {() => void} finished
 */

/**
 * @param {NodeJS.WriteStream} out
 * @returns {Meter}
 */
export function createMeter(out) {
  if (!out.isTTY) return { start() {}, set() {}, spin() {}, finished() {} };
  const width = () => (out.columns && out.columns > 0 ? out.columns : 80);
  let label = '';
  let total = 0;
  let spin = 0;
  return {
    start(l, t) {
      label = l;
      total = t;
      out.write(CURSOR_INVISIBLE);
    },
    set(done, since) {
      done = Math.min(Math.max(done, 0), total);
      const col = width();
      let percent = '';
      let speed = '';
      let timeleft = '';
      if (col > 15) {
        const per = since / Math.max(done, 1);
        timeleft = ` ${formatDuration((total - done) * per)}`;
        if (col > 20) {
          const q = total === 0 ? -1 : (done * 100) / total;
          percent = ` ${q < 0 ? '---%' : `${q.toFixed(0).padStart(3)}%`}`;
          if (col > 29) speed = ` ${formatBPS(done, since)}`;
        }
      }
      const msg = [...(norm(col - percent.length - speed.length - timeleft.length, label) + percent + speed + timeleft)];
      const i = total > 0 ? Math.floor((done * col) / total) : 0;
      out.write(`\r${REVERSE}${msg.slice(0, i).join('')}${RESET}${msg.slice(i).join('')}`);
    },
    spin(msg) {
      const col = width();
      if (col - 2 >= [...msg].length) {
        out.write(`\r${norm(col - 2, msg)} ${SPINNER[spin]}`);
        spin = (spin + 1) % SPINNER.length;
      } else {
        out.write(`\r${norm(col, msg)}`);
      }
    },
    finished() {
      out.write(`\r${RESET}${CURSOR_VISIBLE}${CLR_EOL}`);
    },
  };
}
