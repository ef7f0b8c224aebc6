/**
 * Reads the `microk8s join ADDRESS/TOKEN/SUFFIX [--worker]` line that `microk8s add-node` prints
 * on the other machine, so the person can paste it as is. The address part must match what
 * `installer.join` accepts (main validates it again).
 */
export type JoinCommand = { ok: true; address: string; worker: boolean } | { ok: false; message: string };

const ADDRESS = /^[0-9A-Za-z.:[\]-]+:\d{1,5}$/;
const TOKEN = /^[0-9a-f]{32}$/;
const SUFFIX = /^[0-9a-f]{12}$/;

export function parseJoinCommand(text: string): JoinCommand {
  // A paste may carry a shell prompt, `sudo`, or the snap's old dotted name.
  const words = text
    .trim()
    .replace(/^\$\s*/, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return { ok: false, message: 'Paste the join command that `microk8s add-node` printed on the other machine.' };
  if (words[0] === 'sudo') words.shift();
  const program = words.shift();
  let verb: string | undefined;
  if (program === 'microk8s.join') verb = 'join';
  else if (program === 'microk8s') verb = words.shift();
  if (verb !== 'join') return { ok: false, message: 'This is not a join command: it should start with `microk8s join`.' };

  let worker = false;
  const positional: string[] = [];
  for (const word of words) {
    if (word === '--worker') worker = true;
    else if (word.startsWith('-')) return { ok: false, message: `Berth does not support the option ${word}; only --worker.` };
    else positional.push(word);
  }
  if (positional.length === 0) return { ok: false, message: 'The command is missing its ADDRESS/TOKEN part; copy the whole line.' };
  if (positional.length > 1) return { ok: false, message: 'Paste one join command at a time.' };

  const target = positional[0] ?? '';
  const [address = '', token, suffix, ...rest] = target.split('/');
  if (!ADDRESS.test(address)) return { ok: false, message: `"${address}" is not an address with a port, such as 10.0.0.241:25000.` };
  if (token === undefined || suffix === undefined || rest.length > 0) {
    return { ok: false, message: 'The command should end in ADDRESS:PORT/TOKEN/SUFFIX; it looks cut short. Copy the whole line.' };
  }
  if (!TOKEN.test(token)) return { ok: false, message: 'The token (after the address) should be 32 characters 0-9 and a-f; it looks cut short or altered.' };
  if (!SUFFIX.test(suffix)) return { ok: false, message: 'The last part should be 12 characters 0-9 and a-f; it looks cut short or altered.' };
  return { ok: true, address: target, worker };
}
