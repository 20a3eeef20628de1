import type { Insertable } from 'kysely';
import { loadDefaultCalendar } from '../../domain/calendar/default-holidays';
import { addDays, daysBetween } from '../../domain/calendar/iso-date';
import { CLAIM_TYPES, type ClaimType } from '../../domain/cases/claim-types';
import { assessCollective } from '../../domain/cases/collective';
import { computeDeadlines, type CaseFactsInput } from '../../domain/cases/deadlines';
import { initialCaseState, nextState, isTransitionError, type CaseAction, type CaseState } from '../../domain/cases/state-machine';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { currentDeadline, statutoryDue } from '../modules/cases/deadlines';
import type { DemoData } from './demo-data';
import { personName } from './names';
import { Rng } from './random';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** The day the demo data set describes; cases received in the last weeks before it are still open. */
export const DEMO_CASES_UNTIL = '2026-11-20';
const FIRST_DAY = '2024-01-02';
const CLAIM_WEIGHTS: [ClaimType, number][] = [
  ['wage_arrears', 34],
  ['severance', 16],
  ['unlawful_termination', 9],
  ['overtime', 11],
  ['double_wage', 7],
  ['social_insurance', 8],
  ['work_injury', 6],
  ['confirm_relationship', 4],
  ['annual_leave', 3],
  ['other', 2],
];
const FACTS: Partial<Record<ClaimType, string>> = {
  wage_arrears: '申请人在被申请人处工作，被申请人以经营困难为由拖欠申请人工资。',
  severance: '被申请人与申请人协商解除劳动合同，但未支付经济补偿。',
  unlawful_termination: '被申请人以申请人不胜任工作为由解除劳动合同，未经培训或调岗。',
  overtime: '申请人长期延长工作时间，被申请人未足额支付加班费。',
  double_wage: '被申请人自用工之日起超过一个月未与申请人订立书面劳动合同。',
  social_insurance: '被申请人未为申请人足额缴纳社会保险费。',
  work_injury: '申请人在工作中受伤并经认定为工伤，被申请人未支付停工留薪期工资。',
};

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of items) if ((r -= w) <= 0) return v;
  return items[items.length - 1]![0];
}

/**
 * A few hundred dispute cases over three years across the demo organisations (deterministic): mediated with and
 * without agreement, settled, withdrawn, declined, transferred to arbitration, and open ones near or past their
 * deadline. Some have worker1 as applicant, some are against enterprise1.
 */
