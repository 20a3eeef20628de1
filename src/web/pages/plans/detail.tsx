import { useState } from 'react';
import { App, Button, Card, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api } from '../../api';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../domain/plans/status';
import { ReportDrawer, type TaskView } from './components/report-drawer';

export interface PlanView {
  id: string;
  title: string;
  issuer: string | null;
  startYear: number;
  endYear: number;
  ownerUnit: { name: string };
  summary: Record<TaskStatus | 'total', number>;
  sections: { id: string; seq: number; title: string; objective: string | null; tasks: TaskView[] }[];
  abilities: { manage: boolean; export: boolean };
}

export const STATUS_COLORS: Record<TaskStatus, string> = { not_started: 'default', in_progress: 'blue', done: 'green', overdue: 'red' };

async function download(url: string, name: string) {
  const blob = await api.get<Blob>(url);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

export function PlanDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const [task, setTask] = useState<TaskView | null>(null);
  const q = useQuery({ queryKey: ['plan', id], queryFn: () => api.get<PlanView>(`/api/plans/${id}`) });
  const p = q.data;
  const rows = p?.sections.flatMap((s) => s.tasks.map((t, i) => ({ ...t, section: s.title, first: i === 0, span: s.tasks.length }))) ?? [];
  const dl = (ext: 'docx' | 'xlsx') => download(`/api/plans/${id}/division.${ext}`, `${p?.title}-任务分工.${ext}`).catch((e: Error) => message.error(e.message));
  return (
    <Card
      loading={q.isLoading}
      title={p?.title}
      extra={p?.abilities.export && (
        <Space>
          <Button onClick={() => void dl('docx')}>导出分工表（Word）</Button>
          <Button onClick={() => void dl('xlsx')}>导出分工表（Excel）</Button>
        </Space>
      )}
    >
      {p && (
        <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="年度">{p.startYear}—{p.endYear}</Descriptions.Item>
          <Descriptions.Item label="制定单位">{p.ownerUnit.name}</Descriptions.Item>
          <Descriptions.Item label="任务">共 {p.summary.total} 项，已完成 {p.summary.done} 项</Descriptions.Item>
          <Descriptions.Item label="逾期"><Typography.Text type={p.summary.overdue ? 'danger' : undefined}>{p.summary.overdue} 项</Typography.Text></Descriptions.Item>
        </Descriptions>
      )}
      <Table
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 1500 }}
        dataSource={rows}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 56, align: 'center' },
          { title: '重点任务', dataIndex: 'section', width: 160, onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }) },
          { title: '具体措施', dataIndex: 'title', width: 300, render: (v: string, t) => <Typography.Link onClick={() => setTask(t)}>{v}</Typography.Link> },
          { title: '完成时限', dataIndex: 'dueOn', width: 110 },
          { title: '阶段性目标', width: 240, render: (_, t) => t.stages.map((s) => <div key={s.id}>{s.doneOn ? '✓' : '○'} {s.dueOn}：{s.target}</div>) },
          { title: '牵头单位', width: 150, render: (_, t) => t.leadUnit.name },
          { title: '配合单位', width: 170, render: (_, t) => t.partnerUnits.map((u) => u.name).join('、') },
          { title: '进度', width: 120, render: (_, t) => <Progress percent={t.progress} size="small" /> },
          { title: '状态', width: 80, render: (_, t) => <Tag color={STATUS_COLORS[t.status]}>{TASK_STATUS_LABELS[t.status]}</Tag> },
        ]}
      />
      <ReportDrawer task={task} onClose={() => setTask(null)} planId={id!} />
    </Card>
  );
}
