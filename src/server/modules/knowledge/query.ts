/**
 * Turns a user's question into weighted search terms: the question's own words and bigrams,
 * the statutory words the synonym dictionary adds for its colloquial ones, the article
 * citations it contains and the laws it names.
 */
import { isBareCitation, parseCitations } from '../../../domain/knowledge/citation';
import {
  expandQuery,
  lawsMentioned,
  queryPopulations,
  resolveLaw,
  type CompiledSynonyms,
  type LawName,
} from '../../../domain/knowledge/synonyms';
import { bigrams, contentText, tokenize, withoutParticles } from '../../../domain/knowledge/tokenize';

export interface QueryTuning {
  /** Weight of a word the synonym dictionary added, relative to the user's own words. */
  expansionWeight: number;
  /** Same for the bigrams of added words. */
  expansionGramWeight: number;
  /**
   * Word tokens one synonym entry may add at full weight; an entry that adds more has its
   * weight spread over them, so a word with a long statutory paraphrase ("辞职" →
   * "劳动者解除劳动合同 提前三十日 书面形式通知") cannot outweigh the rest of the question.
   */
  expansionBudget: number;
  /**
   * Multiplies expansions triggered by a word the statutes themselves use ("工伤认定",
   * "受理"): the user already spoke the statute's language, and the association the entry
   * adds would only pull in neighbouring topics.
   */
  statutoryTriggerDamping: number;
}

export interface CitedArticle {
  lawId?: string;
  articleNo: number;
}

export interface ParsedQuery {
  text: string;
  /** The query without its citations: what is left to match lexically. */
  rest: string;
  citations: CitedArticle[];
  /** Nothing but citations: answer with the articles and stop. */
  bare: boolean;
  words: Map<string, number>;
  grams: Map<string, number>;
  lawsNamed: string[];
  /** Populations the question is about (bit mask over the dictionary's populations). */
  populations: number;
  /** Synonym expansions applied, for explaining results: user word → statutory words. */
  expansions: { source: string; term: string }[];
}

export function parseQuery(
  text: string,
  synonyms: CompiledSynonyms,
  laws: readonly LawName[],
  tuning: QueryTuning,
  statutoryTerms: ReadonlySet<string> = new Set(),
): ParsedQuery {
  const cites = parseCitations(text);
  let rest = text;
  for (const c of [...cites].reverse()) rest = rest.slice(0, c.start) + ' ' + rest.slice(c.start + c.length);
  const citations = cites.map((c) => {
    const lawId = c.lawHint ? resolveLaw(synonyms, laws, c.lawHint) : undefined;
    return lawId ? { lawId, articleNo: c.articleNo } : { articleNo: c.articleNo };
  });

  const words = new Map<string, number>();
  const grams = new Map<string, number>();
  const put = (m: Map<string, number>, t: string, w: number) => {
    if ((m.get(t) ?? 0) < w) m.set(t, w);
  };
  for (const t of tokenize(rest)) put(words, t, 1);
  for (const g of bigrams(contentText(rest))) put(grams, g, 1);
  const expansions = expandQuery(synonyms, `${rest}\n${withoutParticles(rest)}`);
  const bySource = new Map<string, typeof expansions>();
  for (const e of expansions) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  for (const group of bySource.values()) {
    const ws = new Map<string, number>();
    const gs = new Map<string, number>();
    for (const e of group) {
      for (const t of tokenize(e.term)) if (!words.has(t)) put(ws, t, e.weight);
      for (const g of bigrams(e.term)) if (!grams.has(g)) put(gs, g, e.weight);
    }
    const damp = statutoryTerms.has(group[0].source) ? tuning.statutoryTriggerDamping : 1;
    const wScale = damp * tuning.expansionWeight * Math.min(1, tuning.expansionBudget / Math.max(ws.size, 1));
    const gScale = damp * tuning.expansionGramWeight * Math.min(1, tuning.expansionBudget / Math.max(gs.size, 1));
    for (const [t, w] of ws) put(words, t, w * wScale);
    for (const [g, w] of gs) put(grams, g, w * gScale);
  }
  return {
    text,
    rest,
    citations,
    bare: isBareCitation(text),
    words,
    grams,
    lawsNamed: lawsMentioned(synonyms, laws, rest),
    populations: queryPopulations(
      synonyms.dictionary.populations,
      rest,
      expansions.map((e) => e.term),
    ),
    expansions: expansions.map((e) => ({ source: e.source, term: e.term })),
  };
}
