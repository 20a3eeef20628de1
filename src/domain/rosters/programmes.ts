import type { FieldProblem } from './recognition';

/**
 * Skills competitions (seed 003 二(五)3: 每两年举办一次全市调解员岗位业务技能竞赛), government-purchased
 * services of social organisations (seed 000 二(二)3: 探索通过购买社会组织服务等方式…) and the hours
 * credited by training events (seed 000 二(二)1: 定期开展培训，交流经验).
 */

/** Competition ranking (1, 2, 2, 4) by score to two decimals; equal scores share a rank. */
export function rankCompetitors<T extends { score: number }>(entries: readonly T[]): (T & { rank: number })[] {
  const h = (n: number) => Math.round(n * 100);
  const sorted = [...entries].sort((a, b) => h(b.score) - h(a.score));
  const out: (T & { rank: number })[] = [];
  sorted.forEach((e, i) => {
    const prev = out[i - 1];
    out.push({ ...e, rank: prev && h(prev.score) === h(e.score) ? prev.rank : i + 1 });
  });
  return out;
}

/** Awards by rank: first prize to rank 1, second to ranks 2–3, third to ranks 4–6 (ties share the prize). */
export function awardFor(rank: number): string | null {
  if (rank === 1) return '一等奖';
  if (rank <= 3) return '二等奖';
  if (rank <= 6) return '三等奖';
  return null;
}

export type ServiceGrade = 'excellent' | 'good' | 'pass' | 'fail';
export const SERVICE_GRADE_LABELS = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const satisfies Record<ServiceGrade, string>;

/** The performance evaluation grade of a purchased-service project from its score (0–100). */
export function serviceGrade(score: number): ServiceGrade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 60) return 'pass';
  return 'fail';
}

/**
 * Whether a project may be accepted (验收): every deliverable delivered, and an evaluation score. A
 * project scored below 60 (不合格) cannot pass acceptance; it is recorded as rejected (验收不通过).
 */
export function checkAcceptance(deliverables: readonly { title: string; deliveredOn: string | null }[], input: { passed: boolean; score: number }): FieldProblem[] {
  const open = deliverables.filter((d) => !d.deliveredOn);
  if (input.passed && open.length) return [{ field: 'passed', message: `尚有${open.length}项成果未交付：${open.map((d) => d.title).join('、')}` }];
  if (input.passed && serviceGrade(input.score) === 'fail') return [{ field: 'score', message: '评价得分低于60分（不合格），不能验收通过' }];
  if (!deliverables.length && input.passed) return [{ field: 'passed', message: '项目没有约定交付成果，不能验收' }];
  return [];
}

/** Hours credited to each enrolment when attendance is recorded: the event's hours to those present, 0 to the absent. */
export function creditHours(eventHours: number, attendance: readonly { id: string; attended: boolean }[]): { id: string; hours: number }[] {
  return attendance.map((a) => ({ id: a.id, hours: a.attended ? eventHours : 0 }));
}
