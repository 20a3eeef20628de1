import { formatChineseDate } from '../../domain/calendar/iso-date';
import type { CaseDocumentKind } from '../../domain/cases/claim-types';
import {
  type CaseDocumentInput,
  CaseDocumentData,
  applicantList,
  applicantNames,
  chineseNumber,
  claimSummary,
  claimsTable,
  partyFields,
  termSentences,
  you,
} from './case-document-data';
import type { Block, OfficialDoc } from './official-docx';

export { CaseDocumentData, chineseNumber, type CaseDocumentInput } from './case-document-data';

/* Specs of the documents a mediation organisation issues for a case: pure functions from case data to OfficialDoc. */

/** 受理通知书 — 企业劳动争议协商调解规定 第二十二条; the 15-day mediation period of 劳动争议调解仲裁法 第十四条. */
export function acceptanceNoticeSpec(input: CaseDocumentInput): OfficialDoc {
  const d = CaseDocumentData.parse(input);
  const org = d.organisation.name;
  return {
    title: '受理通知书',
    docNo: d.caseNo,
    addressee: applicantNames(d),
    sections: [
      {
        blocks: [
          {
            kind: 'paragraph',
            text: `${you(d)}与${d.respondent.name}因${claimSummary(d)}争议一案，于${formatChineseDate(d.dates.applied)}向本组织申请调解。经审查，该争议属于劳动争议调解受理范围，本组织决定予以受理。`,
          },
          {
            kind: 'paragraph',
            text: `本案由调解员${d.mediators.join('、')}负责调解。${
              d.dates.session ? `请${you(d)}于${formatChineseDate(d.dates.session)}携带身份证明及相关证据材料到本组织参加调解。` : ''
            }`,
          },
          {
            kind: 'paragraph',
            text: `自本组织收到调解申请之日起十五日内${d.dates.mediationDue ? `（至${formatChineseDate(d.dates.mediationDue)}）` : ''}未达成调解协议的，${you(d)}可以依法向劳动人事争议仲裁委员会申请仲裁（《中华人民共和国劳动争议调解仲裁法》第十四条）。`,
          },
          ...(d.organisation.phone || d.organisation.address
            ? [
                {
                  kind: 'fields',
                  rows: [
                    ...(d.organisation.address ? [{ label: '地址', value: d.organisation.address }] : []),
                    ...(d.organisation.phone ? [{ label: '联系电话', value: d.organisation.phone }] : []),
                  ],
                } satisfies Block,
              ]
            : []),
        ],
      },
    ],
    issuer: org,
    date: d.dates.accepted ?? d.dates.issued,
  };
}

