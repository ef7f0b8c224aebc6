// The pod tag in front of each line of a workload's logs: a short name and a stable colour, so
// lines from one pod are easy to follow in the interleaving.

const HUES = [210, 30, 140, 280, 0, 180, 60, 320];

export function tagHue(pod: string): number {
  let h = 0;
  for (let i = 0; i < pod.length; i++) h = (h * 31 + pod.charCodeAt(i)) >>> 0;
  return HUES[h % HUES.length]!;
}

/** The part of a pod's name that differs between replicas (`web-7d9f8-abcde` -> `abcde`, unless names are short). */
export function shortPodName(pod: string, all: readonly string[]): string {
  if (pod.length <= 20 || all.length < 2) return pod;
  let prefix = all[0]!;
  for (const other of all) {
    let i = 0;
    while (i < prefix.length && i < other.length && prefix[i] === other[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const cut = prefix.lastIndexOf('-') + 1;
  return cut > 0 && cut < pod.length ? pod.slice(cut) : pod;
}
