/** Decayed signal points per enterprise as of `risk_score_basis` (migration 0021): a derived cache of the risk recompute. */
export interface RiskScoreStateTable {
  enterprise_id: string;
  points: number;
}

/** The day, rule set and signal mark the `risk_score_state` rows are valid for (one row, id 'current'). */
export interface RiskScoreBasisTable {
  id: string;
  day: number;
  rules_key: string;
  signals_mark: number;
  updated_at: string;
}

export interface RiskIncrementalTables {
  risk_score_state: RiskScoreStateTable;
  risk_score_basis: RiskScoreBasisTable;
}
