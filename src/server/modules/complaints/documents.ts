import type { OfficialDoc } from '../../documents/official-docx';

export interface OrderContent {
  docNo: string;
  employerName: string;
  findings: string;
  items: string[];
  dueOn: string;
  issuer: string;
  date: string;
}

/**
 * 劳动保障监察限期整改指令书: 劳动保障监察条例 第十八条第一款第（二）项（责令改正）; 第三十条第一款第（三）项:
 * 经责令改正拒不改正的，处2000元以上2万元以下的罚款。
 */
export function rectificationOrderDoc(c: OrderContent): OfficialDoc {
  return {
    title: '劳动保障监察限期整改指令书',
    docNo: c.docNo,
    addressee: c.employerName,
    sections: [
      {
        blocks: [
          { kind: 'paragraph', text: `经调查，你单位存在下列违反劳动保障法律、法规或者规章的行为：${c.findings}` },
          { kind: 'paragraph', text: '根据《劳动保障监察条例》第十八条的规定，责令你单位于下列期限内改正：' },
          { kind: 'table', columns: [{ title: '序号', width: 1, align: 'center' }, { title: '整改事项', width: 6 }, { title: '整改期限', width: 3, align: 'center' }], rows: c.items.map((item, i) => [String(i + 1), item, c.dueOn]) },
          { kind: 'paragraph', text: `请你单位于${c.dueOn}前将整改情况书面报送本机关。逾期不改正的，依照《劳动保障监察条例》第三十条的规定处理，并记入用人单位劳动保障守法诚信档案。` },
        ],
      },
    ],
    issuer: c.issuer,
    date: c.date,
    notes: ['本指令书一式两份，一份送达用人单位，一份存档。'],
  };
}

export interface DecisionContent {
  docNo: string;
  employerName: string;
  findings: string;
  decision: string;
  amount?: number | null;
  issuer: string;
  date: string;
}

/** 劳动保障监察行政处理决定书: 劳动保障监察条例 第十八条第一款第（二）项, 第二十六条（责令限期支付）. */
export function handlingDecisionDoc(c: DecisionContent): OfficialDoc {
  return {
    title: '劳动保障监察行政处理决定书',
    docNo: c.docNo,
    addressee: c.employerName,
    sections: [
      { heading: '一、违法事实', blocks: [{ kind: 'paragraph', text: c.findings }] },
      {
        heading: '二、处理决定',
        blocks: [
          { kind: 'paragraph', text: `根据《劳动保障监察条例》第十八条${c.amount ? '、第二十六条' : ''}的规定，决定如下：${c.decision}` },
          ...(c.amount ? [{ kind: 'paragraph' as const, text: `应支付劳动者款项合计人民币${c.amount.toFixed(2)}元；逾期不支付的，责令按应付金额50%以上1倍以下的标准加付赔偿金。` }] : []),
        ],
      },
      { heading: '三、救济途径', blocks: [{ kind: 'paragraph', text: '你单位如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。' }] },
    ],
    issuer: c.issuer,
    date: c.date,
  };
}
