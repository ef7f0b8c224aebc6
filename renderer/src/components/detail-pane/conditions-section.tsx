import type { Condition } from '../../../../main/kube';
import { DetailSection } from './detail-pane';
import { DetailTable } from './detail-table';

export interface ConditionsSectionProps {
  conditions: readonly Condition[] | undefined;
  /** Whether the object has arrived yet (before that, "Loading…" rather than "none"). */
  loaded: boolean;
  /** Marks a condition a person should look at (e.g. a node's Ready=False, a deployment's Progressing=False). */
  isProblem?: (condition: Condition) => boolean;
}

/** Status conditions of any object (pods, nodes, deployments, jobs...): type, status, reason and message. */
export function ConditionsSection({ conditions, loaded, isProblem }: ConditionsSectionProps) {
  const list = conditions ?? [];
  return (
    <DetailSection title="Conditions">
      {list.length === 0 ? (
        <span className="muted">{loaded ? 'none' : 'Loading…'}</span>
      ) : (
        <DetailTable headers={['Type', 'Status', 'Reason']}>
          {list.map((c) => {
            const problem = isProblem?.(c) ?? false;
            return (
              <tr key={c.type}>
                <td>{c.type}</td>
                <td className={problem ? 'status-problem nowrap' : 'nowrap'}>{problem ? `⚠ ${c.status}` : c.status}</td>
                <td>{[c.reason, c.message].filter(Boolean).join(': ')}</td>
              </tr>
            );
          })}
        </DetailTable>
      )}
    </DetailSection>
  );
}
