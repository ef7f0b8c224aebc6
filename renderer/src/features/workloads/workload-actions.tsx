import type { ObjectUpdate } from '../../../../main/contract';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/dialog/confirm-dialog';
import { DeleteDialog } from '../../components/dialog/delete-dialog';
import { openObject } from '../../components/navigation/object-navigation';
import { ScaleDialog } from './scale-dialog';
import { isRestartable, isScalable, workloadKinds, type WorkloadKind } from './workload-kinds';
import type { WorkloadRow } from './workload-facts';

/** The confirmation open in a workload's detail, if any. */
export type PendingAction =
  | { type: 'scale' }
  | { type: 'restart' }
  | { type: 'rollback'; revision: number }
  | { type: 'pause'; paused: boolean }
  | { type: 'suspend'; suspended: boolean }
  | { type: 'trigger' }
  | { type: 'delete' };

/** Replicas asked for now, for the scale dialog's starting value. */
function desiredOf(row: WorkloadRow): number {
  switch (row.kind) {
    case 'deployments':
    case 'statefulsets':
      return row.replicas.desired;
    case 'replicasets':
    case 'replicationcontrollers':
      return row.desired;
    default:
      return 0;
  }
}

export interface ActionButtonsProps {
  kind: WorkloadKind;
  row: WorkloadRow;
  gone: boolean;
  onPick: (action: PendingAction) => void;
}

/** The operations a kind offers, each opening its confirmation. */
export function ActionButtons({ kind, row, gone, onPick }: ActionButtonsProps) {
  return (
    <>
      {isScalable(kind) && (
        <button type="button" className="button secondary" disabled={gone} onClick={() => onPick({ type: 'scale' })}>
          Scale…
        </button>
      )}
      {isRestartable(kind) && (
        <button type="button" className="button secondary" disabled={gone} onClick={() => onPick({ type: 'restart' })}>
          Restart…
        </button>
      )}
      {row.kind === 'deployments' && (
        <button type="button" className="button secondary" disabled={gone} onClick={() => onPick({ type: 'pause', paused: !row.paused })}>
          {row.paused ? 'Resume rollout…' : 'Pause rollout…'}
        </button>
      )}
      {row.kind === 'cronjobs' && (
        <>
          <button type="button" className="button secondary" disabled={gone} onClick={() => onPick({ type: 'trigger' })}>
            Run now…
          </button>
          <button type="button" className="button secondary" disabled={gone} onClick={() => onPick({ type: 'suspend', suspended: !row.suspended })}>
            {row.suspended ? 'Resume schedule…' : 'Suspend…'}
          </button>
        </>
      )}
      <button type="button" className="button secondary" disabled={gone} onClick={() => onPick({ type: 'delete' })}>
        Delete…
      </button>
    </>
  );
}

export interface ActionDialogProps {
  kind: WorkloadKind;
  row: WorkloadRow;
  update: ObjectUpdate | null;
  action: PendingAction;
  onClose: () => void;
  /** What was done, shown beside the buttons. */
  onDone: (text: string) => void;
}

