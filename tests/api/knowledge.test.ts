import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QA_FILE } from '../../src/server/modules/knowledge/corpus';
import { KnowledgeEngine } from '../../src/server/modules/knowledge/engine';
import { importKnowledge, readSources } from '../../src/server/modules/knowledge/import';
import { searchArticles } from '../../src/server/modules/knowledge/search-engine';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';

const shippedQa = JSON.parse(readFileSync(QA_FILE, 'utf8')) as { status: string }[];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 10 });
}, 60_000);
afterAll(async () => t?.close());

/** Polls until the (debounced) index rebuild shows the change. */
async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const qaBody = {
  question: '单位把我的门禁卡注销了不让进厂，这算什么',
  answer: '用人单位以注销门禁等方式不让劳动者上班，实际上是解除劳动合同，应当依法出具解除证明并支付经济补偿或赔偿金。',
  citations: [
    { lawId: 'labor-contract-law', articleNo: 50 },
    { lawId: 'labor-contract-law', articleNo: 87 },
  ],
  tags: ['门禁', '辞退'],
  status: 'draft',
};

describe('import at first start', () => {
  it('loads every law, the official cases and the shipped Q&A entries', async () => {
    const laws = await t.anon().get('/api/knowledge/laws');
    expect(laws.status).toBe(200);
    expect(laws.body.items).toHaveLength(26);
    const lcl = laws.body.items.find((l: { lawId: string }) => l.lawId === 'labor-contract-law');
    expect(lcl).toMatchObject({ title: '中华人民共和国劳动合同法', issuer: '全国人民代表大会常务委员会', effective: '2013-07-01', articleCount: 98 });
    const cases = await t.anon().get('/api/knowledge/cases?pageSize=50&source=official');
    expect(cases.body.total).toBe(10);
    const byHand = await t.anon().get('/api/knowledge/cases?pageSize=50&source=manual');
    expect(byHand.body.total).toBe(3);
    const qa = await t.anon().get('/api/knowledge/qa?pageSize=1');
    // every reviewed entry shipped in data/knowledge/qa.json (467 on 2026-11-26)
    expect(qa.body.total).toBe(shippedQa.filter((e) => e.status === 'reviewed').length);
    expect(qa.body.total).toBeGreaterThanOrEqual(467);
  });

  it('is idempotent and keeps a newer version beside the old one', async () => {
    const db = t.built.ctx.db;
    const src = readSources();
    const again = await importKnowledge(db, new Date().toISOString(), src);
    expect(again).toMatchObject({ lawsAdded: [], articlesAdded: 0, casesAdded: 0, qaSeeded: 0 });

    const old = src.laws.find((l) => l.id === 'minimum-wage-provisions')!;
    const newer = {
      ...old,
      version: '2030-01-01',
      effective: '2030-01-01',
      articles: old.articles.map((a) => (a.no === 1 ? { ...a, text: `${a.text}（测试修订版）` } : a)),
    };
    const r = await importKnowledge(db, new Date().toISOString(), { laws: [newer], cases: [], qa: [] });
    expect(r.lawsAdded).toEqual(['minimum-wage-provisions@2030-01-01']);
    const current = await t.anon().get('/api/knowledge/laws/minimum-wage-provisions');
    expect(current.body).toMatchObject({ version: '2030-01-01', isCurrent: true });
    expect(current.body.articles[0].text).toContain('测试修订版');
    const previous = await t.anon().get(`/api/knowledge/laws/minimum-wage-provisions?version=${old.effective}`);
    expect(previous.body).toMatchObject({ version: old.effective, isCurrent: false });
    expect(previous.body.articles[0].text).not.toContain('测试修订版');
    const list = await t.anon().get('/api/knowledge/laws');
    const mw = list.body.items.find((l: { lawId: string }) => l.lawId === 'minimum-wage-provisions');
    expect(mw.versions).toHaveLength(2);
    expect(list.body.items).toHaveLength(26);
  });
});

