import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';

/**
 * Indicators once entered by units and now computed from the modules' own records: a district of its own (443000)
 * with hand-counted cases, complaints, contracts, cultivations, recruitment events, salary surveys, alerts and awards.
 */
let t: TestApp;
const D = '443000';
const S = `${D}001`;
const ts = '2026-01-02T00:00:00.000Z';

async function fixtures(app: TestApp) {
  const db = app.built.ctx.db;
  await db.insertInto('regions').values([
    { id: D, name: '计算区', level: 'district', parent_id: null, sort: 10 },
    { id: S, name: '丙街道', level: 'street', parent_id: D, sort: 1 },
  ]).execute();
  const ent = (id: string, union: 0 | 1, on: string | null) => ({ id, name: `计算企业${id}`, uscc: `91443000CALC${id.padStart(6, '0')}`, region_id: S, headcount: 100, union_established: union, union_established_on: on, size_class: 'medium', is_key: 0, created_at: ts, updated_at: ts, version: 1 });
  await db.insertInto('enterprises').values([ent('g1', 1, '2020-01-01'), ent('g2', 1, '2021-01-01'), ent('g3', 1, '2022-01-01'), ent('g4', 0, null)]).execute();

  const kase = (id: string, stage: string, closedOn: string | null, result: string | null, inTime: number | null) => ({
    id, case_no: `计调〔2026〕${id}号`, case_year: 2026, seq: Number(id.slice(1)), request_id: null, created_by: null, region_id: S, org_id: 'mo-x', arbitration_region_id: null,
    enterprise_id: 'g1', respondent_name: '计算企业g1', respondent_uscc: '91443000CALC0000g1', source: 'walk_in', status: closedOn ? 'closed' : 'mediating', stage, outcomes: '{}', collective: 0, priority: 0,
    applicant_count: 1, primary_claim_type: 'wages', amount_claimed: 1000, amount_agreed: 0, amount_paid: 0, facts: '拖欠工资', deadline_facts: '{}', received_date: '2025-12-01', next_due: null, next_due_kind: null,
    statutory_due: null, closed_on: closedOn, result, days_to_close: closedOn ? 10 : null, closed_in_time: inTime, typical: 0, version: 1, created_at: ts, updated_at: ts,
  });
  await db.insertInto('dispute_cases').values([
    kase('c1', 'mediation', '2026-03-01', 'success', 1),
    kase('c2', 'mediation', '2026-04-01', 'failed', 1),
    kase('c3', 'mediation', '2026-05-01', 'success', 1),
    kase('c4', 'mediation', '2026-05-02', 'withdrawn', 1),
    kase('c5', 'mediation', '2025-12-30', 'success', 1),
    kase('c6', 'mediation', null, null, null),
    kase('c7', 'arbitration', '2026-06-01', 'success', 1),
    kase('c8', 'arbitration', '2026-07-01', 'failed', 0),
  ]).execute();

  const complaint = (id: string, status: string, closedOn: string | null, acceptDue: string, investigationDue: string | null) => ({
    id, region_id: S, tracking_code: `TS${id}`, channel: 'window', anonymous: 0, employer_name: '计算企业g2', issues_json: '[]', description: '拖欠工资', status, priority: 'normal',
    received_on: '2026-01-02', accept_due_on: acceptDue, investigation_due_on: investigationDue, closed_on: closedOn, extended: 0, created_at: ts, updated_at: ts,
  });
  await db.insertInto('complaints').values([
    complaint('k1', 'closed', '2026-02-10', '2026-01-09', '2026-03-01'),
    complaint('k2', 'closed', '2026-05-10', '2026-01-09', '2026-05-01'),
    complaint('k3', 'rejected', '2026-01-05', '2026-01-08', null),
    complaint('k4', 'accepted', null, '2026-01-09', '2026-04-01'),
  ]).execute();

  const contract = (id: string, kind: string, status: string, termEnd: string | null) => ({ id, region_id: S, scope: 'enterprise', kind, title: `集体合同${id}`, status, term_end: termEnd, searchable: 0, created_at: ts, updated_at: ts, version: 1 });
  await db.insertInto('collective_contracts').values([contract('cc1', 'comprehensive', 'effective', null), contract('cc2', 'wage', 'effective', null), contract('cc3', 'comprehensive', 'effective', '2025-12-31')]).execute();
  await db.insertInto('collective_contract_enterprises').values([
    { contract_id: 'cc1', enterprise_id: 'g1', region_id: S },
    { contract_id: 'cc1', enterprise_id: 'g4', region_id: S },
    { contract_id: 'cc2', enterprise_id: 'g2', region_id: S },
    { contract_id: 'cc3', enterprise_id: 'g3', region_id: S },
  ]).execute();

  const cult = (id: string, enterprise: string, year: number, status: string, assessedAt: string | null) => ({ id, region_id: S, enterprise_id: enterprise, year, partner: 'hrss', partner_org_unit_id: 'ou-x', officer_user_id: 'usr-official', diagnosis: '用工管理不规范', plan: null, status, assessment_score: null, assessment_result: null, assessment_note: null, assessed_at: assessedAt, created_by: null, created_at: ts, updated_at: ts });
  await db.insertInto('cultivations').values([cult('cu1', 'g1', 2026, 'assessed', '2026-06-01T02:00:00.000Z'), cult('cu2', 'g2', 2026, 'in_progress', null), cult('cu3', 'g3', 2025, 'assessed', '2025-06-01T02:00:00.000Z')]).execute();

  const ev = (id: string, mode: string, heldOn: string) => ({ id, region_id: S, year: Number(heldOn.slice(0, 4)), mode, title: `专场招聘${id}`, held_on: heldOn, venue: null, employers: 5, positions: 50, attendees: 100, created_by: null, created_at: ts });
  await db.insertInto('recruitment_events').values([ev('r1', 'online', '2026-03-01'), ev('r2', 'online', '2026-12-20'), ev('r3', 'offline', '2026-04-01')]).execute();

  const survey = (id: string, enterprise: string, year: number, status: string) => ({ id, region_id: S, round_id: 'sr-x', enterprise_id: enterprise, industry_code: null, year, status, data_json: '{}', issues_json: '[]', error_count: 0, warning_count: 0, return_reason: null, submitted_at: null, reviewed_by: null, reviewed_at: null, version: 1, created_at: ts, updated_at: ts });
  await db.insertInto('salary_survey_rounds').values({ id: 'sr-x', region_id: D, year: 2026, minimum_monthly_wage: 2300, min_enterprises: 2, sample_min_headcount: 10, deadline: '2026-09-30', created_by: null, created_at: ts }).execute();
  await db.insertInto('salary_surveys').values([survey('s1', 'g1', 2026, 'accepted'), survey('s2', 'g2', 2026, 'submitted'), survey('s3', 'g3', 2025, 'accepted')]).execute();

  const alert = (id: string, status: string, openedAt: string, closedAt: string | null) => ({ id, scope: 'enterprise', enterprise_id: 'g1', region_id: S, open_key: null, level: 'yellow', status, score: 60, reasons: '[]', evidence: '[]', opened_at: openedAt, level_since: openedAt, closed_at: closedAt, updated_at: openedAt });
  await db.insertInto('alerts').values([alert('a1', 'closed', '2026-02-01T00:00:00.000Z', '2026-02-20T00:00:00.000Z'), alert('a2', 'handling', '2026-03-01T00:00:00.000Z', null), alert('a3', 'closed', '2025-10-01T00:00:00.000Z', '2025-11-01T00:00:00.000Z')]).execute();

  await db.insertInto('coordinators').values([{ id: 'co1', region_id: S, user_id: null, name: '金协调', phone: null, employer_kind: 'enterprise', employer_name: '计算企业g1', employer_enterprise_id: 'g1', skill_level: null, certificate_no: null, certified_on: null, status: 'active', created_at: ts, updated_at: ts }]).execute();
  await db.insertInto('award_rounds').values([{ id: 'ar1', region_id: D, year: 2026, kind: 'coordinator', title: '2026年度金牌协调员', criteria: '', indicators_json: '[]', quota: 1, notice_days: 5, status: 'announced', notice_start: null, notice_end: null, announced_on: '2026-10-01', created_by: null, created_at: ts, updated_at: ts }]).execute();
  const nom = (id: string, subject: string, status: string) => ({ id, region_id: D, round_id: 'ar1', subject_id: subject, subject_name: subject, nominated_by: 'usr-official', reason: '表现突出', evidence_json: '[]', status, score: null, rank: null, created_by: null, created_at: ts, updated_at: ts });
  await db.insertInto('award_nominations').values([nom('n1', 'co1', 'awarded'), nom('n2', 'co2', 'rejected')]).execute();
}

beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 20 });
  t.clock.set('2026-11-26T02:00:00.000Z');
  await fixtures(t);
});
afterAll(async () => t?.close());

describe('indicators computed from the modules that landed', () => {
  it.each([
    ['mediation_success_rate', 60, 3, 5, ['c1', 'c3', 'c7']],
    ['arbitration_closing_rate', 50, 1, 2, ['c7']],
    ['complaints_on_time_rate', 66.7, 2, 3, ['k1', 'k3']],
    ['collective_contract_coverage', 33.3, 1, 3, ['g1']],
    ['enterprises_cultivated', 1, 1, null, ['g1']],
    ['recruitment_events_online', 1, 1, null, ['r1']],
    ['recruitment_events_offline', 1, 1, null, ['r3']],
    ['salary_survey_completion', 50, 1, 2, ['g1']],
    ['risk_alerts_handled_rate', 50, 1, 2, ['a1'], 1],
    ['gold_coordinators', 1, 1, null, ['co1']],
  ] as const)('%s 2026 = %d from the seeded records, and the drill-down lists exactly them', async (id, value, numerator, denominator, ids, version: number = 2) => {
    const admin = await t.login('admin');
    const r = await admin.get(`/api/indicators/${id}/records?regionId=${D}&year=2026`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ value, numerator, denominator, version });
    expect(r.body.items.map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort());
    if (denominator !== null) {
      const den = await admin.get(`/api/indicators/${id}/records?regionId=${D}&year=2026&side=denominator`);
      expect(den.body.total).toBe(denominator);
    }
    const c = await admin.get(`/api/cockpit?regionId=${D}&year=2026`);
    expect(c.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ value, mode: 'computed', version });
  });

  it('years before the module went live keep the units’ entries (definition version 1)', async () => {
    const admin = await t.login('admin');
    const ind = await admin.get('/api/indicators/mediation_success_rate');
    expect(ind.body.versions.map((v: { version: number; calculator: string | null; validFrom: string }) => [v.version, v.calculator, v.validFrom])).toEqual([
      [1, null, '2000-01-01'],
      [2, 'mediation-success', '2026-01-01'],
    ]);
    const old = await admin.get(`/api/indicators/mediation_success_rate/records?regionId=${D}&year=2025`);
    expect(old.body).toMatchObject({ version: 1, recordType: 'entry', value: null });
    await t.built.ctx.db.insertInto('indicator_values').values({ id: 'iv-old', indicator_id: 'mediation_success_rate', region_id: D, org_unit_id: null, period: '2025', value: 55, numerator: null, denominator: null, version: 1, source: 'manual', note: null, entered_by: null, created_at: ts }).execute();
    expect((await admin.get(`/api/indicators/mediation_success_rate/records?regionId=${D}&year=2025`)).body.value).toBe(55);
    const official = await t.login('official');
    const refused = await official.post('/api/indicators/mediation_success_rate/values', { regionId: '441999', period: '2026', value: 55 });
    expect(refused.status).toBe(409);
    expect(errorOf(refused).message).toContain('2026-01-01');
    expect((await admin.get(`/api/indicators/mediation_success_rate/records?regionId=${D}&year=2026`)).body.value).toBe(60);
  });

  it('the street breakdown equals the district figure', async () => {
    const admin = await t.login('admin');
    const b = await admin.get(`/api/indicators/complaints_on_time_rate/breakdown?regionId=${D}&year=2026`);
    expect(b.body.regions).toEqual([expect.objectContaining({ regionId: S, value: 66.7, numerator: 2, denominator: 3 })]);
  });

  it('an indicator without a module stays entered by units', async () => {
    const official = await t.login('official');
    const r = await official.post('/api/indicators/mediator_training_sessions/values', { regionId: '441999', period: '2026-11', value: 2 });
    expect(r.status).toBe(201);
    expect((await official.get('/api/indicators/mediator_training_sessions/records?year=2026')).body).toMatchObject({ value: 2, recordType: 'entry' });
  });
});
