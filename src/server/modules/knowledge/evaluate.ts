/**
 * Retrieval quality on a question set with gold articles (shared/data/eval/knowledge-dev.json
 * and sets written the same way): the share of questions with a gold article at rank 1 and
 * within the top 3.
 */
import { z } from 'zod';
import { searchArticles, type SearchIndex } from './search-engine';

export const EvalQuestion = z.object({
  id: z.string(),
  question: z.string(),
  gold: z.array(z.object({ lawShortTitle: z.string(), articleNo: z.number().int() })).min(1),
  topic: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;
export const EvalSet = z.array(EvalQuestion);

export interface EvalMiss {
  id: string;
  question: string;
  gold: string[];
  /** The top results as "劳动合同法 第47条". */
  got: string[];
  /** Rank of the first gold article in the top 10, if any. */
  rank?: number;
}

export interface EvalReport {
  total: number;
  top1: number;
  top3: number;
  /** Questions without a gold article at rank 1. */
  misses: EvalMiss[];
}

export function evaluate(index: SearchIndex, questions: readonly EvalQuestion[]): EvalReport {
  let top1 = 0;
  let top3 = 0;
  const misses: EvalMiss[] = [];
  for (const q of questions) {
    const hits = searchArticles(index, q.question, 10);
    const names = hits.map((h) => (h.doc.kind === 'article' ? `${h.doc.lawShortTitle} 第${h.doc.articleNo}条` : h.id));
    const gold = q.gold.map((g) => `${g.lawShortTitle} 第${g.articleNo}条`);
    const rank = names.findIndex((n) => gold.includes(n));
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    if (rank !== 0) {
      const miss: EvalMiss = { id: q.id, question: q.question, gold, got: names.slice(0, 3) };
      if (rank >= 0) miss.rank = rank + 1;
      misses.push(miss);
    }
  }
  const n = questions.length || 1;
  return { total: questions.length, top1: top1 / n, top3: top3 / n, misses };
}