/** 调解笔录 — 劳动争议调解仲裁法 第十三条 (hear both sides); signed by the parties, mediators and recorder. */
export function mediationRecordSpec(input: CaseDocumentInput): OfficialDoc {
  const d = CaseDocumentData.parse(input);
  const s = d.session ?? { attendees: [], statements: [] };
  return {
    title: '调解笔录',
    docNo: d.caseNo,
    sections: [
      {
        blocks: [
          {
            kind: 'fields',
            rows: [
              { label: '时间', value: [formatChineseDate(d.dates.session ?? d.dates.issued), s.time].filter(Boolean).join(' ') },
              { label: '地点', value: s.place ?? d.organisation.name },
              { label: '调解员', value: d.mediators.join('、') },
              { label: '记录人', value: d.recorder ?? '' },
              { label: '案由', value: `${claimSummary(d)}争议` },
            ],
          },
          ...partyFields(d),
          ...(s.attendees.length ? [{ kind: 'fields', rows: [{ label: '到场人员', value: s.attendees.join('、') }] } satisfies Block] : []),
          {
            kind: 'paragraph',
            text: '调解员：今天就双方当事人之间的劳动争议进行调解。调解遵循平等、自愿、合法、公正、及时的原则。当事人有权陈述事实和理由、提供证据，有权自愿达成或者拒绝达成调解协议，应当如实陈述、遵守调解秩序。双方是否听清？',
          },
          ...s.statements.map((st) => ({ kind: 'paragraph', text: [{ text: `${st.speaker}：`, bold: true }, st.text] }) satisfies Block),
          { kind: 'paragraph', text: '（以下无正文）' },
          {
            kind: 'signatures',
            rows: [
              ...d.applicants.map((a) => ({ label: `申请人（签名）${d.applicants.length > 1 ? a.name : ''}`, withDate: true })),
              { label: '被申请人（盖章）', withDate: true },
              ...d.mediators.map(() => ({ label: '调解员（签名）' })),
              { label: '记录人（签名）' },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * 调解协议书 — 劳动争议调解仲裁法 第十四条 (signed by both parties and the mediator, sealed by the organisation),
 * 企业劳动争议协商调解规定 第二十六条 (contents, copies), with the remedies of 第十五条、第十六条 and
 * 劳动人事争议仲裁办案规则 第七十四条.
 */
export function mediationAgreementSpec(input: CaseDocumentInput): OfficialDoc {
  const d = CaseDocumentData.parse(input);
  if (d.agreementTerms.length === 0) throw new RangeError('调解协议书至少应有一项协议内容');
  const copies = d.applicants.length + 2;
  return {
    title: '调解协议书',
    docNo: d.caseNo,
    sections: [
      { blocks: partyFields(d) },
      { heading: '一、调解请求事项', blocks: [claimsTable(d)] },
      { heading: '二、争议事实', blocks: [{ kind: 'paragraph', text: d.facts }] },
      {
        heading: '三、协议内容',
        blocks: [
          { kind: 'paragraph', text: `经${d.organisation.name}主持调解，双方当事人在平等自愿的基础上达成如下协议：` },
          ...termSentences(d),
        ],
      },
      {
        heading: '四、其他事项',
        blocks: [
          {
            kind: 'paragraph',
            text: '本协议书由双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力，当事人应当履行（《中华人民共和国劳动争议调解仲裁法》第十四条）。',
          },
          {
            kind: 'paragraph',
            text: '一方当事人在协议约定期限内不履行调解协议的，另一方当事人可以依法申请仲裁（同法第十五条）；因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持本协议书依法向人民法院申请支付令（同法第十六条）。',
          },
          {
            kind: 'paragraph',
            text: '双方当事人可以自本协议生效之日起十五日内，共同向有管辖权的劳动人事争议仲裁委员会提出仲裁审查申请（《劳动人事争议仲裁办案规则》第七十四条）。',
          },
          { kind: 'paragraph', text: `本协议书一式${chineseNumber(copies)}份，双方当事人和调解组织各执一份。` },
          {
            kind: 'signatures',
            rows: [
              ...d.applicants.map((a) => ({ label: `申请人（签名）${d.applicants.length > 1 ? a.name : ''}`, withDate: true })),
              { label: '被申请人（盖章）', withDate: true },
              { label: '法定代表人或委托代理人（签名）' },
              ...d.mediators.map(() => ({ label: '调解员（签名）' })),
            ],
          },
        ],
      },
      ...(d.applicants.length > 3 ? [{ blocks: applicantList(d) }] : []),
      ...(d.confirmations?.length
        ? [
            {
              heading: '五、当事人在线确认',
              blocks: [
                {
                  kind: 'paragraph' as const,
                  text: '下列当事人已通过本平台阅读本协议书并以手机验证码确认，确认时协议书文本的SHA-256摘要如下：',
                },
                { kind: 'fields' as const, rows: d.confirmations.map((c) => ({ label: `${c.party}（${c.name}）`, value: `${c.at} 确认，SHA-256：${c.sha256}` })) },
              ],
            },
          ]
        : []),
    ],
    issuer: `${d.organisation.name}（印章）`,
    date: d.dates.agreementSigned ?? d.dates.issued,
  };
}

/** 终止调解通知书 — 劳动争议调解仲裁法 第五条、第十四条; 企业劳动争议协商调解规定 第二十九条、第三十条. */
export function terminationNoticeSpec(input: CaseDocumentInput): OfficialDoc {
  const d = CaseDocumentData.parse(input);
  const reason = d.terminationReason ?? '自收到调解申请之日起十五日内未达成调解协议';
  return {
    title: '终止调解通知书',
    docNo: d.caseNo,
    addressee: `${applicantNames(d)}、${d.respondent.name}`,
    sections: [
      {
        blocks: [
          {
            kind: 'paragraph',
            text: `${applicantNames(d)}与${d.respondent.name}因${claimSummary(d)}争议一案，本组织于${formatChineseDate(d.dates.accepted ?? d.dates.applied)}受理。因${reason}，本组织决定终止调解。`,
          },
          {
            kind: 'paragraph',
            text: '当事人可以依法向有管辖权的劳动人事争议仲裁委员会申请仲裁（《中华人民共和国劳动争议调解仲裁法》第五条、第十四条；《企业劳动争议协商调解规定》第三十条）。劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算；劳动关系存续期间因拖欠劳动报酬发生争议的，不受该期间限制，但劳动关系终止的，应当自劳动关系终止之日起一年内提出（《中华人民共和国劳动争议调解仲裁法》第二十七条）。',
          },
        ],
      },
    ],
    issuer: d.organisation.name,
    date: d.dates.terminated ?? d.dates.issued,
  };
}

/**
 * 调解建议书. `employer`: the organisation's suggestions to the employer after a case, to prevent disputes at the
 * source (常州市进一步加强劳动人事争议协商调解工作重点任务安排 二(一)1). `pre_arbitration`: the arbitration committee
 * suggests mediation to parties who applied for arbitration directly (劳动人事争议仲裁办案规则 第六十九条).
 */
export function mediationSuggestionSpec(input: CaseDocumentInput, variant: 'employer' | 'pre_arbitration' = 'employer'): OfficialDoc {
  const d = CaseDocumentData.parse(input);
  if (variant === 'pre_arbitration') {
    const committee = d.arbitrationCommittee ?? '劳动人事争议仲裁委员会';
    return {
      title: '调解建议书',
      docNo: d.caseNo,
      addressee: `${applicantNames(d)}、${d.respondent.name}`,
      sections: [
        {
          blocks: [
            {
              kind: 'paragraph',
              text: `${applicantNames(d)}与${d.respondent.name}因${claimSummary(d)}争议，于${formatChineseDate(d.dates.applied)}向本委申请仲裁。该争议未经调解，本委建议双方到${d.organisation.name}进行调解。`,
            },
            {
              kind: 'paragraph',
              text: '当事人同意先行调解的，本委暂缓受理；不同意先行调解的，本委依法受理（《劳动人事争议仲裁办案规则》第六十九条）。请将是否同意先行调解的意见及时告知本委。',
            },
          ],
        },
      ],
      issuer: committee,
      date: d.dates.issued,
    };
  }
  if (!d.suggestion) throw new RangeError('调解建议书应写明发现的问题和建议');
  const s = d.suggestion;
  return {
    title: '调解建议书',
    docNo: d.caseNo,
    addressee: d.respondent.name,
    sections: [
      {
        blocks: [
          {
            kind: 'paragraph',
            text: `本组织在调解你单位与${applicantNames(d)}${claimSummary(d)}争议一案中，发现你单位在劳动用工管理方面存在以下问题：`,
          },
          ...s.problems.map((p, i) => ({ kind: 'paragraph', text: `${chineseNumber(i + 1)}、${p}` }) satisfies Block),
          { kind: 'paragraph', text: '为规范用工管理，预防和减少劳动争议，建议你单位：' },
          ...s.suggestions.map((p, i) => ({ kind: 'paragraph', text: `${chineseNumber(i + 1)}、${p}` }) satisfies Block),
          {
            kind: 'paragraph',
            text: `请你单位${s.replyWithinDays ? `于收到本建议书之日起${s.replyWithinDays}日内` : '及时'}将采纳和整改情况书面反馈本组织。`,
          },
        ],
      },
    ],
    issuer: d.organisation.name,
    date: d.dates.issued,
  };
}

/** 仲裁审查申请书 — jointly by both parties within 15 days of the agreement taking effect (办案规则 第七十四条). */
export function arbitralReviewApplicationSpec(input: CaseDocumentInput): OfficialDoc {
  const d = CaseDocumentData.parse(input);
  if (!d.dates.agreementSigned) throw new RangeError('申请仲裁审查须有调解协议签订日期');
  const signed = formatChineseDate(d.dates.agreementSigned);
  return {
    title: '仲裁审查确认申请书',
    sections: [
      { blocks: partyFields(d, '申请人（劳动者）', '申请人（用人单位）') },
      {
        heading: '一、申请事项',
        blocks: [
          {
            kind: 'paragraph',
            text: `请求对双方于${signed}经${d.organisation.name}调解达成的调解协议（${d.caseNo}）进行审查，并依法制作调解书。`,
          },
        ],
      },
      {
        heading: '二、事实与理由',
        blocks: [
          {
            kind: 'paragraph',
            text: `双方因${claimSummary(d)}发生争议，经${d.organisation.name}主持调解，于${signed}自愿达成调解协议。协议由双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效（《中华人民共和国劳动争议调解仲裁法》第十四条）。协议主要内容如下：`,
          },
          ...termSentences(d),
          {
            kind: 'paragraph',
            text: '该调解协议是双方当事人的真实意思表示，内容明确，不违反法律、行政法规的强制性规定。双方依据《劳动人事争议仲裁办案规则》第七十四条，自调解协议生效之日起十五日内共同提出仲裁审查申请。',
          },
          { kind: 'blank' },
          { kind: 'paragraph', text: '附件：1. 调解协议书' },
          { kind: 'paragraph', text: '\u3000\u3000\u30002. 双方当事人身份证明、资格证明材料' },
          { kind: 'paragraph', text: '\u3000\u3000\u30003. 送达地址确认书' },
          { kind: 'blank' },
          { kind: 'paragraph', text: '此致' },
          { kind: 'paragraph', text: d.arbitrationCommittee ?? '劳动人事争议仲裁委员会', indent: false },
          { kind: 'blank' },
          {
            kind: 'signatures',
            rows: [
              ...d.applicants.map((a) => ({ label: `申请人（签名）${d.applicants.length > 1 ? a.name : ''}` })),
              { label: '申请人（盖章）' },
            ],
          },
        ],
      },
      ...(d.applicants.length > 3 ? [{ blocks: applicantList(d) }] : []),
    ],
    date: d.dates.issued,
  };
}

export const CASE_DOCUMENT_BUILDERS = {
  acceptance_notice: acceptanceNoticeSpec,
  mediation_record: mediationRecordSpec,
  mediation_agreement: mediationAgreementSpec,
  mediation_termination_notice: terminationNoticeSpec,
  mediation_suggestion: (d: CaseDocumentInput) => mediationSuggestionSpec(d, 'employer'),
  arbitral_review_application: arbitralReviewApplicationSpec,
} as const satisfies Record<CaseDocumentKind, (d: CaseDocumentInput) => OfficialDoc>;
