/**
 * Takes secrets out of text bound for a log file: service-account tokens (JWTs, e.g. from
 * `dashboard-proxy`), kubeconfig credentials, bearer tokens and the secret part of join commands.
 */
// Each rule has a cheap test first that every match passes (a literal it must hold): a step's
// output is logged 64 KB at a time, and most blocks hold no secret (the full patterns cost about
// twice as much per 100 MB).
const RULES: Array<[RegExp, string, (text: string) => boolean]> = [
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[token redacted]', (text) => text.includes('eyJ')],
  [
    /\b(client-key-data|client-certificate-data|token|password|id-token|refresh-token|access-token)(["']?\s*:\s*["']?)[^\s"',}]+/gi,
    '$1$2[redacted]',
    (text) => KEYWORDS.test(text),
  ],
  [/(--token[= ])\S+/g, '$1[redacted]', (text) => text.includes('--token')],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1[redacted]', (text) => text.includes('Bearer')],
  // microk8s join ADDRESS:25000/<32 hex token>/<12 hex cluster-agent suffix>
  [/(:\d{1,5}\/)[0-9a-f]{32}(\/[0-9a-f]{12})/g, '$1[join token redacted]$2', () => true],
];
/** Every keyword of the second rule holds one of these. */
const KEYWORDS = /token|password|-data/i;

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement, mayMatch] of RULES) if (mayMatch(out)) out = out.replace(pattern, replacement);
  return out;
}
