import { useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../../api';
import { zh } from '../../../locale/zh';

interface Item {
  enterpriseId: string;
  name: string;
  regionName: string | null;
  headcount: number | null;
  registeredOn: string | null;
  isNew: boolean;
  stage: string;
  stageLabel: string;
  preparingOn: string | null;
  responsible: string | null;
  notes: string | null;
  nextStages: string[];
}
const STAGES: Record<string, string> = { not_started: '未启动', preparing: '筹建中', established: '已建会' };
const COLORS: Record<string, string> = { not_started: 'default', preparing: 'processing', established: 'success' };

/** Enterprises without a union, straight from the registry, with the pipeline stage of each. */
export function UnionPipeline() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [stage, setStage] = useState<string>();
  const [newOnly, setNewOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Item | null>(null);
  const [form] = Form.useForm();
  const target = Form.useWatch('stage', form);
  const q = useQuery({ queryKey: ['union-pipeline', stage, newOnly, search, page], queryFn: () => api.get<{ items: Item[]; total: number }>(`/api/union-building/enterprises${qs({ stage, newOnly: newOnly ? '1' : undefined, q: search, page })}`) });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.put(`/api/union-building/enterprises/${editing!.enterpriseId}`, v),
    onSuccess: () => {
      setEditing(null);
      message.success('建会进度已更新');
      void qc.invalidateQueries({ queryKey: ['union-pipeline'] });
      void qc.invalidateQueries({ queryKey: ['union-summary'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] })));
      else message.error((e as Error).message);
    },
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="企业名称" allowClear onSearch={(v) => (setSearch(v), setPage(1))} style={{ width: 240 }} />
        <Select placeholder="建会进度" allowClear value={stage} onChange={(v) => (setStage(v), setPage(1))} options={Object.entries(STAGES).map(([value, label]) => ({ value, label }))} style={{ width: 140 }} />
        <Space>
          <Switch checked={newOnly} onChange={(v) => (setNewOnly(v), setPage(1))} /> 只看近一年新注册企业
        </Space>
      </Space>
      <Table<Item>
        rowKey="enterpriseId"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: zh.common.empty }}
        pagination={{ current: page, total: q.data?.total, pageSize: 20, showTotal: zh.common.total, onChange: setPage }}
        columns={[
          { title: '企业', render: (_, e) => <span>{e.name} {e.isNew && <Tag color="blue">新注册</Tag>}</span> },
          { title: '所在区域', dataIndex: 'regionName' },
          { title: '职工数', dataIndex: 'headcount', render: (v: number | null) => (v !== null && v >= 25 ? <b>{v}</b> : v) },
          { title: '注册日期', dataIndex: 'registeredOn' },
          { title: '进度', render: (_, e) => <Tag color={COLORS[e.stage]}>{e.stageLabel}</Tag> },
          { title: '负责人', dataIndex: 'responsible', render: (v) => v ?? '—' },
          {
            title: '操作',
            render: (_, e) =>
              e.nextStages.length > 0 && (
                <a onClick={() => (setEditing(e), form.setFieldsValue({ stage: e.nextStages[0], responsible: e.responsible, notes: e.notes }))}>更新进度</a>
              ),
          },
        ]}
      />
      <Modal title={`建会进度：${editing?.name ?? ''}`} open={!!editing} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ ...v, establishedOn: v.establishedOn?.format('YYYY-MM-DD'), preparingOn: v.preparingOn?.format('YYYY-MM-DD') })}>
          <Form.Item name="stage" label="进度">
            <Select options={(editing?.nextStages ?? []).map((s) => ({ value: s, label: STAGES[s] }))} />
          </Form.Item>
          {target === 'preparing' && <Form.Item name="preparingOn" label="启动筹建日期"><DatePicker style={{ width: '100%' }} /></Form.Item>}
          {target === 'established' && (
            <>
              <Form.Item name="establishedOn" label="建会日期" rules={[{ required: true, message: '请填写建会日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="unionChair" label="工会主席"><Input /></Form.Item>
              <Form.Item name="unionMembers" label="会员人数"><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
            </>
          )}
          <Form.Item name="responsible" label="负责人"><Input /></Form.Item>
          <Form.Item name="notes" label="备注"><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
