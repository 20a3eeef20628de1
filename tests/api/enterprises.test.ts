import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { auditRows, code } from './enterprises-support';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const XINQIAO = '441999003';
const inXinqiao = () => t.demo.enterprises.find((e) => e.region_id === XINQIAO)!;
const outsideXinqiao = () => t.demo.enterprises.find((e) => !e.region_id.startsWith(XINQIAO))!;

describe('GET /api/enterprises', () => {
  it('401 without a session, 403 for a worker', async () => {
    expect((await t.anon().get('/api/enterprises')).status).toBe(401);
    expect((await (await t.login('worker1')).get('/api/enterprises')).status).toBe(403);
  });

  it('returns {items:[{id,name,uscc,…}],total} for an official, with q on name or code', async () => {
    const c = await t.login('official');
    const r = await c.get('/api/enterprises?page=1&pageSize=5');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(150);
    expect(r.body.items).toHaveLength(5);
    expect(Object.keys(r.body.items[0])).toEqual(expect.arrayContaining(['id', 'name', 'uscc', 'regionId', 'streetName', 'industryName', 'headcount']));
    expect(r.body.items[0].contactPhone).toMatch(/\*{4}/);
    const e = t.demo.enterprises[7]!;
    const byCode = await c.get(`/api/enterprises?q=${e.uscc.slice(4, 14).toLowerCase()}`);
    expect(byCode.body.items.map((i: any) => i.id)).toContain(e.id);
    const byName = await c.get(`/api/enterprises?q=${encodeURIComponent(e.name.slice(2, 6))}`);
    expect(byName.body.items.map((i: any) => i.id)).toContain(e.id);
  });

  it('filters by street, park, industry, size, union, key flag, risk; sorts by headcount', async () => {
    const c = await t.login('official');
    const ents = t.demo.enterprises;
    const count = (f: (e: (typeof ents)[number]) => boolean) => ents.filter(f).length;
    const levels = await t.built.ctx.db.selectFrom('enterprises').select('risk_level').execute();
    const riskCount = async (level: string | null) =>
      levels.filter((e) => (level === null ? e.risk_level === null || e.risk_level === 'none' : e.risk_level === level)).length;
    const cases: [string, number][] = [
      [`street=${XINQIAO}`, count((e) => e.region_id.startsWith(XINQIAO))],
      ['park=441999006101', count((e) => e.region_id === '441999006101')],
      ['industry=C', count((e) => e.industry_code === 'C')],
      ['size=small', count((e) => e.size_class === 'small')],
      ['union=no', count((e) => e.union_established === 0)],
      ['key=yes', count((e) => e.is_key === 1)],
      ['risk=none', await riskCount(null)],
      ['risk=red', await riskCount('red')],
    ];
    for (const [q, n] of cases) {
      const r = await c.get(`/api/enterprises?${q}`);
      expect(r.status, q).toBe(200);
      expect(r.body.total, q).toBe(n);
    }
    const sorted = await c.get('/api/enterprises?sort=headcount&order=desc&pageSize=3');
    const max = Math.max(...ents.map((e) => e.headcount ?? 0));
    expect(sorted.body.items[0].headcount).toBe(max);
    const bad = await c.get('/api/enterprises?size=huge');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('size');
  });

  it('is scoped: street official → street, coordinator → assigned, enterprise user → itself, mediator → region', async () => {
    const street = await (await t.login('street1')).get('/api/enterprises?pageSize=200');
    expect(street.body.total).toBe(t.demo.enterprises.filter((e) => e.region_id.startsWith(XINQIAO)).length);
    expect(street.body.items.every((i: any) => i.regionId.startsWith(XINQIAO))).toBe(true);
    const coord = await (await t.login('coordinator1')).get('/api/enterprises?pageSize=200');
    expect(coord.body.total).toBe(t.demo.enterprises.filter((e) => e.coordinator_user_id === 'usr-coordinator1').length);
    const ent = await (await t.login('enterprise1')).get('/api/enterprises');
    expect(ent.body.items.map((i: any) => i.id)).toEqual([t.demo.ids.enterprise1]);
    const med = await (await t.login('mediator1')).get('/api/enterprises?pageSize=200');
    expect(med.body.items.every((i: any) => i.regionId.startsWith(XINQIAO))).toBe(true);
  });
});

