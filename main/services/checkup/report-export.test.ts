import { describe, expect, it } from 'vitest';
import type { CheckupReport } from '../../contract';
import { makeFinding, MAX_OBJECTS } from './finding';
import { buildAreas, overall, scoreOf } from './score';
import { exportReport, reportMarkdown } from './report-export';

describe('scores', () => {
  it('counts a pass 1, a warning 1/2 and a failure 0; the status is the worst', () => {
    expect(scoreOf([{ status: 'pass' }, { status: 'warning' }, { status: 'fail' }, { status: 'pass' }])).toBe(63);
    const areas = buildAreas([
      makeFinding('version', { id: 'a', title: 'A', status: 'pass', summary: '', why: '' }),
      makeFinding('images', { id: 'b', title: 'B', status: 'fail', summary: '', why: '' }),
      makeFinding('images', { id: 'c', title: 'C', status: 'warning', summary: '', why: '' }),
    ]);
    expect(areas.find((a) => a.id === 'images')).toMatchObject({ score: 25, status: 'fail' });
    // Areas with nothing checked count neither way.
    expect(overall(areas)).toEqual({ score: 63, status: 'fail' });
  });

  it('keeps at most MAX_OBJECTS objects but counts them all; a passing finding has no fix', () => {
    const objects = Array.from({ length: MAX_OBJECTS + 5 }, (_, i) => ({ kind: 'Pod', namespace: 'a', name: `p${i}` }));
    const f = makeFinding('workload-hygiene', { id: 'x', title: 'X', status: 'warning', summary: '', why: '', fix: 'do it', objects });
    expect(f.objects).toHaveLength(MAX_OBJECTS);
    expect(f.objectsTotal).toBe(MAX_OBJECTS + 5);
    expect(makeFinding('version', { id: 'y', title: 'Y', status: 'pass', summary: '', why: '', fix: 'nothing' }).fix).toBe('');
  });
});

describe('export', () => {
  const areas = buildAreas([
    makeFinding('pod-security', { id: 'privileged', title: 'Privileged containers', status: 'fail', summary: 'One.', why: 'Because.', fix: 'securityContext:\n  privileged: false', fixFormat: 'yaml', objects: [{ kind: 'Deployment', namespace: 'dev', name: 'playground', detail: 'container playground' }] }),
  ]);
  const report: CheckupReport = { context: 'micro k8s', serverVersion: 'v1.32.2', generatedAt: Date.parse('2026-11-27T12:00:00Z'), durationMs: 800, score: 0, status: 'fail', areas, scope: 'Checked 3 pods in 1 namespace.', releaseDataAsOf: '2026-09-15', notes: ['Berth may not list pods.'] };

  it('writes Markdown with scores, findings, objects and fixes', () => {
    const md = reportMarkdown(report);
    expect(md).toContain('# Cluster check-up: micro k8s');
    expect(md).toContain('Made 2026-11-27 12:00:00 UTC on Kubernetes v1.32.2');
    expect(md).toContain('Checked 3 pods in 1 namespace.');
    expect(md).toContain('| Pod security | 0/100 | ❌ fail |');
    expect(md).toContain('| Namespaces | not checked |');
    expect(md).toContain('- Berth may not list pods.');
    expect(md).toContain('- Deployment `dev/playground`: container playground');
    expect(md).toContain('```yaml\nsecurityContext:\n  privileged: false\n```');
  });

  it('names the files after the context and the time; JSON round-trips', () => {
    const md = exportReport(report, 'markdown');
    expect(md.filename).toBe('berth-checkup-micro_k8s-2026-11-27-12-00-00.md');
    expect(md.mimeType).toBe('text/markdown');
    expect(JSON.parse(exportReport(report, 'json').content)).toEqual(report);
  });
});
