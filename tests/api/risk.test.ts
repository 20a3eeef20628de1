import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
const NOW = '2026-11-26T02:00:00.000Z';
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(NOW);
});
afterAll(async () => t.close());

const ent = (i: number) => t.demo.enterprises[i]!;
const audits = async (action: string) => t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
const sig = (over: Record<string, unknown> = {}) => ({ source: 'court', externalId: `X-${Math.random()}`, kind: 'court_filing', uscc: ent(20).uscc, occurredAt: '2026-11-20', ...over });

describe('POST /api/signals', () => {
  it('401 without a key, 401 with a wrong key, 403 for a signed-in official', async () => {
    expect((await t.anon().post('/api/signals', { signals: [sig()] })).status).toBe(401);
    expect((await t.provider('wrong-key').post('/api/signals', { signals: [sig()] })).status).toBe(401);
    expect((await (await t.login('official')).post('/api/signals', { signals: [sig()] })).status).toBe(403);
  });

  it('400 names the field when the envelope is wrong', async () => {
    const r = await t.provider().post('/api/signals', { signals: [] });
    expect(r.status).toBe(400);
    expect(errorOf(r).fields![0]!.field).toBe('signals');
  });

  it('validates row by row: valid rows stored, invalid rows reported in Chinese', async () => {
    const r = await t.provider().post('/api/signals', {
      signals: [
        sig({ externalId: 'A-1' }),
        sig({ externalId: 'A-2', kind: 'alien_invasion' }),
        sig({ externalId: 'A-3', uscc: '91441999MA0000000X' }),
        sig({ externalId: 'A-4', uscc: '91350100M000100Y43' }),
        sig({ externalId: 'A-5', occurredAt: '2027-01-01' }),
        sig({ externalId: 'A-6', workersAffected: -1 }),
        sig({ externalId: 'A-7', kind: 'wage_arrears_complaint', workersAffected: 3, amount: 12000.555, details: { note: '拖欠两个月' } }),
        'not an object',
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.accepted).toBe(2);
    expect(r.body.duplicates).toBe(0);
    expect(r.body.rejected.map((x: { index: number }) => x.index)).toEqual([1, 2, 3, 4, 5, 7]);
    for (const x of r.body.rejected) expect(x.reason).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.body.rejected[1].reason).toContain('校验位');
    expect(r.body.rejected[2].reason).toContain('未在本辖区企业库中登记');
    const stored = await t.built.ctx.db.selectFrom('risk_signals').selectAll().where('source', '=', 'court').where('external_id', 'in', ['A-1', 'A-7']).execute();
    expect(stored).toHaveLength(2);
    expect(stored.find((s) => s.external_id === 'A-7')!.amount).toBe(12000.56);
    expect((await audits('signal.push')).at(-1)!.summary).toContain('接收 2');
  });

  it('is idempotent on (source, externalId): a batch sent twice is counted once', async () => {
    const batch = { signals: [sig({ externalId: 'B-1' }), sig({ externalId: 'B-2' }), sig({ externalId: 'B-2' })] };
    const first = await t.provider().post('/api/signals', batch);
    expect(first.body).toMatchObject({ accepted: 2, duplicates: 1, rejected: [] });
    const again = await t.provider().post('/api/signals', batch);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3, rejected: [] });
    const n = await t.built.ctx.db.selectFrom('risk_signals').select((eb) => eb.fn.countAll<number>().as('n')).where('external_id', 'in', ['B-1', 'B-2']).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });

  it('a provider key can only push: reading alerts, signals or the risk map is 403', async () => {
    for (const url of ['/api/alerts', '/api/signals', '/api/risk/overview', '/api/users', `/api/risk/enterprises/${ent(0).id}`]) {
      expect((await t.provider().get(url)).status, url).toBe(403);
    }
  });
});

