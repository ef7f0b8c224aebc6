import type { AffectedObject, Finding } from '../../contract';
import type { ClusterSnapshot, PodFacts } from './cluster-snapshot';
import { listNames, makeFinding, plural } from './finding';
import { floatingTag, formatBytes, imageKeys } from './image-refs';
import { containerLabel, userPods, WorkloadFindings } from './workload-groups';

// Small images: sizes from the nodes' image lists (status.images, what the kubelet reports), the
// largest in use, those over a threshold, and references by `:latest` or with no tag.

export const IMAGE_WARN_BYTES = 500e6;
export const IMAGE_FAIL_BYTES = 1e9;
const LARGEST_SHOWN = 5;

interface ImageUse {
  image: string;
  sizeBytes: number | undefined;
  users: WorkloadFindings;
}

/** Sizes by every name a node lists; the largest when nodes disagree (layers compressed differently). */
export function imageSizes(snapshot: Pick<ClusterSnapshot, 'nodes'>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const node of snapshot.nodes ?? []) for (const img of node.images) for (const name of img.names) sizes.set(name, Math.max(sizes.get(name) ?? 0, img.sizeBytes));
  return sizes;
}

function sizeOf(sizes: Map<string, number>, pod: PodFacts, image: string): number | undefined {
  for (const key of imageKeys(image)) if (sizes.has(key)) return sizes.get(key);
  // The runtime's resolved names (status.image / imageID) find images the spec names by a short alias.
  for (const resolved of pod.runningImages) for (const key of imageKeys(resolved)) if (sizes.has(key)) return sizes.get(key);
  return undefined;
}

export function checkImages(snapshot: ClusterSnapshot): Finding[] {
  const out: Finding[] = [];
  if (!snapshot.pods) return out;
  const sizes = imageSizes(snapshot);
  const uses = new Map<string, ImageUse>();
  const floating = new WorkloadFindings();
  let latest = 0;
  for (const pod of userPods(snapshot.pods)) {
    for (const c of pod.containers) {
      let use = uses.get(c.image);
      if (!use) {
        use = { image: c.image, sizeBytes: sizeOf(sizes, pod, c.image), users: new WorkloadFindings() };
        uses.set(c.image, use);
      }
      use.users.add(pod, `${containerLabel(c)}: ${c.image}`);
      const f = floatingTag(c.image);
      if (f) {
        floating.add(pod, `${containerLabel(c)}: ${c.image}${f === 'untagged' ? ' (no tag: means :latest)' : ''}`);
        latest++;
      }
    }
  }
  const sized = [...uses.values()].filter((u) => u.sizeBytes !== undefined).sort((a, b) => (b.sizeBytes ?? 0) - (a.sizeBytes ?? 0));
  const unknown = uses.size - sized.length;
  const objectsFor = (list: ImageUse[]): AffectedObject[] => list.flatMap((u) => u.users.objects().map((o) => ({ ...o, detail: `${u.image}: ${formatBytes(u.sizeBytes ?? 0)}` })));
  const sizeNote = `${plural(uses.size, 'image')} in use${unknown ? `, ${unknown} of them not in any node's image list (size unknown)` : ''}.`;
  const why = 'Big images take longer to pull (every new node, every rollout), fill the nodes\' disks and usually carry compilers, shells and libraries an attacker can use, each with its own vulnerabilities.';
  const fix = `# build on a small base and copy only the program into it (multi-stage build)
FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /app /app
USER 65532
ENTRYPOINT ["/app"]`;
  const top = sized.slice(0, LARGEST_SHOWN);
  out.push(
    makeFinding('images', {
      id: 'largest',
      title: 'Largest images in use',
      status: top.some((u) => (u.sizeBytes ?? 0) > IMAGE_WARN_BYTES) ? 'warning' : 'pass',
      summary: top.length ? `Largest: ${top.map((u) => `${u.image} (${formatBytes(u.sizeBytes ?? 0)})`).join(', ')}. ${sizeNote}` : `No sizes known. ${sizeNote}`,
      why,
      fix,
      fixFormat: 'text',
      objects: objectsFor(top),
    }),
  );
  const over = sized.filter((u) => (u.sizeBytes ?? 0) > IMAGE_WARN_BYTES);
  out.push(
    makeFinding('images', {
      id: 'over-threshold',
      title: `Images over ${formatBytes(IMAGE_WARN_BYTES)}`,
      status: over.some((u) => (u.sizeBytes ?? 0) > IMAGE_FAIL_BYTES) ? 'fail' : over.length ? 'warning' : 'pass',
      summary: over.length
        ? `${plural(over.length, 'image')} over ${formatBytes(IMAGE_WARN_BYTES)}: ${listNames(over.map((u) => `${u.image} (${formatBytes(u.sizeBytes ?? 0)})`))}.`
        : `No image in use is over ${formatBytes(IMAGE_WARN_BYTES)}.`,
      why,
      fix,
      fixFormat: 'text',
      objects: objectsFor(over),
    }),
    makeFinding('images', {
      id: 'floating-tags',
      title: 'Images by :latest or without a tag',
      status: latest ? 'warning' : 'pass',
      summary: floating.size ? `${plural(floating.size, 'workload')} use images by \`:latest\` or with no tag: ${listNames(floating.names())}.` : 'Every image is pinned to a version tag or digest.',
      why: '`:latest` (and no tag, which means the same) changes under you: two nodes can run different code for one Deployment, a restart can upgrade without anyone deciding to, and a rollback has nothing to go back to.',
      fix: 'kubectl set image deployment/NAME CONTAINER=nginx:1.27.3 -n NAMESPACE\n# or pin by digest: nginx@sha256:...',
      fixFormat: 'shell',
      objects: floating.objects(),
    }),
  );
  return out;
}
