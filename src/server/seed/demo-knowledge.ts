import type { Db } from '../db';
import { bumpVersion } from '../modules/knowledge/repo';
import { DISTRICT_ID, type DemoData } from './demo-data';

const ts = '2026-02-10T02:00:00.000Z';

/**
 * Typical cases entered by hand by the district HR bureau (issue 6): anonymised, reviewed, each citing the
 * articles applied. They sit beside the official collections and the cases the dispute module publishes.
 */
const CASES = [
  {
    id: 'case-demo-manual-01',
    title: '餐饮个体户未为帮工参加工伤保险，帮工受伤后由雇主按工伤待遇标准支付案',
    facts:
      '某餐饮店为个体工商户，雇用帮工三名，未为其参加工伤保险。帮工甲在后厨切配时被绞肉机绞伤右手，经社会保险行政部门认定为工伤，劳动能力鉴定为九级伤残。雇主以“个体户不用交工伤保险”为由拒绝支付任何待遇，甲申请劳动仲裁。',
    holding:
      '仲裁委认为，有雇工的个体工商户属于应当参加工伤保险的用人单位，其雇工享有工伤保险待遇的权利。雇主应当参保而未参保，雇工发生工伤的，由雇主按照工伤保险条例规定的待遇项目和标准支付费用。裁决雇主支付医疗费、停工留薪期工资和一次性伤残补助金等工伤保险待遇。',
    citations: [
      { lawId: 'work-injury-insurance-regulations', articleNo: 2 },
      { lawId: 'work-injury-insurance-regulations', articleNo: 62 },
    ],
  },
  {
    id: 'case-demo-manual-02',
    title: '劳务派遣单位被吊销营业执照致劳动合同终止，被派遣劳动者主张经济补偿案',
    facts:
      '某人力资源公司以劳务派遣形式将乙派往园区一家电子厂工作四年。2025年该公司被依法吊销营业执照，通知乙劳动合同终止，未支付任何费用。电子厂表示乙不是本厂职工。乙申请劳动仲裁，请求派遣公司支付经济补偿。',
    holding:
      '仲裁委认为，劳务派遣单位被吊销营业执照的，劳动合同终止，派遣单位应当依法向被派遣劳动者支付经济补偿；用工单位应当与派遣单位协商妥善安置被派遣劳动者。裁决派遣公司按乙的工作年限支付四个月工资的经济补偿。',
    citations: [
      { lawId: 'labor-dispatch-provisions', articleNo: 16 },
      { lawId: 'labor-dispatch-provisions', articleNo: 17 },
      { lawId: 'labor-contract-law', articleNo: 46 },
    ],
  },
  {
    id: 'case-demo-manual-03',
    title: '仲裁裁决先予支付拖欠工资后用人单位起诉，法院不予受理案',
    facts:
      '某制衣厂拖欠丙等人三个月工资。丙申请仲裁并申请先予执行，称家中老人住院急需用钱。仲裁庭认为双方权利义务关系明确、不先予执行将严重影响丙的生活，裁决工厂先行支付一个月工资。工厂不服该先予支付裁决，向人民法院起诉。',
    holding:
      '法院认为，当事人不服劳动争议仲裁机构作出的预先支付劳动者劳动报酬的裁决而起诉的，人民法院不予受理；用人单位不履行该裁决给付义务的，劳动者可以申请强制执行。裁定不予受理，丙随后申请强制执行并领到款项。',
    citations: [
      { lawId: 'spc-labor-dispute-interpretation-1', articleNo: 10 },
      { lawId: 'labor-dispute-mediation-arbitration-law', articleNo: 44 },
    ],
  },
];

export async function seedKnowledgeDemo(db: Db, _data: DemoData): Promise<void> {
  await db
    .insertInto('knowledge_cases')
    .values(
      CASES.map((c) => ({
        id: c.id,
        title: c.title,
        facts: c.facts,
        holding: c.holding,
        citations: JSON.stringify(c.citations),
        source: 'manual',
        collection: '手工录入典型案例',
        issuer: '云溪区人力资源和社会保障局',
        status: 'reviewed',
        region_id: DISTRICT_ID,
        created_by: 'usr-official',
        created_at: ts,
        updated_at: ts,
        revision: 1,
      })),
    )
    .execute();
  // A replica that already built its index picks the cases up on its next version check.
  await bumpVersion(db, ts);
}
