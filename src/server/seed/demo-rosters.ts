import type { Insertable } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import type { AwardIndicator } from '../../domain/rosters/recognition';
import type { DemoData } from './demo-data';
import { personName } from './names';
import { Rng } from './random';

type Rows<T extends keyof Database> = Insertable<Database[T]>[];
const ts = '2026-01-06T01:00:00.000Z';

async function insert<T extends keyof Database>(db: Db, table: T, rows: Rows<T>) {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
}

export const COORDINATOR_INDICATORS: AwardIndicator[] = [
  { code: 'work', name: '服务企业与化解纠纷实绩', weight: 40 },
  { code: 'skill', name: '职业技能与培训', weight: 25 },
  { code: 'monitor', name: '劳动关系监测预警', weight: 20 },
  { code: 'credit', name: '企业与职工评价', weight: 15 },
];
const EMPLOYERS = [['union', '街道总工会'], ['community', '社区工作站'], ['social_org', '和谐劳动关系促进会'], ['enterprise', '']] as const;

/**
 * Coordinators (coordinator1 with an account serving the 40 enterprises the registry already gives it,
 * and 14 roster-only coordinators serving large and medium enterprises), training, visits, 2025
 * evaluations, and the announced 2025 金牌协调员 selection plus the open 2026 call.
 */
