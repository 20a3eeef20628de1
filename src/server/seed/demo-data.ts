import type { Insertable } from 'kysely';
import type { Database } from '../db/schema';
import { INDUSTRY_SECTIONS, sizeClassFromHeadcount, type IndustryCode } from '../../domain/enterprise/industries';
import { usccCheckChar } from '../../domain/identifiers/uscc';
import { enterpriseName, personName } from './names';
import { Rng } from './random';

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

export interface DemoData {
  regions: Rows<'regions'>;
  orgUnits: Rows<'org_units'>;
  enterprises: Rows<'enterprises'>;
  headcount: Rows<'headcount_records'>;
  mediationOrgs: Rows<'mediation_orgs'>;
  mediators: Rows<'mediators'>;
  /** Demo accounts (password set by the inserter). */
  accounts: { username: string; displayName: string; roles: string[]; orgUnitId: string; regionId: string; enterpriseId?: string; phone?: string }[];
  ids: { district: string; park: string; xinqiao: string; mediationOrg1: string; mediationOrg2: string; enterprise1: string; dataBureau: string };
}

export const DISTRICT_ID = '441999';
const STREETS = [
  ['001', '青湖街道', 'street'],
  ['002', '南岭街道', 'street'],
  ['003', '新桥街道', 'street'],
  ['004', '东塘街道', 'street'],
  ['005', '西溪街道', 'street'],
  ['006', '石门镇', 'town'],
  ['007', '梅林镇', 'town'],
  ['008', '白沙镇', 'town'],
] as const;
const PARKS = [
  ['006', '101', '云溪中小企业国际合作区'],
  ['007', '101', '梅林电子信息产业园'],
  ['003', '101', '新桥科创园'],
] as const;
const COMMUNITY_WORDS = ['和平', '幸福', '花园', '文明', '长安', '振兴', '光明', '团结', '建设', '育才', '民主', '新村', '锦绣', '丰收', '向阳', '翠竹'];

// Industry mix of a manufacturing district (weights), and of the industrial cooperation park.
const DISTRICT_MIX: [IndustryCode, number][] = [
  ['C', 34], ['E', 8], ['F', 14], ['G', 7], ['H', 7], ['I', 6], ['L', 6], ['M', 4], ['K', 3], ['O', 3], ['Q', 2], ['P', 1], ['R', 1], ['N', 1], ['A', 1], ['D', 1], ['J', 1],
];
const PARK_MIX: [IndustryCode, number][] = [['C', 80], ['G', 6], ['I', 5], ['M', 4], ['F', 3], ['L', 2]];
const OWNERSHIP: [string, number][] = [['llc', 40], ['private', 30], ['joint_stock', 6], ['foreign', 8], ['hmt', 6], ['state', 3], ['collective', 2], ['individual', 5]];

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r <= 0) return v;
  }
  return items[items.length - 1]![0];
}