describe('POST /api/enterprises', () => {
  it('201 with the record and an audit row; bad code → 400 naming uscc; duplicate → 409', async () => {
    const c = await t.login('official');
    const body = { name: '云溪测试登记有限公司', uscc: code(1001), regionId: XINQIAO, headcount: 88, industryCode: 'C' };
    const r = await c.post('/api/enterprises', body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: body.name, uscc: body.uscc, regionId: XINQIAO, sizeClass: 'small', version: 1 });
    expect(r.body.headcountHistory).toHaveLength(1);
    expect(await auditRows(t, 'enterprise.create', r.body.id)).toHaveLength(1);
    const bad = await c.post('/api/enterprises', { ...body, uscc: body.uscc.slice(0, 17) + (body.uscc[17] === '0' ? '1' : '0') });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields!.map((f) => f.field)).toContain('uscc');
    expect(errorOf(bad).message).toMatch(/校验位/);
    const dup = await c.post('/api/enterprises', { ...body, name: '另一家公司' });
    expect(dup.status).toBe(409);
    expect(errorOf(dup).code).toBe('CONFLICT');
  });

  it('403 for mediators and enterprise users; a street official cannot register in another street', async () => {
    const body = { name: '越权登记有限公司', uscc: code(1002), regionId: '441999001' };
    expect((await (await t.login('mediator1')).post('/api/enterprises', body)).status).toBe(403);
    expect((await (await t.login('enterprise1')).post('/api/enterprises', body)).status).toBe(403);
    const r = await (await t.login('street1')).post('/api/enterprises', body);
    expect(r.status).toBe(400);
    expect(errorOf(r).fields![0]!.field).toBe('regionId');
    expect((await t.anon().post('/api/enterprises', body)).status).toBe(401);
  });
});

