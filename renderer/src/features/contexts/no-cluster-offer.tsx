import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api';

/**
 * On Welcome, when Berth finds no kubeconfig context: the two ways forward. Demo mode is chosen at
 * start (`--demo`), so that offer is the command to run, not a button. With a cluster, `otherwise`
 * shows instead.
 */
export function NoClusterOffer({ onInstall, otherwise = null }: { onInstall?: (() => void) | undefined; otherwise?: ReactNode }) {
  const [empty, setEmpty] = useState(false);
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    api.cluster.contexts({}).then(
      (c) => setEmpty(c.contexts.length === 0),
      () => setEmpty(false),
    );
    api.app.info({}).then(
      (i) => setDemo(i.demo),
      () => undefined,
    );
  }, []);
  if (!empty || demo) return otherwise;
  return (
    <section className="no-cluster" aria-labelledby="no-cluster-title" data-testid="no-cluster-offer">
      <h2 id="no-cluster-title">No cluster found</h2>
      <p>Berth found no kubeconfig with a cluster in it. Two ways to start:</p>
      <ul>
        <li>
          {onInstall ? (
            <button type="button" className="button" onClick={onInstall}>
              Install microk8s
            </button>
          ) : (
            <strong>Install microk8s</strong>
          )}{' '}
          on this machine with the guided wizard.
        </li>
        <li>
          <strong>Explore a simulated cluster</strong>: quit Berth and start it with <code>npm start -- --demo</code> (or <code>npm run web -- --demo</code>) to browse a realistic cluster that needs no install.
        </li>
      </ul>
    </section>
  );
}
