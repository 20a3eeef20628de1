export interface CitationView {
  lawId: string;
  articleNo: number;
  lawShortTitle: string;
  label: string;
  title: string;
  exists: boolean;
}

interface ItemHead {
  id: string;
  title: string;
  snippet: string;
  score: number;
  matched: string[];
}
export type SearchItem =
  | (ItemHead & { kind: 'article'; lawId: string; lawShortTitle: string; articleNo: number; label: string; text: string; notes?: AmendmentNote[] })
  | (ItemHead & { kind: 'qa'; citations: CitationView[] })
  | (ItemHead & { kind: 'case'; citations: CitationView[] });

export interface SearchResult {
  items: SearchItem[];
  answer: { id: string; question: string; answer: string; citations: CitationView[]; score: number } | null;
  terms: string[];
  understood: { words: string[]; expansions: { source: string; term: string }[] };
}

/** A later provision repealed or changed part of this article (data/knowledge/amendments.json). */
export interface AmendmentNote {
  kind: 'repealed' | 'amended';
  paragraph?: number;
  effective: string;
  text: string;
}

export interface ArticleView {
  articleNo: number;
  label: string;
  notes?: AmendmentNote[];
  chapter: string | null;
  section: string | null;
  text: string;
}

export interface LawHead {
  lawId: string;
  title: string;
  shortTitle: string;
  issuer: string | null;
  effective: string | null;
  version: string;
  isCurrent: boolean;
}

export interface QaView {
  id: string;
  question: string;
  answer: string;
  citations: CitationView[];
  tags: string[];
  topic: string | null;
  status: 'draft' | 'reviewed';
  revision: number;
  updatedAt: string;
}

export interface CaseView {
  id: string;
  title: string;
  facts: string;
  holding: string;
  citations: CitationView[];
  collection: string | null;
  issuer: string | null;
}

export const articlePath = (lawId: string, no: number) => `/consult/articles/${lawId}/${no}`;
