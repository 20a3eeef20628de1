import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { ActionModal, type Action } from './components/action-modal';
import { DeadlineTag } from './components/deadline-tag';
import type { ComplaintDetail } from './types';

const LABELS: [Action, string][] = [['assign', '分派监察员'], ['accept', '受理立案'], ['reject', '不予受理'], ['extend', '延长调查期限'], ['order', '下达限期整改指令书'], ['close', '办结']];
const DOC_NAMES: Record<string, string> = { rectification_order: '限期整改指令书', handling_decision: '行政处理决定书' };

export function ComplaintDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const q = useQuery({ queryKey: ['complaint', id], queryFn: () => api.get<ComplaintDetail>(`/api/complaints/${id}`) });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={(q.error as Error).message} />;
  const c = q.data!;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>投诉举报：{c.employerName}</span>
            <Tag color="blue">{c.statusName}</Tag>
            <DeadlineTag d={c.deadline} />
          </Space>
        }
        extra={
          <Space wrap>
            {LABELS.filter(([a]) => c.abilities[a]).map(([a, label]) => (
              <Button key={a} type={a === 'accept' || a === 'order' || a === 'close' ? 'primary' : 'default'} onClick={() => setAction(a)}>
                {label}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="被投诉单位">{c.enterpriseId ? <Link to={`/enterprises/${c.enterpriseId}`}>{c.employerName}</Link> : c.employerName}</Descriptions.Item>
          <Descriptions.Item label="来源">{c.channelName}{c.transferNo ? `（转办单号 ${c.transferNo}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="投诉人">{c.complainant ? `${c.complainant.name ?? ''} ${c.complainant.phone ?? ''}` : '匿名'}</Descriptions.Item>
          <Descriptions.Item label="优先级">{c.priorityName}</Descriptions.Item>
          <Descriptions.Item label="事项">{c.issues.map((i) => <Tag key={i.code}>{i.name}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label="涉及人数 / 金额">{c.workersAffected ?? '—'} 人 / {c.amountClaimed ?? '—'} 元</Descriptions.Item>
          <Descriptions.Item label="收到日期">{c.receivedOn}（受理期限 {c.acceptDueOn}）</Descriptions.Item>
          <Descriptions.Item label="立案日期">{c.acceptedOn ?? '—'}{c.investigationDueOn ? `（调查期限 ${c.investigationDueOn}${c.extended ? '，已延长' : ''}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="承办人">{c.assigneeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="查询码">{c.trackingCode}</Descriptions.Item>
          <Descriptions.Item label="投诉内容" span={2}>{c.description}</Descriptions.Item>
          {c.findings && <Descriptions.Item label="调查结论" span={2}>{c.findings}</Descriptions.Item>}
          {c.feedback && <Descriptions.Item label="反馈投诉人" span={2}>{c.feedback}</Descriptions.Item>}
          {c.rejectionReason && <Descriptions.Item label="不予受理理由" span={2}>{c.rejectionReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title="执法文书">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.documents}
          locale={{ emptyText: '尚未制作文书' }}
          columns={[
            { title: '文书', render: (_, d) => DOC_NAMES[d.kind] },
            { title: '文号', dataIndex: 'docNo' },
            { title: '整改期限', render: (_, d) => d.dueOn ?? '—' },
            { title: '', render: (_, d) => <Typography.Link href={`/api/complaints/${c.id}/documents/${d.id}`}>下载 .docx</Typography.Link> },
          ]}
        />
      </Card>
      <ActionModal c={c} action={action} onClose={() => setAction(null)} onDone={() => (setAction(null), void qc.invalidateQueries({ queryKey: ['complaint', id] }))} />
    </Space>
  );
}
