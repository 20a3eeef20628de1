/** Survey form workflow as data: status → allowed actions → next status. */
export const SURVEY_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_STATUS_LABELS = { draft: '填报中', submitted: '待审核', returned: '已退回', accepted: '已通过' } as const satisfies Record<SurveyStatus, string>;

export type SurveyAction = 'save' | 'submit' | 'return' | 'accept';
export const SURVEY_ACTION_LABELS = { save: '保存', submit: '提交', return: '退回修改', accept: '审核通过' } as const satisfies Record<SurveyAction, string>;

export const SURVEY_TRANSITIONS = {
  draft: ['save', 'submit'],
  submitted: ['return', 'accept'],
  returned: ['save', 'submit'],
  accepted: [],
} as const satisfies Record<SurveyStatus, readonly SurveyAction[]>;

const NEXT: Record<SurveyAction, SurveyStatus | null> = { save: null, submit: 'submitted', return: 'returned', accept: 'accepted' };

export function allowedActions(status: SurveyStatus): readonly SurveyAction[] {
  return SURVEY_TRANSITIONS[status];
}

/** The status after an action, or null when the action is not allowed in this status. */
export function nextStatus(status: SurveyStatus, action: SurveyAction): SurveyStatus | null {
  if (!(SURVEY_TRANSITIONS[status] as readonly SurveyAction[]).includes(action)) return null;
  return NEXT[action] ?? status;
}
