import { lazyScreen, type ScreenCode } from './lazy-screen';
import type { ScreenId } from './screens';

// Every screen but Welcome is a chunk of its own (the install wizard carries xterm): the first
// paint evaluates the shell alone. `preloadScreens` starts on the cluster screens as the page
// starts (index.html names their chunks as modulepreload links, see electron.config.ts) and on a
// few small ones once the page has settled, so a click rarely waits for code.
export const install = lazyScreen('install', () => import('../features/install/install-page').then((m) => m.InstallPage));
export const overview = lazyScreen('overview', () => import('../features/overview/overview-page').then((m) => m.OverviewPage));
export const checkup = lazyScreen('checkup', () => import('../features/checkup/checkup-page').then((m) => m.CheckupPage));
export const nodes = lazyScreen('nodes', () => import('../features/nodes/nodes-page').then((m) => m.NodesPage));
export const pods = lazyScreen('pods', () => import('../features/pods/pods-page').then((m) => m.PodsPage));
export const services = lazyScreen('services', () => import('../features/services/services-page').then((m) => m.ServicesPage));
export const workloads = lazyScreen('workloads', () => import('../features/workloads/workloads-page').then((m) => m.WorkloadsPage));
export const events = lazyScreen('events', () => import('../features/events/events-page').then((m) => m.EventsPage));
export const network = lazyScreen('network', () => import('../features/network/network-page').then((m) => m.NetworkPage));
export const storage = lazyScreen('storage', () => import('../features/storage/storage-page').then((m) => m.StoragePage));

/** The code of each screen that has a chunk of its own (Welcome is part of the shell). */
export const screenCode: Partial<Record<ScreenId, ScreenCode>> = { install, overview, checkup, nodes, pods, services, workloads, events, network, storage };

const early = [pods, overview, nodes, services, workloads, events];
// Small screens, fetched once the page has settled. Not the installer: it carries xterm (half of
// the app's code), whose compilation in an idle moment of the start landed just as the first rows
// arrived (a trace showed it); it loads when Install (or a shell) is opened.
const later = [network, storage, checkup];
const SETTLE_MS = 5000;

/** Starts loading the screens' code: the cluster screens now, a few small ones once the page has settled. */
export function preloadScreens(): void {
  // A screen that failed to load here tries again when it is opened (its error boundary says so if that fails too).
  const failed = (e: unknown) => console.warn('Berth: could not preload a screen', e);
  for (const s of early) s.preload().catch(failed);
  const rest = () => later.forEach((s) => s.preload().catch(failed));
  setTimeout(() => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(rest, { timeout: 5000 }) : rest()), SETTLE_MS);
}
