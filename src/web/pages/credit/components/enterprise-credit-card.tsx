import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, ApiError } from '../../../api';
import { useAuth } from '../../../auth';
import { GRADE_COLORS, type Evaluation } from '../types';

interface Credit {
  current: { grade: string; label: string; inspectionFrequency: string } | null;
  gradedOn: string | null;
  indicated: { grade: string; reasons: { ruleId: string; text: string; citation: string }[] };
  history: Evaluation[];
  violations: { id: string; kindName: string; foundOn: string; description: string; source: string }[];
}

const KINDS = [
  ['ordinary', '一般劳动保障违法行为'],
  ['mass_incident', '引发群体性事件、极端事件或严重不良社会影响'],
  ['child_labour', '使用童工'],
  ['forced_labour', '强迫劳动'],
  ['refused_order', '拒不履行整改指令或处理、处罚决定'],
  ['obstruction', '无理抗拒、阻挠劳动保障监察'],
  ['criminal', '被追究刑事责任'],
  ['wage_crime_amount', '欠薪达到拒不支付劳动报酬罪数额标准'],
].map(([value, label]) => ({ value, label }));

/** The enterprise's credit grade on its detail page: current grade, history, violations; objection or recording. */
export function EnterpriseCreditCard({ enterpriseId }: { enterpriseId: string }) {
  const { message } = App.useApp();
  const { me } = useAuth();
  const qc = useQueryClient();
  const [objecting, setObjecting] = useState<Evaluation | null>(null);
  const [recording, setRecording] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['enterprise', enterpriseId, 'credit'], queryFn: () => api.get<Credit>(`/api/enterprises/${enterpriseId}/credit`), enabled: !!me?.abilities['credit.read'] });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['enterprise', enterpriseId] });
  const onError = (e: unknown) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] }))) : message.error((e as Error).message));
  const object = useMutation({
    mutationFn: (v: { reason: string }) => api.post(`/api/credit/evaluations/${objecting!.id}/objection`, v),
    onSuccess: () => (message.success('异议已提交，等待复核'), setObjecting(null), form.resetFields(), refresh()),
    onError,
  });
  const record = useMutation({
    mutationFn: (v: { kind: string; foundOn: dayjs.Dayjs; description: string }) => api.post<{ downgraded: boolean; grade: string }>(`/api/enterprises/${enterpriseId}/violations`, { ...v, foundOn: v.foundOn.format('YYYY-MM-DD') }),
    onSuccess: (r) => (message.success(r.downgraded ? `已记录，等级动态调整为${r.grade}级` : '已记录'), setRecording(false), form.resetFields(), refresh()),
    onError,
  });
  if (!me?.abilities['credit.read']) return null;
  const c = q.data;
  return (
    <Card title="劳动保障守法诚信等级" data-testid="credit-card" extra={me.abilities['violation.record'] && <Button onClick={() => setRecording(true)}>记录违法行为</Button>}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="当前等级">{c?.current ? <Tag color={GRADE_COLORS[c.current.grade]}>{c.current.label}</Tag> : '尚未评价'}</Descriptions.Item>
        <Descriptions.Item label="评定日期">{c?.gradedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="监察频次">{c?.current?.inspectionFrequency ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Table<Evaluation>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c?.history}
        locale={{ emptyText: '暂无评价记录' }}
        columns={[
          { title: '日期', dataIndex: 'effectiveOn', width: 110 },
          { title: '类型', render: (_, r) => (r.kind === 'dynamic' ? '动态调整' : '年度评价'), width: 90 },
          { title: '等级', render: (_, r) => <Space>{r.previousGrade ?? '—'} → <Tag color={GRADE_COLORS[r.grade]}>{r.grade}</Tag></Space>, width: 120 },
          { title: '依据', render: (_, r) => r.reasons.map((x) => <div key={x.ruleId}>{x.text}<Typography.Text type="secondary">（{x.citation}）</Typography.Text></div>) },
          { title: '状态', render: (_, r) => <Space direction="vertical" size={0}>{r.statusName}{r.objection?.reply && <Typography.Text type="secondary">复核：{r.objection.reply}</Typography.Text>}</Space>, width: 160 },
          { title: '', width: 90, render: (_, r) => r.abilities.object && <Button size="small" onClick={() => setObjecting(r)}>提出异议</Button> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>违法行为记录</Typography.Title>
      <Table rowKey="id" size="small" pagination={false} dataSource={c?.violations} locale={{ emptyText: '无' }} columns={[{ title: '查处日期', dataIndex: 'foundOn', width: 110 }, { title: '类别', dataIndex: 'kindName', width: 220 }, { title: '违法事实', dataIndex: 'description' }]} />
      <Modal title="对评价等级提出异议" open={!!objecting} onCancel={() => setObjecting(null)} onOk={() => form.submit()} confirmLoading={object.isPending} okText="提交" cancelText="取消">
        <Form form={form} layout="vertical" onFinish={(v) => object.mutate(v)}>
          <Form.Item name="reason" label="异议理由及证据说明" rules={[{ required: true, message: '请填写异议理由' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="记录查处的违法行为" open={recording} onCancel={() => setRecording(false)} onOk={() => form.submit()} confirmLoading={record.isPending} okText="记录" cancelText="取消">
        <Form form={form} layout="vertical" onFinish={(v) => record.mutate(v)} initialValues={{ kind: 'ordinary', foundOn: dayjs() }}>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select options={KINDS} />
          </Form.Item>
          <Form.Item name="foundOn" label="查处日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="description" label="违法事实" rules={[{ required: true, message: '请填写违法事实' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
