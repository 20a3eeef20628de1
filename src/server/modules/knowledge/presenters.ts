/** How knowledge records look in API responses. */
import { amendmentNotes } from '../../../domain/knowledge/amendments';
import { articleLabel } from '../../../domain/knowledge/citation';
import type { ArticleDoc, ArticleRef, CaseDoc, Law, QaDoc } from './documents';
import { parseRefs, parseTags, type CaseRow, type QaRow } from './repo';
import type { SearchHit } from './search-engine';

export interface CitationView {
  lawId: string;
  articleNo: number;
  lawShortTitle: string;
  label: string;
  /** "劳动合同法 第四十七条" */
  title: string;
  exists: boolean;
}

export function citationViews(refs: readonly ArticleRef[], laws: readonly Law[]): CitationView[] {
  return refs.map((r) => {
    const law = laws.find((l) => l.id === r.lawId);
    const art = law?.articles.find((a) => a.no === r.articleNo);
    const label = art?.label ?? articleLabel(r.articleNo);
    const short = law?.shortTitle ?? r.lawId;
    return { lawId: r.lawId, articleNo: r.articleNo, lawShortTitle: short, label, title: `${short} ${label}`, exists: !!art };
  });
}

export function articleItem(hit: SearchHit) {
  const d = hit.doc as ArticleDoc;
  return {
    lawId: d.lawId,
    lawTitle: d.lawTitle,
    lawShortTitle: d.lawShortTitle,
    articleNo: d.articleNo,
    label: d.label,
    text: d.text,
    score: Math.round(hit.score * 10000) / 10000,
    matched: hit.matched,
    via: hit.via,
    notes: amendmentNotes(d.lawId, d.articleNo),
  };
}

const snippet = (s: string, n = 140) => (s.length > n ? s.slice(0, n) + '…' : s);

/** One row of the combined search: a common head plus the fields of its kind. */
export function mixedItem(hit: SearchHit, laws: readonly Law[]) {
  const score = Math.round(hit.score * 10000) / 10000;
  switch (hit.doc.kind) {
    case 'article': {
      const d = hit.doc;
      return {
        kind: 'article' as const,
        id: d.id,
        title: `${d.lawShortTitle} ${d.label}`,
        snippet: snippet(d.text, 220),
        score,
        matched: hit.matched,
        lawId: d.lawId,
        lawShortTitle: d.lawShortTitle,
        articleNo: d.articleNo,
        label: d.label,
        text: d.text,
        notes: amendmentNotes(d.lawId, d.articleNo),
      };
    }
    case 'qa': {
      const d: QaDoc = hit.doc;
      return {
        kind: 'qa' as const,
        id: d.id,
        title: d.question,
        snippet: snippet(d.answer),
        score,
        matched: hit.matched,
        citations: citationViews(d.citations, laws),
      };
    }
    case 'case': {
      const d: CaseDoc = hit.doc;
      return {
        kind: 'case' as const,
        id: d.id,
        title: d.title,
        snippet: snippet(d.facts || d.holding),
        score,
        matched: hit.matched,
        citations: citationViews(d.citations, laws),
      };
    }
  }
}

export function qaView(r: QaRow, laws: readonly Law[], canEdit: boolean) {
  return {
    id: r.id,
    question: r.question,
    answer: r.answer,
    citations: citationViews(parseRefs(r.citations), laws),
    tags: parseTags(r.tags),
    topic: r.topic,
    status: r.status,
    revision: Number(r.revision),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    reviewedAt: r.reviewed_at,
    abilities: { edit: canEdit },
  };
}

export function caseView(r: CaseRow, laws: readonly Law[], canEdit: boolean) {
  return {
    id: r.id,
    title: r.title,
    facts: r.facts,
    holding: r.holding,
    citations: citationViews(parseRefs(r.citations), laws),
    source: r.source,
    collection: r.collection,
    issuer: r.issuer,
    status: r.status,
    revision: Number(r.revision),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: { edit: canEdit },
  };
}
