import type { KObj } from '../objects';
import { printerFor } from './columns';

// meta.k8s.io/v1 Table responses, for clients that send
// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` (kubectl get).
// https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  includeObject: IncludeObject;
  noHeaders?: boolean; // watch events after the first carry no column definitions
  resourceVersion?: string;
  continueToken?: string;
  remainingItemCount?: number;
  now?: number;
}

function rowObject(o: KObj, include: IncludeObject): Record<string, unknown> | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function toTable(apiVersion: string, kind: string, objects: Iterable<KObj>, opts: TableOptions): Record<string, unknown> {
  const printer = printerFor(apiVersion, kind);
  const now = opts.now ?? Date.now();
  const rows: Record<string, unknown>[] = [];
  for (const o of objects) {
    const row: Record<string, unknown> = { cells: printer.cells(o, now) };
    const obj = rowObject(o, opts.includeObject);
    if (obj) row.object = obj;
    const phase = (o as { status?: { phase?: string } }).status?.phase;
    if (kind === 'Pod' && (phase === 'Succeeded' || phase === 'Failed')) {
      row.conditions = [{ type: 'Completed', status: 'True', reason: phase, message: phase === 'Succeeded' ? 'The pod has completed successfully.' : 'The pod failed.' }];
    }
    rows.push(row);
  }
  const metadata: Record<string, unknown> = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continueToken) metadata.continue = opts.continueToken;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  const table: Record<string, unknown> = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata };
  table.columnDefinitions = opts.noHeaders ? null : printer.columns;
  table.rows = rows;
  return table;
}

/** Whether the Accept header asks for a Table (kubectl sends v1 first, then v1beta1, then JSON). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const p = part.replace(/\s+/g, '');
    return p.includes('as=Table') && p.includes('g=meta.k8s.io');
  });
}
