import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contract';
import { checkImages } from './check-images';
import { floatingTag, imageKeys, parseImage } from './image-refs';
import { container, pod } from './test-objects';

const node = (images: Array<[string, number]>) => ({ name: 'n1', images: images.map(([name, sizeBytes]) => ({ names: [name], sizeBytes })) });

describe('image references', () => {
  it('normalises as the runtime does', () => {
    expect(parseImage('nginx')).toEqual({ repository: 'docker.io/library/nginx' });
    expect(parseImage('grafana/grafana:11.2')).toEqual({ repository: 'docker.io/grafana/grafana', tag: '11.2' });
    expect(parseImage('localhost:5000/app:1')).toEqual({ repository: 'localhost:5000/app', tag: '1' });
    expect(parseImage('ghcr.io/a/b@sha256:abc')).toEqual({ repository: 'ghcr.io/a/b', digest: 'sha256:abc' });
    expect(imageKeys('nginx')).toEqual(['docker.io/library/nginx:latest']);
  });

  it('knows floating tags: :latest and none; digests are pinned', () => {
    expect(floatingTag('nginx')).toBe('untagged');
    expect(floatingTag('nginx:latest')).toBe('latest');
    expect(floatingTag('nginx:1.27')).toBeUndefined();
    expect(floatingTag('nginx@sha256:abc')).toBeUndefined();
    expect(floatingTag('registry:5000/app')).toBe('untagged');
  });
});

describe('images', () => {
  it('takes sizes from the nodes, lists the largest, fails images over 1 GB', () => {
    const snapshot = {
      pods: [pod({ containers: [container({ image: 'jupyter/tensorflow-notebook:2024-10-07' })] }), pod({ name: 'api-1', workload: { kind: 'Deployment', namespace: 'shop', name: 'api' }, containers: [container({ image: 'nginx:1.27.3' })] })],
      nodes: [node([['docker.io/jupyter/tensorflow-notebook:2024-10-07', 1.9e9], ['docker.io/library/nginx:1.27.3', 7.3e7]])],
      problems: [],
    };
    const f = Object.fromEntries(checkImages(snapshot).map((x) => [x.id, x] as const)) as Record<string, Finding>;
    expect(f['images.largest']!.summary).toMatch(/^Largest: jupyter\/tensorflow-notebook:2024-10-07 \(1\.9 GB\), nginx:1\.27\.3 \(73 MB\)/);
    expect(f['images.over-threshold']!.status).toBe('fail');
    expect(f['images.over-threshold']!.objects).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'web', detail: 'jupyter/tensorflow-notebook:2024-10-07: 1.9 GB' }]);
    expect(f['images.floating-tags']!.status).toBe('pass');
  });

  it('finds a size by the name the runtime resolved when the spec uses another', () => {
    const snapshot = { pods: [pod({ containers: [container({ image: 'app:1' })], runningImages: ['registry.example.com/app@sha256:beef'] })], nodes: [node([['registry.example.com/app@sha256:beef', 6e8]])], problems: [] };
    expect(checkImages(snapshot).find((x) => x.id === 'images.over-threshold')!.status).toBe('warning');
  });

  it('warns about :latest and untagged images', () => {
    const f = checkImages({ pods: [pod({ containers: [container({ image: 'nginx' }), container({ name: 'side', image: 'busybox:latest' })] })], nodes: [], problems: [] }).find((x) => x.id === 'images.floating-tags')!;
    expect(f.status).toBe('warning');
    expect(f.objects[0]!.detail).toBe('container app: nginx (no tag: means :latest); container side: busybox:latest');
  });
});
