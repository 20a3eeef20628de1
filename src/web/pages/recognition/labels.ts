export const AWARD_KINDS = [
  { value: 'coordinator', label: '金牌劳动关系协调员' },
  { value: 'social_org', label: '金牌社会组织' },
  { value: 'mediation_org', label: '金牌调解组织' },
  { value: 'mediator', label: '金牌调解员' },
];
export const STATUS_STEPS = ['nominating', 'reviewing', 'notice', 'announced'] as const;
export const STATUS_LABELS: Record<string, string> = { nominating: '征集推荐', reviewing: '评审打分', notice: '公示中', announced: '已公布' };
export const NOMINATION_STATUS: Record<string, { label: string; color?: string }> = {
  nominated: { label: '已推荐' },
  candidate: { label: '拟入选', color: 'orange' },
  not_selected: { label: '未入选' },
  awarded: { label: '获评', color: 'gold' },
  revoked: { label: '取消入选', color: 'red' },
};
export interface Indicator { code: string; name: string; weight: number }
export interface Round { id: string; year: number; kind: string; kindLabel: string; title: string; criteria: string; indicators: Indicator[]; quota: number; noticeDays: number; status: string; statusLabel: string; noticeStart: string | null; noticeEnd: string | null; noticeState: string; announcedOn: string | null }
