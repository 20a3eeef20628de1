/**
 * A small Chinese text search for contract texts until the platform's jieba/BM25 search is in this
 * branch: the database narrows candidates with LIKE on the query's longest run of characters, then
 * candidates are ranked by how many of the query's character bigrams they contain.
 */
const STRIP = /[\s，。；：、！？“”‘’（）()《》【】\-—,.;:!?"'[\]]+/g;

export function normalise(s: string): string {
  return s.replace(STRIP, ' ').trim().toLowerCase();
}

export function bigrams(s: string): string[] {
  const out = new Set<string>();
  for (const part of normalise(s).split(' ')) {
    if (part.length === 1) out.add(part);
    for (let i = 0; i + 1 < part.length; i++) out.add(part.slice(i, i + 2));
  }
  return [...out];
}

/** The terms a LIKE pre-filter can use: each whitespace-separated part of the query. */
export function likeTerms(query: string): string[] {
  return normalise(query)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 5);
}

export interface Hit {
  score: number;
  snippet: string;
}

/** Share of the query's bigrams found in the text (0–1), plus a snippet around the best match. */
export function scoreText(query: string, text: string): Hit {
  const grams = bigrams(query);
  if (!grams.length || !text) return { score: 0, snippet: '' };
  const lower = text.toLowerCase();
  let found = 0;
  let first = -1;
  for (const g of grams) {
    const i = lower.indexOf(g);
    if (i >= 0) {
      found++;
      if (first < 0 || i < first) first = i;
    }
  }
  const exact = lower.indexOf(normalise(query));
  const at = exact >= 0 ? exact : first;
  const snippet = at < 0 ? '' : text.slice(Math.max(0, at - 30), at + 60).replace(/\s+/g, ' ');
  return { score: Math.round((found / grams.length + (exact >= 0 ? 0.5 : 0)) * 1000) / 1000, snippet };
}
