import type { PreflightCheck } from '../../../../main/contract';

const STATUS = {
  pass: { icon: '✓', text: 'Pass' },
  warn: { icon: '⚠', text: 'Warning' },
  fail: { icon: '✗', text: 'Fail' },
} as const;

/** Each check with its result in an icon and a word, what was found, and the fix. */
export function PreflightChecks({ checks }: { checks: PreflightCheck[] }) {
  return (
    <ul className="checks" aria-label="Checks of this machine">
      {checks.map((check) => (
        <li key={check.id} className={`check check-${check.status}`} data-testid={`check-${check.id}`}>
          <span className="check-status">
            <span aria-hidden="true" className="icon">
              {STATUS[check.status].icon}
            </span>{' '}
            {STATUS[check.status].text}
          </span>
          <span className="check-text">
            <strong>{check.title}</strong>
            <span className="check-detail">{check.detail}</span>
            {check.fix && check.status !== 'pass' && <span className="check-fix">What to do: {check.fix}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
