import { parseLaunchOptions } from '../app/options';
import { serveWeb } from './serve';

serveWeb(parseLaunchOptions(process.argv.slice(2))).catch((error: unknown) => {
  console.error(`Berth web host could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
