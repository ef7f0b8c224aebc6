import { describe, expect, it } from 'vitest';
import { checkRunPodForm, imageError, nameError, parseLabels, splitCommand } from './run-pod-check';

describe('nameError', () => {
  it('accepts DNS-1123 names', () => {
    expect(nameError('web-1')).toBeUndefined();
    expect(nameError('a.b')).toBeUndefined();
  });

  it('says what is wrong, in the person’s words', () => {
    expect(nameError('')).toMatch(/Give the pod a name/);
    expect(nameError('Web')).toMatch(/lower case/);
    expect(nameError('-web')).toMatch(/starting and ending with a letter or digit/);
    expect(nameError('web_1')).toMatch(/DNS-1123/);
    expect(nameError('a'.repeat(64))).toMatch(/at most 63 characters.*64/);
  });
});

describe('imageError', () => {
  it('accepts the usual reference forms', () => {
    for (const image of ['nginx', 'nginx:1.27', 'library/nginx:1.27-alpine', 'registry.example.com:5000/team/app:V2', `busybox@sha256:${'a'.repeat(64)}`, 'ghcr.io/a_b/c:latest']) {
      expect(imageError(image), image).toBeUndefined();
    }
  });

  it('explains the common mistakes', () => {
    expect(imageError('')).toMatch(/Give an image/);
    expect(imageError('nginx sleep')).toMatch(/no spaces/);
    expect(imageError('Nginx:1.27')).toMatch(/lower case/);
    expect(imageError('nginx:-x')).toMatch(/tag "-x" is not valid/);
    expect(imageError('nginx@sha256:abc')).toMatch(/64 lower-case hex/);
    expect(imageError('nginx//x')).toMatch(/REPOSITORY\[:TAG\]/);
  });
});

describe('parseLabels', () => {
  it('reads key=value pairs separated by commas or lines', () => {
    expect(parseLabels('app=web, tier = frontend\nteam=')).toEqual({ labels: { app: 'web', tier: 'frontend', team: '' } });
    expect(parseLabels('')).toEqual({ labels: {} });
  });

  it('names the bad pair', () => {
    expect(parseLabels('app')).toEqual({ error: expect.stringMatching(/"app" has no "="/) });
    expect(parseLabels('-x=1')).toEqual({ error: expect.stringMatching(/Label key "-x"/) });
    expect(parseLabels('x=a b')).toEqual({ error: expect.stringMatching(/Label value "a b"/) });
  });
});

describe('splitCommand', () => {
  it('splits words and keeps quoted spaces', () => {
    expect(splitCommand(`sh -c "echo hi; sleep 3600"`)).toEqual({ argv: ['sh', '-c', 'echo hi; sleep 3600'] });
    expect(splitCommand(`echo 'a "b"' c\\ d ""`)).toEqual({ argv: ['echo', 'a "b"', 'c d', ''] });
    expect(splitCommand('   ')).toEqual({ argv: [] });
  });

  it('refuses an unclosed quote', () => {
    expect(splitCommand('sh -c "echo')).toEqual({ error: 'The command has an unclosed double quote.' });
  });
});

describe('checkRunPodForm', () => {
  it('builds the request from a valid form', () => {
    expect(checkRunPodForm({ namespace: 'default', name: ' web-1 ', image: 'nginx:1.27', labels: 'app=web', command: 'sleep 3600' })).toEqual({
      request: { namespace: 'default', name: 'web-1', image: 'nginx:1.27', labels: { app: 'web' }, command: ['sleep', '3600'] },
    });
  });

  it('reports every bad field at once', () => {
    const result = checkRunPodForm({ namespace: 'Bad', name: '', image: 'X', labels: 'nope', command: '"' });
    expect(result).toEqual({ errors: { namespace: expect.any(String), name: expect.any(String), image: expect.any(String), labels: expect.any(String), command: expect.any(String) } });
  });
});
