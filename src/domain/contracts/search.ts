/**
 * Full-text search of collective contracts: the platform's Chinese tokenizer (jieba in search mode
 * with the labor-law user dictionary, shared with the knowledge base: domain/knowledge/tokenize.ts),
 * BM25 ranking over an inverted index (Robertson & Zaragoza 2009), and highlighted snippets.
 *
 * Everything here is pure: the server keeps the postings in `contract_search_terms` and passes the
 * statistics in.
 */
import { normalizeTerm } from '../knowledge/synonyms';
import { tokenize } from '../knowledge/tokenize';

/** Bump when tokenisation changes: the scheduled job re-indexes documents built with another version. */
export const TOKENIZER_VERSION = 'jieba-2.0.2+kb-1';
export const K1 = 1.2;
export const B = 0.75;
/** A word in the title counts as much as this many in the body. */
export const TITLE_WEIGHT = 3;
/** Multiplier when the whole query occurs verbatim in the text (phrase match). */
export const PHRASE_BOOST = 1.5;
const MAX_TERM = 40;

export interface TermCounts {
  tf: number;
  titleTf: number;
}

/** The postings of one contract: term → counts in body and title, plus the body length in words. */
export function indexTerms(title: string, text: string): { terms: Map<string, TermCounts>; length: number } {
  const terms = new Map<string, TermCounts>();
  const body = tokenize(text).filter((t) => t.length <= MAX_TERM);
  for (const t of body) {
    const c = terms.get(t) ?? { tf: 0, titleTf: 0 };
    c.tf++;
    terms.set(t, c);
  }
  for (const t of tokenize(title).filter((x) => x.length <= MAX_TERM)) {
    const c = terms.get(t) ?? { tf: 0, titleTf: 0 };
    c.titleTf++;
    terms.set(t, c);
  }
  return { terms, length: body.length };
}

/** Distinct search terms of a query, in order of appearance (at most 20). */
export function queryTerms(query: string): string[] {
  return [...new Set(queryGroups(query).flat())].slice(0, 20);
}

/**
 * The query's whitespace-separated parts, each as its words. A contract matches when it holds, for
 * every part, at least half of that part's distinct words (rounded up): "女职工 哺乳期" needs both
 * subjects, while "工资正常增长机制" is satisfied by a text with 工资, 增长 and 机制 in it. Parts that
 * are only stop words drop out.
 */
export function queryGroups(query: string): string[][] {
  return normalizeTerm(query)
    .split(/[\s,，;；、]+/)
    .map((part) => [...new Set(tokenize(part).filter((t) => t.length <= MAX_TERM))])
    .filter((g) => g.length > 0)
    .slice(0, 5);
}

/** Whether a document holding `present` satisfies every group's minimum of matching words. */
export function satisfiesGroups(groups: readonly string[][], present: ReadonlySet<string>): boolean {
  return groups.every((g) => g.filter((t) => present.has(t)).length >= Math.ceil(g.length / 2));
}

/** Inverse document frequency, the BM25 variant that never goes negative. */
export function idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

export interface DocStats {
  length: number;
  postings: { term: string; tf: number; titleTf: number }[];
}

export interface CorpusStats {
  docCount: number;
  avgLength: number;
  docFreq: ReadonlyMap<string, number>;
}

/** BM25 of one document for the query terms it contains. */
export function bm25(doc: DocStats, corpus: CorpusStats): number {
  const norm = 1 - B + (B * doc.length) / Math.max(corpus.avgLength, 1);
  let s = 0;
  for (const p of doc.postings) {
    const f = p.tf + TITLE_WEIGHT * p.titleTf;
    if (f <= 0) continue;
    s += idf(corpus.docCount, corpus.docFreq.get(p.term) ?? 1) * ((f * (K1 + 1)) / (f + K1 * norm));
  }
  return s;
}

/** Whether the query, ignoring spaces and punctuation, occurs verbatim in the text. */
export function phraseMatch(query: string, text: string): boolean {
  const q = compact(query);
  return q.length >= 2 && compact(text).includes(q);
}
const compact = (s: string) => normalizeTerm(s).replace(/[\s，。；：、！？“”‘’（）()《》【】\-—,.;:!?"'[\]]+/g, '');

export interface Snippet {
  snippet: string;
  /** [start, end) offsets of the matched words inside `snippet`, sorted, not overlapping. */
  highlights: [number, number][];
}

/**
 * The window of the text (about `width` characters) holding the most distinct query words, with
 * the positions of every occurrence inside it for highlighting.
 */
export function highlightSnippet(text: string, terms: readonly string[], width = 80): Snippet {
  const flat = text.replace(/\s+/g, ' ');
  const lower = normalizeTerm(flat);
  const usable = lower.length === flat.length ? lower : flat.toLowerCase();
  const hits: { at: number; end: number; term: string }[] = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const t = term.toLowerCase();
    let i = usable.indexOf(t);
    while (i >= 0 && hits.length < 2000) {
      const end = i + t.length;
      if (!hits.some((h) => i < h.end && end > h.at)) hits.push({ at: i, end, term });
      i = usable.indexOf(t, i + 1);
    }
  }
  if (hits.length === 0) return { snippet: flat.slice(0, width), highlights: [] };
  hits.sort((a, b) => a.at - b.at);
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < hits.length; i++) {
    const distinct = new Set<string>();
    for (let j = i; j < hits.length && hits[j]!.end <= hits[i]!.at + width; j++) distinct.add(hits[j]!.term);
    if (distinct.size > bestCount) {
      bestCount = distinct.size;
      best = i;
    }
  }
  const start = Math.max(0, hits[best]!.at - Math.floor(width / 4));
  const end = Math.min(flat.length, start + width);
  const highlights = hits.filter((h) => h.at >= start && h.end <= end).map((h) => [h.at - start, h.end - start] as [number, number]);
  return { snippet: flat.slice(start, end), highlights };
}
