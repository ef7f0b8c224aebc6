import type { CheckupService } from '../services/checkup/checkup-service';
import type { Client, Handlers } from './router';

type CheckupCall = Extract<keyof Handlers, `checkup.${string}`>;

/** The check-up's calls. A client sees live reports from open until close, or until it goes away. */
export function checkupHandlers(service: CheckupService, ensureConnected: () => Promise<void>): Pick<Handlers, CheckupCall> {
  const watching = new Set<string>();
  const watch = (client: Client) => {
    if (watching.has(client.id)) return;
    watching.add(client.id);
    client.onClose(() => {
      watching.delete(client.id);
      service.close(client.id);
    });
  };
  return {
    'checkup.open': async (_req, { client }) => {
      await ensureConnected();
      watch(client);
      return service.open(client.id, (state) => client.emit('checkup.state', state));
    },
    'checkup.close': (_req, { client }) => {
      service.close(client.id);
      return {};
    },
    'checkup.run': async () => {
      await ensureConnected();
      return service.run();
    },
    'checkup.export': ({ format }) => service.exportReport(format),
  };
}
