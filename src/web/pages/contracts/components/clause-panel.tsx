import { Alert, Card, List, Tag, Typography } from 'antd';
import type { ContractDetail, Finding } from '../types';

function tagOf(f: Finding) {
  switch (f.type) {
    case 'subject':
      return f.present ? <Tag color="green">已约定</Tag> : f.required ? <Tag color="red">缺少</Tag> : <Tag>未约定</Tag>;
    case 'special':
      return f.present ? <Tag color="green">专项已约定</Tag> : <Tag color="red">专项缺少</Tag>;
    case 'wage_below_minimum':
      return <Tag color="red">低于最低工资</Tag>;
    case 'no_text':
      return <Tag color="warning">需人工审查</Tag>;
  }
}

/** The clause-check findings, shown beside the contract text; clicking a finding scrolls the text to it. */
export function ClausePanel({ detail, onJump }: { detail: ContractDetail; onJump: (start: number) => void }) {
  const c = detail.clauseCheck;
  const ordered = [...c.findings].sort((a, b) => rank(a) - rank(b));
  return (
    <Card
      size="small"
      title="条款审查（集体合同规定 第八条）"
      extra={<span data-testid="clause-summary">必备事项 {c.covered}/{c.required}，问题 {c.problems} 项</span>}
      styles={{ body: { maxHeight: 620, overflow: 'auto' } }}
    >
      {detail.minimumWage && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={`当地最低工资标准：${detail.minimumWage.monthly}元/月，${detail.minimumWage.hourly}元/小时（${detail.minimumWage.effectiveFrom}起）`} />}
      <List
        size="small"
        dataSource={ordered}
        renderItem={(f) => {
          const ex = 'excerpts' in f ? f.excerpts : [];
          return (
            <List.Item style={{ cursor: ex.length ? 'pointer' : undefined }} onClick={() => ex[0] && onJump(ex[0].start)}>
              <div style={{ width: '100%' }}>
                {tagOf(f)} {f.type === 'subject' ? f.label : f.message}
                {f.type !== 'subject' || !f.present ? null : ex[0] && <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 1 }}>{ex[0].text}</Typography.Paragraph>}
                {f.type === 'subject' && !f.present && f.required && <div style={{ fontSize: 12, color: '#cf1322' }}>{f.message}</div>}
                {f.type === 'wage_below_minimum' && ex[0] && <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>{ex[0].text}</Typography.Paragraph>}
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

function rank(f: Finding): number {
  if (f.type === 'no_text' || f.type === 'wage_below_minimum') return 0;
  if ((f.type === 'subject' && f.required && !f.present) || (f.type === 'special' && !f.present)) return 1;
  if (f.type === 'special') return 2;
  return 3;
}