describe('POST /api/feeds/headcount and alerts', () => {
  /** A quiet enterprise (no risk yet) matching a condition. */
  const quiet = async (pred: (e: TestApp['demo']['enterprises'][number]) => boolean) => {
    const none = new Set((await t.built.ctx.db.selectFrom('enterprises').select('id').where('risk_level', '=', 'none').execute()).map((r) => r.id));
    const used = new Set((await t.built.ctx.db.selectFrom('risk_signals').select('enterprise_id').execute()).map((r) => r.enterprise_id));
    return t.demo.enterprises.find((e) => none.has(e.id) && !used.has(e.id) && e.id !== t.demo.ids.enterprise1 && pred(e))!;
  };
  let target: TestApp['demo']['enterprises'][number];
  const pickTarget = async () => (target ??= await quiet((e) => e.region_id === t.demo.ids.park && (e.headcount ?? 0) >= 30));

  it('stores monthly counts idempotently and reports updates', async () => {
    const e = await pickTarget();
    const r1 = await t.provider().post('/api/feeds/headcount', { records: [{ uscc: e.uscc, month: '2026-11', insuredCount: 500 }, { uscc: e.uscc, month: '13-2026', insuredCount: 1 }, { uscc: 'X', month: '2026-11', insuredCount: 1 }] });
    expect(r1.status).toBe(200);
    expect(r1.body).toMatchObject({ accepted: 1, duplicates: 0, updated: 0 });
    expect(r1.body.rejected.map((x: { index: number }) => x.index)).toEqual([1, 2]);
    expect(r1.body.rejected[0].reason).toContain('YYYY-MM');
    const r2 = await t.provider().post('/api/feeds/headcount', { records: [{ uscc: e.uscc, month: '2026-11', insuredCount: 500 }] });
    expect(r2.body).toMatchObject({ accepted: 0, duplicates: 1, updated: 0 });
  });

  it('a drop of 19 people (< 10 %) raises no MASS_LAYOFF; 20 people raise one red alert; re-pushing does not duplicate it', async () => {
    const e = await pickTarget();
    await t.provider().post('/api/feeds/headcount', { records: [{ uscc: e.uscc, month: '2026-10', insuredCount: 519 }] });
    const official = await t.login('official');
    let alerts = await official.get(`/api/alerts?uscc=${e.uscc}&status=open`);
    expect(alerts.status).toBe(200);
    expect(alerts.body.items.flatMap((a: { reasons: { code: string }[] }) => a.reasons.map((r) => r.code))).not.toContain('MASS_LAYOFF');
    await t.provider().post('/api/feeds/headcount', { records: [{ uscc: e.uscc, month: '2026-10', insuredCount: 520 }] });
    alerts = await official.get(`/api/alerts?uscc=${e.uscc}&status=open`);
    expect(alerts.body.total).toBe(1);
    const [a] = alerts.body.items;
    expect(a).toMatchObject({ level: 'red', status: 'open' });
    const layoff = a.reasons.find((r: { code: string }) => r.code === 'MASS_LAYOFF');
    expect(layoff).toMatchObject({ code: 'MASS_LAYOFF', level: 'red', signalIds: [] });
    expect(layoff.text).toContain('减少 20 人');
    expect(layoff.basis).toContain('第四十一条');
    await t.provider().post('/api/feeds/headcount', { records: [{ uscc: e.uscc, month: '2026-10', insuredCount: 520 }] });
    expect((await official.get(`/api/alerts?uscc=${e.uscc}`)).body.total).toBe(1);
    const row = await t.built.ctx.db.selectFrom('enterprises').select(['risk_level']).where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(row.risk_level).toBe('red');
  });

  it('new signals escalate the open alert instead of opening a second one', async () => {
    const e = await quiet((x) => x.region_id.startsWith(t.demo.ids.xinqiao));
    const push = (signals: unknown[]) => t.provider().post('/api/signals', { signals });
    await push([sig({ uscc: e.uscc, externalId: 'E-1', kind: 'petition', workersAffected: 12 }), sig({ uscc: e.uscc, externalId: 'E-2', kind: 'petition', occurredAt: '2026-11-21', workersAffected: 30 })]);
    const official = await t.login('official');
    const first = await official.get(`/api/alerts?uscc=${e.uscc}`);
    expect(first.body.total).toBe(1);
    expect(first.body.items[0].level).toBe('yellow');
    expect(first.body.items[0].reasons[0].signalIds).toHaveLength(2);
    await push([sig({ uscc: e.uscc, externalId: 'E-3', kind: 'asset_seizure' })]);
    const second = await official.get(`/api/alerts?uscc=${e.uscc}`);
    expect(second.body.total).toBe(1);
    expect(second.body.items[0]).toMatchObject({ id: first.body.items[0].id, level: 'orange' });
    expect(second.body.items[0].reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['ASSET_SEIZURE', 'SCORE']));
    const detail = await official.get(`/api/alerts/${first.body.items[0].id}`);
    expect(detail.body.events.map((x: { action: string }) => x.action)).toEqual(['open', 'raise']);
    expect(detail.body.signals.map((s: { externalId: string }) => s.externalId)).toEqual(expect.arrayContaining(['E-1', 'E-2', 'E-3']));
  });

  it('filters by level and status; 400 on a bad level', async () => {
    const c = await t.login('official');
    const red = await c.get('/api/alerts?level=red');
    expect(red.body.items.every((a: { level: string }) => a.level === 'red')).toBe(true);
    const bad = await c.get('/api/alerts?level=purple');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('level');
  });
});

