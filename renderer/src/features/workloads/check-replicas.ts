/** The replica count typed into the scale dialog, checked before it is sent. */
export function checkReplicas(text: string): { ok: true; replicas: number } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'Enter how many replicas to run (0 or more).' };
  if (!/^\d+$/.test(t)) return { ok: false, message: 'Use a whole number of 0 or more, e.g. 3.' };
  const replicas = Number(t);
  // The contract's limit; far above what a local cluster runs.
  if (replicas > 100_000) return { ok: false, message: 'At most 100000 replicas.' };
  return { ok: true, replicas };
}
