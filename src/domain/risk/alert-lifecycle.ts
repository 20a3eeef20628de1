import { z } from 'zod';
import type { AlertLevel } from './levels';

/** Alert statuses: open → assigned → assessing (研判) → handling (处置) → closed (销号). */
export const ALERT_STATUSES = ['open', 'assigned', 'assessing', 'handling', 'closed'] as const;
export const AlertStatus = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatus>;
export const STATUS_LABELS = { open: '待分派', assigned: '已分派', assessing: '研判中', handling: '处置中', closed: '已销号' } as const satisfies Record<AlertStatus, string>;

export const ALERT_ACTIONS = ['assign', 'assess', 'handle', 'close'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];
export const ACTION_LABELS = { assign: '分派', assess: '研判', handle: '处置', close: '销号' } as const satisfies Record<AlertAction, string>;

/** The workflow as data: which actions each status allows, and where each action leads. */
export const ALERT_TRANSITIONS = {
  open: ['assign'],
  assigned: ['assign', 'assess'],
  assessing: ['assign', 'handle'],
  handling: ['handle', 'close'],
  closed: [],
} as const satisfies Record<AlertStatus, readonly AlertAction[]>;

export const ACTION_TARGET = { assign: null, assess: 'assessing', handle: 'handling', close: 'closed' } as const satisfies Record<AlertAction, AlertStatus | null>;

export function allowedActions(status: AlertStatus): readonly AlertAction[] {
  return ALERT_TRANSITIONS[status];
}

/** The status after an action, or null when the action is not allowed in this status. */
export function nextStatus(status: AlertStatus, action: AlertAction): AlertStatus | null {
  if (!(ALERT_TRANSITIONS[status] as readonly AlertAction[]).includes(action)) return null;
  // Assigning an open alert makes it assigned; reassigning later keeps the stage it is in.
  if (action === 'assign') return status === 'open' ? 'assigned' : status;
  return ACTION_TARGET[action];
}

/** Time limits per level, counted from when the alert reached its level (opened or raised): assessed (研判) within, closed (销号) within. */
export const TIME_LIMITS = {
  red: { assessHours: 24, closeHours: 7 * 24 },
  orange: { assessHours: 48, closeHours: 15 * 24 },
  yellow: { assessHours: 72, closeHours: 30 * 24 },
  blue: { assessHours: 7 * 24, closeHours: 60 * 24 },
} as const satisfies Record<AlertLevel, { assessHours: number; closeHours: number }>;

export type Milestone = 'assess' | 'close';
export const MILESTONE_LABELS = { assess: '研判', close: '销号' } as const satisfies Record<Milestone, string>;

/** The next milestone an alert must reach and its deadline; null when closed. */
export function nextDeadline(level: AlertLevel, status: AlertStatus, since: string): { milestone: Milestone; dueAt: string } | null {
  if (status === 'closed') return null;
  const limits = TIME_LIMITS[level];
  const milestone: Milestone = status === 'open' || status === 'assigned' ? 'assess' : 'close';
  const hours = milestone === 'assess' ? limits.assessHours : limits.closeHours;
  return { milestone, dueAt: new Date(new Date(since).getTime() + hours * 3600_000).toISOString() };
}

/** Escalation tiers (督办): 0 handled locally, 1 district supervision, 2 leadership supervision. */
export const ESCALATION_LABELS = ['属地处置', '区级督办', '区领导督办'] as const;
export const MAX_ESCALATION = ESCALATION_LABELS.length - 1;

/**
 * Escalation when a time limit is exceeded: each missed milestone raises the supervision tier once.
 * Returns the tier the alert should now be at (never lower than it is).
 */
export function escalationDue(a: { level: AlertLevel; status: AlertStatus; since: string; escalation: number; escalatedFor: Milestone | null }, now: Date): { tier: number; milestone: Milestone } | null {
  const d = nextDeadline(a.level, a.status, a.since);
  if (!d || now.toISOString() <= d.dueAt) return null;
  if (a.escalatedFor === d.milestone || a.escalation >= MAX_ESCALATION) return null;
  return { tier: a.escalation + 1, milestone: d.milestone };
}

/** Hours an alert is past its deadline (0 when on time or closed). */
export function overdueHours(level: AlertLevel, status: AlertStatus, since: string, now: Date): number {
  const d = nextDeadline(level, status, since);
  if (!d) return 0;
  return Math.max(0, Math.floor((now.getTime() - new Date(d.dueAt).getTime()) / 3600_000));
}
