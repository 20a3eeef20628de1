/**
 * Notes on provisions a later text has repealed or changed in part. The law texts are imported as
 * published, so a paragraph repealed by a later judicial interpretation is still in its article;
 * the note tells the reader (and the officials answering questions) not to rely on it.
 * Data: data/knowledge/amendments.json, checked against the texts in amendments.test.ts.
 */
import { z } from 'zod';
import rawAmendments from '../../../data/knowledge/amendments.json';

export const Amendment = z.object({
  lawId: z.string().min(1),
  articleNo: z.number().int().positive(),
  /** 1-based paragraph (款) concerned; absent when the whole article is. */
  paragraph: z.number().int().positive().optional(),
  kind: z.enum(['repealed', 'amended']),
  effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The provision that repealed or amended it. */
  by: z.object({ lawId: z.string().min(1), articleNo: z.number().int().positive() }),
  note: z.string().min(10),
});
export type Amendment = z.infer<typeof Amendment>;

export const AmendmentFile = z.object({ version: z.number().int(), amendments: z.array(Amendment) });

let cached: Amendment[] | undefined;
export function amendments(): Amendment[] {
  cached ??= AmendmentFile.parse(rawAmendments).amendments;
  return cached;
}

export interface AmendmentNote {
  kind: Amendment['kind'];
  paragraph?: number;
  effective: string;
  by: { lawId: string; articleNo: number };
  text: string;
}

/** The notes on one article, oldest change first. */
export function amendmentNotes(lawId: string, articleNo: number, list: readonly Amendment[] = amendments()): AmendmentNote[] {
  return list
    .filter((a) => a.lawId === lawId && a.articleNo === articleNo)
    .sort((a, b) => a.effective.localeCompare(b.effective))
    .map((a) => ({ kind: a.kind, ...(a.paragraph ? { paragraph: a.paragraph } : {}), effective: a.effective, by: a.by, text: a.note }));
}
