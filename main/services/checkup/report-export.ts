import type { CheckupReport, ExportFormat, FindingStatus } from '../../contract';

// The report as a file: Markdown to read or paste into an issue, JSON for tools.

const MARK: Record<FindingStatus, string> = { pass: '✅ pass', warning: '⚠️ warning', fail: '❌ fail' };

const fence = (text: string, lang: string): string => {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text}\n${ticks}`;
};

export function reportMarkdown(report: CheckupReport): string {
  const when = new Date(report.generatedAt).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const lines: string[] = [
    `# Cluster check-up: ${report.context ?? 'no context'}`,
    '',
    `Made ${when}${report.serverVersion ? ` on Kubernetes ${report.serverVersion}` : ''}. Overall score **${report.score}/100** (${MARK[report.status]}). Kubernetes release data as of ${report.releaseDataAsOf}.`,
    '',
    report.scope,
    '',
    '| Area | Score | Status |',
    '|---|---|---|',
    ...report.areas.map((a) => `| ${a.title} | ${a.findings.length ? `${a.score}/100` : 'not checked'} | ${MARK[a.status]} |`),
    '',
  ];
  if (report.notes.length) lines.push('**Not checked:**', '', ...report.notes.map((n) => `- ${n}`), '');
  for (const area of report.areas) {
    lines.push(`## ${area.title} (${area.score}/100)`, '');
    for (const f of area.findings) {
      lines.push(`### ${MARK[f.status]}: ${f.title}`, '', f.summary, '', `**Why it matters:** ${f.why}`, '');
      if (f.objects.length) {
        lines.push(`**Affected (${f.objectsTotal}):**`, '');
        for (const o of f.objects) lines.push(`- ${o.kind} \`${o.namespace ? `${o.namespace}/` : ''}${o.name}\`${o.detail ? `: ${o.detail}` : ''}`);
        if (f.objectsTotal > f.objects.length) lines.push(`- … and ${f.objectsTotal - f.objects.length} more`);
        lines.push('');
      }
      if (f.fix) lines.push('**How to fix:**', '', fence(f.fix, f.fixFormat === 'text' ? '' : f.fixFormat), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function exportReport(report: CheckupReport, format: ExportFormat): { filename: string; mimeType: string; content: string } {
  const stamp = new Date(report.generatedAt).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const base = `berth-checkup-${(report.context ?? 'cluster').replace(/[^\w.-]+/g, '_')}-${stamp}`;
  if (format === 'json') return { filename: `${base}.json`, mimeType: 'application/json', content: `${JSON.stringify(report, null, 2)}\n` };
  return { filename: `${base}.md`, mimeType: 'text/markdown', content: reportMarkdown(report) };
}
