import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api } from '../../api';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../domain/plans/status';
import { ReportDrawer, type TaskView } from './components/report-drawer';
import { PlanEditModal, type EditTarget } from './components/plan-edit';

export interface PlanView {
  id: string;
  title: string;
  issuer: string | null;
  startYear: number;
  endYear: number;
  version: number;
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
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const q = useQuery({ queryKey: ['plan', id], queryFn: () => api.get<PlanView>(`/api/plans/${id}`) });
  const p = q.data;
  const rows = p?.sections.flatMap((s) => s.tasks.map((t, i) => ({ ...t, section: s.title, first: i === 0, span: s.tasks.length }))) ?? [];
  const dl = (ext: 'docx' | 'xlsx') => download(`/api/plans/${id}/division.${ext}`, `${p?.title}-任务分工.${ext}`).catch((e: Error) => message.error(e.message));
  return (
    <Card
      loading={q.isLoading}
      title={p?.title}
      extra={p && (
        <Space>
          {p.abilities.manage && <Button type="primary" onClick={() => setEditing({ kind: 'plan' })}>编辑方案</Button>}
          {p.abilities.manage && <Button onClick={() => setEditing({ kind: 'section' })}>新增重点任务</Button>}
        </Space>
      )}
    >
      {p?.abilities.export && (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => void dl('docx')}>导出分工表（Word）</Button>
          <Button onClick={() => void dl('xlsx')}>导出分工表（Excel）</Button>
          <span style={{ color: '#999' }}>第{p.version}版</span>
        </Space>
      )}
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
          {
            title: '重点任务',
            dataIndex: 'section',
            width: 170,
            onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }),
            render: (v: string, r) => (
              <>
                {v}
                {p?.abilities.manage && (
                  <div>
                    <Typography.Link onClick={() => setEditing({ kind: 'section', section: p.sections.find((s) => s.id === r.sectionId) })}>编辑</Typography.Link>{' · '}
                    <Typography.Link onClick={() => setEditing({ kind: 'task', sectionId: r.sectionId })}>新增措施</Typography.Link>
                  </div>
                )}
              </>
            ),
          },
          { title: '具体措施', dataIndex: 'title', width: 300, render: (v: string, t) => <Typography.Link onClick={() => setTask(t)}>{v}</Typography.Link> },
          { title: '完成时限', dataIndex: 'dueOn', width: 110 },
          { title: '阶段性目标', width: 240, render: (_, t) => t.stages.map((s) => <div key={s.id}>{s.doneOn ? '✓' : '○'} {s.dueOn}：{s.target}</div>) },
          { title: '牵头单位', width: 150, render: (_, t) => t.leadUnit.name },
          { title: '配合单位', width: 170, render: (_, t) => t.partnerUnits.map((u) => u.name).join('、') },
          { title: '进度', width: 120, render: (_, t) => <Progress percent={t.progress} size="small" /> },
          { title: '状态', width: 80, render: (_, t) => <Tag color={STATUS_COLORS[t.status]}>{TASK_STATUS_LABELS[t.status]}</Tag> },
          ...(p?.abilities.manage ? [{ title: '操作', width: 70, render: (_: unknown, t: TaskView) => <Typography.Link onClick={() => setEditing({ kind: 'task', sectionId: t.sectionId, task: t })} data-testid={`edit-task-${t.seq}`}>编辑</Typography.Link> }] : []),
        ]}
      />
      {p?.abilities.manage && p.sections.filter((s) => s.tasks.length === 0).map((s) => (
        <Alert key={s.id} style={{ marginTop: 8 }} type="info" showIcon message={`重点任务“${s.title}”尚无具体措施`} action={<Button size="small" onClick={() => setEditing({ kind: 'task', sectionId: s.id })}>新增措施</Button>} />
      ))}
      {p && <PlanEditModal plan={p} target={editing} onClose={() => setEditing(null)} />}
      <ReportDrawer task={task} onClose={() => setTask(null)} planId={id!} />
    </Card>
  );
}
