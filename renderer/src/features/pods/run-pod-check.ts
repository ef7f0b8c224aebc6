import type { RunPodRequest } from '../../../../main/contract';
import { labelKeyErrors, labelValueErrors } from '../../../../main/kube';

export interface RunPodForm {
  namespace: string;
  name: string;
  image: string;
  labels: string;
  command: string;
}

export type FieldErrors = Partial<Record<keyof RunPodForm, string>>;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// The same grammar main validates `cluster.runPod` with (main/contract/cluster.ts); the renderer may
// not import the contract at run time, so it is repeated here to give a message before sending.
const IMAGE_REFERENCE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

export function nameError(name: string): string | undefined {
  if (name === '') return 'Give the pod a name, e.g. web-1.';
  if (name.length > 63) return `A pod name Berth runs can have at most 63 characters (it is also the pod's run= label); this one has ${name.length}.`;
  if (/[A-Z]/.test(name)) return 'Use lower case: Kubernetes names are DNS names (lower-case letters, digits, "-" and ".").';
  if (!DNS1123_SUBDOMAIN.test(name)) return 'Use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit (a DNS-1123 name, e.g. web-1).';
  return undefined;
}

export function namespaceError(namespace: string): string | undefined {
  if (namespace === '') return 'Choose a namespace, e.g. default.';
  if (namespace.length > 63 || !DNS1123_LABEL.test(namespace)) return 'A namespace is lower-case letters, digits and "-", at most 63 characters.';
  return undefined;
}

export function imageError(image: string): string | undefined {
  if (image === '') return 'Give an image, e.g. nginx:1.27.';
  if (/\s/.test(image)) return 'An image reference has no spaces; put arguments in Command.';
  const [beforeDigest = ''] = image.split('@');
  const lastSlash = beforeDigest.lastIndexOf('/');
  const repository = beforeDigest.slice(0, beforeDigest.indexOf(':', lastSlash + 1) >= 0 ? beforeDigest.indexOf(':', lastSlash + 1) : undefined);
  if (/[A-Z]/.test(repository)) return 'Repository names are lower case (the tag after ":" may use capitals), e.g. nginx:1.27.';
  const tag = beforeDigest.slice(repository.length + 1);
  if (beforeDigest.length > repository.length && !/^[\w][\w.-]{0,127}$/.test(tag)) return `The tag "${tag}" is not valid: up to 128 letters, digits, "_", "." and "-", not starting with "." or "-".`;
  if (image.includes('@') && !/@sha256:[a-f0-9]{64}$/.test(image)) return 'A digest is written @sha256: followed by 64 lower-case hex digits.';
  if (!IMAGE_REFERENCE.test(image)) return 'Not an image reference Berth can send: use REPOSITORY[:TAG][@sha256:DIGEST], e.g. nginx:1.27 or registry.example.com:5000/team/app:v2.';
  return undefined;
}

/** `app=web, tier=frontend` → a label map; the message names the first bad pair. */
export function parseLabels(text: string): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const raw of text.split(/[,\n]/)) {
    const pair = raw.trim();
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq < 0) return { error: `"${pair}" has no "=": write labels as key=value, separated by commas.` };
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const keyErrs = labelKeyErrors(key);
    if (keyErrs.length) return { error: `Label key "${key}": ${keyErrs[0]}.` };
    const valueErrs = labelValueErrors(value);
    if (valueErrs.length) return { error: `Label value "${value}" (key ${key}): ${valueErrs[0]}.` };
    labels[key] = value;
  }
  return { labels };
}

/**
 * Splits a command line into arguments the way a POSIX shell would for plain words and quotes
 * (no variables or globbing: the container gets exactly these strings).
 */
export function splitCommand(text: string): { argv: string[] } | { error: string } {
  const argv: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\')) current += text[++i]!;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      current += text[++i]!;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) argv.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) return { error: `The command has an unclosed ${quote === '"' ? 'double' : 'single'} quote.` };
  if (inWord) argv.push(current);
  return { argv };
}

/** Checks the whole form: either the request to send, or a message for each field that is wrong. */
export function checkRunPodForm(form: RunPodForm): { request: RunPodRequest } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = form.name.trim();
  const namespace = form.namespace.trim();
  const image = form.image.trim();
  const n = nameError(name);
  if (n) errors.name = n;
  const ns = namespaceError(namespace);
  if (ns) errors.namespace = ns;
  const img = imageError(image);
  if (img) errors.image = img;
  const labels = parseLabels(form.labels);
  if ('error' in labels) errors.labels = labels.error;
  const command = splitCommand(form.command);
  if ('error' in command) errors.command = command.error;
  if (Object.keys(errors).length > 0 || 'error' in labels || 'error' in command) return { errors };
  return { request: { namespace, name, image, labels: labels.labels, command: command.argv } };
}
