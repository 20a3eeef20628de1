import { z } from 'zod';
import { buildCalendar, type Calendar, CalendarDayKind, CalendarRow } from '../../../domain/calendar/holidays';
import { IsoDate } from '../../../domain/calendar/iso-date';
import type { CaseStatus } from '../../../domain/cases/state-machine';
import { computeDeadlines, type CaseFactsInput, type DeadlineKind, type Deadlines } from '../../../domain/cases/deadlines';
import type { ClaimType } from '../../../domain/cases/claim-types';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { conflict } from '../../errors';
import { isoNow } from '../../lib/clock';
import { insertAudit } from '../audit/repo';

/*
 * The State Council's holiday arrangements live in `calendar_days` (seeded by migration 0003 from
 * data/calendar/holidays.json); an administrator adds each new year. The Calendar is cached per process and rebuilt
 * whenever the table's fingerprint (row count + latest change) differs, so every replica sees an admin's change on
 * its next request without in-process coordination.
 */
let cache: { fingerprint: string; calendar: Calendar } | undefined;

async function fingerprint(db: DbOrTrx): Promise<string> {
  const r = await db
    .selectFrom('calendar_days')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('latest')])
    .executeTakeFirstOrThrow();
  return `${Number(r.n)}|${String(r.latest ?? '')}`;
}

export async function loadCalendar(db: DbOrTrx): Promise<Calendar> {
  const fp = await fingerprint(db);
  if (cache?.fingerprint === fp) return cache.calendar;
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind', 'name']).orderBy('date').execute();
  const calendar = buildCalendar(rows.map((r) => CalendarRow.parse(r)));
  cache = { fingerprint: fp, calendar };
  return calendar;
}

export async function listCalendar(ctx: AppContext, year?: number) {
  let q = ctx.db.selectFrom('calendar_days').selectAll().orderBy('date');
  if (year) q = q.where('year', '=', year);
  const rows = await q.execute();
  const years = [...new Set(rows.map((r) => r.year))].sort();
  return { years, items: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, year: r.year, source: r.source })) };
}

export const CalendarAdd = z.object({
  source: z.string().trim().min(1, '请填写通知文号').max(100),
  rows: z
    .array(z.object({ date: IsoDate, kind: CalendarDayKind, name: z.string().trim().min(1, '请填写节日名称').max(20) }))
    .min(1, '至少登记一天'),
});
export type CalendarAdd = z.infer<typeof CalendarAdd>;

/** Adds a year's arrangement; a date already registered with another kind is a conflict (409), not an overwrite. */
export async function addCalendarRows(ctx: AppContext, actor: Actor, input: CalendarAdd) {
  const at = isoNow(ctx.clock);
  const existing = await ctx.db
    .selectFrom('calendar_days')
    .selectAll()
    .where(
      'date',
      'in',
      input.rows.map((r) => r.date),
    )
    .execute();
  const clash = existing.find((e) => input.rows.some((r) => r.date === e.date && r.kind !== e.kind));
  if (clash) throw conflict(`${clash.date}已登记为${clash.kind === 'holiday' ? '放假' : '调休上班'}，不能改为另一种`);
  const fresh = input.rows.filter((r) => !existing.some((e) => e.date === r.date));
  await ctx.db.transaction().execute(async (trx) => {
    if (fresh.length) {
      await trx
        .insertInto('calendar_days')
        .values(
          fresh.map((r) => ({
            date: r.date,
            kind: r.kind,
            name: r.name,
            year: Number(r.date.slice(0, 4)),
            source: input.source,
            created_at: at,
          })),
        )
        .execute();
    }
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'calendar.add',
      entityType: 'calendar',
      summary: `登记节假日安排（${input.source}）${fresh.length}天`,
      after: fresh,
      ip: actor.ip,
    });
  });
  return { added: fresh.length, skipped: input.rows.length - fresh.length };
}

/** The deadline a case in a status is working against, in order of preference. */
const STATUS_DEADLINES: Partial<Record<CaseStatus, DeadlineKind[]>> = {
  registered: ['mediationAcceptanceDue', 'mediationDue'],
  negotiating: ['negotiationDue', 'negotiationResponseDue'],
  mediating: ['mediationExtendedDue', 'mediationDue'],
  arbitral_review: ['arbitralReviewDue'],
  arbitration_pending: ['arbitrationAcceptanceDue'],
  arbitrating: ['arbitrationAwardDue'],
};

export interface CaseDeadlineInput {
  deadlineFacts: CaseFactsInput;
  claims: { type: ClaimType }[];
}

export function caseDeadlines(calendar: Calendar, c: CaseDeadlineInput): Deadlines {
  return computeDeadlines(calendar, { ...c.deadlineFacts, claims: c.claims.map((cl) => ({ type: cl.type })) });
}

export function currentDeadline(status: CaseStatus, d: Deadlines): { kind: DeadlineKind; due: string } | undefined {
  for (const kind of STATUS_DEADLINES[status] ?? []) {
    const due = d[kind];
    if (due) return { kind, due };
  }
  return undefined;
}

/** The mediation period the organisation is measured against (劳动争议调解仲裁法 第十四条; 协商调解规定 第二十九条). */
export function statutoryDue(d: Deadlines): string | undefined {
  return d.mediationExtendedDue ?? d.mediationDue ?? d.negotiationDue ?? d.negotiationResponseDue;
}