export function generateDemoCases(data: DemoData, count = 360) {
  const rng = new Rng(20250303);
  const calendar = loadDefaultCalendar();
  const orgs = data.mediationOrgs.filter((o) => o.level !== 'city');
  const rows = {
    cases: [] as Row<'dispute_cases'>[],
    applicants: [] as Row<'case_applicants'>[],
    claims: [] as Row<'case_claims'>[],
    events: [] as Row<'case_events'>[],
    agreements: [] as Row<'case_agreements'>[],
    obligations: [] as Row<'agreement_obligations'>[],
  };
  const seqs = new Map<string, number>();
  const span = daysBetween(FIRST_DAY, DEMO_CASES_UNTIL);
  const ent1 = data.enterprises.find((e) => e.id === data.ids.enterprise1)!;
  for (let i = 0; i < count; i++) {
    const received = addDays(FIRST_DAY, Math.floor((i / count) * span) + rng.int(0, 2));
    if (received > DEMO_CASES_UNTIL) continue;
    // The two demo organisations carry a fair share, so their workspaces have real figures.
    const org =
      i % 5 === 0
        ? orgs.find((o) => o.id === data.ids.mediationOrg1)!
        : i % 5 === 1
          ? orgs.find((o) => o.id === data.ids.mediationOrg2)!
          : rng.pick(orgs);
    const inArea = data.enterprises.filter((e) => e.region_id.startsWith(org.region_id));
    const enterprise =
      i % 23 === 0
        ? ent1
        : org.enterprise_id
          ? data.enterprises.find((e) => e.id === org.enterprise_id)!
          : rng.pick(inArea.length ? inArea : data.enterprises);
    const collective = rng.chance(0.05);
    const applicantCount = collective ? rng.int(10, 40) : rng.chance(0.2) ? rng.int(2, 4) : 1;
    const claimTypes = [weighted(rng, CLAIM_WEIGHTS)];
    if (rng.chance(0.35)) claimTypes.push(rng.pick(CLAIM_TYPES.filter((t) => t !== claimTypes[0])));
    const year = Number(received.slice(0, 4));
    const seq = (seqs.get(`${org.id}${year}`) ?? 0) + 1;
    seqs.set(`${org.id}${year}`, seq);
    const id = `case-demo-${String(i + 1).padStart(4, '0')}`;
    const age = daysBetween(received, DEMO_CASES_UNTIL);
    // The path a case took; recent cases are still open.
    const roll = rng.next();
    let path: CaseAction[];
    if (age < 6) path = rng.chance(0.5) ? [] : ['accept_mediation'];
    else if (age < 20 && rng.chance(0.6)) path = ['accept_mediation'];
    else if (roll < 0.56)
      path = rng.chance(0.5) ? ['accept_mediation', 'reach_agreement', 'confirm_performance'] : ['accept_mediation', 'reach_agreement'];
    else if (roll < 0.66) path = ['start_negotiation', 'reach_settlement'];
    else if (roll < 0.84)
      path = rng.chance(0.6)
        ? ['accept_mediation', 'terminate_mediation', 'transfer_to_arbitration']
        : ['accept_mediation', 'terminate_mediation'];
    else if (roll < 0.92) path = ['accept_mediation', 'withdraw'];
    else path = ['decline'];
    let state: CaseState = initialCaseState('mediation');
    const facts: CaseFactsInput = { mediationReceivedOn: received, enterpriseCommittee: org.level === 'enterprise' };
    let day = received;
    let closed: { on: string; result: string } | undefined;
    const amounts = claimTypes.map((t) => (t === 'confirm_relationship' ? null : rng.int(8, 400) * 100 * (collective ? 8 : 1)));
    const claimed = amounts.reduce<number>((s, a) => s + (a ?? 0), 0);
    let agreed = 0;
    let paid = 0;
    const ts = (d: string) => `${d}T02:${String(i % 60).padStart(2, '0')}:00.000Z`;
    rows.events.push({
      id: `${id}-e0`,
      case_id: id,
      region_id: enterprise.region_id,
      seq: 1,
      at: ts(received),
      on_date: received,
      actor_id: null,
      actor_name: '演示数据',
      action: 'create',
      from_status: null,
      to_status: 'registered',
      reason: null,
      data: null,
    });
    for (const [k, action] of path.entries()) {
      day = addDays(
        day,
        action === 'accept_mediation' ? rng.int(0, 2) : action === 'confirm_performance' ? rng.int(10, 40) : rng.int(2, 14),
      );
      if (day > DEMO_CASES_UNTIL) break;
      const reason = action === 'terminate_mediation' ? '被申请人拒绝调解' : action === 'decline' ? '不属于劳动争议受理范围' : null;
      const next = nextState(state, action, { reason: reason ?? undefined });
      if (isTransitionError(next)) break;
      if (action === 'start_negotiation') facts.negotiationRequestedOn = day;
      if (action === 'reach_agreement') facts.mediationAgreementEffectiveOn = day;
      if (action === 'transfer_to_arbitration') facts.arbitrationReceivedOn = day;
      const result = {
        reach_agreement: 'success',
        reach_settlement: 'success',
        terminate_mediation: 'failed',
        withdraw: 'withdrawn',
        decline: 'declined',
      }[action as string];
      if (result && !closed) closed = { on: day, result };
      if (result === 'success') {
        agreed = Math.round((claimed * (0.6 + rng.next() * 0.35)) / 100) * 100;
        const agreementId = `${id}-a`;
        const due = addDays(day, rng.int(5, 30));
        const done = path.includes('confirm_performance') || (due < DEMO_CASES_UNTIL && rng.chance(0.7));
        paid = done ? agreed : due < DEMO_CASES_UNTIL && rng.chance(0.5) ? Math.round(agreed / 2) : 0;
        rows.agreements.push({
          id: agreementId,
          case_id: id,
          region_id: enterprise.region_id,
          kind: action === 'reach_settlement' ? 'settlement' : 'mediation',
          signed_on: day,
          total_amount: agreed,
          note: null,
          created_by: null,
          created_at: ts(day),
        });
        rows.obligations.push({
          id: `${id}-o1`,
          agreement_id: agreementId,
          case_id: id,
          region_id: enterprise.region_id,
          sort: 0,
          obligor: enterprise.name,
          description: '向申请人支付款项',
          amount: agreed,
          due_date: due,
          paid_amount: paid,
          fulfilled_on: done ? due : null,
          reminded_at: null,
        });
      }
      rows.events.push({
        id: `${id}-e${k + 1}`,
        case_id: id,
        region_id: enterprise.region_id,
        seq: k + 2,
        at: ts(day),
        on_date: day,
        actor_id: null,
        actor_name: '演示数据',
        action,
        from_status: state.status,
        to_status: next.status,
        reason,
        data: null,
      });
      state = next;
    }
    const d = computeDeadlines(calendar, { ...facts, claims: claimTypes.map((t) => ({ type: t })) });
    const cur = currentDeadline(state.status, d);
    const statDue = statutoryDue(d) ?? null;
    const worker1 = i % 41 === 3;
    rows.cases.push({
      id,
      case_no: `（${year}）调字第${seq}号`,
      case_year: year,
      seq,
      request_id: null,
      created_by: null,
      region_id: enterprise.region_id,
      org_id: org.id,
      arbitration_region_id: state.stage === 'arbitration' ? data.ids.district : null,
      enterprise_id: enterprise.id,
      respondent_name: enterprise.name,
      respondent_uscc: enterprise.uscc,
      source: worker1
        ? 'online_worker'
        : rng.pick(['walk_in', 'walk_in', 'phone', 'referral_12333', 'referral_court', 'referral_inspection']),
      status: state.status,
      stage: state.stage,
      outcomes: JSON.stringify(state.outcomes),
      collective: assessCollective({ workerCount: applicantCount }).collective ? 1 : 0,
      priority: collective ? 1 : 0,
      applicant_count: applicantCount,
      primary_claim_type: claimTypes[0]!,
      amount_claimed: claimed,
      amount_agreed: agreed,
      amount_paid: paid,
      facts: `${FACTS[claimTypes[0]!] ?? '双方因劳动报酬发生争议。'}申请人请求依法处理。`,
      deadline_facts: JSON.stringify(facts),
      received_date: received,
      next_due: cur?.due ?? null,
      next_due_kind: cur?.kind ?? null,
      statutory_due: statDue,
      closed_on: closed?.on ?? null,
      result: closed?.result ?? null,
      days_to_close: closed ? daysBetween(received, closed.on) : null,
      closed_in_time: closed ? (statDue && closed.on > statDue ? 0 : 1) : null,
      typical: 0,
      version: 1,
      created_at: ts(received),
      updated_at: ts(day),
    });
    for (let a = 0; a < applicantCount; a++) {
      const isWorker1 = worker1 && a === 0;
      rows.applicants.push({
        id: `${id}-p${a}`,
        case_id: id,
        region_id: enterprise.region_id,
        sort: a,
        name: isWorker1 ? '李建国' : personName(rng),
        phone: isWorker1 ? '13800000001' : rng.chance(0.6) ? `139${String(rng.int(0, 99999999)).padStart(8, '0')}` : null,
        id_number_enc: null,
        id_number_masked: null,
        user_id: isWorker1 ? 'usr-worker1' : null,
      });
    }
    claimTypes.forEach((t, k) =>
      rows.claims.push({
        id: `${id}-c${k}`,
        case_id: id,
        region_id: enterprise.region_id,
        sort: k,
        type: t,
        amount: amounts[k] ?? null,
        period_from: null,
        period_to: null,
        description: null,
      }),
    );
  }
  return rows;
}

export async function seedCasesDemo(db: Db, data: DemoData): Promise<void> {
  const rows = generateDemoCases(data);
  await db.transaction().execute(async (trx) => {
    const chunks = async <T extends keyof Database>(table: T, list: Row<T>[]) => {
      if (!list.length) return;
      const size = Math.max(1, Math.floor(30000 / Object.keys(list[0]!).length));
      for (let i = 0; i < list.length; i += size)
        await trx
          .insertInto(table)
          .values(list.slice(i, i + size) as never)
          .execute();
    };
    await chunks('dispute_cases', rows.cases);
    await chunks('case_applicants', rows.applicants);
    await chunks('case_claims', rows.claims);
    await chunks('case_events', rows.events);
    await chunks('case_agreements', rows.agreements);
    await chunks('agreement_obligations', rows.obligations);
  });
}
