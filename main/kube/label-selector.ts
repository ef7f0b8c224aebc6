import type { LabelSelectorSpec } from './types';

// Kubernetes label selectors: the grammar, errors and matching of
// k8s.io/apimachinery/pkg/labels/selector.go, plus metav1.LabelSelectorAsSelector.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
//
//   <selector>    ::= <requirement> | <requirement> "," <selector>
//   <requirement> ::= [!] KEY [ ("in"|"notin") "(" VALUES ")" | ("="|"=="|"!=") VALUE | (">"|"<") INT ]

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[]; // sorted, de-duplicated (a Go sets.String)
}

export class SelectorParseError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'SelectorParseError';
  }
}

export interface LabelSelector {
  readonly requirements: readonly Requirement[];
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  empty(): boolean;
  toString(): string;
}

type Tok = 'id' | 'end' | 'error' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin';
interface Scanned {
  tok: Tok;
  lit: string;
  pos: number;
}

const SYMBOLS: Record<string, Tok> = { ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', '<': '<', '!=': '!=', '(': '(' };
const KEYWORDS: Record<string, Tok> = { in: 'in', notin: 'notin' };
const isSpecial = (ch: string): boolean => '=!(),><'.includes(ch);
const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

function lex(s: string): Scanned[] {
  const out: Scanned[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isSpace(s[pos]!)) pos++;
    const start = pos;
    if (pos >= s.length) {
      out.push({ tok: 'end', lit: '', pos });
      return out;
    }
    if (isSpecial(s[pos]!)) {
      // Longest run of special symbols that still forms a known operator ("!=", "==").
      let buffer = '';
      let last: Scanned | undefined;
      while (pos < s.length && isSpecial(s[pos]!)) {
        buffer += s[pos]!;
        const t = SYMBOLS[buffer];
        if (t) {
          last = { tok: t, lit: buffer, pos: start };
          pos++;
        } else if (last) {
          break;
        } else {
          pos++;
        }
      }
      out.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'`, pos: start });
    } else {
      let buffer = '';
      while (pos < s.length && !isSpecial(s[pos]!) && !isSpace(s[pos]!)) buffer += s[pos++]!;
      out.push({ tok: KEYWORDS[buffer] ?? 'id', lit: buffer, pos: start });
    }
  }
}

// Validation from k8s.io/apimachinery/pkg/util/validation (IsQualifiedName, IsValidLabelValue).
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function labelKeyErrors(key: string): string[] {
  const errs: string[] = [];
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
    else if (!DNS1123_SUBDOMAIN.test(prefix)) {
      errs.push(
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      );
    }
  } else if (parts.length > 2) {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) {
    errs.push(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  }
  return errs;
}

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (value.length > 0 && !QUALIFIED_NAME.test(value)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
  return errs;
}

function newRequirement(key: string, operator: Operator, values: string[], pos: number): Requirement {
  const keyErrs = labelKeyErrors(key);
  if (keyErrs.length) throw new SelectorParseError(`key: Invalid value: "${key}": ${keyErrs.join('; ')}`, pos);
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) throw new SelectorParseError("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty", pos);
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) throw new SelectorParseError("values: Invalid value: exact-match compatibility requires one single value", pos);
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) throw new SelectorParseError("values: Invalid value: values set must be empty for exists and does not exist", pos);
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1 || !/^[+-]?\d+$/.test(values[0]!)) {
        throw new SelectorParseError("values[0]: Invalid value: for 'Gt', 'Lt' operators, the value must be an integer", pos);
      }
      break;
  }
  for (const v of values) {
    const errs = labelValueErrors(v);
    if (errs.length) throw new SelectorParseError(`values[${key}]: Invalid value: "${v}": ${errs.join('; ')}`, pos);
  }
  return { key, operator, values: [...new Set(values)].sort() };
}

