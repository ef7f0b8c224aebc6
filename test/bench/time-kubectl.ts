import { spawn } from 'node:child_process';

// The baseline the scale benches compare with: real `kubectl get pods -A -o json` on the same
// server, its output discarded (we time kubectl, not our buffering of its output).

/** Milliseconds kubectl took, or `{ timedOut }` when it had not finished within the limit. */
export function timeKubectl(kubeconfigPath: string, limitMs: number): Promise<number | { timedOut: number } | null> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('kubectl', ['--kubeconfig', kubeconfigPath, 'get', 'pods', '-A', '-o', 'json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-400)));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill();
    }, limitMs);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 && !killed) console.log(`  kubectl failed (exit ${code}): ${stderr.trim()}`);
      resolve(killed ? { timedOut: limitMs } : code === 0 ? performance.now() - started : null);
    });
  });
}
