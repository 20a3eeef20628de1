import { z } from 'zod';

/** Alert levels (预警等级), most severe first. */
export const ALERT_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export const AlertLevel = z.enum(ALERT_LEVELS);
export type AlertLevel = z.infer<typeof AlertLevel>;
/** The enterprise's current risk level column; `none` below the blue threshold. */
export const RISK_LEVELS = [...ALERT_LEVELS, 'none'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const LEVEL_LABELS = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色', none: '无' } as const satisfies Record<RiskLevel, string>;
export const LEVEL_COLORS = { red: '#cf1322', orange: '#fa8c16', yellow: '#fadb14', blue: '#1677ff', none: '#d9d9d9' } as const satisfies Record<RiskLevel, string>;

const RANK: Record<RiskLevel, number> = { red: 4, orange: 3, yellow: 2, blue: 1, none: 0 };
export const levelRank = (l: RiskLevel) => RANK[l];
export function maxLevel(...levels: RiskLevel[]): RiskLevel {
  return levels.reduce<RiskLevel>((best, l) => (RANK[l] > RANK[best] ? l : best), 'none');
}
export const isHigher = (a: RiskLevel, b: RiskLevel) => RANK[a] > RANK[b];
