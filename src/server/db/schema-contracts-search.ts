/**
 * Contract full-text search (issue 8): an inverted index of jieba words, written in the same
 * transaction as the contract text, so every replica ranks from the same data; and the renewal
 * reminders raised by the scheduled contract job.
 */
export interface ContractSearchDocTable {
  contract_id: string;
  region_id: string;
  /** Number of indexed words in the body (BM25 length normalisation). */
  length: number;
  /** Tokenizer version the postings were built with; a different version is re-indexed by the job. */
  tokenizer: string;
  indexed_at: string;
}

export interface ContractSearchTermTable {
  contract_id: string;
  term: string;
  region_id: string;
  /** Occurrences in the body text. */
  tf: number;
  /** Occurrences in the title. */
  title_tf: number;
}

export interface ContractReminderTable {
  id: string;
  region_id: string;
  contract_id: string;
  enterprise_id: string | null;
  /** expiring (term ends within the notice period) | expired (term ended, not renewed) */
  kind: string;
  term_end: string;
  raised_on: string;
  message: string;
  dismissed_by: string | null;
  dismissed_at: string | null;
  created_at: string;
}

export interface ContractsSearchTables {
  contract_search_docs: ContractSearchDocTable;
  contract_search_terms: ContractSearchTermTable;
  contract_reminders: ContractReminderTable;
}
