import type { Finding, FindingStatus } from '../../../../main/contract';
import { openObject } from '../../components/navigation/object-navigation';
import { CopyButton } from '../install/copy-button';
import { targetOf } from './object-target';

export const STATUS_TEXT: Record<FindingStatus, string> = { pass: 'Pass', warning: 'Warning', fail: 'Fail' };
const STATUS_MARK: Record<FindingStatus, string> = { pass: '✓', warning: '!', fail: '✕' };

export function StatusBadge({ status }: { status: FindingStatus }) {
  return (
    <span className={`checkup-badge checkup-${status}`}>
      <span aria-hidden="true">{STATUS_MARK[status]}</span> {STATUS_TEXT[status]}
    </span>
  );
}

/** One finding: what was found; opened, why it matters, the objects (links to their screens) and how to fix it. */
export function FindingItem({ finding }: { finding: Finding }) {
  return (
    <details className={`checkup-finding checkup-finding-${finding.status}`} open={finding.status === 'fail'} data-testid={`finding-${finding.id}`}>
      <summary>
        <StatusBadge status={finding.status} />
        <span className="checkup-finding-title">{finding.title}</span>
        {finding.objectsTotal > 0 && <span className="muted checkup-count">{finding.objectsTotal} affected</span>}
      </summary>
      <p>{finding.summary}</p>
      <p className="checkup-why">
        <strong>Why it matters: </strong>
        {finding.why}
      </p>
      {finding.objects.length > 0 && (
        <div>
          <h4 className="checkup-subtitle">Affected</h4>
          <ul className="plain-list checkup-objects" aria-label={`Affected by ${finding.title}`}>
            {finding.objects.map((o) => {
              const target = targetOf(o);
              const label = `${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
              return (
                <li key={`${o.kind}/${o.namespace ?? ''}/${o.name}`}>
                  <span className="muted checkup-kind">{o.kind}</span>{' '}
                  {target ? (
                    <button type="button" className="link-button object-link" onClick={() => openObject(target)} title={`Open ${o.kind} ${label}`}>
                      {label}
                    </button>
                  ) : (
                    <strong>{label}</strong>
                  )}
                  {o.detail && <span className="muted"> — {o.detail}</span>}
                </li>
              );
            })}
            {finding.objectsTotal > finding.objects.length && <li className="muted">… and {finding.objectsTotal - finding.objects.length} more (all of them are in the exported report)</li>}
          </ul>
        </div>
      )}
      {finding.fix && (
        <div>
          <h4 className="checkup-subtitle">
            How to fix <CopyButton text={finding.fix} label={`Copy the fix for ${finding.title}`} />
          </h4>
          <pre className="checkup-fix">
            <code>{finding.fix}</code>
          </pre>
        </div>
      )}
    </details>
  );
}
