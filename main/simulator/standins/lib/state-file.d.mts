// Types for state-file.mjs, so TypeScript callers (index.ts, tests) share its one implementation.

export interface InstalledSnap {
  channel: string;
  revision: number;
  version: string;
  installedAt?: number;
}

export interface JoinedNode {
  address: string;
  worker: boolean;
}

export interface StandinState {
  snap: InstalledSnap | null;
  change: { pid: number; kind: string } | null;
  stopped: boolean;
  /** ms since the epoch: the services are still coming up before this. */
  readyAt: number;
  fileAddons: string[];
  groups: Record<string, string[]>;
  groupNames: string[];
  sudo: Record<string, number>;
  joined: JoinedNode[];
  member: JoinedNode | null;
  tokens: string[];
}

export function emptyState(): StandinState;
export function statePath(dir: string): string;
export function readState(dir: string): StandinState;
export function writeStateFile(dir: string, state: StandinState): void;
export function updateState(dir: string, change: (state: StandinState) => StandinState | void): StandinState;
export function isAlive(pid: number): boolean;
