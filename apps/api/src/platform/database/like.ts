/** A `%text%` ILIKE pattern that matches `text` literally (its %, _ and \ are escaped). */
export const containsPattern = (text: string): string => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
