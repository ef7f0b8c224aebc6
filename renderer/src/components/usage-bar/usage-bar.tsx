import './usage-bar.css';

export interface UsageBarProps {
  /** What is measured, for the accessible name, e.g. "CPU". */
  label: string;
  requests: number;
  allocatable: number;
  usage?: number | undefined;
  format: (value: number) => string;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/**
 * Bin-packing at a glance: how much of a node's allocatable capacity pods have requested (the bar),
 * and what they actually use where metrics exist (the tick). The numbers are in the text too.
 */
export function UsageBar({ label, requests, allocatable, usage, format }: UsageBarProps) {
  const req = percent(requests, allocatable);
  const use = usage === undefined ? undefined : percent(usage, allocatable);
  const tone = req >= 100 ? 'bad' : req >= 85 ? 'warn' : 'ok';
  const text = `${req}% requested${use === undefined ? '' : `, ${use}% used`}`;
  const title = `${label}: ${format(requests)} requested of ${format(allocatable)} allocatable${usage === undefined ? '' : `; ${format(usage)} in use`}`;
  return (
    <span className="usage-bar" title={title}>
      <span className="usage-track" role="meter" aria-label={`${label} requested`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(req, 100)} aria-valuetext={title}>
        <span className={`usage-fill usage-${tone}`} style={{ width: `${Math.min(req, 100)}%` }} />
        {use !== undefined && <span className="usage-tick" style={{ left: `${Math.min(use, 100)}%` }} />}
      </span>
      <span className="usage-text">{text}</span>
    </span>
  );
}
