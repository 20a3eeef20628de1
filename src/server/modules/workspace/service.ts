import { maskPhone } from '../../../domain/identifiers/id-number';
import type { AppContext, AuthPrincipal } from '../../context';
import { forbidden } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { regionPrefixCondition } from '../../policy/scope';

export interface Card {
  key: string;
  label: string;
  value: number | string;
  unit?: string;
  hint?: string;
  link?: string;
}
export interface Workspace {
  role: string;
  title: string;
  cards: Card[];
  breakdown?: { title: string; items: { name: string; value: number }[] };
}

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

async function enterpriseFigures(ctx: AppContext, where: { regionId?: string; coordinatorId?: string; enterpriseId?: string }) {
  let q = ctx.db.selectFrom('enterprises');
  if (where.regionId) q = q.where(regionPrefixCondition('enterprises.region_id', where.regionId));
  if (where.coordinatorId) q = q.where('coordinator_user_id', '=', where.coordinatorId);
  if (where.enterpriseId) q = q.where('id', '=', where.enterpriseId);
  const r = await q
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>('union_established').as('unions'),
      eb.fn.sum<number>('is_key').as('key'),
      eb.fn.sum<number>('headcount').as('workers'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), unions: Number(r.unions ?? 0), key: Number(r.key ?? 0), workers: Number(r.workers ?? 0) };
}

async function byStreet(ctx: AppContext, regionId: string) {
  const streets = await ctx.db.selectFrom('regions').select(['id', 'name']).where('parent_id', '=', regionId).orderBy('sort').execute();
  const items = [];
  for (const s of streets) {
    const { total } = await ctx.db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where(regionPrefixCondition('enterprises.region_id', s.id))
      .executeTakeFirstOrThrow();
    items.push({ name: s.name, value: Number(total) });
  }
  return items;
}

async function regionalWorkspace(ctx: AppContext, p: AuthPrincipal, title: string): Promise<Workspace> {
  const e = await enterpriseFigures(ctx, { regionId: p.regionId });
  const orgs = await ctx.db
    .selectFrom('mediation_orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(regionPrefixCondition('mediation_orgs.region_id', p.regionId))
    .executeTakeFirstOrThrow();
  const mediators = await ctx.db
    .selectFrom('mediators')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .where(regionPrefixCondition('mediators.region_id', p.regionId))
    .executeTakeFirstOrThrow();
  return {
    role: p.roles[0]!,
    title,
    cards: [
      { key: 'enterprises', label: '辖区企业', value: e.total, unit: '家', link: '/enterprises' },
      { key: 'workers', label: '职工人数', value: e.workers, unit: '人' },
      { key: 'keyEnterprises', label: '重点监测企业', value: e.key, unit: '家' },
      { key: 'unionRate', label: '建会率', value: pct(e.unions, e.total), unit: '%', hint: `已建会 ${e.unions} 家`, link: '/dashboard' },
      { key: 'mediationOrgs', label: '调解组织', value: Number(orgs.n), unit: '个' },
      { key: 'mediators', label: '在册调解员', value: Number(mediators.n), unit: '人' },
    ],
    breakdown: { title: '各街道（镇）企业数', items: await byStreet(ctx, p.regionId) },
  };
}

async function mediatorWorkspace(ctx: AppContext, p: AuthPrincipal): Promise<Workspace> {
  const org = await ctx.db.selectFrom('mediation_orgs').selectAll().where('id', '=', p.orgUnitId).executeTakeFirst();
  const mediators = await ctx.db
    .selectFrom('mediators')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', p.orgUnitId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const e = org ? await enterpriseFigures(ctx, { regionId: org.region_id }) : { total: 0, workers: 0, unions: 0, key: 0 };
  const today = todayInChina(ctx.clock);
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const c = await ctx.db
    .selectFrom('dispute_cases')
    .where('org_id', '=', p.orgUnitId)
    .select((eb) => [
      // Open: the stage is not closed yet, or a statutory step (review, arbitration acceptance) is still running.
      eb.fn.sum<number>(eb.case().when(eb.or([eb('closed_on', 'is', null), eb('next_due', 'is not', null)])).then(1).else(0).end()).as('open'),
      eb.fn.sum<number>(eb.case().when('next_due', '<', today).then(1).else(0).end()).as('overdue'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('next_due', '>=', today), eb('next_due', '<=', soon)])).then(1).else(0).end()).as('soon'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('result', '=', 'success'), eb('closed_on', '>=', yearStart)])).then(1).else(0).end()).as('success'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('result', '=', 'failed'), eb('closed_on', '>=', yearStart)])).then(1).else(0).end()).as('failed'),
    ])
    .executeTakeFirstOrThrow();
  const success = Number(c.success ?? 0);
  const decided = success + Number(c.failed ?? 0);
  return {
    role: 'mediator',
    title: org ? `${org.name} 工作台` : '调解员工作台',
    cards: [
      { key: 'openCases', label: '在办案件', value: Number(c.open ?? 0), unit: '件', link: '/cases' },
      { key: 'dueSoonCases', label: '3日内到期', value: Number(c.soon ?? 0), unit: '件', link: '/cases?due=due_soon' },
      { key: 'overdueCases', label: '已超期', value: Number(c.overdue ?? 0), unit: '件', link: '/cases?due=overdue' },
      { key: 'successRate', label: '本年调解成功率', value: pct(success, decided), unit: '%', hint: `目标 ≥ 60%，成功 ${success} / ${decided} 件` },
      { key: 'orgMediators', label: '本组织在册调解员', value: Number(mediators.n), unit: '人' },
      { key: 'areaEnterprises', label: '服务区域企业', value: e.total, unit: '家' },
      { key: 'areaWorkers', label: '服务区域职工', value: e.workers, unit: '人' },
    ],
  };
}

