import type { Timestamp } from './types';

// Port of k8s.io/apimachinery/pkg/util/duration.HumanDuration, which kubectl uses for AGE
// (https://github.com/kubernetes/apimachinery/blob/master/pkg/util/duration/duration.go).
// The thresholds matter: "2m4s" below 10 minutes, "47m" below 3 hours, "5h12m" below 8 hours,
// "8h" below 2 days, "2d3h" below 8 days, "10d" below 2 years, "2y45d" below 8 years, then "9y".
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  // Allow up to 2 seconds of clock skew to read as "now", as Kubernetes does.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

export function toMillis(t: Timestamp | undefined | null): number | undefined {
  if (t === undefined || t === null || t === '') return undefined;
  const ms = t instanceof Date ? t.getTime() : Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

// printers.go translateTimestampSince: a missing timestamp reads "<unknown>".
export function age(timestamp: Timestamp | undefined | null, now: number = Date.now()): string {
  const ms = toMillis(timestamp);
  if (ms === undefined) return '<unknown>';
  return humanDuration(now - ms);
}
