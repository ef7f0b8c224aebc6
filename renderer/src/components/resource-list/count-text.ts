/** "1 pod matches", "36 pods": `noun` is the plural; English plurals here just drop the "s". */
export function countText(total: number, noun: string, filtered: boolean): string {
  const word = total === 1 ? noun.replace(/s$/, '') : noun;
  return `${total} ${word}${filtered ? (total === 1 ? ' matches' : ' match') : ''}`;
}