describe('GET /api/knowledge/articles/search', () => {
  it('answers with exactly the contract fields, citation first', async () => {
    const r = await t.anon().get(`/api/knowledge/articles/search?q=${encodeURIComponent('劳动合同法第47条')}&limit=10`);
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({
      lawId: 'labor-contract-law',
      lawTitle: '中华人民共和国劳动合同法',
      lawShortTitle: '劳动合同法',
      articleNo: 47,
      label: '第四十七条',
    });
    expect(typeof r.body.items[0].text).toBe('string');
    expect(typeof r.body.items[0].score).toBe('number');
  });

  it('carries the note on a repealed paragraph in search results, the article view and the full text', async () => {
    const r = await t.anon().get(`/api/knowledge/articles/search?q=${encodeURIComponent('劳动争议司法解释一第32条')}&limit=3`);
    expect(r.body.items[0]).toMatchObject({ lawId: 'spc-labor-dispute-interpretation-1', articleNo: 32 });
    expect(r.body.items[0].notes[0]).toMatchObject({ kind: 'repealed', paragraph: 1, effective: '2025-09-01' });
    const view = await t.anon().get('/api/knowledge/laws/spc-labor-dispute-interpretation-1/articles/32');
    expect(view.body.article.notes[0].text).toContain('第二十一条废止');
    expect(view.body.previous.notes).toBeUndefined();
    const full = await t.anon().get('/api/knowledge/laws/spc-labor-dispute-interpretation-1');
    expect(full.body.articles.find((a: { articleNo: number }) => a.articleNo === 32).notes).toHaveLength(1);
    expect(full.body.articles.find((a: { articleNo: number }) => a.articleNo === 31).notes).toEqual([]);
    const mixed = await t.anon().get(`/api/knowledge/search?q=${encodeURIComponent('劳动争议司法解释一第32条')}`);
    expect(mixed.body.items.find((i: { kind: string; articleNo?: number }) => i.kind === 'article' && i.articleNo === 32).notes).toHaveLength(1);
  });

  it('maps colloquial words to statutory ones', async () => {
    const r = await t.anon().get(`/api/knowledge/articles/search?q=${encodeURIComponent('被炒鱿鱼了能拿多少补偿')}&limit=3`);
    const names = r.body.items.map((i: { lawShortTitle: string; articleNo: number }) => `${i.lawShortTitle}${i.articleNo}`);
    expect(names.some((n: string) => ['劳动合同法47', '劳动合同法46', '劳动合同法87'].includes(n))).toBe(true);
  });

  it('refuses a missing or absurd query with the field named', async () => {
    const r = await t.anon().get('/api/knowledge/articles/search');
    expect(r.status).toBe(400);
    expect(errorOf(r).fields?.[0].field).toBe('q');
    const big = await t.anon().get('/api/knowledge/articles/search?q=工资&limit=1000');
    expect(big.status).toBe(400);
    expect(errorOf(big).fields?.[0].field).toBe('limit');
  });
});

describe('GET /api/knowledge/search', () => {
  it('mixes articles, Q&A and cases with highlight terms and a plain answer', async () => {
    const r = await t.anon().get(`/api/knowledge/search?q=${encodeURIComponent('公司不跟我签合同，干了半年了，能要求什么赔偿？')}`);
    expect(r.status).toBe(200);
    const kinds = new Set(r.body.items.map((i: { kind: string }) => i.kind));
    expect(kinds.has('article')).toBe(true);
    expect(kinds.has('qa')).toBe(true);
    expect(r.body.terms.length).toBeGreaterThan(0);
    // The answer is about double wages for the missing written contract.
    const cited = r.body.answer.citations.map((c: { lawId: string; articleNo: number }) => `${c.lawId}#${c.articleNo}`);
    expect(cited.some((c: string) => ['labor-contract-law#82', 'labor-contract-law-regulations#6', 'labor-contract-law-regulations#7'].includes(c))).toBe(true);
  });

  it('filters by kind and rejects an unknown kind', async () => {
    const r = await t.anon().get(`/api/knowledge/search?q=${encodeURIComponent('加班费仲裁时效')}&kinds=case`);
    expect(r.body.items.every((i: { kind: string }) => i.kind === 'case')).toBe(true);
    const bad = await t.anon().get(`/api/knowledge/search?q=x&kinds=blog`);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields?.[0].field).toBe('kinds');
  });
});

describe('law text and article view', () => {
  it('shows an article with its neighbours and the Q&A and cases citing it', async () => {
    const r = await t.anon().get('/api/knowledge/laws/labor-dispute-mediation-arbitration-law/articles/27');
    expect(r.status).toBe(200);
    expect(r.body.article).toMatchObject({ articleNo: 27, label: '第二十七条' });
    expect(r.body.previous.articleNo).toBe(26);
    expect(r.body.next.articleNo).toBe(28);
    expect(r.body.cases.map((c: { id: string }) => c.id)).toContain('labor-case-2021-overtime-01');
    expect(r.body.qa.length).toBeGreaterThan(0);
  });

  it('404s unknown laws and articles and 400s a non-numeric article', async () => {
    expect((await t.anon().get('/api/knowledge/laws/no-such-law')).status).toBe(404);
    expect((await t.anon().get('/api/knowledge/laws/labor-law/articles/999')).status).toBe(404);
    const bad = await t.anon().get('/api/knowledge/laws/labor-law/articles/abc');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields?.[0].field).toBe('no');
  });

  it('serves the full text of the current version', async () => {
    const r = await t.anon().get('/api/knowledge/laws/labor-law');
    expect(r.body.articles).toHaveLength(107);
    expect(r.body.isCurrent).toBe(true);
  });
});

