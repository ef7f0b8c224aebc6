import { humanDuration } from '../../../../main/kube';
import type { ConnectionStatus, ContextInfo } from '../../../../main/contract';

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

export interface ConnectionText {
  /** Short, always shown next to the context name. */
  label: string;
  tone: Tone;
  /** The reason and what to do next, when not connected. */
  detail?: string;
  /** "synced 4s ago" */
  synced?: string;
}

const LABELS: Record<ConnectionStatus['state'], [string, Tone]> = {
  idle: ['Not connected', 'muted'],
  connecting: ['Connecting…', 'muted'],
  connected: ['Connected', 'ok'],
  reconnecting: ['Reconnecting…', 'warn'],
  unauthorized: ['Not authorised', 'bad'],
  unreachable: ['Unreachable', 'bad'],
  error: ['Error', 'bad'],
};

/** How the connection to the cluster reads in the header; `now` lets "synced 4s ago" tick. */
export function describeConnection(status: ConnectionStatus, now: number): ConnectionText {
  const [label, tone] = LABELS[status.state];
  const detail = [status.reason, status.hint].filter(Boolean).join(' ') || undefined;
  const synced = status.lastSyncAt === undefined ? undefined : `last synced ${humanDuration(Math.max(0, now - status.lastSyncAt))} ago`;
  return { label, tone, ...(detail ? { detail } : {}), ...(synced ? { synced } : {}) };
}

/** Warnings to show beside a context before and after connecting to it. */
export function contextWarnings(context: ContextInfo): string[] {
  const warnings: string[] = [];
  if (context.insecure) {
    warnings.push(`TLS verification is off for ${context.cluster} (insecure-skip-tls-verify): anyone on the network path could impersonate this API server.`);
  }
  if (context.exec && context.exec.resolvedPath === null) {
    const where = context.exec.searched.length ? ` Berth looked in: ${context.exec.searched.join(', ')}.` : '';
    warnings.push(`The credential plugin "${context.exec.command}" this context needs was not found.${where} Install it or put it on PATH, then reconnect.`);
  }
  return warnings;
}
