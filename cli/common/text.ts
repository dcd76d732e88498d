// Small wording helpers for messages.

/** "1 run", "3 runs". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
