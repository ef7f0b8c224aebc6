import { isObject, microTime, type KObj } from '../objects';
import { apiVersionOf, type ResourceType } from '../resources';

// Resources served from another resource's storage: events.k8s.io/v1 Events are the core
// Events converted field by field (pkg/apis/events/v1/conversion.go).

type J = Record<string, unknown>;

function coreToEventsV1(o: KObj): KObj {
  const e = o as J;
  const out: J = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: o.metadata,
    eventTime: e.eventTime ?? null,
    reportingController: e.reportingComponent || (isObject(e.source) ? e.source.component : undefined) || '',
    reportingInstance: e.reportingInstance || (isObject(e.source) ? e.source.host : undefined) || '',
    action: e.action,
    reason: e.reason,
    regarding: e.involvedObject,
    note: e.message,
    type: e.type,
    deprecatedSource: e.source,
    deprecatedFirstTimestamp: e.firstTimestamp,
    deprecatedLastTimestamp: e.lastTimestamp,
    deprecatedCount: e.count,
  };
  if (e.related) out.related = e.related;
  if (e.series) out.series = e.series;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as KObj;
}

function eventsV1ToCore(o: J): J {
  const md = isObject(o.metadata) ? o.metadata : {};
  const out: J = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: md,
    involvedObject: o.regarding ?? {},
    reason: o.reason,
    message: o.note,
    type: o.type,
    action: o.action,
    eventTime: o.eventTime ?? microTime(),
    reportingComponent: o.reportingController ?? '',
    reportingInstance: o.reportingInstance ?? '',
    source: o.deprecatedSource ?? {},
    firstTimestamp: o.deprecatedFirstTimestamp ?? null,
    lastTimestamp: o.deprecatedLastTimestamp ?? null,
    count: o.deprecatedCount,
  };
  if (o.related) out.related = o.related;
  if (o.series) out.series = o.series;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** The object as this resource type's clients see it. */
export function toView(rt: ResourceType, o: KObj): KObj {
  if (rt.storage === 'events' && apiVersionOf(rt) === 'events.k8s.io/v1') return coreToEventsV1(o);
  return o;
}

/** A client's object converted to the stored form. */
export function fromView(rt: ResourceType, body: unknown): unknown {
  if (rt.storage === 'events' && apiVersionOf(rt) === 'events.k8s.io/v1' && isObject(body)) return eventsV1ToCore(body);
  return body;
}
