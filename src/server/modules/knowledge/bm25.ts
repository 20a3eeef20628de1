/**
 * A small BM25F inverted index. Each document has several fields (article text, chapter
 * title, law title); a term's frequency is the weighted sum of its length-normalised
 * frequencies in the fields, saturated once (Robertson & Zaragoza, "The Probabilistic
 * Relevance Framework: BM25 and Beyond", 2009, §3.6). The saturated weights are precomputed,
 * so a query costs one pass over the postings of its terms.
 */

export interface FieldSpec {
  weight: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b: number;
}

export interface Channel {
  /** term → [doc ids, precomputed tf/(k1+tf)] */
  postings: Map<string, { docs: Int32Array; weights: Float32Array }>;
  idf: Map<string, number>;
  docCount: number;
}

export const K1 = 1.2;

/**
 * @param docs per document, per field (in the order of `fields`), the field's tokens
 */
export function buildChannel(docs: readonly (readonly string[][])[], fields: readonly FieldSpec[]): Channel {
  const avgLen = fields.map((_, f) => {
    let sum = 0;
    for (const d of docs) sum += d[f].length;
    return docs.length === 0 ? 1 : Math.max(sum / docs.length, 1);
  });
  const acc = new Map<string, { docs: number[]; weights: number[] }>();
  docs.forEach((fieldTokens, docId) => {
    const tf = new Map<string, number>();
    fields.forEach((spec, f) => {
      const tokens = fieldTokens[f];
      if (tokens.length === 0) return;
      const norm = 1 - spec.b + (spec.b * tokens.length) / avgLen[f];
      const perToken = spec.weight / norm;
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + perToken);
    });
    for (const [term, f] of tf) {
      let p = acc.get(term);
      if (!p) acc.set(term, (p = { docs: [], weights: [] }));
      p.docs.push(docId);
      p.weights.push(f / (K1 + f));
    }
  });
  const postings = new Map<string, { docs: Int32Array; weights: Float32Array }>();
  const idf = new Map<string, number>();
  const n = docs.length;
  for (const [term, p] of acc) {
    postings.set(term, { docs: Int32Array.from(p.docs), weights: Float32Array.from(p.weights) });
    idf.set(term, Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5)));
  }
  return { postings, idf, docCount: n };
}

/** Adds weight × idf × saturated tf of every query term to `scores` (indexed by doc id). */
export function scoreInto(
  channel: Channel,
  query: ReadonlyMap<string, number>,
  weight: number,
  scores: Float64Array,
): void {
  for (const [term, qw] of query) {
    const p = channel.postings.get(term);
    if (!p) continue;
    const w = weight * qw * (channel.idf.get(term) ?? 0);
    const { docs, weights } = p;
    for (let i = 0; i < docs.length; i++) scores[docs[i]] += w * weights[i];
  }
}

/** The score a document matching every query term perfectly would approach. */
export function maxScore(channel: Channel, query: ReadonlyMap<string, number>, weight: number): number {
  let s = 0;
  for (const [term, qw] of query) s += weight * qw * (channel.idf.get(term) ?? 0);
  return s;
}

/** Terms of the query that occur in the given document. */
export function matchedTerms(channel: Channel, query: Iterable<string>, docId: number): string[] {
  const out: string[] = [];
  for (const term of query) {
    const p = channel.postings.get(term);
    if (p && binarySearch(p.docs, docId)) out.push(term);
  }
  return out;
}

function binarySearch(a: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] === x) return true;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
