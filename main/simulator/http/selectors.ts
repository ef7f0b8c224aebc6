import { everything, parseFieldSelector, parseLabelSelector, type FieldSelector, type LabelSelector } from '../../kube';
import { badRequest } from '../errors';
import type { KObj } from '../objects';
import { selectableFields, type ResourceType } from '../resources';

// labelSelector / fieldSelector query parameters; both invalid forms answer 400 BadRequest,
// as the API server does (an unsupported field reads "field label not supported: X").

export type ObjectFilter = (o: KObj) => boolean;

const probe: KObj = { apiVersion: 'v1', kind: 'Probe', metadata: { name: '', uid: '', resourceVersion: '', creationTimestamp: '' } };

export function parseSelectors(rt: ResourceType, labelSelector: string | null, fieldSelector: string | null): { filter: ObjectFilter; selective: boolean } {
  let labels: LabelSelector = everything;
  let fields: FieldSelector | undefined;
  try {
    if (labelSelector) labels = parseLabelSelector(labelSelector);
  } catch (e) {
    throw badRequest(e instanceof Error ? e.message : String(e));
  }
  try {
    if (fieldSelector) fields = parseFieldSelector(fieldSelector);
  } catch (e) {
    throw badRequest(e instanceof Error ? e.message : String(e));
  }
  if (fields) {
    const supported = new Set(Object.keys(selectableFields(rt, probe)));
    for (const r of fields.requirements) {
      if (!supported.has(r.field)) throw badRequest(`field label not supported: ${r.field}`);
    }
  }
  const f = fields && !fields.empty() ? fields : undefined;
  const l = labels.empty() ? undefined : labels;
  const filter: ObjectFilter = (o) => (!l || l.matches(o.metadata.labels)) && (!f || f.matches(selectableFields(rt, o)));
  return { filter, selective: Boolean(f || l) };
}
