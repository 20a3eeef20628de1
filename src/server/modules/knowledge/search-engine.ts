/**
 * In-memory search over law articles, Q&A entries and typical cases.
 *
 * Ranking of an article, in order of influence:
 * 1. an exact citation in the query ("劳动合同法第47条") puts that article first;
 * 2. BM25F over jieba words and character bigrams of the article text, its chapter/section
 *    title, its law's title and how people ask about it (the questions of the Q&A entries that
 *    cite it first), with the query's colloquial words expanded into statutory ones by the
 *    synonym dictionary;
 * 3. links: a reviewed Q&A entry or typical case that matches the question lends its score to
 *    the articles it cites, which is how a question worded nothing like the statute still
 *    finds it;
 * 4. a discount for provisions written for a group of workers (女职工, 农民工 …) the question
 *    is not about, and a prior for laws the question names. A prior for the core statutes (劳动法, 劳动合同法…)
 *    was measured on held-out questions and did not generalise, so `corePrior` is 0.
 *
 * The index is immutable and built once at start (about a second for the whole corpus); a
 * query takes a few milliseconds, so a replica needs no shared state.
 */
import { addUserWords, bigrams, tokenize } from '../../../domain/knowledge/tokenize';
import {
  defaultSynonyms,
  articlePopulations,
  normalizeTerm,
  type CompiledSynonyms,
  type LawName,
} from '../../../domain/knowledge/synonyms';
import { buildChannel, matchedTerms, maxScore, scoreInto, type Channel, type FieldSpec } from './bm25';
import {
  articleKey,
  type ArticleDoc,
  type CaseDoc,
  type DocKind,
  type KnowledgeDoc,
  type QaDoc,
} from './documents';
import { parseQuery, type ParsedQuery, type QueryTuning } from './query';

export interface Tuning extends QueryTuning {
  wordWeight: number;
  gramWeight: number;
  /** Multiplier bonus for the core statutes; 0 since it hurt held-out questions. */
  corePrior: number;
  /** Multiplier bonus for articles of a law the question names. */
  lawNamedBoost: number;
  /** Share of the top article score a perfectly matching Q&A entry adds to each cited article. */
  qaLinkWeight: number;
  caseLinkWeight: number;
  /** Only links from entries scoring at least this share of the best entry count. */
  linkFloor: number;
  /** Share of a link's bonus every cited article gets; the rest goes by its own score. */
  linkBase: number;
  /**
   * Multiplier bonus, up to this much, for articles that many reviewed Q&A entries and cases
   * cite (log-scaled): what officials answer questions with is what people ask about. A
   * document prior learnt from the knowledge base itself, not from any evaluation set.
   */
  citationPrior: number;
  /**
   * An entry lists the article that answers it most directly first; its k-th citation
   * (0-based) lends citationDecay^k of the entry's bonus.
   */
  citationDecay: number;
  /** BM25F weight of an article's "asked as" field (questions of the Q&A entries citing it first). */
  askedAsWeight: number;
  /**
   * Multiplier for an article written for a group of workers (女职工, 农民工, 被派遣劳动者…)
   * when the question is not about that group.
   */
  populationDiscount: number;
}

export const DEFAULT_TUNING: Tuning = {
  wordWeight: 1,
  gramWeight: 0.5,
  expansionWeight: 0.9,
  expansionGramWeight: 0.3,
  expansionBudget: 6,
  statutoryTriggerDamping: 0.3,
  corePrior: 0,
  lawNamedBoost: 0.5,
  qaLinkWeight: 0.8,
  caseLinkWeight: 0.2,
  linkFloor: 0.8,
  linkBase: 0.3,
  citationPrior: 0,
  citationDecay: 0.85,
  askedAsWeight: 0.4,
  populationDiscount: 0.7,
};

