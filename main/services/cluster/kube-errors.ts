// One error type for everything the API server (or the road to it) can answer, classified into
// what Berth does about it: retry, relist, re-authenticate, or tell the person.

export type KubeErrorCode =
  | 'unauthorized' // 401: credentials missing, wrong or expired
  | 'forbidden' // 403: RBAC says no
  | 'not-found'
  | 'conflict' // 409: already exists, or changed underneath us
  | 'invalid' // 422: the server rejected the object
  | 'expired' // 410: resourceVersion or continue token too old: relist
  | 'throttled' // 429: too many requests (Retry-After)
  | 'unavailable' // 503/502/504: server starting or overloaded (Retry-After)
  | 'server-error' // other 5xx
  | 'bad-request'
  | 'unreachable' // no connection at all
  | 'tls' // the server's certificate is not trusted
  | 'credentials' // the exec plugin or credential files failed before any request
  | 'timeout';

export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  constructor(
    readonly code: KubeErrorCode,
    message: string,
    readonly status: number | undefined,
    readonly retryAfterSeconds: number | undefined,
    readonly hint?: string,
  ) {
    super(message);
  }

  /** Worth retrying later without the person doing anything. */
  get transient(): boolean {
    return ['throttled', 'unavailable', 'server-error', 'unreachable', 'timeout', 'expired'].includes(this.code);
  }
}

export function codeForStatus(status: number): KubeErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 410) return 'expired';
  if (status === 422) return 'invalid';
  if (status === 429) return 'throttled';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'server-error';
  return 'bad-request';
}

/** Retry-After is seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

const HINTS: Partial<Record<KubeErrorCode, string>> = {
  unauthorized: 'Your credentials for this cluster were refused. Log in again (or refresh the token) and reconnect.',
  forbidden: 'Your account is not allowed to do this. Ask the cluster admin for the RBAC permission, or use another context.',
  conflict: 'Something with that name already exists or changed meanwhile. Pick another name or try again.',
  invalid: 'The server rejected the values. Fix the fields named in the message and try again.',
  throttled: 'The server asked Berth to slow down; it retries by itself.',
  unavailable: 'The API server is starting or overloaded; Berth retries by itself.',
};

/** From a non-2xx answer: the server's Status message where there is one. */
export function errorFromResponse(status: number, body: string, retryAfter: string | undefined): KubeApiError {
  const code = codeForStatus(status);
  let message = `The API server answered ${status}.`;
  try {
    const parsed = JSON.parse(body) as { kind?: string; message?: string };
    if (parsed && parsed.kind === 'Status' && typeof parsed.message === 'string' && parsed.message) message = parsed.message;
  } catch {
    const text = body.trim().slice(0, 300);
    if (text) message = `${message} ${text}`;
  }
  return new KubeApiError(code, message, status, parseRetryAfter(retryAfter), HINTS[code]);
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'ETIMEDOUT']);
const TLS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);

/** From a failure before any answer: no route, refused, TLS, a credential plugin that failed. */
export function errorFromNetwork(error: unknown, server: string): KubeApiError {
  if (error instanceof KubeApiError) return error;
  const err = error as NodeJS.ErrnoException;
  const code = err?.code ?? '';
  if (UNREACHABLE.has(code)) {
    return new KubeApiError('unreachable', `Cannot reach the API server at ${server} (${code}).`, undefined, undefined, 'Check that the cluster is running and the address is reachable from this machine; Berth keeps retrying.');
  }
  if (TLS.has(code)) {
    return new KubeApiError('tls', `The API server's certificate at ${server} is not trusted (${code}).`, undefined, undefined, "Check the cluster's certificate-authority in the kubeconfig.");
  }
  if (code === 'ENOENT' && typeof err.path === 'string') {
    return new KubeApiError('credentials', `A file or command the kubeconfig names is missing: ${err.path}.`, undefined, undefined, 'Fix the path in the kubeconfig, or install the missing credential plugin.');
  }
  const message = err instanceof Error ? err.message : String(error);
  return new KubeApiError('credentials', `Could not prepare the request to ${server}: ${message.split('\n')[0]?.slice(0, 300) ?? ''}`, undefined, undefined, 'Check the credentials of this context (certificate files, token, exec plugin).');
}
