import type { CaseSource, ReviewStatus } from '../../../domain/knowledge/entries';
import type { CaseView } from '../consult/types';

/** A typical case as the editor sees it. */
export interface CaseEntry extends CaseView {
  source: CaseSource;
  status: ReviewStatus;
  revision: number;
  createdAt: string;
  updatedAt: string;
  abilities: { edit: boolean };
}
