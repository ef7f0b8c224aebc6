import { useEffect, useState } from 'react';
import { HomePage } from '../features/home/home-page';
import { InstallPage } from '../features/install/install-page';
import { CheckupPage } from '../features/checkup/checkup-page';
import { onObjectRequested } from '../components/navigation/object-navigation';
import { ClusterBar } from '../features/contexts/cluster-bar';
import { NodesPage } from '../features/nodes/nodes-page';
import { OverviewPage } from '../features/overview/overview-page';
import { PodsPage } from '../features/pods/pods-page';
import { ServicesPage } from '../features/services/services-page';
import { EventsPage } from '../features/events/events-page';
import { NetworkPage } from '../features/network/network-page';
import { StoragePage } from '../features/storage/storage-page';
import { WorkloadsPage } from '../features/workloads/workloads-page';
import { screenForKind, screenGroups, screens, type ScreenId } from './screens';
import { StatusBar } from './status-bar';
import { useTheme } from './use-theme';

export function App() {
  const [screen, setScreen] = useState<ScreenId>('home');
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
  }, []);

  // A link to an object (a pod's owner, an event's object) opens the screen that lists it.
  useEffect(
    () =>
      onObjectRequested((target) => {
        const id = screenForKind(target.kind);
        if (id) setScreen(id);
      }),
    [],
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
        {screen === 'install' && <InstallPage openClusterView={() => setScreen('overview')} />}
        {screen === 'overview' && <OverviewPage />}
        {screen === 'checkup' && <CheckupPage />}
        {screen === 'nodes' && <NodesPage />}
        {screen === 'pods' && <PodsPage />}
        {screen === 'services' && <ServicesPage />}
        {screen === 'workloads' && <WorkloadsPage />}
        {screen === 'events' && <EventsPage />}
        {screen === 'network' && <NetworkPage />}
        {screen === 'storage' && <StoragePage />}
      </main>
      <StatusBar />
    </div>
  );
}
