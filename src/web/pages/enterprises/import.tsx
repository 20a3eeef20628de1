import { useState } from 'react';
import { Alert, App, Button, Card, Progress, Result, Space, Statistic, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api';

interface ImportStatus {
  id: string;
  status: 'validating' | 'validated' | 'committing' | 'committed' | 'failed';
  fileName: string;
  total: number;
  valid: number;
  rejected: { row: number; column: string; reason: string }[];
  rejectedCount: number;
  toInsert: number | null;
  toUpdate: number | null;
  inserted?: number;
  updated?: number;
  unchanged?: number;
  progress: number;
  error: string | null;
}

const STATUS_LABELS: Record<ImportStatus['status'], string> = { validating: '正在校验', validated: '校验完成（试导入）', committing: '正在写入', committed: '导入完成', failed: '导入失败' };

export function EnterpriseImportPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [id, setId] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['enterprise-import', id],
    enabled: !!id,
    queryFn: () => api.get<ImportStatus>(`/api/enterprises/imports/${id}`),
    refetchInterval: (q) => (q.state.data && ['validated', 'committed', 'failed'].includes(q.state.data.status) ? false : 500),
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file);
      return api.post<{ id: string }>('/api/enterprises/imports', fd);
    },
    onSuccess: (r) => setId(r.id),
    onError: (e) => message.error((e as Error).message),
  });
  const commit = useMutation({
    mutationFn: () => api.post(`/api/enterprises/imports/${id}/commit`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['enterprise-import', id] }),
    onError: (e) => message.error((e as Error).message),
  });
  const s = status.data;
  return (
    <Card title="导入企业台账" extra={<Button href="/api/enterprises/imports/template">下载导入模板</Button>}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="info" showIcon message="支持 .xlsx 和 .csv（UTF-8 或 GB18030，即中文 Excel 另存的 CSV）。表头可用常见写法（如“单位名称”“信用代码”“镇街”），表头上方的标题行会自动跳过。先试导入，确认报告后再提交；同一文件重复导入不会产生改动。" />
        <Upload.Dragger
          accept=".xlsx,.csv,.txt"
          showUploadList={false}
          disabled={upload.isPending || s?.status === 'validating' || s?.status === 'committing'}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽台账文件到此处</p>
        </Upload.Dragger>
        {s && (
          <Card type="inner" title={`${s.fileName} · ${STATUS_LABELS[s.status]}`} data-testid="import-status">
            {(s.status === 'validating' || s.status === 'committing') && <Progress percent={s.progress} status="active" />}
            {s.status === 'failed' && <Alert type="error" showIcon message={s.error ?? '导入失败'} style={{ marginBottom: 16 }} />}
            <Space size={48} wrap>
              <Statistic title="数据行" value={s.total} />
              <Statistic title="有效" value={s.valid} />
              <Statistic title="问题" value={s.rejectedCount} valueStyle={{ color: s.rejectedCount ? '#c0392b' : undefined }} />
              {s.status === 'validated' && <Statistic title="将新增" value={s.toInsert ?? 0} />}
              {s.status === 'validated' && <Statistic title="将更新" value={s.toUpdate ?? 0} />}
              {s.inserted !== undefined && <Statistic title="已新增" value={s.inserted} />}
              {s.updated !== undefined && <Statistic title="已更新" value={s.updated} />}
              {s.unchanged !== undefined && <Statistic title="无变化" value={s.unchanged} />}
            </Space>
            {s.status === 'validated' && (
              <div style={{ marginTop: 16 }}>
                <Button type="primary" disabled={s.valid === 0} loading={commit.isPending} onClick={() => commit.mutate()}>
                  提交导入（{s.valid} 行有效，问题行将跳过）
                </Button>
              </div>
            )}
            {s.status === 'committed' && <Result status="success" title="导入完成" extra={<Link to="/enterprises">查看企业名录</Link>} />}
          </Card>
        )}
        {s && s.rejected.length > 0 && (
          <Card type="inner" title="问题清单（试导入报告）">
            {s.rejectedCount > s.rejected.length && <Typography.Paragraph type="secondary">仅显示前 {s.rejected.length} 条，共 {s.rejectedCount} 条</Typography.Paragraph>}
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.reason}`}
              dataSource={s.rejected}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80 },
                { title: '列', dataIndex: 'column', width: 180 },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          </Card>
        )}
      </Space>
    </Card>
  );
}
