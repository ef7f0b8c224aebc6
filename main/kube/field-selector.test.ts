import { describe, expect, it } from 'vitest';
import { FieldSelectorParseError, parseFieldSelector } from './field-selector';

describe('parseFieldSelector', () => {
  const pod = { 'metadata.name': 'coredns-79b94494c7-twdrh', 'metadata.namespace': 'kube-system', 'spec.nodeName': 'ubuntu', 'status.phase': 'Running' };

  it('matches =, == and != terms', () => {
    expect(parseFieldSelector('spec.nodeName=ubuntu').matches(pod)).toBe(true);
    expect(parseFieldSelector('status.phase==Running,metadata.namespace=kube-system').matches(pod)).toBe(true);
    expect(parseFieldSelector('status.phase!=Running').matches(pod)).toBe(false);
    expect(parseFieldSelector('status.phase!=Succeeded,status.phase!=Failed').matches(pod)).toBe(true);
    expect(parseFieldSelector('spec.nodeName=').matches({ 'spec.nodeName': '' })).toBe(true);
    expect(parseFieldSelector('spec.nodeName=').matches({})).toBe(true);
    expect(parseFieldSelector('').empty()).toBe(true);
  });

  it('handles escaped values', () => {
    const s = parseFieldSelector('metadata.name=a\\,b\\=c');
    expect(s.requirements[0]).toEqual({ field: 'metadata.name', operator: '=', value: 'a,b=c' });
    expect(s.toString()).toBe('metadata.name=a\\,b\\=c');
  });

  it('rejects terms it cannot understand', () => {
    expect(() => parseFieldSelector('status.phase')).toThrow(FieldSelectorParseError);
    expect(() => parseFieldSelector('a=b,c')).toThrow("invalid selector: 'a=b,c'; can't understand 'c'");
    expect(() => parseFieldSelector('a=b\\x')).toThrow(/escape/);
  });
});
