import type { AffectedObject } from '../../../../main/contract';
import { screenForKind } from '../../app/screens';
import { listKindOf, type ObjectTarget } from '../../components/navigation/object-navigation';

/** Where a finding's object opens: the list screen of its kind; undefined when Berth has no screen for it. */
export function targetOf(object: AffectedObject): ObjectTarget | undefined {
  const kind = listKindOf(object.kind);
  if (!kind || !screenForKind(kind)) return undefined;
  return { kind, name: object.name, ...(object.namespace ? { namespace: object.namespace } : {}) };
}
