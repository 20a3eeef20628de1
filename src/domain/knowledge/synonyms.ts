/**
 * The labor-law synonym dictionary: colloquial and variant words that people type ("被炒鱿鱼",
 * "五险一金", "大姨妈") mapped to the statutory words the articles use ("解除劳动合同",
 * "社会保险 住房公积金", "经期"), plus the names people use for the laws themselves.
 *
 * The dictionary is data (data/knowledge/synonyms.json) so that reviewers can grow it without
 * touching code; this module validates it and answers look-ups. It is imported statically, so
 * the domain layer stays free of file I/O and the web bundle can share it.
 */
import { z } from 'zod';
import rawDictionary from '../../../data/knowledge/synonyms.json';

export const SynonymEntry = z.object({
  /** Words as users write them; matched as substrings of the query. */
  terms: z.array(z.string().min(2, '同义词至少两个字')).min(1),
  /**
   * Makes the entry a combination: it fires only when, besides one of `terms`, each of these
   * lists has a word in the query ("国庆" with "上班" means holiday overtime pay, while
   * neither word alone says so).
   */
  with: z.array(z.array(z.string().min(1)).min(1)).optional(),
  /** Statutory words added to the query when any term matches. */
  expand: z.array(z.string().min(1)).min(1),
  /** Multiplies the default expansion weight; below 1 for loose associations. */
  weight: z.number().positive().max(2).optional(),
  topic: z.string().optional(),
});
export type SynonymEntry = z.infer<typeof SynonymEntry>;

export const LawAlias = z.object({
  lawId: z.string().min(1),
  aliases: z.array(z.string().min(2)).min(1),
});
export type LawAlias = z.infer<typeof LawAlias>;

/**
 * A group of workers some provisions are written for (女职工, 未成年工, 农民工, 被派遣劳动者,
 * 残疾人). A provision about that group answers a question only when the question is about it
 * too; the search engine discounts it otherwise.
 */
export const Population = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Laws written for the group as a whole. */
  laws: z.array(z.string().min(1)),
  /** Words that, at the start of an article, show the article is about the group. */
  articleTerms: z.array(z.string().min(1)).min(1),
  /** Words in a question that show it is about the group (besides `articleTerms`). */
  queryTerms: z.array(z.string().min(1)).min(1),
});
export type Population = z.infer<typeof Population>;

export const SynonymDictionary = z.object({
  version: z.number().int(),
  laws: z.array(LawAlias),
  /** Extra words for the segmenter so statutory terms stay whole ("经济补偿", "竞业限制"). */
  userWords: z.array(z.string().min(2)),
  entries: z.array(SynonymEntry),
  populations: z.array(Population).default([]),
});
export type SynonymDictionary = z.infer<typeof SynonymDictionary>;

export interface Expansion {
  /** The statutory word to search for. */
  term: string;
  /** The user's word that triggered it, for explaining a hit. */
  source: string;
  weight: number;
}

export interface CompiledSynonyms {
  dictionary: SynonymDictionary;
  /** [term, entry indexes] sorted longest first so "没签劳动合同" wins over "签劳动合同". */
  triggers: [string, number[]][];
  /** Indexes of combination entries, tried separately. */
  combos: number[];
  /** [alias, lawId] sorted longest first. */
  lawAliases: [string, string][];
}

export function compileSynonyms(dictionary: SynonymDictionary): CompiledSynonyms {
  const byTerm = new Map<string, number[]>();
  const combos: number[] = [];
  dictionary.entries.forEach((entry, i) => {
    if (entry.with) {
      combos.push(i);
      return;
    }
    for (const raw of entry.terms) {
      const term = normalizeTerm(raw);
      byTerm.set(term, [...(byTerm.get(term) ?? []), i]);
    }
  });
  const triggers = [...byTerm].sort((a, b) => b[0].length - a[0].length);
  const lawAliases: [string, string][] = [];
  for (const law of dictionary.laws) {
    for (const alias of law.aliases) lawAliases.push([normalizeLawName(alias), law.lawId]);
  }
  lawAliases.sort((a, b) => b[0].length - a[0].length);
  return { dictionary, triggers, combos, lawAliases };
}

/**
 * Statutory expansions for a query. A trigger covered by a longer trigger that already matched
 * at the same place is skipped, so "不签劳动合同" does not also fire the entry for "签劳动合同".
 */