describe('GET/PATCH /api/enterprises/:id, timeline, reveal', () => {
  it('404 out of scope; detail carries abilities', async () => {
    const street = await t.login('street1');
    expect((await street.get(`/api/enterprises/${outsideXinqiao().id}`)).status).toBe(404);
    const r = await street.get(`/api/enterprises/${inXinqiao().id}`);
    expect(r.status).toBe(200);
    expect(r.body.abilities).toMatchObject({ update: true, updateFields: 'all', reveal: true });
    const notMine = t.demo.enterprises.find((e) => e.coordinator_user_id !== 'usr-coordinator1')!;
    expect((await (await t.login('coordinator1')).get(`/api/enterprises/${notMine.id}`)).status).toBe(404);
    expect((await street.get('/api/enterprises/nope')).status).toBe(404);
  });

  it('PATCH uses the version: stale → 409; headcount change adds a dated record and a timeline entry', async () => {
    const c = await t.login('official');
    const id = inXinqiao().id!;
    const before = (await c.get(`/api/enterprises/${id}`)).body;
    const r = await c.patch(`/api/enterprises/${id}`, { version: before.version, headcount: (before.headcount ?? 0) + 7, headcountAsOf: '2026-11-01', unionChair: '测试主席' });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(before.version + 1);
    expect(r.body.headcountHistory.at(-1)).toMatchObject({ asOf: '2026-11-01', headcount: (before.headcount ?? 0) + 7, source: 'manual' });
    const stale = await c.patch(`/api/enterprises/${id}`, { version: before.version, unionChair: '另一人' });
    expect(stale.status).toBe(409);
    const tl = await c.get(`/api/enterprises/${id}/timeline`);
    expect(tl.status).toBe(200);
    expect(tl.body.items[0]).toMatchObject({ kind: 'registry.updated', module: 'registry' });
    expect(tl.body.items[0].detail).toContain('职工人数');
    const ats = tl.body.items.map((i: any) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(await auditRows(t, 'enterprise.update', id)).toHaveLength(1);
    const noVersion = await c.patch(`/api/enterprises/${id}`, { unionChair: 'x' });
    expect(noVersion.status).toBe(400);
    expect(errorOf(noVersion).fields![0]!.field).toBe('version');
  });

  it('an enterprise user edits only its contact and HR fields', async () => {
    const c = await t.login('enterprise1');
    const id = t.demo.ids.enterprise1;
    const me = (await c.get(`/api/enterprises/${id}`)).body;
    expect(me.abilities.updateFields).toContain('contactPhone');
    const ok = await c.patch(`/api/enterprises/${id}`, { version: me.version, contactName: '人事经理', contactPhone: '13900001111', contacts: [{ name: '工会干事', role: '工会', phone: '13900002222' }] });
    expect(ok.status).toBe(200);
    expect(ok.body.contactPhone).toBe('139****1111');
    const denied = await c.patch(`/api/enterprises/${id}`, { version: ok.body.version, name: '改名公司', isKey: false });
    expect(denied.status).toBe(403);
    expect(errorOf(denied).message).toMatch(/企业名称/);
    expect((await c.patch(`/api/enterprises/${inXinqiao().id}`, { version: 1, contactName: 'x' })).status).toBe(404);
    expect((await (await t.login('mediator1')).patch(`/api/enterprises/${inXinqiao().id}`, { version: 1, contactName: 'x' })).status).toBe(403);
  });

  it('reveal-contacts: official sees full phones (audited); coordinator 403; timeline 404 out of scope', async () => {
    const id = t.demo.ids.enterprise1;
    const r = await (await t.login('official')).post(`/api/enterprises/${id}/reveal-contacts`);
    expect(r.status).toBe(200);
    expect(r.body.contactPhone).toBe('13900001111');
    expect((await auditRows(t, 'pii.reveal', id)).length).toBeGreaterThan(0);
    expect((await (await t.login('coordinator1')).post(`/api/enterprises/${id}/reveal-contacts`)).status).toBe(403);
    expect((await (await t.login('street1')).get(`/api/enterprises/${outsideXinqiao().id}/timeline`)).status).toBe(404);
    expect((await t.anon().get(`/api/enterprises/${id}/timeline`)).status).toBe(401);
  });
});

describe('enterprise timeline: entries derived from cases, signals, contracts and visits', () => {
  it('shows what other modules hold about the enterprise, newest first, and pages by time', async () => {
    const db = t.built.ctx.db;
    const kase = await db.selectFrom('dispute_cases').select(['id', 'enterprise_id', 'case_no']).limit(1).executeTakeFirstOrThrow();
    const c = await t.login('official');
    const tl = await c.get(`/api/enterprises/${kase.enterprise_id}/timeline?limit=100`);
    expect(tl.status).toBe(200);
    const entry = tl.body.items.find((i: { refId: string; kind: string }) => i.refId === kase.id && i.kind === 'case.created');
    expect(entry).toMatchObject({ module: 'cases', refType: 'dispute_case' });
    expect(entry.title).toContain(kase.case_no);
    const ats = tl.body.items.map((i: { at: string }) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    // the case's own risk signal is not repeated
    expect(tl.body.items.some((i: { refType: string; title: string }) => i.refType === 'risk_signal' && i.title.includes('劳动争议案件'))).toBe(false);

    const signal = await db.selectFrom('risk_signals').select(['id', 'enterprise_id', 'occurred_at']).where('channel', '!=', 'case').limit(1).executeTakeFirstOrThrow();
    const st = await c.get(`/api/enterprises/${signal.enterprise_id}/timeline?limit=100`);
    expect(st.body.items.find((i: { refId: string }) => i.refId === signal.id)).toMatchObject({ kind: 'signal', module: 'risk' });
    const older = await c.get(`/api/enterprises/${signal.enterprise_id}/timeline?limit=100&before=${encodeURIComponent(signal.occurred_at)}`);
    expect(older.body.items.every((i: { at: string }) => i.at < signal.occurred_at)).toBe(true);
    expect(older.body.items.some((i: { refId: string }) => i.refId === signal.id)).toBe(false);

    const ent1 = await t.login('enterprise1');
    const created = await ent1.post('/api/collective-contracts', { requestId: 'req-timeline-0001', kind: 'wage', title: '2027年工资专项集体合同', enterpriseId: t.demo.ids.enterprise1, signedOn: '2026-11-20', termStart: '2027-01-01', termEnd: '2027-12-31', employerRepresentative: '王建华', workerRepresentative: '刘美玲', congressOn: '2026-11-15', congressVotesFor: 45, congressDelegates: 52 });
    expect(created.status).toBe(201);
    const contract = { id: created.body.id as string, enterprise_id: t.demo.ids.enterprise1 };
    const ct = await c.get(`/api/enterprises/${contract.enterprise_id}/timeline?limit=100`);
    expect(ct.body.items.find((i: { refId: string }) => i.refId === contract.id)).toMatchObject({ module: 'contracts', refType: 'collective_contract', kind: 'contract.create' });
    // A tip about the enterprise filed by an official: the official sees it on the timeline, the enterprise
    // user (its own contracts, yes; signals, alerts and complaints about it, no) does not.
    const tip = await c.post('/api/signals/manual', { enterpriseId: t.demo.ids.enterprise1, kind: 'petition', occurredAt: '2026-11-25', workersAffected: 3, description: '3名职工到信访局反映加班问题', requestId: 'req-timeline-tip-01' });
    expect(tip.status).toBe(201);
    const asOfficial = (await c.get(`/api/enterprises/${t.demo.ids.enterprise1}/timeline?limit=100`)).body.items;
    expect(asOfficial.some((i: { module: string }) => i.module === 'risk')).toBe(true);
    const own = await ent1.get(`/api/enterprises/${t.demo.ids.enterprise1}/timeline?limit=100`);
    expect(own.status).toBe(200);
    const modules = new Set(own.body.items.map((i: { module: string }) => i.module));
    expect(modules.has('contracts')).toBe(true);
    for (const hidden of ['risk', 'alerts', 'complaints', 'rosters', 'services']) expect(modules.has(hidden)).toBe(false);

    const visit = await db.selectFrom('outreach_visits').select(['id', 'enterprise_id']).limit(1).executeTakeFirstOrThrow();
    const vt = await c.get(`/api/enterprises/${visit.enterprise_id}/timeline?limit=100`);
    expect(vt.body.items.find((i: { refId: string }) => i.refId === visit.id)).toMatchObject({ kind: 'outreach.visit', module: 'services' });
  });
});

describe('name/code search of 1–2 characters (FTS5 bigram index on SQLite, hexie_grams GIN index on PostgreSQL)', () => {
  /** ids whose name (or code, for a code-like term) contains the term, straight from the table. */
  const byLike = async (q: string) => {
    const db = t.built.ctx.db;
    const codeLike = /^[0-9A-Za-z]+$/.test(q);
    const rows = await db
      .selectFrom('enterprises')
      .select('id')
      .where((eb) => (codeLike ? eb.or([eb('name', 'like', `%${q}%`), eb('uscc', 'like', `%${q.toUpperCase()}%`)]) : eb('name', 'like', `%${q}%`)))
      .execute();
    return rows.map((r) => r.id).sort();
  };
  const viaApi = async (q: string) => {
    const c = await t.login('admin');
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const r = await c.get(`/api/enterprises?q=${encodeURIComponent(q)}&pageSize=100&page=${page}`);
      expect(r.status).toBe(200);
      ids.push(...(r.body.items as { id: string }[]).map((i) => i.id));
      if (r.body.items.length < 100) {
        expect(r.body.total).toBe(ids.length);
        return ids.sort();
      }
    }
  };

  it('create and rename keep it in step: 1- and 2-character searches return exactly the LIKE result', async () => {
    const c = await t.login('official');
    const created = await c.post('/api/enterprises', { name: '鑫淼（云溪）科技有限公司', uscc: code(1301), regionId: XINQIAO });
    expect(created.status).toBe(201);
    expect(await viaApi('鑫淼')).toEqual([created.body.id]);
    expect(await viaApi('淼')).toEqual([created.body.id]);
    const renamed = await c.patch(`/api/enterprises/${created.body.id}`, { version: created.body.version, name: '垚犇科技有限公司' });
    expect(renamed.status).toBe(200);
    expect(await viaApi('鑫淼')).toEqual([]);
    expect(await viaApi('垚犇')).toEqual([created.body.id]);
    for (const q of ['垚', '犇科', '有限', '（', '云', 'a', 'MA', '9', code(1301).slice(8, 10), '科技']) expect(await viaApi(q), q).toEqual(await byLike(q));
  });
});

describe('GET /api/enterprises/export', () => {
  async function rowsOf(buf: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    const ws = wb.worksheets[0]!;
    const out: string[][] = [];
    ws.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return out;
  }

  it('exports the filtered list; phones masked for a coordinator, full for an official (audited as a reveal)', async () => {
    const off = await t.login('street1');
    const r = await off.get(`/api/enterprises/export?industry=C`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await rowsOf(r.body);
    expect(rows[0]).toContain('统一社会信用代码');
    const listed = await off.get('/api/enterprises?industry=C&pageSize=1');
    expect(rows.length - 1).toBe(listed.body.total);
    const phoneCol = rows[0]!.indexOf('联系电话');
    expect(rows.slice(1).some((x) => /^1\d{10}$/.test(x[phoneCol]!))).toBe(true);
    const coord = await (await t.login('coordinator1')).get('/api/enterprises/export');
    const crow = await rowsOf(coord.body);
    expect(crow.slice(1).every((x) => x[phoneCol] === '' || x[phoneCol]!.includes('****'))).toBe(true);
    expect((await (await t.login('mediator1')).get('/api/enterprises/export')).status).toBe(403);
    expect((await auditRows(t, 'enterprise.export')).length).toBeGreaterThan(0);
  });
});
