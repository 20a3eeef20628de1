export interface Listing {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  kind: 'red' | 'black';
  kindName: string;
  criterion: { id: string; text: string; citation: string } | null;
  reason: string;
  status: 'noticed' | 'appealed' | 'listed' | 'dropped' | 'removed';
  statusName: string;
  noticedOn: string;
  noticeDueOn: string;
  appeal: { reason: string; at: string } | null;
  decisionReply: string | null;
  listedOn: string | null;
  listedUntil: string | null;
  removedOn: string | null;
  removalReason: string | null;
  abilities: { appeal: boolean; decide: boolean; remove: boolean };
}
export interface Candidate {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  grade: string | null;
  criteria: { id: string; text: string; citation: string }[];
}
export const STATUS_COLORS: Record<Listing['status'], string> = { noticed: 'gold', appealed: 'orange', listed: 'red', dropped: 'default', removed: 'default' };
export const KIND_OPTIONS = [
  { value: 'black', label: '失信联合惩戒对象名单（黑名单）' },
  { value: 'red', label: '守法诚信红名单' },
];
