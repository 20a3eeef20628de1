import { INDUSTRY_SECTIONS, type IndustryCode } from '../../../domain/enterprise/industries';
import { HARD_RULE_LABELS, type HardRuleCode } from '../../../domain/risk/hard-rules';
import { LEVEL_LABELS, type AlertLevel } from '../../../domain/risk/levels';
import type { Actor, AppContext } from '../../context';
import { conflict, forbidden } from '../../errors';
import { insertAudit } from '../audit/repo';
import type { AlertReason } from '../risk/engine';
import { insertAlertEvent } from '../risk/recompute';
import { buildLetterDocx } from './documents';
import { canOnAlert } from './policy';
import { getAlertRow } from './service';

/** The district department that regulates each industry section (行业主管部门), for advice letters. */
const REGULATORS: Partial<Record<IndustryCode, string>> = {
  B: '区应急管理局',
  C: '区工业和信息化局',
  D: '区发展和改革局',
  E: '区住房和城乡建设局',
  F: '区商务局',
  G: '区交通运输局',
  H: '区商务局',
  I: '区工业和信息化局',
  J: '区金融工作局',
  K: '区住房和城乡建设局',
  M: '区科学技术局',
  N: '区水务局',
  P: '区教育局',
  Q: '区卫生健康局',
  R: '区文化广电旅游体育局',
};
export const regulatorOf = (industry: string | null) => REGULATORS[industry as IndustryCode] ?? '区有关行业主管部门';

const reasonTitle = (r: AlertReason) => (r.code === 'SCORE' ? '综合风险评分' : HARD_RULE_LABELS[r.code as HardRuleCode]);
const reasonItems = (reasons: AlertReason[]) =>
  reasons.map((r) => ({ heading: `${reasonTitle(r)}（${LEVEL_LABELS[r.level]}）`, lines: [r.text + '。', ...(r.basis ? [`依据：${r.basis}。`] : [])] }));

async function issuerOf(ctx: AppContext, actor: Actor) {
  const ou = actor.principal ? await ctx.db.selectFrom('org_units').select('name').where('id', '=', actor.principal.orgUnitId).executeTakeFirst() : undefined;
  return ou?.name ?? '劳动关系风险监测预警工作专班';
}
const docNo = (prefix: string, id: string, at: Date) => `${prefix}〔${new Date(at.getTime() + 8 * 3600_000).getUTCFullYear()}〕${id.slice(-6)}号`;

async function recordLetter(ctx: AppContext, actor: Actor, row: { id: string; enterprise_id: string | null; region_id: string; level: string; status: string }, kind: string, to: string) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertAlertEvent(trx, { alertId: row.id, enterpriseId: row.enterprise_id, regionId: row.region_id, at, action: 'letter', from: row.status, to: row.status, level: row.level, actor: { id: actor.principal?.id ?? null, name: actor.principal?.displayName ?? null }, note: `生成${kind}（致${to}）` });
    await insertAudit(trx, { at, actorId: actor.principal?.id ?? null, actorName: actor.principal?.displayName ?? null, action: 'alert.letter', entityType: 'alert', entityId: row.id, regionId: row.region_id, summary: `生成${kind}（致${to}）` });
  });
}

/** 劳动关系风险预警提示函 to the enterprise. */
export async function warningLetter(ctx: AppContext, actor: Actor, id: string) {
  const row = await getAlertRow(ctx, actor, id);
  if (!canOnAlert(actor.principal, 'alert.letter', row)) throw forbidden();
  if (row.scope !== 'enterprise' || !row.enterprise_name) throw conflict('区域性预警没有对应企业，请生成预警建议书');
  const now = ctx.clock.now();
  const issuer = await issuerOf(ctx, actor);
  const reasons = JSON.parse(row.reasons) as AlertReason[];
  const buf = await buildLetterDocx({
    issuer,
    docNumber: docNo('云劳预提', row.id, now),
    title: '劳动关系风险预警提示函',
    addressee: row.enterprise_name,
    paragraphs: [
      `经劳动关系风险监测预警系统综合研判，你单位（统一社会信用代码：${row.enterprise_uscc}）存在${LEVEL_LABELS[row.level as AlertLevel]}等级劳动关系风险，具体情况如下。`,
    ],
    items: reasonItems(reasons),
    closing:
      '请你单位高度重视，依法按时足额支付劳动报酬、缴纳社会保险费；确需裁减人员的，应当依照《劳动合同法》第四十一条的规定提前三十日向工会或者全体职工说明情况，听取意见，并将裁减人员方案向劳动行政部门报告。请于收到本函之日起五个工作日内将整改情况书面报送我单位。',
    signer: issuer,
    date: now,
    cc: row.region_name ? `${row.region_name}劳动关系协调工作站` : undefined,
  });
  await recordLetter(ctx, actor, row, '预警提示函', row.enterprise_name);
  return { filename: `劳动关系风险预警提示函-${row.enterprise_name}.docx`, buf };
}

/** 预警建议书 to the industry regulator (or, for a regional alert, the street/town government). */
export async function adviceLetter(ctx: AppContext, actor: Actor, id: string, regulator?: string) {
  const row = await getAlertRow(ctx, actor, id);
  if (!canOnAlert(actor.principal, 'alert.letter', row)) throw forbidden();
  const now = ctx.clock.now();
  const issuer = await issuerOf(ctx, actor);
  const reasons = JSON.parse(row.reasons) as AlertReason[];
  const to = regulator || (row.scope === 'regional' ? `${row.region_name ?? ''}${row.region_name?.endsWith('镇') ? '人民政府' : '办事处'}` : regulatorOf(row.enterprise_industry));
  const industry = row.enterprise_industry ? INDUSTRY_SECTIONS[row.enterprise_industry as IndustryCode] : null;
  const subject = row.scope === 'regional' ? `${row.region_name}辖区企业` : `${row.enterprise_name}（${industry ?? '行业未登记'}，统一社会信用代码：${row.enterprise_uscc}）`;
  const buf = await buildLetterDocx({
    issuer,
    docNumber: docNo('云劳预建', row.id, now),
    title: '劳动关系风险预警建议书',
    addressee: to,
    paragraphs: [
      `根据劳动关系风险监测预警工作机制，我单位通过对劳动争议、法院立案和查封、信访、参保人数变动等数据的综合研判，发现${subject}存在${LEVEL_LABELS[row.level as AlertLevel]}等级劳动关系风险。现将有关情况通报如下，并提出预警建议。`,
    ],
    items: [
      ...reasonItems(reasons),
      {
        heading: '工作建议',
        lines: [
          '（一）请结合行业监管职责，督促相关企业规范劳动用工，依法支付劳动报酬、缴纳社会保险费，防止发生规模性裁员和群体性事件。',
          '（二）对生产经营困难的企业，指导其通过协商调整薪酬、轮岗轮休、缩短工时等方式稳定工作岗位；确需裁员的，指导其依照《劳动合同法》第四十一条依法实施。',
          '（三）建立信息互通机制，发现欠薪、停工停产等苗头性问题及时通报，共同做好矛盾纠纷化解工作。',
        ],
      },
    ],
    closing: '请于收到本建议书之日起十个工作日内将采取的措施及工作进展反馈我单位。',
    signer: issuer,
    date: now,
  });
  await recordLetter(ctx, actor, row, '预警建议书', to);
  return { filename: `劳动关系风险预警建议书-${to}.docx`, buf };
}