/** 劳动法, 劳动合同法 and its regulations, 调解仲裁法, the two judicial interpretations. */
export const CORE_LAWS: ReadonlySet<string> = new Set([
  'labor-law',
  'labor-contract-law',
  'labor-contract-law-regulations',
  'labor-dispute-mediation-arbitration-law',
  'spc-labor-dispute-interpretation-1',
  'spc-labor-dispute-interpretation-2',
]);

/** Preference among same-numbered articles when a citation names no law ("第四十七条"). */
const CITATION_LAW_ORDER = [
  'labor-contract-law',
  'labor-law',
  'labor-contract-law-regulations',
  'labor-dispute-mediation-arbitration-law',
];

interface KindIndex<D extends KnowledgeDoc> {
  docs: D[];
  words: Channel;
  grams: Channel;
}

export interface SearchIndex {
  articles: KindIndex<ArticleDoc>;
  qa: KindIndex<QaDoc>;
  cases: KindIndex<CaseDoc>;
  articleByKey: Map<string, number>;
  articlesByNo: Map<number, number[]>;
  laws: LawName[];
  synonyms: CompiledSynonyms;
  tuning: Tuning;
  /** 1 where the article belongs to a core statute, by article doc index. */
  core: Uint8Array;
  /** Synonym triggers that occur in the article texts themselves. */
  statutoryTerms: Set<string>;
  /** log(1 + citing entries) / log(1 + most citing entries), by article doc index. */
  popularity: Float32Array;
  /** Populations each article is written for (bit masks), by article doc index. */
  populations: Int32Array;
}

export interface SearchHit {
  kind: DocKind;
  id: string;
  doc: KnowledgeDoc;
  score: number;
  /** Query words found in the document, for highlighting. */
  matched: string[];
  /** Why it ranked: its own text, a citation in the query, or links from Q&A / cases. */
  via: ('text' | 'citation' | 'qa' | 'case')[];
}

export interface SearchOptions {
  limit?: number;
  kinds?: readonly DocKind[];
}

const ARTICLE_FIELDS: FieldSpec[] = [
  { weight: 1, b: 0.75 }, // text
  { weight: 0.35, b: 0.3 }, // chapter and section titles
  { weight: 0.25, b: 0 }, // law title
];
const QA_FIELDS: FieldSpec[] = [
  { weight: 1, b: 0.5 }, // question
  { weight: 0.4, b: 0.75 }, // answer
  { weight: 0.6, b: 0.3 }, // tags
];
const CASE_FIELDS: FieldSpec[] = [
  { weight: 1, b: 0.3 }, // title
  { weight: 0.4, b: 0.75 }, // facts
  { weight: 0.4, b: 0.75 }, // holding and analysis
];

function articleFields(d: ArticleDoc): string[] {
  return [d.text, [d.chapter, d.section].filter(Boolean).join(' '), d.lawTitle];
}

/**
 * The article's fields plus how people ask about it: the questions and tags of the reviewed Q&A
 * entries that cite it first (the provision that answers them most directly). Document expansion:
 * an article collects the everyday wording of every question it answers, so several entries that
 * each match a new question only in part still add up — which lending from the single best entry
 * (rankArticles) does not do.
 */
function withAskedAs(qa: readonly QaDoc[]): (d: ArticleDoc) => string[] {
  const asked = new Map<string, string[]>();
  for (const e of qa) {
    const first = e.citations[0];
    if (!first) continue;
    const key = articleKey(first.lawId, first.articleNo);
    asked.set(key, [...(asked.get(key) ?? []), e.question, e.tags.join(' ')]);
  }
  return (d) => [...articleFields(d), (asked.get(articleKey(d.lawId, d.articleNo)) ?? []).join('\n')];
}

function tuningOf(options: { tuning?: Partial<Tuning> }): Tuning {
  return { ...DEFAULT_TUNING, ...options.tuning };
}
function qaFields(d: QaDoc): string[] {
  return [d.question, d.answer, d.tags.join(' ')];
}
function caseFields(d: CaseDoc): string[] {
  return [d.title, d.facts, d.holding];
}

