// Kubernetes field selectors, ported from k8s.io/apimachinery/pkg/fields/selector.go.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/
// A selector is "field=value", "field==value" or "field!=value" terms joined by ","; a value may
// escape ",", "=", "!" and "\" with a backslash.

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
  /** `fields` maps a field path to its value; a missing field reads as "" (as in Go's fields.Set). */
  matches(fields: Readonly<Record<string, string>>): boolean;
  empty(): boolean;
  toString(): string;
}

export class FieldSelectorParseError extends Error {
  override name = 'FieldSelectorParseError';
}

// Split on commas that are not escaped.
function splitTerms(s: string): string[] {
  if (s === '') return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < s.length; i++) {
    if (escaped) escaped = false;
    else if (s[i] === '\\') escaped = true;
    else if (s[i] === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

const OPERATORS = ['!=', '==', '='] as const;

function splitTerm(term: string): { lhs: string; op: (typeof OPERATORS)[number]; rhs: string } | undefined {
  let escaped = false;
  for (let i = 0; i < term.length; i++) {
    if (escaped) {
      escaped = false;
      continue;
    }
    if (term[i] === '\\') {
      escaped = true;
      continue;
    }
    for (const op of OPERATORS) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

function unescape(v: string, selector: string): string {
  if (!v.includes('\\')) return v;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (ch !== '\\') {
      if (ch === ',' || ch === '=' || ch === '!') {
        throw new FieldSelectorParseError(`invalid selector: '${selector}'; unescaped reserved character '${ch}' in value`);
      }
      out += ch;
      continue;
    }
    const next = v[++i];
    if (next === undefined || !'\\,=!'.includes(next)) {
      throw new FieldSelectorParseError(`invalid selector: '${selector}'; invalid escape sequence in value`);
    }
    out += next;
  }
  return out;
}

const escape = (v: string): string => v.replace(/[\\,=!]/g, (c) => `\\${c}`);

export function parseFieldSelector(selector: string): FieldSelector {
  const reqs: FieldRequirement[] = [];
  for (const part of splitTerms(selector).sort()) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) throw new FieldSelectorParseError(`invalid selector: '${selector}'; can't understand '${part}'`);
    reqs.push({ field: t.lhs, operator: t.op === '!=' ? '!=' : '=', value: unescape(t.rhs, selector) });
  }
  return {
    requirements: reqs,
    matches: (fields) => reqs.every((r) => ((fields[r.field] ?? '') === r.value) === (r.operator === '=')),
    empty: () => reqs.length === 0,
    toString: () => reqs.map((r) => `${r.field}${r.operator}${escape(r.value)}`).join(','),
  };
}
