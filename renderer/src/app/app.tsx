import { Suspense, useEffect } from 'react';
import { HomePage } from '../features/home/home-page';
import { onObjectRequested } from '../components/navigation/object-navigation';
import { ClusterBar } from '../features/contexts/cluster-bar';
import { ScreenErrorBoundary } from './screen-error-boundary';
import { checkup, events, install, network, nodes, overview, pods, screenCode, services, storage, workloads } from './screen-pages';
import { screenForKind, screenGroups, screens, type ScreenId } from './screens';
import { StatusBar } from './status-bar';
import { useScreen } from './use-screen';
import { useTheme } from './use-theme';

const codeOf = (id: ScreenId) => screenCode[id];

/** Shown while a screen's code loads (a first visit before its preload finished): never a blank pane. */
function ScreenLoading({ id }: { id: ScreenId }) {
  const label = screens.find((s) => s.id === id)?.label ?? 'screen';
  return (
    <p className="muted" role="status">
      Opening {label}…
    </p>
  );
}

export function App() {
  const [screen, setScreen] = useScreen('home', codeOf);
  const [theme, setTheme] = useTheme();

  // Alt+1..9 switches screens from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey) return;
      const target = screens.find((s) => s.shortcut !== '' && s.shortcut === event.key);
      if (target) {
        event.preventDefault();
        setScreen(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setScreen]);

  // A link to an object (a pod's owner, an event's object) opens the screen that lists it.
  useEffect(
    () =>
      onObjectRequested((target) => {
        const id = screenForKind(target.kind);
        if (id) setScreen(id);
      }),
    [setScreen],
  );

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Screens">
        <div className="brand" aria-hidden="true">
          ⚓ Berth
        </div>
        <div className="nav-groups">
          {screenGroups.map((group, i) => (
            <section key={group} className="nav-group" aria-labelledby={`nav-group-${i}`}>
              <h2 id={`nav-group-${i}`} className="nav-group-title">
                {group}
              </h2>
              <ul>
                {screens
                  .filter((s) => s.group === group)
                  .map((s) => (
                    <li key={s.id}>
                      <button
                        type="button"
                        className="nav-item"
                        aria-current={screen === s.id ? 'page' : undefined}
                        onClick={() => setScreen(s.id)}
                        title={s.shortcut ? `Alt+${s.shortcut}` : undefined}
                      >
                        {s.label}
                      </button>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
        <label className="theme-picker">
          Theme
          <select value={theme} onChange={(e) => setTheme(e.target.value as typeof theme)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </nav>
      <main className="content">
        <ClusterBar />
        {screen === 'home' && <HomePage onInstall={() => setScreen('install')} />}
        <ScreenErrorBoundary key={screen} label={screens.find((s) => s.id === screen)?.label ?? screen}>
          <Suspense fallback={<ScreenLoading id={screen} />}>
            {screen === 'install' && <install.Screen openClusterView={() => setScreen('overview')} />}
            {screen === 'overview' && <overview.Screen />}
            {screen === 'checkup' && <checkup.Screen />}
            {screen === 'nodes' && <nodes.Screen />}
            {screen === 'pods' && <pods.Screen />}
            {screen === 'services' && <services.Screen />}
            {screen === 'workloads' && <workloads.Screen />}
            {screen === 'events' && <events.Screen />}
            {screen === 'network' && <network.Screen />}
            {screen === 'storage' && <storage.Screen />}
          </Suspense>
        </ScreenErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