function buildKind<D extends KnowledgeDoc>(
  docs: D[],
  fields: FieldSpec[],
  text: (d: D) => string[],
): KindIndex<D> {
  const texts = docs.map(text);
  return {
    docs,
    words: buildChannel(texts.map((fs) => fs.map((f) => cached(wordCache, f, tokenize))), fields),
    grams: buildChannel(texts.map((fs) => fs.map((f) => cached(gramCache, f, bigrams))), fields),
  };
}

/**
 * Segmentation dominates the build; a rebuild after one Q&A edit re-reads the same 1,200
 * articles, so field texts keep their tokens between builds (bounded, cleared when full).
 * Only valid while the user dictionary is unchanged, hence keyed by its size too.
 */
const wordCache = new Map<string, string[]>();
const gramCache = new Map<string, string[]>();
const CACHE_LIMIT = 50_000;
function cached(cache: Map<string, string[]>, text: string, f: (t: string) => string[]): string[] {
  let v = cache.get(text);
  if (!v) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    v = f(text);
    cache.set(text, v);
  }
  return v;
}

export function buildIndex(
  docs: readonly KnowledgeDoc[],
  options: { synonyms?: CompiledSynonyms; tuning?: Partial<Tuning> } = {},
): SearchIndex {
  const synonyms = options.synonyms ?? defaultSynonyms();
  if (addUserWords(synonyms.dictionary.userWords)) {
    wordCache.clear();
  }
  const articles = docs.filter((d): d is ArticleDoc => d.kind === 'article');
  const qa = docs.filter((d): d is QaDoc => d.kind === 'qa');
  const cases = docs.filter((d): d is CaseDoc => d.kind === 'case');
  const articleByKey = new Map<string, number>();
  const articlesByNo = new Map<number, number[]>();
  const laws = new Map<string, LawName>();
  articles.forEach((a, i) => {
    articleByKey.set(articleKey(a.lawId, a.articleNo), i);
    articlesByNo.set(a.articleNo, [...(articlesByNo.get(a.articleNo) ?? []), i]);
    if (!laws.has(a.lawId)) laws.set(a.lawId, { id: a.lawId, title: a.lawTitle, shortTitle: a.lawShortTitle });
  });
  return {
    articles: buildKind(articles, [...ARTICLE_FIELDS, { weight: tuningOf(options).askedAsWeight, b: 0.75 }], withAskedAs(qa)),
    qa: buildKind(qa, QA_FIELDS, qaFields),
    cases: buildKind(cases, CASE_FIELDS, caseFields),
    articleByKey,
    articlesByNo,
    laws: [...laws.values()],
    synonyms,
    tuning: tuningOf(options),
    core: Uint8Array.from(articles, (a) => (CORE_LAWS.has(a.lawId) ? 1 : 0)),
    statutoryTerms: statutoryTriggers(synonyms, articles),
    popularity: popularity(articleByKey, [...qa, ...cases], articles.length),
    populations: Int32Array.from(articles, (a) =>
      articlePopulations(synonyms.dictionary.populations, a.lawId, a.text),
    ),
  };
}

function popularity(byKey: Map<string, number>, entries: readonly (QaDoc | CaseDoc)[], n: number): Float32Array {
  const counts = new Float32Array(n);
  for (const e of entries) {
    for (const ref of e.citations) {
      const i = byKey.get(articleKey(ref.lawId, ref.articleNo));
      if (i !== undefined) counts[i]++;
    }
  }
  let max = 0;
  for (const c of counts) max = Math.max(max, c);
  const out = new Float32Array(n);
  if (max > 0) for (let i = 0; i < n; i++) out[i] = Math.log1p(counts[i]) / Math.log1p(max);
  return out;
}

