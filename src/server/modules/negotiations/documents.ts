import { NEGOTIATION_TEMPLATES, type NegotiationTemplate } from '../../../domain/contracts/negotiation';
import { RESPONSE_DAYS, responseDeadline } from '../../../domain/contracts/deadlines';
import { CONTRACT_KIND_LABELS, type ContractKind } from '../../../domain/contracts/types';
import { buildOfficialDocx, chineseDate } from '../contracts/documents';
import type { getNegotiation } from './service';

type Negotiation = Awaited<ReturnType<typeof getNegotiation>>;

/** Pre-filled document templates for the steps of a negotiation (集体合同规定 第三十二条 etc.). */
export async function negotiationDocument(n: Negotiation, template: NegotiationTemplate, today: string): Promise<{ data: Buffer; name: string }> {
  const party = n.enterpriseName ?? '（企业名称）';
  const union = n.enterpriseName ? `${n.enterpriseName}工会委员会` : '（工会名称）';
  const [from, to] = n.initiator === 'union' ? [union, party] : [party, union];
  const kind = CONTRACT_KIND_LABELS[n.kind as ContractKind];
  const requested = n.requestedOn ?? today;
  const meeting = n.steps.filter((s) => s.kind === 'meeting').at(-1);
  const vote = n.steps.find((s) => s.kind === 'congress_vote');
  const specs: Record<NegotiationTemplate, { recipient?: string; paragraphs: string[]; issuer: string; date: string }> = {
    request: {
      recipient: `${to}：`,
      paragraphs: [
        `根据《中华人民共和国劳动合同法》第五十一条和《集体合同规定》的有关规定，我方提出就签订${kind}进行集体协商。`,
        '一、协商内容：劳动报酬、工作时间、休息休假、劳动安全与卫生、补充保险和福利、女职工和未成年工特殊保护、职业技能培训等事项（以双方商定为准）。',
        '二、协商时间和地点：请贵方在收到本要约书后商定。',
        `三、请贵方自收到本要约书之日起${RESPONSE_DAYS}日内以书面形式予以回应（集体合同规定 第三十二条），即不迟于${chineseDate(responseDeadline(requested))}。`,
        n.instructorName ? `四、本次协商由集体协商指导员${n.instructorName}同志指导。` : '四、本次协商可申请上级工会派集体协商指导员给予指导。',
      ],
      issuer: from,
      date: requested,
    },
    response: {
      recipient: `${from}：`,
      paragraphs: [`贵方于${chineseDate(requested)}提出的集体协商要约书收悉。经研究，我方同意就签订${kind}进行集体协商。`, '一、我方首席代表及协商代表名单另附。', '二、建议首次协商会议时间：　　年　　月　　日，地点：　　　　　。'],
      issuer: to,
      date: n.respondedOn ?? today,
    },
    meeting: {
      paragraphs: [
        `会议事项：${n.title}`,
        `会议时间：${meeting ? chineseDate(meeting.onDate) : '　　年　　月　　日'}`,
        `参加人员：${meeting?.participants ?? '双方协商代表'}`,
        `协商情况：${meeting?.minutes ?? ''}`,
        '双方首席代表签字：　　　　　　　　　　　　　　',
      ],
      issuer: `${party}集体协商会议`,
      date: meeting?.onDate ?? today,
    },
    congress_vote: {
      paragraphs: [
        `${party}职工代表大会于${vote ? chineseDate(vote.onDate) : '　　年　　月　　日'}审议了《${n.title}》草案。`,
        `应到职工代表${vote?.delegates ?? '　'}名，赞成${vote?.votesFor ?? '　'}票。根据《中华人民共和国劳动合同法》第五十一条的规定，会议审议通过该集体合同草案，同意由双方首席代表签字。`,
      ],
      issuer: `${party}职工代表大会`,
      date: vote?.onDate ?? today,
    },
  };
  const spec = specs[template];
  const data = await buildOfficialDocx({ title: NEGOTIATION_TEMPLATES[template], ...spec });
  return { data, name: `${NEGOTIATION_TEMPLATES[template]}-${n.title}.docx` };
}