const ORG_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 11714 organisation code: 8 body characters and a check character. */
function organisationCode(rng: Rng): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let body = '';
  for (let i = 0; i < 8; i++) body += rng.chance(0.8) ? String(rng.int(0, 9)) : rng.pick(ORG_CODE_CHARS.slice(10).split(''));
  const value = (c: string) => (/[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const sum = body.split('').reduce((s, c, i) => s + value(c) * weights[i]!, 0);
  const c9 = 11 - (sum % 11);
  return body + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
}

export function demoUscc(rng: Rng): string {
  const body = rng.pick(['91', '91', '91', '92', '93', '12', '52']) + DISTRICT_ID + organisationCode(rng);
  const b17 = body.replace(/[IOZSV]/g, '0');
  return b17 + usccCheckChar(b17);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const ts = '2024-01-02T01:00:00.000Z';

/**
 * One fictional district (云溪区): 8 streets/towns, 3 parks (one an industrial cooperation park with 377
 * enterprises and about 43,000 workers, as in seed 002), ~2,000 enterprises, departments, mediation
 * organisations of every level and kind with mediators, and three years of quarterly headcount history.
 */
export function generateDemoData(opts: { enterpriseCount?: number; seed?: number } = {}): DemoData {
  const rng = new Rng(opts.seed ?? 20261126);
  const enterpriseCount = opts.enterpriseCount ?? 2000;
  const regions: Rows<'regions'> = [{ id: DISTRICT_ID, name: '云溪区', level: 'district', parent_id: null, sort: 0 }];
  STREETS.forEach(([code, name, level], i) => {
    const id = DISTRICT_ID + code;
    regions.push({ id, name, level, parent_id: DISTRICT_ID, sort: i + 1 });
    for (let c = 1; c <= 2; c++) {
      regions.push({ id: `${id}2${String(c).padStart(2, '0')}`, name: `${COMMUNITY_WORDS[i * 2 + c - 1]}社区`, level: 'community', parent_id: id, sort: 10 + c });
    }
  });
  PARKS.forEach(([street, code, name], i) => {
    regions.push({ id: DISTRICT_ID + street + code, name, level: 'park', parent_id: DISTRICT_ID + street, sort: i + 1 });
  });
  const parkId = DISTRICT_ID + '006101';
  const otherParks = [DISTRICT_ID + '007101', DISTRICT_ID + '003101'];
  const streetIds = STREETS.map(([c]) => DISTRICT_ID + c);

  const orgUnits: Rows<'org_units'> = [];
  const ou = (id: string, name: string, kind: string, region: string, enterprise_id: string | null = null) =>
    orgUnits.push({ id, name, kind, region_id: region, parent_id: null, enterprise_id, created_at: ts });
  ou('ou-platform', '云溪区劳动关系公共服务平台', 'platform', DISTRICT_ID);
  ou('ou-hrss', '云溪区人力资源和社会保障局', 'hrss', DISTRICT_ID);
  ou('ou-arbitration', '云溪区劳动人事争议仲裁院', 'arbitration', DISTRICT_ID);
  ou('ou-union', '云溪区总工会', 'union', DISTRICT_ID);
  ou('ou-federation', '云溪区工商业联合会', 'federation', DISTRICT_ID);
  ou('ou-court', '云溪区人民法院', 'court', DISTRICT_ID);
  ou('ou-data', '云溪区政务服务数据管理局', 'data_bureau', DISTRICT_ID);
  ou('ou-justice', '云溪区司法局', 'justice', DISTRICT_ID);
  STREETS.forEach(([code, name]) => ou(`ou-street-${code}`, `${name}${name.endsWith('镇') ? '人民政府' : '办事处'}`, 'street_office', DISTRICT_ID + code));

  // Enterprises: the park gets 377 of 2,000 (scaled for smaller test sets) with ~114 workers each.
  const parkCount = Math.round((377 / 2000) * enterpriseCount);
  const enterprises: Rows<'enterprises'> = [];
  const headcount: Rows<'headcount_records'> = [];
  const usedCodes = new Set<string>();
  const usedNames = new Set<string>();
  for (let i = 0; i < enterpriseCount; i++) {
    const inPark = i < parkCount;
    const region = inPark ? parkId : rng.chance(0.12) ? rng.pick(otherParks) : rng.pick(streetIds);
    const industry = weighted(rng, inPark ? PARK_MIX : DISTRICT_MIX);
    let name = enterpriseName(rng, industry);
    while (usedNames.has(name)) name = enterpriseName(rng, industry);
    usedNames.add(name);
    let uscc = demoUscc(rng);
    while (usedCodes.has(uscc)) uscc = demoUscc(rng);
    usedCodes.add(uscc);
    const hc = inPark ? rng.skewed(70, 0.95, 12, 2600) : rng.skewed(22, 1.2, 3, 3200);
    const unionP = hc >= 300 ? 0.95 : hc >= 100 ? 0.8 : hc >= 25 ? 0.55 : 0.2;
    const union = rng.chance(unionP);
    const regDate = new Date(Date.UTC(rng.int(1998, 2026), rng.int(0, 11), rng.int(1, 28)));
    const registered = isoDay(regDate) > '2026-10-31' ? '2026-10-15' : isoDay(regDate);
    const unionOn = union ? isoDay(new Date(Math.max(regDate.getTime(), Date.UTC(2005, 0, 1)) + rng.int(30, 2000) * 86400_000)) : null;
    const id = `ent-${String(i + 1).padStart(5, '0')}`;
    enterprises.push({
      id,
      name,
      uscc,
      region_id: region,
      legal_representative: personName(rng),
      address: `云溪区${regions.find((r) => r.id === region)!.name}${rng.pick(['兴业', '创新', '工业', '科技', '民营', '长江', '环城'])}路${rng.int(1, 399)}号`,
      industry_code: industry,
      ownership: weighted(rng, OWNERSHIP),
      size_class: sizeClassFromHeadcount(hc),
      headcount: hc,
      is_key: hc >= 60 || (hc >= 30 && rng.chance(0.3)) ? 1 : 0,
      union_established: union ? 1 : 0,
      union_established_on: unionOn && unionOn > '2026-10-31' ? '2026-06-30' : unionOn,
      union_chair: union ? personName(rng) : null,
      union_members: union ? Math.round(hc * (0.6 + rng.next() * 0.38)) : null,
      contract_signing_rate: Math.round((0.82 + rng.next() * 0.18) * 1000) / 1000,
      contact_name: personName(rng),
      contact_phone: `13${rng.int(0, 9)}${String(rng.int(0, 99999999)).padStart(8, '0')}`,
      coordinator_user_id: null,
      registered_on: registered,
      created_at: ts,
      updated_at: ts,
      version: 1,
    });
    // Quarterly headcount, 2024Q1 → 2026Q4, drifting towards today's figure.
    let h = Math.max(1, Math.round(hc * (0.85 + rng.next() * 0.3)));
    for (let y = 2024; y <= 2026; y++) {
      for (const m of ['01', '04', '07', '10']) {
        const asOf = `${y}-${m}-01`;
        if (asOf < registered) continue;
        h = y === 2026 && m === '10' ? hc : Math.max(1, Math.round(h + (hc - h) * 0.25 + (rng.next() - 0.5) * hc * 0.06));
        headcount.push({ id: `hc-${id}-${asOf}`, enterprise_id: id, region_id: region, as_of: asOf, headcount: h, source: 'demo', created_at: ts });
      }
    }
  }
  // Shape the park to about 43,000 workers (seed 002: 377 enterprises, 43,000+ workers).
  const parkTotal = enterprises.filter((e) => e.region_id === parkId).reduce((s, e) => s + (e.headcount ?? 0), 0);
  const target = Math.round((43_200 / 377) * parkCount);
  if (parkTotal > 0) {
    const f = target / parkTotal;
    for (const e of enterprises) {
      if (e.region_id !== parkId) continue;
      e.headcount = Math.max(5, Math.round((e.headcount ?? 0) * f));
      e.size_class = sizeClassFromHeadcount(e.headcount);
      if (e.union_members) e.union_members = Math.min(e.headcount, Math.round(e.union_members * f));
      for (const r of headcount) if (r.enterprise_id === e.id) r.headcount = Math.max(1, Math.round(r.headcount * f));
    }
  }
  // enterprise1 is the largest unionised manufacturer in the park.
  const enterprise1 = [...enterprises].filter((e) => e.region_id === parkId && e.industry_code === 'C' && e.union_established).sort((a, b) => (b.headcount ?? 0) - (a.headcount ?? 0))[0]!;
  ou('ou-ent-1', enterprise1.name, 'enterprise', enterprise1.region_id, enterprise1.id);

  const mediationOrgs: Rows<'mediation_orgs'> = [];
  const mediators: Rows<'mediators'> = [];
  const addOrg = (id: string, name: string, level: string, kind: string, region: string, extra: Partial<Insertable<Database['mediation_orgs']>> = {}) => {
    mediationOrgs.push({
      id,
      name,
      level,
      kind,
      region_id: region,
      address: `云溪区${regions.find((r) => r.id === region)!.name}政务服务中心${rng.int(1, 5)}楼`,
      hours: '周一至周五 8:30-12:00，14:00-17:30',
      phone: `0759-${rng.int(2000000, 8999999)}`,
      standardized_on: null,
      gold_on: null,
      enterprise_id: null,
      created_at: ts,
      ...extra,
    });
    ou(id, name, 'mediation_org', region, extra.enterprise_id ?? null);
  };
  addOrg('mo-city-arb', '市劳动人事争议仲裁院云溪调解中心', 'city', 'arbitration', DISTRICT_ID, { standardized_on: '2024-12-20' });
  addOrg('mo-district-center', '云溪区劳动人事争议调解中心', 'district', 'administrative', DISTRICT_ID, { standardized_on: '2024-12-20', gold_on: '2025-12-18' });
  addOrg('mo-district-union', '云溪区总工会劳动争议调解委员会', 'district', 'union', DISTRICT_ID, { standardized_on: '2025-12-18' });
  addOrg('mo-court-link', '云溪区人民法院劳动争议诉调对接工作室', 'district', 'judicial', DISTRICT_ID);
  STREETS.forEach(([code, name], i) =>
    addOrg(`mo-street-${code}`, `${name}劳动争议调解中心`, 'street', i % 2 === 0 ? 'people' : 'administrative', DISTRICT_ID + code, i < 3 ? { standardized_on: '2025-12-18' } : {}),
  );
  addOrg('mo-park-joint', '云溪中小企业国际合作区劳动关系联处中心调解室', 'regional', 'union', parkId, { standardized_on: '2024-12-20' });
  addOrg('mo-meilin-park', '梅林电子信息产业园区域性劳动争议调解委员会', 'regional', 'people', otherParks[0]!);
  addOrg('mo-industry-construction', '云溪区建筑业劳动争议调解委员会', 'industry', 'people', DISTRICT_ID);
  addOrg('mo-industry-catering', '云溪区餐饮住宿业劳动争议调解委员会', 'industry', 'union', DISTRICT_ID);
  const bigOnes = [...enterprises].sort((a, b) => (b.headcount ?? 0) - (a.headcount ?? 0)).slice(0, 3);
  bigOnes.forEach((e, i) => addOrg(`mo-ent-${i + 1}`, `${e.name}劳动争议调解委员会`, 'enterprise', 'union', e.region_id, { enterprise_id: e.id }));

  const SPECIALITIES = ['工资报酬', '经济补偿', '工伤待遇', '社会保险', '劳动合同', '加班费', '集体争议', '农民工工资'];
  for (const org of mediationOrgs) {
    const n = org.level === 'enterprise' ? 3 : rng.int(3, 6);
    for (let k = 0; k < n; k++) {
      mediators.push({
        id: `med-${org.id}-${k + 1}`,
        org_id: org.id,
        region_id: org.region_id,
        user_id: null,
        name: personName(rng),
        specialities: JSON.stringify([rng.pick(SPECIALITIES), rng.pick(SPECIALITIES)].filter((v, j, a) => a.indexOf(v) === j)),
        certificate_no: `YX-TJ-${rng.int(2019, 2025)}-${String(rng.int(1, 999)).padStart(3, '0')}`,
        status: rng.chance(0.92) ? 'active' : 'left',
        joined_on: `${rng.int(2016, 2025)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
        left_on: null,
        created_at: ts,
      });
    }
  }
  for (const m of mediators) if (m.status === 'left') m.left_on = '2025-12-31';

  const mediationOrg1 = 'mo-street-003';
  const mediationOrg2 = 'mo-park-joint';
  const xinqiao = DISTRICT_ID + '003';
  const accounts: DemoData['accounts'] = [
    { username: 'admin', displayName: '平台管理员', roles: ['admin'], orgUnitId: 'ou-platform', regionId: DISTRICT_ID },
    { username: 'official', displayName: '陈立华（区人社局）', roles: ['official'], orgUnitId: 'ou-hrss', regionId: DISTRICT_ID },
    { username: 'union', displayName: '林秀英（区总工会）', roles: ['official'], orgUnitId: 'ou-union', regionId: DISTRICT_ID },
    { username: 'street1', displayName: '何志强（新桥街道）', roles: ['official'], orgUnitId: 'ou-street-003', regionId: xinqiao },
    { username: 'arbitrator', displayName: '周明（仲裁院）', roles: ['arbitrator'], orgUnitId: 'ou-arbitration', regionId: DISTRICT_ID },
    { username: 'mediator1', displayName: '黄丽娟（新桥街道调解中心）', roles: ['mediator'], orgUnitId: mediationOrg1, regionId: xinqiao },
    { username: 'mediator2', displayName: '郑国强（合作区联处中心）', roles: ['mediator'], orgUnitId: mediationOrg2, regionId: parkId },
    { username: 'coordinator1', displayName: '吴晓东（劳动关系协调员）', roles: ['coordinator'], orgUnitId: 'ou-union', regionId: DISTRICT_ID },
    { username: 'enterprise1', displayName: `${enterprise1.name}人事部`, roles: ['enterprise'], orgUnitId: 'ou-ent-1', regionId: enterprise1.region_id, enterpriseId: enterprise1.id },
    { username: 'worker1', displayName: '李建国', roles: ['worker'], orgUnitId: 'ou-platform', regionId: DISTRICT_ID, phone: '13800000001' },
  ];
  // Both demo mediators appear in their organisation's roster.
  mediators.push(
    { id: 'med-demo-1', org_id: mediationOrg1, region_id: xinqiao, user_id: null, name: '黄丽娟', specialities: JSON.stringify(['工资报酬', '经济补偿']), certificate_no: 'YX-TJ-2021-018', status: 'active', joined_on: '2021-03-01', left_on: null, created_at: ts },
    { id: 'med-demo-2', org_id: mediationOrg2, region_id: parkId, user_id: null, name: '郑国强', specialities: JSON.stringify(['集体争议', '工伤待遇']), certificate_no: 'YX-TJ-2020-007', status: 'active', joined_on: '2020-06-01', left_on: null, created_at: ts },
  );
  // coordinator1 looks after 40 enterprises in 新桥街道 and the park.
  enterprises
    .filter((e) => e.region_id.startsWith(xinqiao) || e.region_id === parkId)
    .slice(0, 40)
    .forEach((e) => (e.coordinator_user_id = 'usr-coordinator1'));

  return {
    regions,
    orgUnits,
    enterprises,
    headcount,
    mediationOrgs,
    mediators,
    accounts,
    ids: { district: DISTRICT_ID, park: parkId, xinqiao, mediationOrg1, mediationOrg2, enterprise1: enterprise1.id, dataBureau: 'ou-data' },
  };
}

export const INDUSTRY_NAMES = INDUSTRY_SECTIONS;
