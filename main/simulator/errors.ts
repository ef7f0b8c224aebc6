// API errors as metav1.Status objects, with the reasons and messages the real API server uses
// (k8s.io/apimachinery/pkg/api/errors).

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Status['details'],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): Status {
    const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason, code: this.code };
    if (this.details) s.details = this.details;
    return s;
  }
}

// "pods" -> group-qualified resource as errors print it: `deployments.apps "web" not found`.
const qualified = (group: string, resource: string): string => (group ? `${resource}.${group}` : resource);

export const notFound = (group: string, resource: string, name: string): ApiError =>
  new ApiError(404, 'NotFound', `${qualified(group, resource)} "${name}" not found`, { name, group: group || undefined, kind: resource });

export const alreadyExists = (group: string, resource: string, name: string): ApiError =>
  new ApiError(409, 'AlreadyExists', `${qualified(group, resource)} "${name}" already exists`, { name, group: group || undefined, kind: resource });

export const conflict = (group: string, resource: string, name: string): ApiError =>
  new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(group, resource)} "${name}": the object has been modified; please apply your changes to the latest version and try again`, {
    name,
    group: group || undefined,
    kind: resource,
  });

export interface FieldProblem {
  field: string;
  message?: string;
  value?: unknown;
  type?: 'Invalid' | 'Required' | 'NotSupported' | 'Forbidden';
}

// field.ErrorList.ToAggregate formatting: `spec.containers[0].image: Required value`,
// `metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain ...`.
function describe(p: FieldProblem): string {
  switch (p.type ?? 'Invalid') {
    case 'Required':
      return `Required value${p.message ? `: ${p.message}` : ''}`;
    case 'Forbidden':
      return `Forbidden: ${p.message ?? ''}`;
    case 'NotSupported':
      return `Unsupported value: ${JSON.stringify(p.value ?? '')}${p.message ? `: ${p.message}` : ''}`;
    default:
      return `Invalid value: ${JSON.stringify(p.value ?? '')}${p.message ? `: ${p.message}` : ''}`;
  }
}

const causeReason = { Invalid: 'FieldValueInvalid', Required: 'FieldValueRequired', NotSupported: 'FieldValueNotSupported', Forbidden: 'FieldValueForbidden' };

export const invalid = (group: string, kind: string, name: string, problems: FieldProblem[]): ApiError => {
  const text = problems.map((p) => `${p.field}: ${describe(p)}`);
  const list = text.length > 1 ? `[${text.join(', ')}]` : (text[0] ?? '');
  return new ApiError(422, 'Invalid', `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${list}`, {
    name,
    group: group || undefined,
    kind,
    causes: problems.map((p) => ({ reason: causeReason[p.type ?? 'Invalid'], message: describe(p), field: p.field })),
  });
};

export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequest', message);

export const expired = (message: string): ApiError => new ApiError(410, 'Expired', message);

export const methodNotAllowed = (): ApiError => new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

export const unauthorized = (): ApiError => new ApiError(401, 'Unauthorized', 'Unauthorized');
