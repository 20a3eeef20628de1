import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../domain/identifiers/uscc';
import {
  type CaseDocumentInput,
  CASE_DOCUMENT_BUILDERS,
  acceptanceNoticeSpec,
  arbitralReviewApplicationSpec,
  chineseNumber,
  mediationAgreementSpec,
  mediationRecordSpec,
  mediationSuggestionSpec,
  terminationNoticeSpec,
} from './case-documents';
import { type OfficialDoc, buildOfficialDocx, textWidth } from './official-docx';
import { readZipEntries } from './read-zip';

const uscc = (body: string) => body + usccCheckChar(body);

const data: CaseDocumentInput = {
  caseNo: '武湖劳调〔2026〕第128号',
  organisation: { name: '常州市武进区湖塘镇劳动人事争议调解中心', address: '湖塘镇人民中路1号', phone: '0519-86000000' },
  applicants: [{ name: '王建国', idNumberMasked: '320412********3516' }],
  respondent: {
    name: '常州恒瑞精密机械有限公司',
    uscc: uscc('91320412MA1XYZ00'.padEnd(17, '0')),
    legalRepresentative: '李明',
    address: '常州市武进区湖塘镇工业园8号',
  },
  claims: [
    { typeLabel: '拖欠工资', description: '2026年8月至10月', amount: 12050.5 },
    { typeLabel: '经济补偿', amount: 18000 },
    { typeLabel: '确认劳动关系' },
  ],
  facts: '申请人于2023年3月入职被申请人处从事数控车工工作，2026年8月起被申请人未足额支付工资，2026年10月31日双方劳动合同解除。',
  dates: {
    applied: '2026-11-02',
    accepted: '2026-11-03',
    mediationDue: '2026-11-17',
    session: '2026-11-10',
    agreementSigned: '2026-11-12',
    terminated: '2026-11-18',
    issued: '2026-11-26',
  },
  mediators: ['陈静', '周立'],
  recorder: '刘洋',
  agreementTerms: [
    { obligor: '被申请人', description: '向申请人支付2026年8月至10月工资', amount: 12050.5, dueDate: '2026-12-10' },
    { obligor: '被申请人', description: '向申请人支付解除劳动合同经济补偿', amount: 3000.05, dueDate: '2026-12-31' },
    { obligor: '申请人', description: '放弃其他仲裁请求' },
  ],
  session: {
    place: '湖塘镇劳动人事争议调解中心调解室',
    time: '9:30—11:00',
    attendees: ['王建国', '李明（被申请人法定代表人）'],
    statements: [
      { speaker: '申请人', text: '要求支付拖欠的三个月工资和经济补偿。' },
      { speaker: '被申请人', text: '认可拖欠工资，请求分期支付。' },
    ],
  },
  terminationReason: '被申请人不同意继续调解',
  suggestion: {
    problems: ['未按月足额支付劳动报酬', '工资支付台账记录不全'],
    suggestions: ['建立工资支付台账并保存二年以上', '按时足额支付劳动报酬'],
    replyWithinDays: 15,
  },
  arbitrationCommittee: '常州市武进区劳动人事争议仲裁委员会',
};