/** Triggers found in at least two articles count as statutory language. */
function statutoryTriggers(synonyms: CompiledSynonyms, articles: readonly ArticleDoc[]): Set<string> {
  const corpus = articles.map((a) => normalizeTerm(a.text)).join('\n');
  const out = new Set<string>();
  for (const [term] of synonyms.triggers) {
    const first = corpus.indexOf(term);
    if (first >= 0 && corpus.indexOf(term, first + 1) >= 0) out.add(term);
  }
  return out;
}

interface KindScores {
  scores: Float64Array;
  /** Upper bound of a lexical score for this query, to compare kinds on one scale. */
  ceiling: number;
}

function lexical<D extends KnowledgeDoc>(ix: KindIndex<D>, q: ParsedQuery, t: Tuning): KindScores {
  const scores = new Float64Array(ix.docs.length);
  scoreInto(ix.words, q.words, t.wordWeight, scores);
  scoreInto(ix.grams, q.grams, t.gramWeight, scores);
  const ceiling = maxScore(ix.words, q.words, t.wordWeight) + maxScore(ix.grams, q.grams, t.gramWeight);
  return { scores, ceiling };
}

interface ArticleRanking {
  scores: Float64Array;
  ceiling: number;
  via: Map<number, Set<SearchHit['via'][number]>>;
  qa: KindScores;
  cases: KindScores;
}

function rankArticles(index: SearchIndex, q: ParsedQuery): ArticleRanking {
  const t = index.tuning;
  const qa = lexical(index.qa, q, t);
  const { scores, ceiling } = lexical(index.articles, q, t);
  const via = new Map<number, Set<SearchHit['via'][number]>>();
  const mark = (i: number, why: SearchHit['via'][number]) => {
    let s = via.get(i);
    if (!s) via.set(i, (s = new Set()));
    s.add(why);
  };
  const named = new Set(q.lawsNamed);
  const docs = index.articles.docs;
  let top = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] === 0) continue;
    mark(i, 'text');
    let f = 1;
    if (index.core[i]) f += t.corePrior;
    if (named.has(docs[i].lawId)) f += t.lawNamedBoost;
    f += t.citationPrior * index.popularity[i];
    scores[i] *= f;
    if (scores[i] > top) top = scores[i];
  }

  const cases = lexical(index.cases, q, t);
  const own = scores.slice();
  // A linked entry's relevance is its share of the best possible score, so a Q&A entry that
  // only brushes the question lends little, however it ranks among the other entries.
  const lend = (
    ks: KindScores,
    entries: readonly (QaDoc | CaseDoc)[],
    weight: number,
    why: 'qa' | 'case',
  ) => {
    if (weight === 0 || ks.ceiling === 0 || entries.length === 0) return;
    let best = 0;
    for (const s of ks.scores) if (s > best) best = s;
    if (best === 0) return;
    // With no lexical match among the articles any positive bonus ranks the cited ones first.
    const base = top > 0 ? Math.max(top, ceiling * 0.2) : 1;
    entries.forEach((e, j) => {
      const s = ks.scores[j];
      if (s < best * t.linkFloor) return;
      const bonus = weight * base * (s / ks.ceiling);
      e.citations.forEach((ref, k) => {
        const i = index.articleByKey.get(articleKey(ref.lawId, ref.articleNo));
        if (i === undefined) return;
        // An entry cites several articles; the ones the question itself matches get more.
        const fit = top > 0 ? own[i] / top : 0;
        scores[i] += bonus * t.citationDecay ** k * (t.linkBase + (1 - t.linkBase) * fit);
        mark(i, why);
      });
    });
  };
  lend(qa, index.qa.docs, t.qaLinkWeight, 'qa');
  lend(cases, index.cases.docs, t.caseLinkWeight, 'case');

  // Provisions for a group of workers the question does not mention step back.
  if (t.populationDiscount !== 1) {
    for (let i = 0; i < scores.length; i++) {
      const p = index.populations[i];
      if (p !== 0 && (p & q.populations) === 0) scores[i] *= t.populationDiscount;
    }
  }

  // Cited articles outrank everything; without a law name, prefer the core statutes.
  if (q.citations.length > 0) {
    let max = 0;
    for (const s of scores) if (s > max) max = s;
    const lift = max + ceiling + 1;
    q.citations.forEach((c, order) => {
      const candidates = c.lawId
        ? [index.articleByKey.get(articleKey(c.lawId, c.articleNo))].filter((i) => i !== undefined)
        : (index.articlesByNo.get(c.articleNo) ?? []);
      for (const i of candidates) {
        const lawRank = CITATION_LAW_ORDER.indexOf(docs[i].lawId);
        const pref = c.lawId ? 3 : lawRank >= 0 ? 2 - lawRank * 0.1 : index.core[i] ? 1 : 0;
        scores[i] += lift * (1 + pref) * (1 + (q.citations.length - order) * 0.01);
        mark(i, 'citation');
      }
    });
  }
  return { scores, ceiling, via, qa, cases };
}

