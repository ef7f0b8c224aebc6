// @ts-check
// The foreground child of `microk8s dashboard-proxy`, in place of
// `kubectl port-forward -n kube-system service/kubernetes-dashboard 10443:443 --address 0.0.0.0`.
// It holds the port and says what kubectl says; the simulated cluster has no dashboard web app
// behind it, so a browser that connects gets a plain 503 saying so.
// Usage: node port-forward.mjs PORT
import net from 'node:net';
import process from 'node:process';
import { setTimeout } from 'node:timers';

const wanted = Number(process.argv[2] ?? '10443');
const server = net.createServer((socket) => {
  process.stdout.write(`Handling connection for ${port()}\n`);
  socket.on('error', () => {});
  socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nBerth stand-in: the simulated cluster has no Kubernetes Dashboard web app to forward to.\n');
});
const port = () => {
  const a = server.address();
  return typeof a === 'object' && a ? a.port : wanted;
};
server.on('error', (e) => {
  if (/** @type {NodeJS.ErrnoException} */ (e).code === 'EADDRINUSE') {
    process.stderr.write(`Unable to listen on port ${wanted}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 0.0.0.0:${wanted}: bind: address already in use]\n`);
    process.stderr.write(`error: unable to listen on any of the requested ports: [{${wanted} 8443}]\n`);
  } else process.stderr.write(`error: ${e.message}\n`);
  process.exit(1);
});
server.listen(wanted, '0.0.0.0', () => {
  process.stdout.write(`Forwarding from 0.0.0.0:${port()} -> 8443\n`);
  // Tells the parent which port it got when 0 (any free port) was asked for.
  process.send?.({ port: port() });
});
for (const sig of /** @type {const} */ (['SIGTERM', 'SIGHUP', 'SIGINT'])) process.on(sig, () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 200).unref());
// If the proxy that started us dies without a word (SIGKILL), the IPC channel closes: go too.
process.on('disconnect', () => process.exit(0));
