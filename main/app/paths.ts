import { join } from 'node:path';

// Two levels up is the app's root both from the bundle (out/main/*.js) and from the sources
// (main/app/paths.ts, when tests run them directly); shared chunks are emitted beside the entries.
const appRoot = join(__dirname, '../..');

/** Files of the built app (`npm run build` writes them under out/). */
export const builtPaths = {
  appRoot,
  renderer: join(appRoot, 'out/renderer'),
  rendererIndex: join(appRoot, 'out/renderer/index.html'),
  preload: join(appRoot, 'out/preload/index.js'),
  electronMain: join(appRoot, 'out/main/index.js'),
};