export async function seedRostersDemo(db: Db, data: DemoData): Promise<void> {
  const rng = new Rng(909);
  const coordinators: Rows<'coordinators'> = [];
  const trainings: Rows<'coordinator_trainings'> = [];
  const assignments: Rows<'coordinator_assignments'> = [];
  const visits: Rows<'coordinator_visits'> = [];
  const evaluations: Rows<'coordinator_evaluations'> = [];
  const streets = data.regions.filter((r) => r.level === 'street' || r.level === 'town');
  coordinators.push({ id: 'coord-demo-1', region_id: data.ids.district, user_id: 'usr-coordinator1', name: '吴晓东', phone: '13800000011', employer_kind: 'union', employer_name: '云溪区总工会', employer_enterprise_id: null, skill_level: 'level2', certificate_no: 'LDGX-2022-0031', certified_on: '2022-09-15', status: 'active', created_at: ts, updated_at: ts });
  for (let i = 2; i <= 15; i++) {
    const street = streets[i % streets.length]!;
    const [kind, suffix] = EMPLOYERS[i % EMPLOYERS.length]!;
    coordinators.push({ id: `coord-demo-${i}`, region_id: street.id, user_id: null, name: personName(rng), phone: null, employer_kind: kind, employer_name: kind === 'enterprise' ? '企业人力资源部' : `${street.name}${suffix}`, employer_enterprise_id: null, skill_level: rng.pick(['level4', 'level3', 'level2', null]), certificate_no: `LDGX-${2019 + (i % 6)}-${String(100 + i).padStart(4, '0')}`, certified_on: `${2019 + (i % 6)}-06-${String(10 + (i % 18)).padStart(2, '0')}`, status: i === 15 ? 'exited' : 'active', created_at: ts, updated_at: ts });
  }
  const served = new Map<string, string[]>();
  const assign = (coordId: string, e: { id: string; region_id: string }, on: string) => {
    assignments.push({ id: `ca-${coordId}-${e.id}`, region_id: e.region_id, coordinator_id: coordId, enterprise_id: e.id, assigned_on: on, ended_on: null, created_at: ts });
    served.set(coordId, [...(served.get(coordId) ?? []), e.id]);
  };
  data.enterprises.filter((e) => e.coordinator_user_id === 'usr-coordinator1').forEach((e) => assign('coord-demo-1', e as { id: string; region_id: string }, '2025-03-01'));
  const taken = new Set(assignments.map((a) => a.enterprise_id));
  const largeMedium = data.enterprises.filter((e) => (e.size_class === 'large' || e.size_class === 'medium') && !taken.has(e.id));
  largeMedium.forEach((e, n) => {
    if (n % 3 === 2) return; // about two in three of the rest have one
    const c = coordinators.find((c) => c.id !== 'coord-demo-1' && c.status === 'active' && (e.region_id as string).startsWith(c.region_id as string)) ?? coordinators[1 + (n % 13)]!;
    assign(c.id as string, e as { id: string; region_id: string }, `2025-${String(1 + (n % 12)).padStart(2, '0')}-01`);
  });
  for (const c of coordinators) {
    const id = c.id as string;
    for (let t = 0; t < 3; t++) trainings.push({ id: `ct-${id}-${t}`, region_id: c.region_id as string, coordinator_id: id, course: ['劳动合同法实务', '劳动争议调解技巧', '集体协商指导', '劳动关系风险监测'][(t + id.length) % 4]!, hours: [8, 12, 16][t]!, trained_on: `${2025 + (t === 2 ? 1 : 0)}-0${3 + t * 2}-1${t}`, created_at: ts });
    const ents = served.get(id) ?? [];
    ents.slice(0, 8).forEach((eid, k) => {
      const e = data.enterprises.find((x) => x.id === eid)!;
      const purpose = (['policy', 'monitoring', 'dispute'] as const)[k % 3];
      visits.push({ id: `cv-${id}-${k}`, region_id: e.region_id as string, coordinator_id: id, enterprise_id: eid, visited_on: `2025-${String(3 + k).padStart(2, '0')}-${String(5 + k).padStart(2, '0')}`, purpose, summary: purpose === 'policy' ? '宣讲稳岗返还与技能提升补贴政策' : purpose === 'monitoring' ? '核查工资支付与加班情况，未发现异常' : '协助企业与职工就加班费争议达成和解', created_by: 'usr-official', created_at: ts });
    });
    evaluations.push({ id: `ce-${id}-2025`, region_id: c.region_id as string, coordinator_id: id, year: 2025, grade: id === 'coord-demo-1' ? 'excellent' : rng.pick(['excellent', 'competent', 'competent', 'basic']), comment: null, evaluated_by: 'usr-official', created_at: ts });
  }
  await insert(db, 'coordinators', coordinators);
  await insert(db, 'coordinator_trainings', trainings);
  await insert(db, 'coordinator_assignments', assignments);
  await insert(db, 'coordinator_visits', visits);
  await insert(db, 'coordinator_evaluations', evaluations);

  const ind = JSON.stringify(COORDINATOR_INDICATORS);
  const criteria = '从事劳动关系协调工作满两年，持有劳动关系协调员职业技能等级证书，年度考评为优秀，服务企业劳动关系和谐稳定。';
  await insert(db, 'award_rounds', [
    { id: 'award-2025-coord', region_id: data.ids.district, year: 2025, kind: 'coordinator', title: '2025年度金牌劳动关系协调员评选', criteria, indicators_json: ind, quota: 1, notice_days: 7, status: 'announced', notice_start: '2025-12-10', notice_end: '2025-12-16', announced_on: '2025-12-18', created_by: 'usr-official', created_at: ts, updated_at: ts },
    { id: 'award-2026-coord', region_id: data.ids.district, year: 2026, kind: 'coordinator', title: '2026年度金牌劳动关系协调员评选', criteria, indicators_json: ind, quota: 1, notice_days: 7, status: 'nominating', notice_start: null, notice_end: null, announced_on: null, created_by: 'usr-official', created_at: ts, updated_at: ts },
  ]);
  const nom = (id: string, round: string, c: Rows<'coordinators'>[number], status: string, score: number | null, rank: number | null) => ({ id, region_id: data.ids.district, round_id: round, subject_id: c.id as string, subject_name: c.name, nominated_by: c.id === 'coord-demo-1' ? '云溪区总工会' : `${c.employer_name}`, reason: `${c.name}常年扎根企业一线，服务企业${(served.get(c.id as string) ?? []).length}家，全年走访并化解劳动纠纷多起。`, evidence_json: JSON.stringify([{ title: '年度工作总结' }, { title: '服务企业评价表' }]), status, score, rank, created_by: 'usr-official', created_at: ts, updated_at: ts });
  await insert(db, 'award_nominations', [
    nom('nom-2025-1', 'award-2025-coord', coordinators[0]!, 'awarded', 91.4, 1),
    nom('nom-2025-2', 'award-2025-coord', coordinators[3]!, 'not_selected', 86.25, 2),
    nom('nom-2026-1', 'award-2026-coord', coordinators[4]!, 'nominated', null, null),
  ]);
  await seedMediationPublicationDemo(db, data);
}

/** The 上墙公布 content of the demo street mediation centre. */
export async function seedMediationPublicationDemo(db: Db, data: DemoData): Promise<void> {
  await db.insertInto('mediation_org_publications').values({
    id: 'mop-demo-1', region_id: data.ids.xinqiao, org_id: data.ids.mediationOrg1, updated_by: 'usr-official', updated_at: ts,
    rules: '一、受理登记制度：当事人申请调解的，调解中心当日登记，三个工作日内决定是否受理。\n二、回避制度：调解员与当事人有利害关系的，应当回避。\n三、保密制度：调解过程不公开，涉及个人隐私和商业秘密的内容予以保密。\n四、回访制度：调解协议达成后三十日内回访履行情况。',
    procedures: '申请 → 受理（三个工作日内） → 选定调解员 → 调解（自受理之日起十五日内结束） → 达成协议制作调解协议书 / 调解不成告知仲裁途径 → 回访',
  }).execute();
}