describe('Q&A editor', () => {
  it('needs a session and the knowledge.edit ability', async () => {
    expect((await t.anon().post('/api/knowledge/qa', qaBody)).status).toBe(401);
    for (const u of ['worker1', 'mediator1', 'enterprise1', 'coordinator1']) {
      const c = await t.login(u);
      expect((await c.post('/api/knowledge/qa', qaBody)).status, u).toBe(403);
      expect((await c.patch('/api/knowledge/qa/qa-001', { status: 'draft' })).status, u).toBe(403);
      expect((await c.delete('/api/knowledge/qa/qa-001')).status, u).toBe(403);
    }
  });

  it('validates fields and cited articles', async () => {
    const official = await t.login('official');
    const r = await official.post('/api/knowledge/qa', { ...qaBody, question: '', citations: [] });
    expect(r.status).toBe(400);
    expect(errorOf(r).fields?.map((f) => f.field)).toEqual(expect.arrayContaining(['question', 'citations']));
    const missing = await official.post('/api/knowledge/qa', { ...qaBody, citations: [{ lawId: 'labor-law', articleNo: 900 }] });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).fields?.[0].field).toBe('citations.0');
    expect((await official.patch('/api/knowledge/qa/nope', { status: 'reviewed' })).status).toBe(404);
  });

  it('creates a draft hidden from the public, publishes it on review, audits every change', async () => {
    const official = await t.login('official');
    const created = await official.post('/api/knowledge/qa', qaBody);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'draft', revision: 1, abilities: { edit: true } });
    expect(created.body.citations[0]).toMatchObject({ lawShortTitle: '劳动合同法', label: '第五十条', exists: true });
    expect((await t.anon().get(`/api/knowledge/qa/${id}`)).status).toBe(404);
    const drafts = await official.get('/api/knowledge/qa?status=draft');
    expect(drafts.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const publicList = await t.anon().get('/api/knowledge/qa?status=draft&q=门禁');
    expect(publicList.body.total).toBe(0);

    const stale = await official.patch(`/api/knowledge/qa/${id}`, { status: 'reviewed', revision: 7 });
    expect(stale.status).toBe(409);
    const reviewed = await official.patch(`/api/knowledge/qa/${id}`, { status: 'reviewed', revision: 1 });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'reviewed', revision: 2 });
    expect((await t.anon().get(`/api/knowledge/qa/${id}`)).status).toBe(200);

    const found = await eventually(
      () => t.anon().get(`/api/knowledge/search?q=${encodeURIComponent('门禁卡被注销进不了厂')}&kinds=qa`),
      (r) => r.body.items[0]?.id === id,
    );
    expect(found.body.items[0].id).toBe(id);

    const admin = await t.login('admin');
    const audit = await admin.get(`/api/audit?entityType=knowledge_qa&entityId=${id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action).sort()).toEqual(['knowledge.qa.create', 'knowledge.qa.update']);

    const del = await official.delete(`/api/knowledge/qa/${id}`);
    expect(del.status).toBe(200);
    expect((await official.get(`/api/knowledge/qa/${id}`)).status).toBe(404);
    const gone = await eventually(
      () => t.anon().get(`/api/knowledge/search?q=${encodeURIComponent('门禁卡被注销进不了厂')}&kinds=qa`),
      (r) => r.body.items[0]?.id !== id,
    );
    expect(gone.body.items[0]?.id).not.toBe(id);
  });

  it('enters a typical case by hand', async () => {
    const official = await t.login('official');
    const c = await official.post('/api/knowledge/cases', {
      title: '快递员未签合同主张二倍工资案',
      facts: '某快递员入职后公司一直未与其订立书面劳动合同，工作十个月后离职。',
      holding: '仲裁委支持自用工满一个月次日起的二倍工资差额。',
      citations: [{ lawId: 'labor-contract-law', articleNo: 82 }],
      status: 'reviewed',
    });
    expect(c.status).toBe(201);
    expect(c.body.source).toBe('manual');
    const worker = await t.login('worker1');
    expect((await worker.post('/api/knowledge/cases', { title: 'x案例标题', facts: '一二三四五六七八九十', holding: '一二三四五六七八九十', citations: [{ lawId: 'labor-law', articleNo: 1 }] })).status).toBe(403);
    const upd = await official.patch(`/api/knowledge/cases/${c.body.id}`, { title: '快递员未签书面劳动合同主张二倍工资案' });
    expect(upd.body.revision).toBe(2);
    const pub = await t.anon().get(`/api/knowledge/cases/${c.body.id}`);
    expect(pub.body, JSON.stringify(pub.body)).toHaveProperty('title');
    expect(pub.body.title).toContain('书面劳动合同');
  });
});

describe('several replicas', () => {
  it('a second process rebuilds when the version counter moves', async () => {
    const other = new KnowledgeEngine(t.built.ctx.db, { checkIntervalMs: 0 });
    const first = await other.get();
    const official = await t.login('official');
    const created = await official.post('/api/knowledge/qa', { ...qaBody, question: '厂牌被收回还算在职吗', status: 'reviewed' });
    expect(created.status).toBe(201);
    const seen = await eventually(
      () => other.get(),
      (l) => l.version > first.version,
    );
    expect(seen.index.qa.docs.some((d) => d.id === created.body.id)).toBe(true);
    expect(searchArticles(seen.index, '劳动合同法第50条', 1)[0].doc.id).toBe('labor-contract-law#50');
    other.close();
  });
});

describe('calculators', () => {
  it('POST /api/calculators/severance', async () => {
    const r = await t.anon().post('/api/calculators/severance', {
      startDate: '2018-03-01',
      endDate: '2024-08-31',
      averageMonthlyWage: 8000,
      localAverageMonthlyWage: 9000,
      localMinimumWage: 2300,
      unlawful: false,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ serviceMonths: 78, baseMonthlyWage: 8000, capped: false, amount: 56000 });
    expect(r.body.basis.map((b: { articleNo: number }) => b.articleNo)).toContain(47);
    const unlawful = await t.anon().post('/api/calculators/severance', {
      startDate: '2018-03-01',
      endDate: '2024-08-31',
      averageMonthlyWage: 8000,
      localAverageMonthlyWage: 9000,
      localMinimumWage: 2300,
      unlawful: true,
    });
    expect(unlawful.body.amount).toBe(112000);
  });

  it('POST /api/calculators/annual-leave and overtime', async () => {
    const a = await t.anon().post('/api/calculators/annual-leave', { cumulativeWorkYears: 12, monthlyWage: 6525, unusedDays: 3 });
    expect(a.body).toMatchObject({ entitledDays: 10, dailyWage: 300, compensation: 1800 });
    const o = await t.anon().post('/api/calculators/overtime', { monthlyWage: 6960, weekdayHours: 10, restDayHours: 8, holidayHours: 0 });
    expect(o.body).toMatchObject({ hourlyWage: 40, amount: 1240 });
  });

  it('double wage, arbitration limitation and deadlines', async () => {
    const d = await t.anon().post('/api/calculators/double-wage', { employmentStartDate: '2024-01-01', endDate: '2024-12-31', monthlyWage: 5000 });
    expect(d.status).toBe(200);
    expect(d.body.basis.map((b: { articleNo: number }) => b.articleNo)).toContain(82);
    const l = await t.anon().post('/api/calculators/arbitration-limitation', { knownDate: '2024-03-10', claimType: 'severance' });
    expect(l.status).toBe(200);
    expect(l.body.deadline).toBe('2025-03-10');
    const dl = await t.anon().post('/api/calculators/deadlines', { mediationReceivedOn: '2025-09-01', arbitrationAcceptedOn: '2025-09-20' });
    expect(dl.status).toBe(200);
    expect(dl.body.deadlines.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['mediationDue', 'arbitrationAwardDue']));
  });

  it('rejects bad input with the field and a Chinese message, with or without a session', async () => {
    const r = await t.anon().post('/api/calculators/severance', {
      startDate: '2024-05-01',
      endDate: '2023-05-01',
      averageMonthlyWage: -1,
      localAverageMonthlyWage: 9000,
      localMinimumWage: 2300,
    });
    expect(r.status).toBe(400);
    const fields = errorOf(r).fields!.map((f) => f.field);
    expect(fields).toContain('averageMonthlyWage');
    expect(errorOf(r).fields!.find((f) => f.field === 'averageMonthlyWage')!.message).toBe('离职前十二个月平均工资不能为负数');
    const date = await t.anon().post('/api/calculators/severance', {
      startDate: '2024-02-30',
      endDate: '2024-05-01',
      averageMonthlyWage: 1,
      localAverageMonthlyWage: 9000,
      localMinimumWage: 2300,
    });
    expect(errorOf(date).fields?.[0]).toMatchObject({ field: 'startDate', message: '入职日期不是有效日期' });
    const missing = await (await t.login('worker1')).post('/api/calculators/overtime', {});
    expect(missing.status).toBe(400);
    expect(errorOf(missing).fields?.[0].field).toBe('monthlyWage');
    const leave = await t.anon().post('/api/calculators/annual-leave', { cumulativeWorkYears: 5, monthlyWage: 5000, unusedDays: 9 });
    expect(errorOf(leave).fields?.[0].field).toBe('unusedDays');
    const dl = await t.anon().post('/api/calculators/deadlines', {});
    expect(errorOf(dl).fields?.[0].field).toBe('rightKnownOn');
  });
});