async function render(spec: OfficialDoc) {
  const zip = readZipEntries(await buildOfficialDocx(spec));
  const xml = (name: string) => zip.get(name)?.toString('utf8') ?? '';
  const document = xml('word/document.xml');
  const text = [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { zip, xml, document, text };
}

describe('buildOfficialDocx — GB/T 9704-2012 layout', () => {
  it('A4 with margins 37/35/28/26 mm, 22 lines of 28 characters, fonts and page numbers', async () => {
    const { document, xml } = await render(acceptanceNoticeSpec(data));
    const attr = (el: string, name: string) => new RegExp(`<w:${el}\\b[^>]*\\bw:${name}="(-?\\d+)"`).exec(document)?.[1];
    expect(attr('pgSz', 'w')).toBe('11906');
    expect(attr('pgSz', 'h')).toBe('16838');
    expect([attr('pgMar', 'top'), attr('pgMar', 'bottom'), attr('pgMar', 'left'), attr('pgMar', 'right')]).toEqual([
      '2098',
      '1984',
      '1587',
      '1474',
    ]);
    // 22 lines: a line grid and fixed 28.95 pt lines; 28 characters: 16 pt text condensed by ¼ pt (15.75 pt × 28 = 441 pt)
    expect(document).toMatch(/<w:docGrid[^>]*w:type="lines"/);
    expect(attr('docGrid', 'linePitch')).toBe('579');
    expect(document).toMatch(/<w:spacing w:val="-5"\/><w:sz w:val="32"\/>/);
    // title 方正小标宋简体 二号, body 仿宋_GB2312 三号 with fixed 28.95 pt lines and a two-character indent
    expect(document).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?<w:t[^>]*>受理通知书<\/w:t>/);
    expect(document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(document).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/);
    expect(document).toMatch(/w:firstLineChars="200"/);
    // fallbacks for missing fonts
    expect(xml('word/fontTable.xml')).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(xml('word/fontTable.xml')).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    // — 1 — on odd (right) and even (left) pages
    expect(xml('word/settings.xml')).toContain('w:evenAndOddHeaders');
    const footers = [...readZipEntries(await buildOfficialDocx(acceptanceNoticeSpec(data))).keys()].filter((k) =>
      /footer\d+\.xml$/.test(k),
    );
    expect(footers).toHaveLength(2);
    const footer = xml(footers[0]!);
    expect(footer).toMatch(/— [^]*PAGE[^]*—/);
  });

  it('signs with the issuer centred over the date, the date four characters from the right', async () => {
    const { document, text } = await render({ title: '通知', sections: [], issuer: '常州市武进区人民政府', date: '2026-11-26' });
    expect(text).toContain('常州市武进区人民政府2026年11月26日');
    // date: 4 characters × 320 twips; issuer (10 chars) over the date (7 chars wide) → 4 + (7 − 10) / 2 = 2.5 characters
    expect(document).toMatch(/w:right="1280"[^]*2026年11月26日/);
    expect(document).toMatch(/w:right="800"[^]*常州市武进区人民政府/);
    expect(textWidth('2026年11月26日')).toBe(7);
  });
});