class Parser {
  private items: Scanned[];
  private i = 0;
  constructor(input: string) {
    this.items = lex(input);
  }
  // In a values context "in" and "notin" are plain identifiers ("x in (in)").
  private peek(values: boolean): Scanned {
    const it = this.items[this.i]!;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { ...it, tok: 'id' } : it;
  }
  private next(values: boolean): Scanned {
    const it = this.peek(values);
    this.i++;
    return it;
  }
  private fail(msg: string, at: Scanned): never {
    throw new SelectorParseError(`${msg} (at position ${at.pos})`, at.pos);
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const t = this.peek(true);
      if (t.tok === 'id' || t.tok === '!') {
        try {
          reqs.push(this.parseRequirement());
        } catch (e) {
          if (e instanceof SelectorParseError) {
            const where = e.message.includes('(at position') ? '' : ` (at position ${e.position})`;
            throw new SelectorParseError(`unable to parse requirement: ${e.message}${where}`, e.position);
          }
          throw e;
        }
        const after = this.next(true);
        if (after.tok === 'end') return reqs;
        if (after.tok === ',') {
          const t2 = this.peek(true);
          if (t2.tok !== 'id' && t2.tok !== '!') this.fail(`found '${t2.lit}', expected: identifier after ','`, t2);
        } else {
          this.fail(`found '${after.lit}', expected: ',' or 'end of string'`, after);
        }
      } else if (t.tok === 'end') {
        return reqs;
      } else {
        this.fail(`found '${t.lit}', expected: !, identifier, or 'end of string'`, t);
      }
    }
  }

  private parseRequirement(): Requirement {
    let first = this.next(true);
    let operator: Operator | undefined;
    if (first.tok === '!') {
      operator = '!';
      first = this.next(true);
    }
    if (first.tok !== 'id') this.fail(`found '${first.lit}', expected: identifier`, first);
    const key = first.lit;
    const keyErrs = labelKeyErrors(key);
    if (keyErrs.length) this.fail(`key: Invalid value: "${key}": ${keyErrs.join('; ')}`, first);
    const la = this.peek(true).tok;
    // "!key" is complete by itself; anything after it is reported by the caller, as Go does.
    if (operator === '!') return newRequirement(key, '!', [], first.pos);
    if (la === 'end' || la === ',') return newRequirement(key, 'exists', [], first.pos);
    const opTok = this.next(false);
    const ops: Partial<Record<Tok, Operator>> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' };
    const op = ops[opTok.tok];
    if (!op) this.fail(`found '${opTok.lit}', expected: in, notin, =, ==, !=, gt, lt`, opTok);
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, values, first.pos);
  }

  private parseValues(): string[] {
    const open = this.next(true);
    if (open.tok !== '(') this.fail(`found '${open.lit}' expected: '('`, open);
    const t = this.peek(true);
    if (t.tok === ')') {
      this.next(true);
      return [''];
    }
    if (t.tok !== 'id' && t.tok !== ',') this.fail(`found '${t.lit}', expected: ',', ')' or identifier`, t);
    const s = new Set<string>();
    for (;;) {
      const it = this.next(true);
      if (it.tok === 'id') {
        s.add(it.lit);
        const t2 = this.peek(true);
        if (t2.tok === ',') continue;
        if (t2.tok === ')') break;
        this.fail(`found '${t2.lit}', expected: ',' or ')'`, t2);
      } else if (it.tok === ',') {
        if (s.size === 0) s.add(''); // "(,"
        const t2 = this.peek(true);
        if (t2.tok === ')') {
          s.add(''); // ",)"
          break;
        }
        if (t2.tok === ',') s.add(''); // ",,"
      } else {
        this.fail(`found '${it.lit}', expected: ',', or identifier`, it);
      }
    }
    const close = this.next(true);
    if (close.tok !== ')') this.fail(`found '${close.lit}', expected: ')'`, close);
    return [...s];
  }

  private parseExactValue(): string[] {
    const t = this.peek(true);
    if (t.tok === 'end' || t.tok === ',') return [''];
    const v = this.next(true);
    if (v.tok === 'id') return [v.lit];
    return this.fail(`found '${v.lit}', expected: identifier`, v);
  }
}

function requirementMatches(r: Requirement, labels: Readonly<Record<string, string>> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels![r.key]! : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value!);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(value!)) return false;
      const lv = Number(value);
      const rv = Number(r.values[0]);
      return r.operator === 'gt' ? lv > rv : lv < rv;
    }
  }
}

function requirementString(r: Requirement): string {
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.operator} (${r.values.join(',')})`;
    case 'gt':
      return `${r.key}>${r.values[0]}`;
    case 'lt':
      return `${r.key}<${r.values[0]}`;
    default:
      return `${r.key}${r.operator}${r.values[0]}`;
  }
}

function makeSelector(requirements: Requirement[], nothing = false): LabelSelector {
  // Go sorts requirements by key (stable) for a deterministic String().
  const reqs = [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    requirements: reqs,
    matches: (labels) => !nothing && reqs.every((r) => requirementMatches(r, labels)),
    empty: () => !nothing && reqs.length === 0,
    toString: () => reqs.map(requirementString).join(','),
  };
}

/** Parses a label selector string; throws SelectorParseError (with the offending position) when invalid. */
export function parseLabelSelector(input: string): LabelSelector {
  return makeSelector(new Parser(input).parse());
}

export const everything: LabelSelector = makeSelector([]);

/** metav1.LabelSelectorAsSelector: nil selects nothing, {} selects everything. */
export function selectorFromSpec(spec: LabelSelectorSpec | undefined | null): LabelSelector {
  if (spec === undefined || spec === null) return makeSelector([], true);
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(spec.matchLabels ?? {})) reqs.push(newRequirement(k, '=', [v], 0));
  for (const e of spec.matchExpressions ?? []) {
    const op: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
    const o = op[e.operator];
    if (!o) throw new SelectorParseError(`"${e.operator}" is not a valid label selector operator`, 0);
    reqs.push(newRequirement(e.key, o, e.values ?? [], 0));
  }
  return makeSelector(reqs);
}

/** selectorFromSpec for equality maps (a Service's or ReplicationController's selector). */
export function selectorFromSet(set: Record<string, string> | undefined): LabelSelector {
  return makeSelector(Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })));
}

/** metav1.FormatLabelSelector: "<none>" for an empty selector, "<error>" for an invalid one. */
export function formatLabelSelector(spec: LabelSelectorSpec | undefined | null): string {
  try {
    return selectorFromSpec(spec).toString() || '<none>';
  } catch {
    return '<error>';
  }
}

/** labels.FormatLabels: sorted "k=v,k2=v2", "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}
