export interface GradeReason { ruleId: string; citation: string; text: string; violationIds: string[] }
export interface Evaluation {
  id: string;
  enterpriseId: string;
  enterpriseName: string | null;
  roundId: string | null;
  kind: 'yearly' | 'dynamic';
  previousGrade: string | null;
  proposedGrade: string;
  grade: string;
  reasons: GradeReason[];
  status: 'proposed' | 'objected' | 'final';
  statusName: string;
  objection: { reason: string; at: string; outcome: string | null; reply: string | null } | null;
  effectiveOn: string;
  createdAt: string;
  abilities: { object: boolean; review: boolean };
}
export interface Round {
  id: string;
  year: number;
  title: string;
  status: 'open' | 'closed';
  notifiedOn: string | null;
  objectionDueOn: string | null;
  meetingOn: string | null;
  minutes: string | null;
  counts: { byGrade: Record<'A' | 'B' | 'C', number>; byStatus: Record<'proposed' | 'objected' | 'final', number> };
}
export const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'gold', C: 'red' };
export const GRADE_NAMES: Record<string, string> = { A: 'A级（守法诚信）', B: 'B级（基本守法诚信）', C: 'C级（不守法诚信）' };
