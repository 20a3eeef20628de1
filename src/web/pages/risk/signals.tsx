import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { SIGNAL_CHANNEL_LABELS, SIGNAL_KIND_LABELS, SIGNAL_KINDS, type SignalChannel } from '../../../domain/risk/signals';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { zh } from '../../locale/zh';
import { fmtDate, type IngestResult, type SignalItem } from './types';

/** 风险信号: what providers pushed, officials filed by hand or imported from CSV/xlsx. */
export function SignalsPage() {
  const { message } = App.useApp();
  const { me } = useAuth();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [filing, setFiling] = useState(false);
  const [result, setResult] = useState<IngestResult | null>(null);
  const [form] = Form.useForm();
  const filters = { uscc: params.get('uscc') ?? '', kind: params.get('kind') ?? '', page: Number(params.get('page') ?? 1) };
  const set = (patch: Record<string, string | number>) => setParams(Object.fromEntries(Object.entries({ ...filters, page: 1, ...patch }).filter(([, v]) => v !== '').map(([k, v]) => [k, String(v)])));
  const q = useQuery({ queryKey: ['signals', filters], queryFn: () => api.get<{ items: SignalItem[]; total: number }>(`/api/signals${qs({ ...filters, pageSize: 20 })}`) });
  const file = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<IngestResult>('/api/signals/manual', v),
    onSuccess: () => {
      message.success('信号已录入，企业风险已重新评分');
      setFiling(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['signals'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const upload = useMutation({
    mutationFn: (f: File) => {
      const fd = new FormData();
      fd.append('file', f);
      return api.post<IngestResult>('/api/signals/import', fd);
    },
    onSuccess: (r) => {
      setResult(r);
      void qc.invalidateQueries({ queryKey: ['signals'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Card
      title="风险信号"
      extra={
        <Space>
          {me?.abilities['signal.import'] && (
            <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => (upload.mutate(f), false)}>
              <Button icon={<UploadOutlined />} loading={upload.isPending}>
                导入CSV/Excel
              </Button>
            </Upload>
          )}
          {me?.abilities['signal.file'] && (
            <Button type="primary" onClick={() => setFiling(true)}>
              人工录入
            </Button>
          )}
        </Space>
      }
    >
      {result && (
        <Alert
          closable
          onClose={() => setResult(null)}
          style={{ marginBottom: 16 }}
          type={result.rejected.length ? 'warning' : 'success'}
          message={`导入完成：接收 ${result.accepted} 条，重复 ${result.duplicates} 条，拒收 ${result.rejected.length} 条`}
          description={result.rejected.length ? result.rejected.slice(0, 10).map((r) => <div key={r.index}>第 {r.index + 2} 行：{r.reason}</div>) : '表头：来源、来源编号、信号类型、统一社会信用代码、发生日期、涉及人数、涉及金额（元）、情况说明'}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="统一社会信用代码" allowClear defaultValue={filters.uscc} onSearch={(v) => set({ uscc: v.trim() })} style={{ width: 260 }} />
        <Select style={{ width: 160 }} value={filters.kind} onChange={(v) => set({ kind: v })} options={[{ value: '', label: '全部类型' }, ...SIGNAL_KINDS.map((k) => ({ value: k, label: SIGNAL_KIND_LABELS[k] }))]} aria-label="信号类型" />
      </Space>
      <Table<SignalItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: zh.common.empty }}
        pagination={{ current: filters.page, pageSize: 20, total: q.data?.total, showTotal: (t) => `共 ${t} 条`, onChange: (p) => set({ page: p }) }}
        columns={[
          { title: '发生日期', dataIndex: 'occurredAt', width: 110, render: fmtDate },
          { title: '类型', dataIndex: 'kindLabel', width: 100 },
          { title: '企业', dataIndex: 'enterpriseName' },
          { title: '来源', dataIndex: 'source', width: 140 },
          { title: '渠道', dataIndex: 'channel', width: 90, render: (c: SignalChannel) => SIGNAL_CHANNEL_LABELS[c] },
          { title: '人数', dataIndex: 'workersAffected', width: 70, render: (v) => v ?? '—' },
          { title: '金额（元）', dataIndex: 'amount', width: 120, render: (v: number | null) => (v == null ? '—' : v.toLocaleString('zh-CN')) },
          { title: '说明', render: (_, s) => String(s.details?.text ?? '') },
        ]}
      />
      <Modal title="人工录入风险信号" open={filing} onCancel={() => setFiling(false)} onOk={() => form.submit()} okText="录入" cancelText="取消" confirmLoading={file.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { occurredAt: { format(f: string): string } } & Record<string, unknown>) => file.mutate({ ...v, occurredAt: v.occurredAt.format('YYYY-MM-DD'), requestId: crypto.randomUUID() })}
        >
          <Form.Item name="uscc" label="企业统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="kind" label="信号类型" rules={[{ required: true, message: '请选择信号类型' }]}>
            <Select options={SIGNAL_KINDS.map((k) => ({ value: k, label: SIGNAL_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="occurredAt" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Space>
            <Form.Item name="workersAffected" label="涉及人数">
              <InputNumber min={0} precision={0} />
            </Form.Item>
            <Form.Item name="amount" label="涉及金额（元）">
              <InputNumber min={0} precision={2} style={{ width: 180 }} />
            </Form.Item>
          </Space>
          <Form.Item name="description" label="情况说明" rules={[{ required: true, message: '请填写情况说明' }]}>
            <Input.TextArea rows={3} placeholder="走访发现、电话线索等" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