describe('alert lifecycle permissions', () => {
  const openAlert = async () => {
    const c = await t.login('official');
    const r = await c.get('/api/alerts?status=open&scope=enterprise&pageSize=100');
    return r.body.items as { id: string; regionId: string; enterprise: { id: string } }[];
  };

  it('401 anonymous; 403 for roles without the action; 404 outside the region', async () => {
    const [a] = await openAlert();
    expect((await t.anon().get(`/api/alerts/${a!.id}`)).status).toBe(401);
    expect((await (await t.login('mediator1')).get('/api/alerts')).status).toBe(403);
    expect((await (await t.login('enterprise1')).get('/api/alerts')).status).toBe(403);
    const street1 = await t.login('street1');
    const outside = (await openAlert()).find((x) => !x.regionId.startsWith(t.demo.ids.xinqiao))!;
    expect((await street1.get(`/api/alerts/${outside.id}`)).status).toBe(404);
    expect((await street1.post(`/api/alerts/${outside.id}/assign`, { assigneeKind: 'coordinator', userId: 'usr-coordinator1' })).status).toBe(404);
    const list = await street1.get('/api/alerts?pageSize=200');
    expect(list.body.items.every((x: { regionId: string }) => x.regionId.startsWith(t.demo.ids.xinqiao))).toBe(true);
  });

  it('open → assigned → assessing → handling → closed, with 409 naming the allowed actions and audit rows', async () => {
    const official = await t.login('official');
    const coordinator = await t.login('coordinator1');
    const [a] = await openAlert();
    // coordinator1 cannot see an alert of an enterprise not assigned to them
    const coordVisible = await coordinator.get(`/api/alerts/${a!.id}`);
    const coordSees = coordVisible.status === 200;
    const early = await official.post(`/api/alerts/${a!.id}/assess`, { findings: '企业经营困难' });
    expect(early.status).toBe(409);
    expect(errorOf(early).message).toContain('可执行：分派');
    const bad = await official.post(`/api/alerts/${a!.id}/assign`, { assigneeKind: 'coordinator', userId: 'usr-official' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('userId');
    const assigned = await official.post(`/api/alerts/${a!.id}/assign`, { assigneeKind: 'coordinator', userId: 'usr-coordinator1', note: '请三日内走访' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', assignee: { kind: 'coordinator', userId: 'usr-coordinator1' } });
    expect(coordSees || (await coordinator.get(`/api/alerts/${a!.id}`)).status === 200).toBe(true);
    // the coordinator may assess and handle but not assign or close
    expect((await coordinator.post(`/api/alerts/${a!.id}/assign`, { assigneeKind: 'street', orgUnitId: 'ou-street-003' })).status).toBe(403);
    const assessed = await coordinator.post(`/api/alerts/${a!.id}/assess`, { findings: '走访核实：订单下降，计划裁员30人' });
    expect(assessed.body).toMatchObject({ status: 'assessing', findings: '走访核实：订单下降，计划裁员30人' });
    expect(assessed.body.deadline.milestone).toBe('close');
    const handled = await coordinator.post(`/api/alerts/${a!.id}/handle`, { actions: '指导企业依法履行裁员程序，听取工会意见' });
    expect(handled.body.status).toBe('handling');
    expect((await coordinator.post(`/api/alerts/${a!.id}/close`, { result: '已妥善安置' })).status).toBe(403);
    const missing = await official.post(`/api/alerts/${a!.id}/close`, { result: '' });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).fields![0]!.field).toBe('result');
    const closed = await official.post(`/api/alerts/${a!.id}/close`, { result: '企业依法裁员并足额支付经济补偿，职工情绪稳定' });
    expect(closed.body).toMatchObject({ status: 'closed', abilities: { assign: false, close: false } });
    expect(closed.body.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['open', 'assign', 'assess', 'handle', 'close']));
    // every alert event of an enterprise is on the enterprise's timeline (newest first)
    const timeline = await official.get(`/api/enterprises/${a!.enterprise.id}/timeline?limit=100`);
    expect(timeline.status).toBe(200);
    const alertItems = timeline.body.items.filter((x: { refId: string }) => x.refId === a!.id);
    expect(alertItems.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['alert.open', 'alert.assign', 'alert.assess', 'alert.handle', 'alert.close']));
    expect(alertItems[0]).toMatchObject({ kind: 'alert.close', module: 'alerts', refType: 'alert', detail: '企业依法裁员并足额支付经济补偿，职工情绪稳定' });
    expect(alertItems[0].title).toContain('销号');
    const again = await official.post(`/api/alerts/${a!.id}/close`, { result: '再次销号' });
    expect(again.status).toBe(409);
    for (const action of ['alert.assign', 'alert.assess', 'alert.handle', 'alert.close']) {
      expect((await audits(action)).some((x) => x.entity_id === a!.id), action).toBe(true);
    }
    // closed alerts do not reopen on a recompute without new evidence
    const rec = await official.post('/api/risk/recompute');
    expect(rec.status).toBe(200);
    const after = await official.get(`/api/alerts?enterpriseId=${a!.enterprise.id}&status=active`);
    expect(after.body.total).toBe(0);
  });

  it('time limits: an unassessed red alert is escalated once after 24 hours', async () => {
    const official = await t.login('official');
    const reds = (await official.get('/api/alerts?level=red&status=open')).body.items;
    expect(reds.length).toBeGreaterThan(0);
    t.clock.set('2026-12-05T02:00:00.000Z');
    try {
      const later = await t.login('official');
      const r = await later.post('/api/risk/recompute');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.escalated).toBeGreaterThan(0);
      const d = await later.get(`/api/alerts/${reds[0].id}`);
      expect(d.body.escalation).toBeGreaterThanOrEqual(1);
      expect(d.body.overdueHours).toBeGreaterThan(0);
      expect(d.body.events.some((e: { action: string }) => e.action === 'escalate')).toBe(true);
      const again = await later.post('/api/risk/recompute');
      expect(again.body.escalated).toBe(0);
    } finally {
      t.clock.set(NOW);
    }
  });
});

