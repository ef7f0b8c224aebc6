import type { AppInfo } from '../contract';
import type { Handlers } from './router';

export interface AppDeps {
  info: () => AppInfo;
  /** Opens a URL in the system browser; resolves false where the host cannot (e.g. the web host). */
  openExternal: (url: string) => Promise<boolean>;
}

export function appHandlers(deps: AppDeps): Pick<Handlers, 'app.info' | 'app.openExternal'> {
  return {
    'app.info': () => deps.info(),
    'app.openExternal': async ({ url }) => ({ opened: await deps.openExternal(url) }),
  };
}
