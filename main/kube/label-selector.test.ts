import { describe, expect, it } from 'vitest';
import { formatLabels, formatLabelSelector, parseLabelSelector, SelectorParseError, selectorFromSpec } from './label-selector';

const coredns = { 'k8s-app': 'kube-dns', 'pod-template-hash': '79b94494c7' };

describe('parseLabelSelector', () => {
  it('parses the full grammar and prints it sorted, as Go does', () => {
    const s = parseLabelSelector('a=b,c!=d,e in (y,x),f notin (z),g,!h,i==j');
    expect(s.toString()).toBe('a=b,c!=d,e in (x,y),f notin (z),g,!h,i==j');
    expect(s.matches({ a: 'b', c: 'x', e: 'x', f: 'q', g: '' , i: 'j' })).toBe(true);
    expect(s.matches({ a: 'b', c: 'd', e: 'x', g: '', i: 'j' })).toBe(false);
    expect(s.matches({ a: 'b', e: 'x', g: '', h: '1', i: 'j' })).toBe(false);
  });

  it('matches realistic selectors', () => {
    expect(parseLabelSelector('k8s-app=kube-dns').matches(coredns)).toBe(true);
    expect(parseLabelSelector('k8s-app in (kube-dns, calico-node)').matches(coredns)).toBe(true);
    expect(parseLabelSelector('k8s-app notin (kube-dns)').matches(coredns)).toBe(false);
    expect(parseLabelSelector('app').matches(coredns)).toBe(false);
    expect(parseLabelSelector('!app').matches(coredns)).toBe(true);
    expect(parseLabelSelector('app!=web').matches(coredns)).toBe(true);
    expect(parseLabelSelector('').matches(coredns)).toBe(true);
    expect(parseLabelSelector('  ').empty()).toBe(true);
    expect(parseLabelSelector('app.kubernetes.io/name=x').matches({ 'app.kubernetes.io/name': 'x' })).toBe(true);
  });

  it('treats in/notin as values inside a value list and supports empty values', () => {
    expect(parseLabelSelector('x in (in,notin)').matches({ x: 'notin' })).toBe(true);
    expect(parseLabelSelector('x in (foo,,baz)').matches({ x: '' })).toBe(true);
    expect(parseLabelSelector('x=').matches({ x: '' })).toBe(true);
    expect(parseLabelSelector('z notin ()').matches({ z: 'a' })).toBe(true);
  });

  it('supports gt and lt on integers', () => {
    expect(parseLabelSelector('n>5').matches({ n: '7' })).toBe(true);
    expect(parseLabelSelector('n<5').matches({ n: '7' })).toBe(false);
    expect(parseLabelSelector('n>5').matches({ n: 'x' })).toBe(false);
    expect(() => parseLabelSelector('n>five')).toThrow(/must be an integer/);
  });

  it.each([
    ['a=b,', "found '', expected: identifier after ','", 4],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt", 2],
    ['a in b', "found 'b' expected: '('", 5],
    ['a in (b', "found '', expected: ',' or ')'", 7],
    ['=a', "found '=', expected: !, identifier, or 'end of string'", 0],
    ['a=(b)', "found '(', expected: identifier", 2],
    ['!a=b', "found '=', expected: ',' or 'end of string'", 2],
    ['a in ()', '', -1],
  ])('rejects %j with a message naming the position', (input, message, pos) => {
    if (pos < 0) {
      expect(() => parseLabelSelector(input)).not.toThrow();
      return;
    }
    let err: unknown;
    try {
      parseLabelSelector(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SelectorParseError);
    expect((err as SelectorParseError).message).toContain(message);
    expect((err as SelectorParseError).message).toContain(`position ${pos}`);
    expect((err as SelectorParseError).position).toBe(pos);
  });

  it('rejects invalid keys and values', () => {
    expect(() => parseLabelSelector('-bad=x')).toThrow(/Invalid value: "-bad"/);
    expect(() => parseLabelSelector('a/b/c=x')).toThrow(/qualified name/);
    expect(() => parseLabelSelector(`a=${'v'.repeat(64)}`)).toThrow(/no more than 63/);
    expect(() => parseLabelSelector('a=b$c')).toThrow(/valid label/);
    expect(() => parseLabelSelector('Example.com/x=y')).toThrow(/prefix part/);
  });
});

describe('selectorFromSpec and formatting', () => {
  it('converts matchLabels and matchExpressions', () => {
    const s = selectorFromSpec({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }, { key: 'legacy', operator: 'DoesNotExist' }] });
    expect(s.toString()).toBe('app=web,!legacy,tier in (be,fe)');
    expect(s.matches({ app: 'web', tier: 'fe' })).toBe(true);
    expect(s.matches({ app: 'web', tier: 'fe', legacy: 'y' })).toBe(false);
  });
  it('selects nothing for a nil selector and everything for {}', () => {
    expect(selectorFromSpec(undefined).matches({})).toBe(false);
    expect(selectorFromSpec({}).matches({ any: 'thing' })).toBe(true);
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: { 'k8s-app': 'kube-dns' } })).toBe('k8s-app=kube-dns');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] })).toBe('<error>');
  });
  it('formats label maps like labels.FormatLabels', () => {
    expect(formatLabels({ 'kubernetes.io/os': 'linux' })).toBe('kubernetes.io/os=linux');
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
  });
});