describe('letters', () => {
  it('warning letter to the enterprise and advice letter to the regulator as .docx; audited', async () => {
    const official = await t.login('official');
    const [a] = (await official.get('/api/alerts?scope=enterprise&status=active')).body.items;
    const w = await official.get(`/api/alerts/${a.id}/letters/warning`);
    expect(w.status).toBe(200);
    expect(w.headers.get('content-type')).toContain('wordprocessingml');
    expect((w.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const mammoth = await import('mammoth');
    const text = (await mammoth.extractRawText({ buffer: w.body as Buffer })).value;
    expect(text).toContain('劳动关系风险预警提示函');
    expect(text).toContain(a.enterprise.name);
    expect(text).toMatch(/二〇二六年十一月/);
    const adv = await official.get(`/api/alerts/${a.id}/letters/advice?regulator=${encodeURIComponent('区工业和信息化局')}`);
    expect(adv.status).toBe(200);
    const advText = (await mammoth.extractRawText({ buffer: adv.body as Buffer })).value;
    expect(advText).toContain('预警建议书');
    expect(advText).toContain('区工业和信息化局');
    expect((await audits('alert.letter')).length).toBeGreaterThanOrEqual(2);
    expect((await (await t.login('coordinator1')).get(`/api/alerts/${a.id}/letters/warning`)).status).toBe(403);
  });
  it('a regional alert has no warning letter (409) but an advice letter to the street', async () => {
    const official = await t.login('official');
    const regional = (await official.get('/api/alerts?scope=regional')).body.items[0];
    if (!regional) return;
    expect((await official.get(`/api/alerts/${regional.id}/letters/warning`)).status).toBe(409);
    expect((await official.get(`/api/alerts/${regional.id}/letters/advice`)).status).toBe(200);
  });
});

describe('manual filing, import, signal list', () => {
  it('an official files a signal by hand; a retried request is stored once', async () => {
    const c = await t.login('official');
    const e = ent(30);
    const body = { enterpriseId: e.id, kind: 'wage_arrears_complaint', occurredAt: '2026-11-25', workersAffected: 4, description: '走访发现：4名工人反映10月工资未发', requestId: 'req-manual-0001' };
    const r = await c.post('/api/signals/manual', body);
    expect(r.status).toBe(201);
    expect(r.body.accepted).toBe(1);
    expect((await c.post('/api/signals/manual', body)).body.duplicates).toBe(1);
    expect((await audits('signal.file')).length).toBeGreaterThan(0);
    const bad = await c.post('/api/signals/manual', { ...body, kind: 'x' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('kind');
    const street = await t.login('street1');
    const outside = t.demo.enterprises.find((x) => !x.region_id.startsWith(t.demo.ids.xinqiao))!;
    expect((await street.post('/api/signals/manual', { ...body, enterpriseId: outside.id, requestId: 'req-manual-0002' })).status).toBe(404);
    expect((await (await t.login('mediator1')).post('/api/signals/manual', body)).status).toBe(403);
  });

  it('imports a CSV (Chinese headers and kind labels) with row-level rejections; importing twice adds nothing', async () => {
    const c = await t.login('official');
    const csv = ['来源,来源编号,信号类型,统一社会信用代码,发生日期,涉及人数,涉及金额（元）,情况说明', `区信访局,XF-1,信访,${ent(40).uscc},2026-11-10,12,,集体上访`, `区信访局,XF-2,不存在的类型,${ent(40).uscc},2026-11-10,,,`, `区信访局,XF-3,网络舆情,${ent(41).uscc},2026-11-11,,,"论坛发帖"`].join('\n');
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob([csv], { type: 'text/csv' }), '信号.csv');
      return f;
    };
    const r = await c.post('/api/signals/import', form());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(r.body.rejected).toEqual([{ index: 1, reason: expect.stringContaining('信号类型') }]);
    expect((await c.post('/api/signals/import', form())).body).toMatchObject({ accepted: 0, duplicates: 2 });
    const f = new FormData();
    f.append('file', new Blob(['x'], { type: 'text/plain' }), 'a.txt');
    const bad = await c.post('/api/signals/import', f);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('file');
    const list = await c.get(`/api/signals?uscc=${ent(40).uscc}`);
    expect(list.body.items[0]).toMatchObject({ kind: 'petition', kindLabel: '信访', channel: 'import', workersAffected: 12 });
  });

  it('coordinator1 sees only signals of enterprises assigned to them', async () => {
    const c = await t.login('coordinator1');
    const r = await c.get('/api/signals?pageSize=200');
    expect(r.status).toBe(200);
    const mine = new Set(t.demo.enterprises.filter((e) => e.coordinator_user_id === 'usr-coordinator1').map((e) => e.id));
    expect(r.body.items.every((s: { enterpriseId: string }) => mine.has(s.enterpriseId))).toBe(true);
  });
});

describe('rule set, preview, overview', () => {
  it('only an admin edits rules; preview shows changes without saving; saving is versioned and audited', async () => {
    const admin = await t.login('admin');
    const official = await t.login('official');
    const current = await admin.get('/api/risk/rule-set');
    expect(current.body.version).toBe(0);
    const stricter = { ...current.body.rules, levelThresholds: { red: 60, orange: 30, yellow: 15, blue: 5 } };
    expect((await official.post('/api/risk/rule-set/preview', { rules: stricter })).status).toBe(403);
    const before = await t.built.ctx.db.selectFrom('enterprises').select(['id', 'risk_level']).execute();
    const preview = await admin.post('/api/risk/rule-set/preview', { rules: stricter });
    expect(preview.status).toBe(200);
    expect(preview.body.changed).toBeGreaterThan(0);
    expect(preview.body.items[0]).toHaveProperty('from');
    const unchanged = await t.built.ctx.db.selectFrom('enterprises').select(['id', 'risk_level']).execute();
    expect(unchanged).toEqual(before);
    const bad = await admin.put('/api/risk/rule-set', { rules: { ...stricter, halfLifeDays: 0 }, note: '测试' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('rules.halfLifeDays');
    const saved = await admin.put('/api/risk/rule-set', { rules: stricter, note: '提高预警灵敏度' });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect((await admin.get('/api/risk/rule-set')).body.versions[0]).toMatchObject({ version: 1, note: '提高预警灵敏度' });
    expect((await audits('risk.ruleSet.update'))[0]!.after_json).toContain('"red":60');
  });

  it('overview: areas coloured by risk, open alerts by level and age, trends', async () => {
    const r = await (await t.login('official')).get('/api/risk/overview');
    expect(r.status).toBe(200);
    expect(r.body.areas.length).toBeGreaterThan(5);
    expect(r.body.areas.some((a: { level: string }) => a.level !== 'none')).toBe(true);
    expect(r.body.openAlerts.byLevelAge.map((x: { level: string }) => x.level)).toEqual(['red', 'orange', 'yellow', 'blue']);
    expect(r.body.trends.months.length).toBeGreaterThan(0);
    const street = await (await t.login('street1')).get('/api/risk/overview');
    expect(street.body.areas.every((a: { id: string }) => a.id.startsWith(t.demo.ids.xinqiao))).toBe(true);
  });

  it('explains an enterprise score', async () => {
    const c = await t.login('official');
    const r = await c.get(`/api/risk/enterprises/${ent(40).id}`);
    expect(r.status).toBe(200);
    expect(r.body.signals.length).toBeGreaterThan(0);
    expect(r.body.byKind[0]).toHaveProperty('points');
    // The set-based SQL score equals the domain's signal-by-signal sum plus the credit-grade points.
    const domain = r.body.signals.reduce((sum: number, x: { points: number }) => sum + x.points, 0);
    expect(Math.abs(r.body.score - Math.min(100, domain + r.body.creditPoints))).toBeLessThan(0.2);
    expect((await (await t.login('street1')).get(`/api/risk/enterprises/${t.demo.enterprises.find((x) => !x.region_id.startsWith(t.demo.ids.xinqiao))!.id}`)).status).toBe(404);
  });
});

describe('rate limiting', () => {
  it('limits pushes per key: a noisy key gets 429, the demo key is unaffected', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/api-keys', { name: '测试限流', orgUnitId: 'ou-court' });
    expect(created.status).toBe(201);
    const noisy = t.provider(created.body.key);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await noisy.post('/api/signals', { signals: [] })).status);
    expect(statuses.slice(0, 60).every((s) => s === 400)).toBe(true);
    const limited = await noisy.post('/api/signals', { signals: [] });
    expect(limited.status).toBe(429);
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    expect((await t.provider().post('/api/signals', { signals: [] })).status).toBe(400);
  });
});
