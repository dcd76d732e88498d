// The checksum of a journal line (experiments and calibrations): a line whose content does not match
// it is damaged or foreign, and its run is done again.

/** FNV-1a (32 bit) of a string, as 8 hex digits: enough to catch a changed digit or a torn line. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