export function expandQuery(syn: CompiledSynonyms, query: string): Expansion[] {
  const text = normalizeTerm(query);
  const covered = new Array<boolean>(text.length).fill(false);
  const seen = new Map<string, Expansion>();
  const fire = (entry: SynonymEntry, source: string) => {
    const weight = entry.weight ?? 1;
    for (const expanded of entry.expand) {
      const prev = seen.get(expanded);
      if (!prev || prev.weight < weight) seen.set(expanded, { term: expanded, source, weight });
    }
  };
  for (const [term, entryIndexes] of syn.triggers) {
    let from = 0;
    let fired = false;
    for (;;) {
      const at = text.indexOf(term, from);
      if (at < 0) break;
      from = at + 1;
      let inside = true;
      for (let k = at; k < at + term.length; k++) if (!covered[k]) inside = false;
      if (inside) continue;
      for (let k = at; k < at + term.length; k++) covered[k] = true;
      fired = true;
    }
    if (!fired) continue;
    for (const entryIndex of entryIndexes) fire(syn.dictionary.entries[entryIndex], term);
  }
  // Combinations ignore which words longer entries already claimed: "加班费" still counts
  // as "加班" when asking how overtime pay is computed.
  for (const entryIndex of syn.combos) {
    const entry = syn.dictionary.entries[entryIndex];
    const lead = entry.terms.find((t) => text.includes(normalizeTerm(t)));
    if (!lead) continue;
    const parts = [lead];
    let all = true;
    for (const group of entry.with ?? []) {
      const hit = group.find((t) => text.includes(normalizeTerm(t)));
      if (!hit) {
        all = false;
        break;
      }
      parts.push(hit);
    }
    if (all) fire(entry, parts.join('+'));
  }
  return [...seen.values()];
}

export interface LawName {
  id: string;
  title: string;
  shortTitle: string;
}

/**
 * Resolves what a user or a judgment calls a law ("调解仲裁法", "《中华人民共和国劳动合同法》",
 * "根据实施条例") to a law id. The hint may carry leading words, so aliases and titles are
 * matched as suffixes, longest first.
 */
export function resolveLaw(
  syn: CompiledSynonyms,
  laws: readonly LawName[],
  hint: string,
): string | undefined {
  const h = normalizeLawName(hint);
  if (h === '') return undefined;
  const names: [string, string][] = [...syn.lawAliases];
  for (const law of laws) {
    names.push([normalizeLawName(law.title), law.id], [normalizeLawName(law.shortTitle), law.id]);
  }
  names.sort((a, b) => b[0].length - a[0].length);
  for (const [name, id] of names) if (h.endsWith(name)) return id;
  // A tail of an official title ("调解仲裁法") names the law when only one title ends with it.
  const tails = laws.filter((l) => normalizeLawName(l.title).endsWith(h) && h.length >= 3);
  return tails.length === 1 ? tails[0].id : undefined;
}

/** Law ids whose names appear anywhere in the text ("工伤保险条例里怎么规定…"). */
export function lawsMentioned(syn: CompiledSynonyms, laws: readonly LawName[], text: string): string[] {
  const t = normalizeLawName(text);
  const found = new Set<string>();
  const names: [string, string][] = [...syn.lawAliases];
  for (const law of laws) names.push([normalizeLawName(law.shortTitle), law.id]);
  for (const [name, id] of names) if (name.length >= 3 && t.includes(name)) found.add(id);
  return [...found];
}

/** Lower-case and half-width, so "Ｎ＋１" and "n+1" meet. */
export function normalizeTerm(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
}

function normalizeLawName(s: string): string {
  return normalizeTerm(s)
    .replace(/[《》\s]/g, '')
    .replace(/中华人民共和国/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

let cached: CompiledSynonyms | undefined;

/** The dictionary shipped in data/knowledge/synonyms.json, validated once. */
export function defaultSynonyms(): CompiledSynonyms {
  if (!cached) cached = compileSynonyms(SynonymDictionary.parse(rawDictionary));
  return cached;
}

/** How many leading characters of an article are read for its subject. */
const SUBJECT_SPAN = 20;

/** Bit i set when the article is written for population i (its law is, or its opening names it). */
export function articlePopulations(pops: readonly Population[], lawId: string, text: string): number {
  const head = normalizeTerm(text).slice(0, SUBJECT_SPAN);
  let mask = 0;
  pops.forEach((p, i) => {
    if (p.laws.includes(lawId) || p.articleTerms.some((t) => head.includes(t))) mask |= 1 << i;
  });
  return mask;
}

/** Bit i set when the question (or a statutory word it was expanded to) concerns population i. */
export function queryPopulations(pops: readonly Population[], text: string, expanded: readonly string[]): number {
  const all = [normalizeTerm(text), ...expanded].join(' ');
  let mask = 0;
  pops.forEach((p, i) => {
    if ([...p.queryTerms, ...p.articleTerms].some((t) => all.includes(t))) mask |= 1 << i;
  });
  return mask;
}
