import type { AreaReport, CheckupAreaId, Finding, FindingStatus } from '../../contract';

// Scores: a pass counts 1, a warning 1/2, a failure 0; an area's score is the mean over its
// findings, the overall score the mean over areas that have findings. The status is the worst.

export const AREA_TITLES: Record<CheckupAreaId, string> = {
  version: 'Kubernetes version',
  'pod-security': 'Pod security',
  namespaces: 'Namespaces',
  'network-policies': 'Network policies',
  'api-server': 'API server',
  images: 'Small images',
  'workload-hygiene': 'Workload hygiene',
};

const POINTS: Record<FindingStatus, number> = { pass: 1, warning: 0.5, fail: 0 };
const RANK: Record<FindingStatus, number> = { pass: 0, warning: 1, fail: 2 };

export const worst = (statuses: FindingStatus[]): FindingStatus => statuses.reduce<FindingStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'pass');

export function scoreOf(findings: Pick<Finding, 'status'>[]): number {
  if (!findings.length) return 0;
  return Math.round((100 * findings.reduce((sum, f) => sum + POINTS[f.status], 0)) / findings.length);
}

export function buildAreas(findings: Finding[]): AreaReport[] {
  return (Object.keys(AREA_TITLES) as CheckupAreaId[]).map((id) => {
    const mine = findings.filter((f) => f.area === id);
    return { id, title: AREA_TITLES[id], score: scoreOf(mine), status: mine.length ? worst(mine.map((f) => f.status)) : 'warning', findings: mine };
  });
}

export function overall(areas: AreaReport[]): { score: number; status: FindingStatus } {
  const scored = areas.filter((a) => a.findings.length);
  if (!scored.length) return { score: 0, status: 'warning' };
  return { score: Math.round(scored.reduce((s, a) => s + a.score, 0) / scored.length), status: worst(scored.map((a) => a.status)) };
}
