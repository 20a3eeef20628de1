import { z } from 'zod';

export const RecruitmentMode = z.enum(['online', 'offline']);
export type RecruitmentMode = z.infer<typeof RecruitmentMode>;
export const RECRUITMENT_MODE_LABELS = { online: '线上招聘', offline: '线下招聘' } as const satisfies Record<RecruitmentMode, string>;

/** Seed 000 五(二)2: each year at least 30 online and 80 offline recruitment events. */
export const DEFAULT_RECRUITMENT_TARGETS = { online: 30, offline: 80 } as const;

export function recruitmentProgress(counts: Record<RecruitmentMode, number>, targets: Record<RecruitmentMode, number>) {
  return RecruitmentMode.options.map((mode) => ({
    mode,
    label: RECRUITMENT_MODE_LABELS[mode],
    held: counts[mode],
    target: targets[mode],
    rate: targets[mode] > 0 ? Math.round((counts[mode] / targets[mode]) * 1000) / 1000 : 1,
    met: counts[mode] >= targets[mode],
  }));
}