/** The confirmation for one operation; the API's refusal stays in the dialog with what to do next. */
export function ActionDialog({ kind, row, update, action, onClose, onDone }: ActionDialogProps) {
  const info = workloadKinds[kind];
  const namespace = row.namespace ?? 'default';
  const name = row.name;
  switch (action.type) {
    case 'scale':
      return isScalable(kind) ? (
        <ScaleDialog kind={kind} kindLabel={info.label} namespace={namespace} name={name} current={desiredOf(row)} onClose={onClose} onScaled={(n) => onDone(`Scaled to ${n}.`)} />
      ) : null;
    case 'restart':
      return isRestartable(kind) ? (
        <ConfirmDialog
          title={`Restart ${info.label} ${name}?`}
          confirmLabel="Restart"
          onClose={onClose}
          onConfirm={async () => {
            await api.cluster.restartRollout({ kind, namespace, name });
            onDone('Restart started: pods are replaced one by one.');
          }}
        >
          <p>
            Every pod of {name} is replaced with a fresh one, following the {kind === 'daemonsets' ? 'DaemonSet' : kind === 'statefulsets' ? 'StatefulSet' : 'deployment'}’s update strategy (what{' '}
            <code className="code-inline">kubectl rollout restart</code> does). Nothing else in the template changes.
          </p>
        </ConfirmDialog>
      ) : null;
    case 'rollback': {
      const target = update?.detail?.deployment?.replicaSets.find((rs) => rs.revision === action.revision);
      return (
        <ConfirmDialog
          title={`Roll back ${name} to revision ${action.revision}?`}
          confirmLabel={`Roll back to ${action.revision}`}
          onClose={onClose}
          onConfirm={async () => {
            const result = await api.cluster.rollback({ namespace, name, toRevision: action.revision });
            onDone(result.unchanged ? `Revision ${action.revision} is what runs already: nothing changed.` : `Rolling back: revision ${action.revision}'s template is now revision ${result.revision}.`);
          }}
        >
          <p>
            The pod template of revision {action.revision}
            {target ? (
              <>
                {' '}
                (<span className="code-inline">{target.images}</span>
                {target.changeCause ? `; ${target.changeCause}` : ''})
              </>
            ) : null}{' '}
            goes back into the deployment and is rolled out as a new revision, as <code className="code-inline">kubectl rollout undo --to-revision={action.revision}</code> does.
          </p>
        </ConfirmDialog>
      );
    }
    case 'pause':
      return (
        <ConfirmDialog
          title={`${action.paused ? 'Pause' : 'Resume'} the rollout of ${name}?`}
          confirmLabel={action.paused ? 'Pause rollout' : 'Resume rollout'}
          onClose={onClose}
          onConfirm={async () => {
            await api.cluster.setPaused({ namespace, name, paused: action.paused });
            onDone(action.paused ? 'Rollout paused.' : 'Rollout resumed.');
          }}
        >
          <p>
            {action.paused
              ? 'Running pods stay as they are; changes to the template are not rolled out until you resume (kubectl rollout pause). Scaling still works.'
              : 'Changes made to the template while paused are rolled out now (kubectl rollout resume).'}
          </p>
        </ConfirmDialog>
      );
    case 'suspend':
      return (
        <ConfirmDialog
          title={`${action.suspended ? 'Suspend' : 'Resume'} CronJob ${name}?`}
          confirmLabel={action.suspended ? 'Suspend' : 'Resume schedule'}
          onClose={onClose}
          onConfirm={async () => {
            await api.cluster.setSuspended({ namespace, name, suspended: action.suspended });
            onDone(action.suspended ? 'Suspended: no new Jobs on schedule.' : 'Schedule resumed.');
          }}
        >
          <p>{action.suspended ? 'No new Jobs start on schedule until you resume; Jobs running now carry on.' : 'Jobs start on schedule again. Runs missed while suspended may start at once, per startingDeadlineSeconds.'}</p>
        </ConfirmDialog>
      );
    case 'trigger':
      return (
        <ConfirmDialog
          title={`Run CronJob ${name} now?`}
          confirmLabel="Start a Job"
          onClose={onClose}
          onConfirm={async () => {
            const job = await api.cluster.triggerCronJob({ namespace, name });
            onDone(`Started Job ${job.name}.`);
            openObject({ kind: 'jobs', namespace: job.namespace, name: job.name });
          }}
        >
          <p>
            A Job is created from the CronJob’s template now, outside its schedule (what <code className="code-inline">kubectl create job --from=cronjob/{name}</code> does). Berth then opens it.
          </p>
        </ConfirmDialog>
      );
    case 'delete':
      return <DeleteDialog target={{ kind, namespace, name }} kindLabel={info.label} dependents={info.dependents} onClose={onClose} onDeleted={() => onDone('Deleted.')} />;
  }
}