function topIndices(scores: Float64Array, limit: number, keep?: (i: number) => boolean): number[] {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] > 0 && (!keep || keep(i))) idx.push(i);
  idx.sort((a, b) => scores[b] - scores[a] || a - b);
  return idx.slice(0, limit);
}

function matched(ix: KindIndex<KnowledgeDoc>, q: ParsedQuery, docId: number): string[] {
  return matchedTerms(ix.words, q.words.keys(), docId);
}

/** Articles only, best first. */
export function searchArticles(index: SearchIndex, query: string, limit = 10): SearchHit[] {
  const q = parseQuery(query, index.synonyms, index.laws, index.tuning, index.statutoryTerms);
  const r = rankArticles(index, q);
  const keep = q.bare ? (i: number) => r.via.get(i)?.has('citation') ?? false : undefined;
  return topIndices(r.scores, limit, keep).map((i) => articleHit(index, q, r, i));
}

function articleHit(index: SearchIndex, q: ParsedQuery, r: ArticleRanking, i: number): SearchHit {
  const doc = index.articles.docs[i];
  return {
    kind: 'article',
    id: doc.id,
    doc,
    score: r.scores[i],
    matched: matched(index.articles, q, i),
    via: [...(r.via.get(i) ?? [])],
  };
}

/**
 * Every kind of document, best first. Scores of different kinds are put on one scale by
 * dividing by the best score the query could reach in that kind.
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 20;
  const kinds = new Set<DocKind>(options.kinds ?? ['article', 'qa', 'case']);
  const q = parseQuery(query, index.synonyms, index.laws, index.tuning, index.statutoryTerms);
  const r = rankArticles(index, q);
  const hits: SearchHit[] = [];
  if (kinds.has('article')) {
    const keep = q.bare ? (i: number) => r.via.get(i)?.has('citation') ?? false : undefined;
    for (const i of topIndices(r.scores, limit, keep)) {
      const hit = articleHit(index, q, r, i);
      hit.score = r.ceiling > 0 ? hit.score / r.ceiling : hit.score;
      hits.push(hit);
    }
  }
  if (q.bare) return hits.slice(0, limit);
  const addKind = (kind: 'qa' | 'case', ix: KindIndex<QaDoc> | KindIndex<CaseDoc>, ks: KindScores) => {
    if (!kinds.has(kind) || ks.ceiling === 0) return;
    for (const i of topIndices(ks.scores, limit)) {
      hits.push({
        kind,
        id: ix.docs[i].id,
        doc: ix.docs[i],
        score: ks.scores[i] / ks.ceiling,
        matched: matched(ix as KindIndex<KnowledgeDoc>, q, i),
        via: ['text'],
      });
    }
  };
  addKind('qa', index.qa, r.qa);
  addKind('case', index.cases, r.cases);
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** How the engine read a query: for the UI's "已按以下关键词检索" line and for debugging. */
export function explainQuery(index: SearchIndex, query: string): ParsedQuery {
  return parseQuery(query, index.synonyms, index.laws, index.tuning, index.statutoryTerms);
}
