/**
 * Where a byte buffer stops holding only whole UTF-8 characters: the length of its longest prefix
 * that does not end inside a character. Output travels as bytes (no decoding in main), so batches
 * are cut here and the few bytes of a character that is still arriving go with the next batch:
 * every batch can be decoded on its own.
 */
export function wholeCharactersLength(bytes: Uint8Array): number {
  const end = bytes.length;
  // A character is at most 4 bytes: look back at most 3 for the lead byte of the last one.
  for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return end - i >= needs ? end : i;
  }
  // Only continuation bytes at the end (not UTF-8, or a lead more than 3 back): pass them on.
  return end;
}
