/**
 * Takes secrets out of text bound for a log file: service-account tokens (JWTs, e.g. from
 * `dashboard-proxy`), kubeconfig credentials, bearer tokens and the secret part of join commands.
 */
const RULES: Array<[RegExp, string]> = [
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[token redacted]'],
  [/\b(client-key-data|client-certificate-data|token|password|id-token|refresh-token|access-token)(["']?\s*:\s*["']?)[^\s"',}]+/gi, '$1$2[redacted]'],
  [/(--token[= ])\S+/g, '$1[redacted]'],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1[redacted]'],
  // microk8s join ADDRESS:25000/<32 hex token>/<12 hex cluster-agent suffix>
  [/(:\d{1,5}\/)[0-9a-f]{32}(\/[0-9a-f]{12})/g, '$1[join token redacted]$2'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
