import { launchBackend } from '../app/launch-backend';
import { defaultDataDir } from '../app/data-dir';
import type { LaunchOptions } from '../app/options';
import { builtPaths } from '../app/paths';
import { connectAhead } from '../app/connect-ahead';
import { openInBrowser } from './open-browser';
import { startWebHost } from './web-host';

/** Runs the web host until SIGINT/SIGTERM: `npm run web`, and `npm start` where Electron can't run. */
export async function serveWeb(options: LaunchOptions): Promise<void> {
  const backend = await launchBackend({
    transport: 'web',
    dataDir: defaultDataDir(),
    demo: options.demo,
    kubeconfig: options.kubeconfig,
    context: options.context,
    // The page asks for external links; with no desktop shell we can still hand them to the browser.
    openExternal: (url) => openInBrowser(url),
  });
  const host = await startWebHost({ port: options.port, rendererDir: builtPaths.renderer, backend, debugRoutes: process.env.BERTH_WEB_HOST_DEBUG === '1' });
  void connectAhead(backend);
  // The one line tests and people look for; keep its form stable.
  console.log(`Berth web host: ${host.url}`);
  if (options.open) void openInBrowser(host.url);

  const stop = async () => {
    await host.close();
    await backend.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
