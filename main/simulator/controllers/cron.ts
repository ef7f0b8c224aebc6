// Standard 5-field cron schedules (minute hour day-of-month month day-of-week), with the
// @hourly/@daily/... macros, as robfig/cron parses them for CronJobs.

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function field(spec: string, min: number, max: number): Set<number> {
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const [range, stepText] = part.split('/') as [string, string | undefined];
    const step = stepText ? Number(stepText) : 1;
    let lo = min;
    let hi = max;
    if (range !== '*' && range !== '?') {
      const [a, b] = range.split('-');
      lo = Number(a);
      hi = b !== undefined ? Number(b) : stepText ? max : lo;
    }
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || !(step > 0) || lo < min || hi > max) throw new Error(`invalid cron field "${spec}"`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

export interface Schedule {
  matches(d: Date): boolean;
}

export function parseCron(expr: string): Schedule {
  const fields = (MACROS[expr.trim()] ?? expr).trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: ${expr}`);
  const [mi, h, dom, mo, dow] = [field(fields[0]!, 0, 59), field(fields[1]!, 0, 23), field(fields[2]!, 1, 31), field(fields[3]!, 1, 12), field(fields[4]!, 0, 7)];
  if (dow.has(7)) dow.add(0);
  const domAny = fields[2] === '*' || fields[2] === '?';
  const dowAny = fields[4] === '*' || fields[4] === '?';
  return {
    matches(d) {
      if (!mi.has(d.getUTCMinutes()) || !h.has(d.getUTCHours()) || !mo.has(d.getUTCMonth() + 1)) return false;
      const domOk = dom.has(d.getUTCDate());
      const dowOk = dow.has(d.getUTCDay());
      // Like cron: when both day fields are restricted, either may match.
      if (!domAny && !dowAny) return domOk || dowOk;
      return domOk && dowOk;
    },
  };
}

/** The latest scheduled minute in (after, upTo], or undefined. Scans at most a day of minutes. */
export function lastScheduleBetween(s: Schedule, after: number, upTo: number): number | undefined {
  const start = Math.max(Math.floor(after / 60_000) + 1, Math.floor(upTo / 60_000) - 24 * 60);
  for (let m = Math.floor(upTo / 60_000); m >= start; m--) if (s.matches(new Date(m * 60_000))) return m * 60_000;
  return undefined;
}
