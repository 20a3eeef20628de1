import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Statistic, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api, qs } from '../../../api';
import { FormModal } from '../../../components/form-modal';
import { yuan, type Arrears, type Project } from '../types';

const date = (v: unknown) => (v as dayjs.Dayjs | undefined)?.format('YYYY-MM-DD');

/** 欠薪案件: amounts, workers, recoveries; flags that feed the black-list criteria. */
export function ArrearsCard({ projects }: { projects: Project[] }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [recovering, setRecovering] = useState<Arrears | null>(null);
  const [entQ, setEntQ] = useState('');
  const list = useQuery({ queryKey: ['wage-arrears'], queryFn: () => api.get<{ items: Arrears[]; totals: { cases: number; workers: number; amountOwed: number; amountRecovered: number } }>('/api/wage/arrears?pageSize=50') });
  const ents = useQuery({ queryKey: ['wage-ent-search', entQ], enabled: open, queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`/api/enterprises${qs({ q: entQ, pageSize: 20 })}`) });
  const refresh = () => void qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('wage') });
  const t = list.data?.totals;
  return (
    <Card size="small" title="欠薪案件" extra={<Button type="primary" onClick={() => setOpen(true)}>欠薪立案</Button>}>
      <Space size={48} style={{ marginBottom: 12 }}>
        <Statistic title="案件数" value={t?.cases ?? 0} />
        <Statistic title="涉及农民工" value={t?.workers ?? 0} suffix="人" />
        <Statistic title="欠薪金额" value={t?.amountOwed ?? 0} suffix="元" />
        <Statistic title="已追回" value={t?.amountRecovered ?? 0} suffix="元" valueStyle={{ color: '#389e0d' }} />
      </Space>
      <Table<Arrears>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data?.items}
        columns={[
          { title: '欠薪单位', render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> },
          { title: '项目', dataIndex: 'projectName' },
          { title: '人数', dataIndex: 'workers', width: 60 },
          { title: '欠薪 / 已追回', render: (_, r) => `${yuan(r.amountOwed)} / ${yuan(r.amountRecovered)}` },
          { title: '情节', render: (_, r) => <>{r.crimeThreshold && <Tag color="red">达到拒不支付劳动报酬罪标准</Tag>}{r.massIncident && <Tag color="red">引发群体性事件</Tag>}</> },
          { title: '状态', render: (_, r) => <Tag color={r.status === 'resolved' ? 'green' : 'orange'}>{r.statusName}</Tag> },
          { title: '', render: (_, r) => r.abilities.recover && <Button size="small" onClick={() => setRecovering(r)}>登记追回</Button> },
        ]}
      />
      <FormModal
        title="欠薪立案"
        open={open}
        onClose={() => setOpen(false)}
        onDone={() => (setOpen(false), refresh())}
        submit={(b) => api.post('/api/wage/arrears', b)}
        toBody={(v: Record<string, unknown>) => ({ ...v, openedOn: date(v.openedOn), projectId: v.projectId || undefined })}
        initialValues={{ crimeThreshold: false, massIncident: false }}
      >
        <Form.Item name="enterpriseId" label="欠薪单位" rules={[{ required: true, message: '请选择欠薪单位' }]}>
          <Select showSearch filterOption={false} onSearch={setEntQ} options={ents.data?.items.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item name="projectId" label="工程项目（选填）"><Select allowClear options={projects.map((p) => ({ value: p.id, label: p.name }))} /></Form.Item>
        <Form.Item name="description" label="欠薪情况" rules={[{ required: true, message: '请填写欠薪情况' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Space>
          <Form.Item name="workers" label="涉及人数" rules={[{ required: true, message: '请填写涉及人数' }]}><InputNumber min={1} /></Form.Item>
          <Form.Item name="amountOwed" label="欠薪金额（元）" rules={[{ required: true, message: '请填写欠薪金额' }]}><InputNumber min={0} style={{ width: 160 }} /></Form.Item>
          <Form.Item name="openedOn" label="立案日期" rules={[{ required: true, message: '请选择立案日期' }]}><DatePicker /></Form.Item>
        </Space>
        <Form.Item name="crimeThreshold" valuePropName="checked"><Checkbox>达到拒不支付劳动报酬罪数额标准</Checkbox></Form.Item>
        <Form.Item name="massIncident" valuePropName="checked"><Checkbox>引发群体性事件、极端事件，造成严重不良社会影响</Checkbox></Form.Item>
      </FormModal>
      <FormModal title="登记追回欠薪" open={!!recovering} onClose={() => setRecovering(null)} onDone={() => (setRecovering(null), refresh())} submit={(b) => api.post(`/api/wage/arrears/${recovering!.id}/recoveries`, b)} toBody={(v: Record<string, unknown>) => ({ ...v, recoveredOn: date(v.recoveredOn) })}>
        <Space>
          <Form.Item name="amount" label={`追回金额（尚欠${recovering ? yuan(recovering.outstanding) : ''}）`} rules={[{ required: true, message: '请填写追回金额' }]}><InputNumber min={0} style={{ width: 180 }} /></Form.Item>
          <Form.Item name="workers" label="涉及人数" rules={[{ required: true, message: '请填写涉及人数' }]}><InputNumber min={1} /></Form.Item>
          <Form.Item name="recoveredOn" label="追回日期" rules={[{ required: true, message: '请选择追回日期' }]}><DatePicker /></Form.Item>
        </Space>
        <Form.Item name="note" label="说明"><Input maxLength={500} /></Form.Item>
      </FormModal>
    </Card>
  );
}
