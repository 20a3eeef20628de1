import { Card, Descriptions, Tag } from 'antd';
import type { Proposal } from '../types';

const DECISION: Record<string, { label: string; color: string }> = {
  accept: { label: '接受', color: 'green' },
  reject: { label: '不接受', color: 'red' },
};

/** A proposal of terms: the summary, the obligations, each side's answer and the overall state. */
export function ProposalCard({ p, actions }: { p: Proposal; actions?: React.ReactNode }) {
  const color = p.status === 'accepted' ? 'green' : p.status === 'rejected' ? 'red' : 'gold';
  return (
    <Card
      size="small"
      data-testid="proposal-card"
      title="调解方案"
      extra={
        <Tag color={color} data-testid="proposal-status">
          {p.statusLabel}
        </Tag>
      }
      style={{ borderColor: '#f0c36d', background: '#fffbe6' }}
    >
      <div style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{p.terms.summary}</div>
      {p.terms.obligations.length > 0 && (
        <ol style={{ paddingLeft: 20, margin: '0 0 8px' }}>
          {p.terms.obligations.map((o, i) => (
            <li key={i}>
              {o.obligor}：{o.description}
              {o.amount !== undefined && `，${o.amount.toLocaleString('zh-CN')}元`}
              {o.dueDate && `，${o.dueDate}前`}
            </li>
          ))}
        </ol>
      )}
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="申请人">
          {p.applicantDecision ? <Tag color={DECISION[p.applicantDecision]!.color}>{DECISION[p.applicantDecision]!.label}</Tag> : '待表态'}
        </Descriptions.Item>
        <Descriptions.Item label="被申请人">
          {p.respondentDecision ? (
            <Tag color={DECISION[p.respondentDecision]!.color}>{DECISION[p.respondentDecision]!.label}</Tag>
          ) : (
            '待表态'
          )}
        </Descriptions.Item>
      </Descriptions>
      {actions}
    </Card>
  );
}
