/**
 * The searchable documents — law articles, reviewed Q&A entries, typical cases — and the
 * schemas of the data files they come from. Pure: the loader in corpus.ts does the reading.
 */
import { z } from 'zod';
import { parseCitations } from '../../../domain/knowledge/citation';
import { resolveLaw, type CompiledSynonyms } from '../../../domain/knowledge/synonyms';

export const LawArticle = z.object({
  no: z.number().int().positive(),
  label: z.string(),
  chapter: z.string().nullable(),
  section: z.string().nullable(),
  text: z.string(),
});
export type LawArticle = z.infer<typeof LawArticle>;

export const Law = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  kind: z.string().optional(),
  issuer: z.string().optional(),
  effective: z.string().optional(),
  /** Text version; imports keep versions side by side. Defaults to the effective date. */
  version: z.string().optional(),
  note: z.string().optional(),
  articles: z.array(LawArticle),
});
export type Law = z.infer<typeof Law>;
export const LawFile = z.array(Law);

export const CaseFileEntry = z.object({
  id: z.string(),
  title: z.string(),
  collection: z.string().optional(),
  issuer: z.string().optional(),
  sections: z.array(z.object({ heading: z.string(), text: z.string() })),
});
export type CaseFileEntry = z.infer<typeof CaseFileEntry>;
export const CaseFile = z.array(CaseFileEntry);

export const ArticleRef = z.object({
  lawId: z.string(),
  articleNo: z.number().int().positive(),
});
export type ArticleRef = z.infer<typeof ArticleRef>;

export const QaEntry = z.object({
  id: z.string(),
  question: z.string().min(1),
  answer: z.string(),
  citations: z.array(ArticleRef).default([]),
  tags: z.array(z.string()).default([]),
  topic: z.string().optional(),
  status: z.string().optional(),
});
export type QaEntry = z.infer<typeof QaEntry>;
export const QaFile = z.array(QaEntry);

export interface ArticleDoc {
  kind: 'article';
  id: string;
  lawId: string;
  lawTitle: string;
  lawShortTitle: string;
  articleNo: number;
  label: string;
  text: string;
  chapter: string | null;
  section: string | null;
}

export interface QaDoc {
  kind: 'qa';
  id: string;
  question: string;
  answer: string;
  citations: ArticleRef[];
  tags: string[];
}

export interface CaseDoc {
  kind: 'case';
  id: string;
  title: string;
  facts: string;
  holding: string;
  citations: ArticleRef[];
}

export type KnowledgeDoc = ArticleDoc | QaDoc | CaseDoc;
export type DocKind = KnowledgeDoc['kind'];

export function articleKey(lawId: string, articleNo: number): string {
  return `${lawId}#${articleNo}`;
}

export function articleDocs(laws: readonly Law[]): ArticleDoc[] {
  return laws.flatMap((law) =>
    law.articles.map(
      (a): ArticleDoc => ({
        kind: 'article',
        id: articleKey(law.id, a.no),
        lawId: law.id,
        lawTitle: law.title,
        lawShortTitle: law.shortTitle,
        articleNo: a.no,
        label: a.label,
        text: a.text,
        chapter: a.chapter,
        section: a.section,
      }),
    ),
  );
}

/** Only reviewed entries answer the public; drafts wait for a reviewer. */
export function qaDocs(entries: readonly QaEntry[]): QaDoc[] {
  return entries
    .filter((e) => e.status === undefined || e.status === 'reviewed')
    .map((e) => ({
      kind: 'qa',
      id: e.id,
      question: e.question,
      answer: e.answer,
      citations: e.citations,
      tags: e.tags,
    }));
}

const FACT_HEADINGS = /案情|诉讼请求|仲裁请求|申请人请求|基本事实/;

/**
 * Typical cases keep their facts apart from the ruling and analysis; the articles they cite
 * are read from the analysis ("《中华人民共和国劳动争议调解仲裁法》第二十七条规定").
 */
export function caseDocs(
  cases: readonly CaseFileEntry[],
  laws: readonly Law[],
  synonyms: CompiledSynonyms,
): CaseDoc[] {
  const known = new Set(laws.flatMap((l) => l.articles.map((a) => articleKey(l.id, a.no))));
  return cases.map((c) => {
    const facts = c.sections.filter((s) => FACT_HEADINGS.test(s.heading));
    const rest = c.sections.filter((s) => !FACT_HEADINGS.test(s.heading));
    const citations = new Map<string, ArticleRef>();
    for (const s of c.sections) {
      for (const cite of parseCitations(s.text)) {
        if (!cite.lawHint) continue;
        const lawId = resolveLaw(synonyms, laws, cite.lawHint);
        const key = lawId && articleKey(lawId, cite.articleNo);
        if (lawId && key && known.has(key)) citations.set(key, { lawId, articleNo: cite.articleNo });
      }
    }
    return {
      kind: 'case',
      id: c.id,
      title: c.title,
      facts: facts.map((s) => s.text).join('\n'),
      holding: rest.map((s) => `${s.heading}：${s.text}`).join('\n'),
      citations: [...citations.values()],
    };
  });
}
