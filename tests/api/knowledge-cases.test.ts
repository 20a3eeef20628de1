import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAtFirstStart, readQa } from '../../src/server/modules/knowledge/import';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';

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

const body = {
  title: '外卖站点骑手被要求签“事故自负”协议后受伤案',
  facts: '某外卖站点与骑手订立劳动合同，同时要求其签署“配送途中发生事故责任自负、公司不承担任何责任”的承诺书。骑手在配送途中被货车撞伤，站点以承诺书为由拒绝申报工伤。',
  holding: '仲裁委认为，生产经营单位与从业人员订立免除其因生产安全事故伤亡责任的协议无效，站点应当为骑手申报工伤并依法承担工伤保险责任。',
  citations: [
    { lawId: 'work-safety-law', articleNo: 106 },
    { lawId: 'work-injury-insurance-regulations', articleNo: 14 },
  ],
  status: 'draft',
};
const search = (q: string) => t.anon().get(`/api/knowledge/search?q=${encodeURIComponent(q)}&kinds=case`);

describe('typical cases entered by hand', () => {
  it('needs a session (401) and the knowledge.edit ability (403)', async () => {
    expect((await t.anon().post('/api/knowledge/cases', body)).status).toBe(401);
    expect((await t.anon().patch('/api/knowledge/cases/x', { status: 'reviewed' })).status).toBe(401);
    expect((await t.anon().delete('/api/knowledge/cases/x')).status).toBe(401);
    for (const u of ['worker1', 'mediator1', 'enterprise1', 'arbitrator']) {
      const c = await t.login(u);
      expect((await c.post('/api/knowledge/cases', body)).status, u).toBe(403);
      expect((await c.patch('/api/knowledge/cases/x', { status: 'reviewed' })).status, u).toBe(403);
      expect((await c.delete('/api/knowledge/cases/x')).status, u).toBe(403);
    }
  });

  it('validates the fields and that every cited article exists (400 naming the field)', async () => {
    const official = await t.login('official');
    const r = await official.post('/api/knowledge/cases', { ...body, title: '短', holding: '', citations: [] });
    expect(r.status).toBe(400);
    expect(errorOf(r).fields?.map((f) => f.field)).toEqual(expect.arrayContaining(['title', 'holding', 'citations']));
    const missing = await official.post('/api/knowledge/cases', { ...body, citations: [{ lawId: 'work-safety-law', articleNo: 106 }, { lawId: 'labor-law', articleNo: 999 }] });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).fields?.[0]).toMatchObject({ field: 'citations.1' });
    expect(errorOf(missing).fields?.[0].message).toContain('不存在');
    const unknownLaw = await official.post('/api/knowledge/cases', { ...body, citations: [{ lawId: 'no-such-law', articleNo: 1 }] });
    expect(unknownLaw.status).toBe(400);
    expect((await official.get('/api/knowledge/cases?source=court')).status).toBe(400);
  });

  it('keeps a draft internal, publishes it to search on review, audits each step', async () => {
    const official = await t.login('official');
    const created = await official.post('/api/knowledge/cases', body);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ source: 'manual', status: 'draft', revision: 1, abilities: { edit: true } });
    expect(created.body.citations[0]).toMatchObject({ lawShortTitle: '安全生产法', exists: true });

    expect((await t.anon().get(`/api/knowledge/cases/${id}`)).status).toBe(404);
    const publicList = await t.anon().get('/api/knowledge/cases?status=draft&source=manual');
    expect(publicList.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const drafts = await official.get('/api/knowledge/cases?status=draft&source=manual');
    expect(drafts.body.items.map((i: { id: string }) => i.id)).toContain(id);

    expect((await official.patch(`/api/knowledge/cases/${id}`, { status: 'reviewed', revision: 5 })).status).toBe(409);
    const reviewed = await official.patch(`/api/knowledge/cases/${id}`, { status: 'reviewed', revision: 1 });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'reviewed', revision: 2 });
    expect((await t.anon().get(`/api/knowledge/cases/${id}`)).body.title).toBe(body.title);

    const found = await eventually(
      () => search('外卖骑手签了事故自负的承诺书受伤了'),
      (r) => r.body.items.some((i: { id: string }) => i.id === id),
    );
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const article = await t.anon().get('/api/knowledge/laws/work-safety-law/articles/106');
    expect(article.body.cases.map((c: { id: string }) => c.id)).toContain(id);

    const admin = await t.login('admin');
    const audit = await admin.get(`/api/audit?entityType=knowledge_case&entityId=${id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action).sort()).toEqual(['knowledge.case.create', 'knowledge.case.update']);
    expect(audit.body.items.find((a: { action: string }) => a.action === 'knowledge.case.update').summary).toContain('draft → reviewed');

    const del = await official.delete(`/api/knowledge/cases/${id}`);
    expect(del.status).toBe(200);
    expect((await official.get(`/api/knowledge/cases/${id}`)).status).toBe(404);
    expect((await official.delete(`/api/knowledge/cases/${id}`)).status).toBe(404);
    const gone = await eventually(
      () => search('外卖骑手签了事故自负的承诺书受伤了'),
      (r) => !r.body.items.some((i: { id: string }) => i.id === id),
    );
    expect(gone.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const after = await admin.get(`/api/audit?entityType=knowledge_case&entityId=${id}`);
    expect(after.body.items.map((a: { action: string }) => a.action)).toContain('knowledge.case.delete');
  });

  it('refuses (409) to edit or delete cases maintained at their source', async () => {
    const official = await t.login('official');
    const list = await official.get('/api/knowledge/cases?source=official&pageSize=1');
    expect(list.body.total).toBeGreaterThan(0);
    const c = list.body.items[0];
    expect(c.abilities.edit).toBe(false);
    const r = await official.patch(`/api/knowledge/cases/${c.id}`, { title: '改一下官方案例的标题' });
    expect(r.status).toBe(409);
    expect(errorOf(r).message).toContain('手工录入');
    expect((await official.delete(`/api/knowledge/cases/${c.id}`)).status).toBe(409);
    expect((await official.patch('/api/knowledge/cases/nope', { title: '不存在的案例' })).status).toBe(404);
  });
});

describe('Q&A entries added to qa.json by a later release', () => {
  const at = () => new Date().toISOString();
  const noFullImport = () => {
    throw new Error('the full import must not run on a populated database');
  };

  it('seeds the appended entries at start, once, without bringing back deleted ones', async () => {
    const db = t.built.ctx.db;
    const shipped = readQa();
    expect(shipped.length).toBeGreaterThan(203);
    expect(await importAtFirstStart(db, at(), noFullImport, () => shipped)).toBeNull();

    // A database seeded by the first release: 203 entries and no count mark.
    await db.deleteFrom('knowledge_qa').where('id', 'in', shipped.slice(203).map((q) => q.id)).execute();
    await db.deleteFrom('knowledge_meta').where('key', '=', 'qa_seeded_count').execute();
    const upgraded = await importAtFirstStart(db, at(), noFullImport, () => shipped);
    expect(upgraded?.qaSeeded).toBe(shipped.length - 203);
    expect((await t.anon().get('/api/knowledge/qa?pageSize=1')).body.total).toBe(shipped.length);

    // An official deletes a shipped entry; the next release appends one more.
    const official = await t.login('official');
    const victim = shipped[shipped.length - 1].id;
    expect((await official.delete(`/api/knowledge/qa/${victim}`)).status).toBe(200);
    const extra = { ...shipped[0], id: 'qa-999', question: '下一版随附的测试问答：公司搬到外省，我不想去能要补偿吗？' };
    const next = await importAtFirstStart(db, at(), noFullImport, () => [...shipped, extra]);
    expect(next?.qaSeeded).toBe(1);
    expect((await t.anon().get('/api/knowledge/qa/qa-999')).status).toBe(200);
    expect((await t.anon().get(`/api/knowledge/qa/${victim}`)).status).toBe(404);
    expect(await importAtFirstStart(db, at(), noFullImport, () => [...shipped, extra])).toBeNull();
  });
});
