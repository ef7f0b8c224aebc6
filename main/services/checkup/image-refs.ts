// Image references as the container runtime resolves them: `nginx` is docker.io/library/nginx:latest,
// `grafana/grafana:11` is docker.io/grafana/grafana:11. A registry is the first segment when it
// has a dot or a port, or is `localhost`.
// https://github.com/distribution/reference (ParseNormalizedNamed)

export interface ImageRef {
  /** registry/repository, normalised. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0] ?? '';
  const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = hasRegistry ? rest : `docker.io/${rest.includes('/') ? rest : `library/${rest}`}`;
  if (repository.startsWith('index.docker.io/')) repository = `docker.io/${repository.slice('index.docker.io/'.length)}`;
  return { repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The names a node lists for an image: `repo:tag` and `repo@digest`. */
export function imageKeys(image: string): string[] {
  const r = parseImage(image);
  const keys: string[] = [];
  if (r.digest) keys.push(`${r.repository}@${r.digest}`);
  keys.push(`${r.repository}:${r.tag ?? 'latest'}`);
  return keys;
}

/** Why a reference is not pinned: `:latest`, or no tag (which means latest). Digests are pinned. */
export function floatingTag(image: string): 'latest' | 'untagged' | undefined {
  const r = parseImage(image);
  if (r.digest) return undefined;
  if (!r.tag) return 'untagged';
  return r.tag === 'latest' ? 'latest' : undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}