describe('case documents', () => {
  it.each<[string, () => OfficialDoc, string[]]>([
    [
      '受理通知书',
      () => acceptanceNoticeSpec(data),
      [
        '受理通知书',
        '武湖劳调〔2026〕第128号',
        '王建国：',
        '你与常州恒瑞精密机械有限公司因拖欠工资、经济补偿、确认劳动关系争议一案，于2026年11月2日',
        '（至2026年11月17日）',
        '第十四条',
        '调解员陈静、周立',
        '常州市武进区湖塘镇劳动人事争议调解中心2026年11月3日',
      ],
    ],
    [
      '调解笔录',
      () => mediationRecordSpec(data),
      [
        '调解笔录',
        '时间：2026年11月10日 9:30—11:00',
        '记录人：刘洋',
        '申请人：王建国，公民身份号码：320412********3516',
        '法定代表人：李明',
        '申请人：要求支付拖欠的三个月工资和经济补偿。',
        '调解员（签名）：',
        '记录人（签名）：',
      ],
    ],
    [
      '调解协议书',
      () => mediationAgreementSpec(data),
      [
        '调解协议书',
        '12,050.50',
        '人民币壹万贰仟零伍拾元伍角',
        '18,000.00人民币壹万捌仟元整',
        '一、被申请人于2026年12月10日前向申请人支付2026年8月至10月工资人民币12,050.50元（大写：人民币壹万贰仟零伍拾元伍角）。',
        '二、被申请人于2026年12月31日前向申请人支付解除劳动合同经济补偿人民币3,000.05元（大写：人民币叁仟元零伍分）。',
        '三、申请人放弃其他仲裁请求。',
        '以上款项合计人民币15,050.55元（大写：人民币壹万伍仟零伍拾元伍角伍分）。',
        '经调解员签名并加盖调解组织印章后生效',
        '第十六条',
        '第七十四条',
        '本协议书一式三份',
        '被申请人（盖章）：',
        '调解员（签名）：',
        '常州市武进区湖塘镇劳动人事争议调解中心（印章）2026年11月12日',
      ],
    ],
    [
      '终止调解通知书',
      () => terminationNoticeSpec(data),
      [
        '终止调解通知书',
        '王建国、常州恒瑞精密机械有限公司：',
        '本组织于2026年11月3日受理。因被申请人不同意继续调解，本组织决定终止调解。',
        '第二十七条',
        '2026年11月18日',
      ],
    ],
    [
      '调解建议书（致用人单位）',
      () => mediationSuggestionSpec(data),
      ['调解建议书', '常州恒瑞精密机械有限公司：', '一、未按月足额支付劳动报酬', '二、按时足额支付劳动报酬', '于收到本建议书之日起15日内'],
    ],
    [
      '调解建议书（仲裁前引导调解）',
      () => mediationSuggestionSpec(data, 'pre_arbitration'),
      [
        '调解建议书',
        '向本委申请仲裁',
        '建议双方到常州市武进区湖塘镇劳动人事争议调解中心进行调解',
        '第六十九条',
        '常州市武进区劳动人事争议仲裁委员会2026年11月26日',
      ],
    ],
    [
      '仲裁审查确认申请书',
      () => arbitralReviewApplicationSpec(data),
      [
        '仲裁审查确认申请书',
        '申请人（劳动者）：王建国',
        '申请人（用人单位）：常州恒瑞精密机械有限公司',
        '请求对双方于2026年11月12日经',
        '附件：1. 调解协议书',
        '此致常州市武进区劳动人事争议仲裁委员会',
        '人民币叁仟元零伍分',
        '2026年11月26日',
      ],
    ],
  ])('%s', async (_name, spec, expected) => {
    const { text } = await render(spec());
    for (const s of expected) expect(text).toContain(s);
  });

  it('lists ten or more applicants on an attached list', async () => {
    const many = { ...data, applicants: Array.from({ length: 12 }, (_, i) => ({ name: `工人${chineseNumber(i + 1)}` })) };
    const { text } = await render(mediationAgreementSpec(many));
    expect(text).toContain('申请人：工人一等12人（名单附后）');
    expect(text).toContain('附：申请人名单');
    expect(text).toContain('工人十二');
    expect(text).toContain('本协议书一式十四份');
  });

  it('refuses incomplete data', () => {
    expect(() => mediationAgreementSpec({ ...data, agreementTerms: [] })).toThrow('至少应有一项协议内容');
    expect(() => mediationSuggestionSpec({ ...data, suggestion: undefined })).toThrow('问题和建议');
    expect(() => acceptanceNoticeSpec({ ...data, dates: { ...data.dates, applied: '2026-13-01' } })).toThrow();
  });

  it('has a builder for every document kind', () => {
    expect(Object.keys(CASE_DOCUMENT_BUILDERS).sort()).toEqual([
      'acceptance_notice',
      'arbitral_review_application',
      'mediation_agreement',
      'mediation_record',
      'mediation_suggestion',
      'mediation_termination_notice',
    ]);
  });

  const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync('which', [bin]).status === 0);
  it.skipIf(!soffice)(
    'renders to PDF with LibreOffice',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hexie-docx-'));
      try {
        writeFileSync(join(dir, 'agreement.docx'), await buildOfficialDocx(mediationAgreementSpec(data)));
        execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'agreement.docx')], { timeout: 60_000 });
        expect(readFileSync(join(dir, 'agreement.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
