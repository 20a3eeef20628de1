/**
 * Character-bigram index of enterprise names and credit codes for 1–2-character searches on SQLite (migration
 * 0020): the FTS5 trigram index cannot serve them, and a LIKE scan of 100,000 names was the slowest list query.
 *
 * `enterprises_grams` is an FTS5 table (tokenizer `ascii`, detail=column: documents and columns per token, no positions) whose
 * tokens are every character followed by the next one, the last character followed by GRAM_END. So a 2-character
 * substring is one token, and every character begins at least one token: a 1-character substring is a token
 * prefix query. `ascii` folds A–Z only, as SQLite's LIKE does; ASCII characters it would treat as separators
 * (spaces, punctuation) are mapped into the private-use area first, so every character counts. Results are then
 * exactly those of `name LIKE '%t%'` (and `uscc LIKE`), see grams.test.ts.
 */

/** After the last character (never produced by gramChar: code 0 is not in a name). */
export const GRAM_END = '\ue000';
/** Characters beyond this position of a name or code begin no token (names are at most 100; the triggers' seq table has as many rows). */
export const GRAM_MAX_CHARS = 1000;

const isAsciiWordCode = (u: number) => (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122);

/** One character as the tokenizer sees it. */
export function gramChar(c: string): string {
  const u = c.codePointAt(0)!;
  return u < 128 && !isAsciiWordCode(u) ? String.fromCharCode(0xe000 + u) : c;
}

/** The indexed text of a name or code: its bigram tokens separated by spaces (a plain loop: 200,000 texts per 100,000-row import). */
export function gramTokens(text: string | null): string {
  if (!text) return '';
  let out = '';
  let prev = '';
  let n = 0; // characters read
  for (let i = 0; i < text.length && n <= GRAM_MAX_CHARS; n++) {
    const u = text.charCodeAt(i);
    let c: string;
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = text.slice(i, i + 2); // a character outside the BMP, as Array.from and SQLite's substr see it
      i += 2;
    } else {
      c = u < 128 && !isAsciiWordCode(u) ? String.fromCharCode(0xe000 + u) : text[i]!;
      i += 1;
    }
    if (n > 0) out += n > 1 ? ` ${prev}${c}` : `${prev}${c}`;
    prev = c;
  }
  // the last character read begins a token only when it is within the first GRAM_MAX_CHARS
  if (n <= GRAM_MAX_CHARS) out += n > 1 ? ` ${prev}${GRAM_END}` : `${prev}${GRAM_END}`;
  return out;
}

/** FTS5 query for a 1- or 2-character term (undefined otherwise); `namesOnly` restricts it to the name column. */
export function gramMatch(term: string, namesOnly: boolean): string | undefined {
  const cs = Array.from(term);
  if (cs.length < 1 || cs.length > 2) return undefined;
  const phrase = `"${cs.map(gramChar).join('')}"${cs.length === 1 ? '*' : ''}`;
  return namesOnly ? `name : ${phrase}` : phrase;
}