async function adminWorkspace(ctx: AppContext): Promise<Workspace> {
  const since = new Date(ctx.clock.now().getTime() - 24 * 3600_000).toISOString();
  const count = async (table: 'users' | 'org_units' | 'regions') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const audit = await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('at', '>=', since).executeTakeFirstOrThrow();
  const sessions = await ctx.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('expires_at', '>', isoNow(ctx.clock)).executeTakeFirstOrThrow();
  const keys = await ctx.db.selectFrom('api_keys').select((eb) => eb.fn.countAll<number>().as('n')).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
  return {
    role: 'admin',
    title: '系统管理工作台',
    cards: [
      { key: 'users', label: '用户', value: await count('users'), unit: '个', link: '/admin/users' },
      { key: 'orgUnits', label: '单位', value: await count('org_units'), unit: '个' },
      { key: 'regions', label: '区域', value: await count('regions'), unit: '个' },
      { key: 'sessions', label: '有效会话', value: Number(sessions.n), unit: '个' },
      { key: 'apiKeys', label: '有效API密钥', value: Number(keys.n), unit: '个', link: '/admin/api-keys' },
      { key: 'audit24h', label: '近24小时审计记录', value: Number(audit.n), unit: '条', link: '/admin/audit' },
    ],
  };
}

export async function workspaceFor(ctx: AppContext, p: AuthPrincipal): Promise<Workspace> {
  const role = p.roles[0];
  switch (role) {
    case 'admin':
      return adminWorkspace(ctx);
    case 'official':
      return regionalWorkspace(ctx, p, '部门工作台');
    case 'arbitrator':
      return regionalWorkspace(ctx, p, '仲裁工作台');
    case 'mediator':
      return mediatorWorkspace(ctx, p);
    case 'coordinator': {
      const e = await enterpriseFigures(ctx, { coordinatorId: p.id });
      return {
        role,
        title: '协调员工作台',
        cards: [
          { key: 'assigned', label: '联系企业', value: e.total, unit: '家', link: '/enterprises' },
          { key: 'workers', label: '联系企业职工', value: e.workers, unit: '人' },
          { key: 'noUnion', label: '未建会企业', value: e.total - e.unions, unit: '家' },
        ],
      };
    }
    case 'enterprise': {
      const ent = p.enterpriseId
        ? await ctx.db.selectFrom('enterprises').selectAll().where('id', '=', p.enterpriseId).executeTakeFirst()
        : undefined;
      return {
        role,
        title: ent ? `${ent.name}` : '企业工作台',
        cards: ent
          ? [
              { key: 'headcount', label: '职工人数', value: ent.headcount ?? 0, unit: '人' },
              { key: 'union', label: '工会', value: ent.union_established ? '已建会' : '未建会', hint: ent.union_established_on ?? undefined },
              { key: 'unionMembers', label: '工会会员', value: ent.union_members ?? 0, unit: '人' },
              { key: 'contractRate', label: '劳动合同签订率', value: Math.round((ent.contract_signing_rate ?? 0) * 1000) / 10, unit: '%' },
            ]
          : [],
      };
    }
    case 'worker': {
      const u = await ctx.db.selectFrom('users').select(['phone', 'created_at']).where('id', '=', p.id).executeTakeFirstOrThrow();
      const orgs = await ctx.db.selectFrom('mediation_orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return {
        role,
        title: '我的服务',
        cards: [
          { key: 'phone', label: '绑定手机', value: u.phone ? maskPhone(u.phone) : '未绑定' },
          { key: 'since', label: '注册日期', value: u.created_at.slice(0, 10) },
          { key: 'orgs', label: '可申请调解的组织', value: Number(orgs.n), unit: '个' },
        ],
      };
    }
    case 'data_provider':
    case undefined:
      throw forbidden();
  }
}
