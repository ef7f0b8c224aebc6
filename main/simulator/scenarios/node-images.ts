import { createHash } from 'node:crypto';
import type { Store } from '../store';

// The images a node has pulled, as the kubelet reports them in status.images: every name the
// image goes by (repo@digest and repo:tag, normalised to the registry) and its size. The
// check-up reads sizes from here, as it would from a real node.

/** Sizes (bytes, as containerd reports them) of the images the scenarios run. */
export const IMAGE_SIZES: Record<string, number> = {
  'nginx:1.27.3': 72_950_112,
  'nginx:latest': 72_961_004,
  'nginx:1.19': 53_602_817,
  'redis:7.2.5': 41_724_095,
  'busybox:1.36': 2_159_640,
  'python:3.12-slim': 45_297_220,
  'grafana/grafana:latest': 141_021_882,
  'quay.io/prometheus/prometheus:v2.54.1': 108_316_240,
  'quay.io/prometheus/node-exporter:v1.8.2': 11_907_340,
  'ghcr.io/example/shop-api:2.4.1': 312_404_118,
  'ghcr.io/example/checkout:1.8.0': 684_233_902,
  'nicolaka/netshoot:v0.13': 207_118_395,
  'jupyter/tensorflow-notebook:2024-10-07': 1_921_456_370,
  'docker.io/calico/node:v3.28.1': 122_180_040,
  'docker.io/calico/cni:v3.28.1': 94_508_722,
  'docker.io/calico/kube-controllers:v3.28.1': 34_361_560,
  'docker.io/coredns/coredns:1.10.1': 16_190_758,
  'nginxinc/nginx-unprivileged:1.27.3-alpine': 21_403_977,
  'ghcr.io/example/shop-api:2.4.1-distroless': 18_702_513,
};

/** `nginx:1.27.3` -> `docker.io/library/nginx:1.27.3`, as containerd names it. */
export function normalisedImageName(image: string): string {
  const first = image.split('/')[0] ?? '';
  const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return image;
  return `docker.io/${image.includes('/') ? image : `library/${image}`}`;
}

export function nodeImageEntry(image: string, sizeBytes: number): { names: string[]; sizeBytes: number } {
  const name = normalisedImageName(image);
  const repo = name.slice(0, name.lastIndexOf(':'));
  const digest = createHash('sha256').update(name).digest('hex');
  return { names: [`${repo}@sha256:${digest}`, name], sizeBytes };
}

/** Gives every node the listed images (largest first, as the kubelet sorts them). */
export function setNodeImages(store: Store, images: string[]): void {
  const entries = images
    .filter((i) => IMAGE_SIZES[i] !== undefined)
    .map((i) => nodeImageEntry(i, IMAGE_SIZES[i] as number))
    .sort((a, b) => b.sizeBytes - a.sizeBytes);
  for (const n of store.all('nodes')) {
    store.mutate<{ status?: Record<string, unknown> }>('nodes', undefined, n.metadata.name, (copy) => {
      copy.status = { ...(copy.status ?? {}), images: entries };
    });
  }
}
