import { useState } from 'react';
import { App, Button, Card, Input, Progress, Space, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, qs } from '../../api';
import { useAuth } from '../../auth';
import { zh } from '../../locale/zh';
import { ReminderList } from './components/reminder-list';

interface PlanItem {
  id: string;
  title: string;
  startYear: number;
  endYear: number;
  summary: { total: number; done: number; in_progress: number; overdue: number; not_started: number };
}

/** Plans of the region (and those the user's unit works on), with import of a task-division table. */
export function PlansPage() {
  const { me } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const nav = useNavigate();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['plans', search, page], queryFn: () => api.get<{ items: PlanItem[]; total: number }>(`/api/plans${qs({ q: search, page })}`) });
  const manage = !!me?.abilities['plan.manage'];
  const importFile = async (file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    try {
      const plan = await api.post<{ id: string; title: string }>('/api/plans/import', fd);
      message.success(`已导入《${plan.title}》`);
      void qc.invalidateQueries({ queryKey: ['plans'] });
      void nav(`/plans/${plan.id}`);
    } catch (e) {
      const err = e as ApiError;
      modal.error({ title: err.message, content: <ul>{err.fields?.map((f) => <li key={f.field + f.message}>{f.field}：{f.message}</li>)}</ul> });
    }
    return false;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="方案与任务分工"
        extra={manage && (
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => importFile(f)}>
            <Button type="primary" icon={<UploadOutlined />}>导入任务分工表</Button>
          </Upload>
        )}
      >
        <Input.Search placeholder="方案名称" allowClear onSearch={(v) => (setSearch(v), setPage(1))} style={{ maxWidth: 320, marginBottom: 16 }} />
        <Table<PlanItem>
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items}
          locale={{ emptyText: zh.common.empty }}
          pagination={{ current: page, total: q.data?.total, pageSize: 20, showTotal: zh.common.total, onChange: setPage }}
          columns={[
            { title: '方案', dataIndex: 'title', render: (v: string, p) => <Link to={`/plans/${p.id}`}>{v}</Link> },
            { title: '年度', render: (_, p) => `${p.startYear}—${p.endYear}` },
            { title: '任务', render: (_, p) => p.summary.total },
            { title: '完成进度', width: 200, render: (_, p) => <Progress percent={p.summary.total ? Math.round((100 * p.summary.done) / p.summary.total) : 0} size="small" /> },
            { title: '逾期', render: (_, p) => (p.summary.overdue ? <Tag color="red">{p.summary.overdue} 项逾期</Tag> : <Tag color="green">无</Tag>) },
          ]}
        />
      </Card>
      <ReminderList />
    </Space>
  );
}
