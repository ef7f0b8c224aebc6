import type { InstallerService } from '../services/installer';
import type { Handlers } from './router';

type InstallerCalls =
  | 'installer.preflight'
  | 'installer.start'
  | 'installer.current'
  | 'installer.cancel'
  | 'installer.retry'
  | 'installer.inspect'
  | 'installer.stopDashboardProxy'
  | 'installer.logs'
  | 'installer.readLog'
  | 'installer.addNode'
  | 'installer.join'
  | 'installer.remove';

export function installerHandlers(installer: InstallerService): Pick<Handlers, InstallerCalls> {
  return {
    'installer.preflight': () => installer.preflight(),
    'installer.start': (choices) => installer.start(choices),
    'installer.current': () => installer.current(),
    'installer.cancel': ({ runId }) => installer.cancel(runId),
    'installer.retry': ({ runId }) => installer.retry(runId),
    'installer.inspect': ({ runId }) => installer.inspect(runId),
    'installer.stopDashboardProxy': async ({ runId }) => ({ stopped: await installer.stopDashboardProxy(runId) }),
    'installer.logs': () => installer.logs(),
    'installer.readLog': ({ runId, before }) => installer.readLog(runId, before),
    'installer.addNode': () => installer.addNode(),
    'installer.join': ({ address, worker }) => installer.join(address, worker),
    // The page confirmed (the schema demands `confirmed: true`) after saying what is lost.
    'installer.remove': ({ mode }) => installer.remove(mode),
  };
}
