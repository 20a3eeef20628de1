import type { DeadlineKind } from '../cases/deadlines';

/**
 * What happened on a case and what is due next, in the plain words a worker reads on the portal (not the
 * officials' terms). `party` is who is reading: the applicant (worker) or the respondent (enterprise).
 */
export type Party = 'applicant' | 'respondent';

const EVENT_WORDS: Record<string, { applicant: string; respondent: string }> = {
  create: { applicant: '您的调解申请已提交，等待调解组织受理', respondent: '劳动者提出了调解申请' },
  register: { applicant: '调解组织登记了您的申请', respondent: '调解组织登记了申请' },
  accept_mediation: { applicant: '调解组织已受理您的申请，将安排调解', respondent: '调解组织已受理，将安排调解' },
  start_negotiation: { applicant: '调解组织安排双方先行协商', respondent: '调解组织安排双方先行协商' },
  decline: { applicant: '调解组织决定不予受理，您可以申请劳动仲裁', respondent: '调解组织决定不予受理' },
  transfer_org: { applicant: '案件已转给另一个调解组织办理', respondent: '案件已转给另一个调解组织办理' },
  reach_settlement: { applicant: '双方协商一致，达成了和解', respondent: '双方协商一致，达成了和解' },
  fail_negotiation: { applicant: '双方未能协商一致', respondent: '双方未能协商一致' },
  apply_mediation: { applicant: '案件转入调解', respondent: '案件转入调解' },
  extend_mediation: { applicant: '双方同意延长调解期限', respondent: '双方同意延长调解期限' },
  reach_agreement: { applicant: '双方达成了调解协议', respondent: '双方达成了调解协议' },
  terminate_mediation: { applicant: '调解没有成功，已终止；您可以申请劳动仲裁', respondent: '调解没有成功，已终止' },
  transfer_to_arbitration: { applicant: '案件已转到劳动仲裁', respondent: '案件已转到劳动仲裁' },
  withdraw: { applicant: '申请已撤回', respondent: '劳动者撤回了申请' },
  close: { applicant: '案件已办结', respondent: '案件已办结' },
  confirm_performance: { applicant: '协议已履行完毕', respondent: '协议已履行完毕' },
  agreement: { applicant: '调解组织拟定了协议，请阅读', respondent: '调解组织拟定了协议，请阅读' },
  agreement_confirm: { applicant: '一方当事人已在线确认协议', respondent: '一方当事人已在线确认协议' },
  agreement_effective: { applicant: '双方都已确认，协议生效', respondent: '双方都已确认，协议生效' },
  party_response: { applicant: '用人单位答复了您的申请', respondent: '贵单位答复了申请' },
  attachment: { applicant: '上传了证据材料', respondent: '上传了材料' },
  payment: { applicant: '登记了一笔协议款项的支付', respondent: '登记了一笔协议款项的支付' },
  document: { applicant: '调解组织制作了文书', respondent: '调解组织制作了文书' },
  rating: { applicant: '提交了服务评价', respondent: '提交了服务评价' },
  remind: { applicant: '调解组织提醒用人单位按协议履行', respondent: '调解组织提醒贵单位按协议履行' },
  session_scheduled: { applicant: '调解组织预约了在线调解，请按时进入调解室', respondent: '调解组织预约了在线调解，请按时进入调解室' },
  session_cancelled: { applicant: '调解组织取消了预约的在线调解', respondent: '调解组织取消了预约的在线调解' },
  session_closed: { applicant: '在线调解已结束，笔录已归入案件', respondent: '在线调解已结束，笔录已归入案件' },
};

export function plainEvent(action: string, party: Party): string | null {
  return EVENT_WORDS[action]?.[party] ?? null;
}

/** The step the case is waiting for, worded for the reader; `due` is the current deadline of the case. */
export function nextStep(status: string, party: Party, due: { kind: DeadlineKind | string; date: string } | null): string | null {
  const by = due ? `（${due.date}前）` : '';
  switch (status) {
    case 'registered':
      /** 企业劳动争议协商调解规定 第二十二条：调解委员会接到调解申请后，应当在3个工作日内受理。 */
      return `等待调解组织决定是否受理${by}`;
    case 'negotiating':
      return party === 'respondent' ? `请与劳动者协商并答复${by}` : `双方协商中，用人单位应答复${by}`;
    case 'mediating':
      /** 劳动争议调解仲裁法 第十四条第三款：十五日内未达成调解协议的，当事人可以依法申请仲裁。 */
      return party === 'applicant'
        ? `调解进行中，应在${due?.date ?? '规定期限'}前结束；到期未达成协议的，您可以申请劳动仲裁`
        : `调解进行中，应在${due?.date ?? '规定期限'}前结束`;
    case 'agreement_reached':
    case 'settled':
      return '请按协议履行；有需要确认的协议请在线确认';
    case 'declined':
    case 'mediation_failed':
    case 'negotiation_failed':
      return party === 'applicant' ? '您可以向劳动人事争议仲裁委员会申请仲裁' : null;
    case 'arbitration_pending':
    case 'arbitrating':
      return `等待劳动人事争议仲裁委员会处理${by}`;
    case 'closed':
      return '案件已办结，欢迎评价本次服务';
    default:
      return null;
  }
}

/** Both parties' confirmations make an agreement effective. */
export function agreementEffective(confirmedParties: readonly string[]): boolean {
  return confirmedParties.includes('applicant') && confirmedParties.includes('respondent');
}

/** A party may rate a case once it is closed (a closing result recorded), and only once. */
export function mayRate(c: { closedOn: string | null }, alreadyRated: boolean): boolean {
  return !!c.closedOn && !alreadyRated;
}
