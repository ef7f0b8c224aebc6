// @ts-check
// What the Snap Store offers for microk8s: the `snap info microk8s` channel map of May 2025
// (reference §1 "Channels"; rows the reference does not show are filled in consistently with it).
// The default track is the current Kubernetes minor, 1.32, as the microk8s snap sets it.

export const DEFAULT_CHANNEL = '1.32/stable';
export const RISKS = ['stable', 'candidate', 'beta', 'edge'];

/**
 * @typedef {object} Release
 * @property {string} version
 * @property {string} date
 * @property {number} revision
 * @property {string} size
 * @property {string} notes
 */

/** @type {Record<string, Release>} */
const RELEASES = {
  'latest/stable': { version: 'v1.32.3', date: '2025-04-07', revision: 7964, size: '172MB', notes: 'classic' },
  'latest/candidate': { version: 'v1.33.0', date: '2025-04-24', revision: 8205, size: '177MB', notes: 'classic' },
  'latest/beta': { version: 'v1.33.0', date: '2025-04-24', revision: 8205, size: '177MB', notes: 'classic' },
  'latest/edge': { version: 'v1.33.1', date: '2025-05-15', revision: 8209, size: '177MB', notes: 'classic' },
  '1.33/stable': { version: 'v1.33.0', date: '2025-04-24', revision: 8205, size: '177MB', notes: 'classic' },
  '1.33/candidate': { version: 'v1.33.1', date: '2025-05-15', revision: 8210, size: '177MB', notes: 'classic' },
  '1.33/beta': { version: 'v1.33.1', date: '2025-05-15', revision: 8210, size: '177MB', notes: 'classic' },
  '1.33/edge': { version: 'v1.33.1', date: '2025-05-15', revision: 8210, size: '177MB', notes: 'classic' },
  '1.32/stable': { version: 'v1.32.3', date: '2025-04-07', revision: 7964, size: '172MB', notes: 'classic' },
  '1.32/candidate': { version: 'v1.32.4', date: '2025-04-23', revision: 8148, size: '172MB', notes: 'classic' },
  '1.32/beta': { version: 'v1.32.4', date: '2025-04-23', revision: 8148, size: '172MB', notes: 'classic' },
  '1.32/edge': { version: 'v1.32.5', date: '2025-05-15', revision: 8220, size: '172MB', notes: 'classic' },
  '1.32-strict/stable': { version: 'v1.32.4', date: '2025-04-23', revision: 8155, size: '172MB', notes: '-' },
  '1.32-strict/candidate': { version: 'v1.32.4', date: '2025-04-23', revision: 8155, size: '172MB', notes: '-' },
  '1.32-strict/beta': { version: 'v1.32.4', date: '2025-04-23', revision: 8155, size: '172MB', notes: '-' },
  '1.32-strict/edge': { version: 'v1.32.5', date: '2025-05-15', revision: 8221, size: '172MB', notes: '-' },
  '1.31/stable': { version: 'v1.31.7', date: '2025-03-31', revision: 7963, size: '168MB', notes: 'classic' },
  '1.31/candidate': { version: 'v1.31.7', date: '2025-03-31', revision: 7963, size: '168MB', notes: 'classic' },
  '1.31/beta': { version: 'v1.31.7', date: '2025-03-31', revision: 7963, size: '168MB', notes: 'classic' },
  '1.31/edge': { version: 'v1.31.8', date: '2025-04-23', revision: 8150, size: '168MB', notes: 'classic' },
  '1.30/stable': { version: 'v1.30.11', date: '2025-03-31', revision: 7966, size: '169MB', notes: 'classic' },
  '1.30/candidate': { version: 'v1.30.11', date: '2025-03-31', revision: 7966, size: '169MB', notes: 'classic' },
  '1.30/beta': { version: 'v1.30.11', date: '2025-03-31', revision: 7966, size: '169MB', notes: 'classic' },
  '1.30/edge': { version: 'v1.30.12', date: '2025-04-23', revision: 8151, size: '169MB', notes: 'classic' },
};

/** Channel names in the order `snap info` prints them. */
export const CHANNELS = Object.keys(RELEASES);

/**
 * `--channel=1.32` means `1.32/stable`; a bare risk (`--channel=edge`) means `latest/<risk>`.
 * @param {string | undefined} channel
 */
export function normalizeChannel(channel) {
  if (!channel) return DEFAULT_CHANNEL;
  if (RISKS.includes(channel)) return `latest/${channel}`;
  return channel.includes('/') ? channel : `${channel}/stable`;
}

/** @param {string} channel */
export const releaseOf = (channel) => RELEASES[channel];

/** Strictly confined channels use the group snap_microk8s instead of microk8s (reference §2). */
export const strictGroupOf = (/** @type {string} */ channel) => (channel.includes('-strict') ? 'snap_microk8s' : 'microk8s');
