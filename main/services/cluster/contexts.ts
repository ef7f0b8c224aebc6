import { delimiter } from 'node:path';
import { KubeConfig, type User } from '@kubernetes/client-node';
import type { ContextInfo } from '../../contract';
import type { ExecutableLookup } from './exec-plugin-path';

// What the context switcher shows about each context: names, server address, the kind of auth,
// the insecure flag and where an exec plugin was found. Never a credential: this crosses to the
// renderer.

export type AuthKind = ContextInfo['authKind'];

interface ExecSpec {
  command?: string;
  args?: string[];
  env?: Array<{ name: string; value: string }> | null;
  [extra: string]: unknown;
}

export function execSpec(user: User | null | undefined): ExecSpec | null {
  if (!user) return null;
  const fromUser = user.exec as ExecSpec | null | undefined;
  if (fromUser && typeof fromUser === 'object') return fromUser;
  const provider = user.authProvider as { name?: string; config?: { exec?: ExecSpec } } | null | undefined;
  const fromProvider = provider?.config?.exec;
  return fromProvider && typeof fromProvider === 'object' ? fromProvider : null;
}

/** The credential the API server will see first, in the order client-go applies them. */
export function authKindOf(user: User | null | undefined): AuthKind {
  if (!user) return 'none';
  if (execSpec(user)) return 'exec';
  if (user.authProvider) return 'auth-provider';
  if (user.certData || user.certFile) return 'client-certificate';
  if (user.token) return 'token';
  if (user.username) return 'basic';
  return 'none';
}

/** Drops a URL's userinfo so "https://user:pass@host" never reaches the page. */
export function safeServer(server: string): string {
  try {
    const url = new URL(server);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return server.replace(/\/\/[^/@]*@/, '//');
  }
}

export function describeContexts(config: KubeConfig, lookupExec: (command: string) => ExecutableLookup): ContextInfo[] {
  return config.getContexts().map((ctx) => {
    const cluster = config.getCluster(ctx.cluster);
    const user = ctx.user ? config.getUser(ctx.user) : null;
    const exec = execSpec(user);
    const info: ContextInfo = {
      name: ctx.name,
      cluster: ctx.cluster,
      server: cluster ? safeServer(cluster.server) : '',
      user: ctx.user ?? '',
      authKind: authKindOf(user),
      insecure: cluster?.skipTLSVerify === true,
    };
    if (ctx.namespace) info.namespace = ctx.namespace;
    if (exec && typeof exec.command === 'string') info.exec = { command: exec.command, ...lookupExec(exec.command) };
    return info;
  });
}

/**
 * A KubeConfig holding just one context of the merged config, with its exec plugin pinned to the
 * path we found and the login shell's PATH (plugins like gke-gcloud-auth-plugin run gcloud).
 * Derived from the same merged object the context list comes from.
 */
export function configForContext(merged: KubeConfig, name: string, exec: { resolvedPath: string | null; searchPath: string[] }): KubeConfig {
  const ctx = merged.getContextObject(name);
  if (!ctx) throw new Error(`No context named "${name}" in the kubeconfig.`);
  const cluster = merged.getCluster(ctx.cluster);
  if (!cluster) throw new Error(`Context "${name}" refers to cluster "${ctx.cluster}", which the kubeconfig does not define.`);
  let user = ctx.user ? merged.getUser(ctx.user) : null;
  const spec = execSpec(user);
  if (user && spec && exec.resolvedPath) {
    const env = [...(spec.env ?? [])];
    if (!env.some((e) => e.name === 'PATH')) env.push({ name: 'PATH', value: exec.searchPath.join(delimiter) });
    const pinned: ExecSpec = { ...spec, command: exec.resolvedPath, env };
    user = user.exec ? { ...user, exec: pinned } : { ...user, authProvider: { ...user.authProvider, config: { ...user.authProvider.config, exec: pinned } } };
  }
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [cluster],
    users: user ? [user] : [],
    contexts: [ctx],
    currentContext: ctx.name,
  });
  return kc;
}
