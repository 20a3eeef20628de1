import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import { RESULT_OPTIONS, STATUS_COLORS, type Plan, type Task } from './types';

const VIOLATION_KINDS = [
  { value: 'ordinary', label: '一般劳动保障违法行为' },
  { value: 'refused_order', label: '拒不履行整改指令或处理决定' },
  { value: 'obstruction', label: '无理抗拒、阻挠劳动保障监察' },
  { value: 'child_labour', label: '使用童工' },
  { value: 'wage_crime_amount', label: '欠薪达到拒不支付劳动报酬罪数额标准' },
];

/** One plan: the draw (once, with its seed), the drawn targets and inspectors, results and publication. */
export function InspectionPlanPage() {
  const { id } = useParams();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [seed, setSeed] = useState('');
  const [task, setTask] = useState<Task | null>(null);
  const plan = useQuery({ queryKey: ['inspection-plan', id], queryFn: () => api.get<Plan>(`/api/inspections/plans/${id}`) });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['inspection-plan', id] });
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
      refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const verify = () =>
    act(async () => {
      const v = await api.get<{ matches: boolean; fingerprint: string }>(`/api/inspections/plans/${id}/verify`);
      modal.info({ title: v.matches ? '复算结果与记录一致' : '复算结果与记录不一致', content: `复算指纹：${v.fingerprint}` });
    }, '已复算');
  const p = plan.data;
  if (!p) return null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {p.title} <Tag color={STATUS_COLORS[p.status]}>{p.statusName}</Tag>
      </Typography.Title>
      <Card size="small">
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="抽查事项" span={3}>{p.items.map((i) => `${i.code} ${i.name}`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="抽查比例">{Math.round(p.ratio * 1000) / 10}%</Descriptions.Item>
          <Descriptions.Item label="名录库户数">{p.directorySize ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="抽中户数">{p.targets}</Descriptions.Item>
          <Descriptions.Item label="随机种子">{p.seed ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="抽取指纹"><Typography.Text code>{p.fingerprint ?? '—'}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label="抽取时间">{p.drawnAt?.slice(0, 16).replace('T', ' ') ?? '—'}</Descriptions.Item>
        </Descriptions>
        {p.abilities.draw && (
          <Space style={{ marginTop: 8 }}>
            <Input placeholder="随机种子（可填公开摇号数字，留空由系统生成）" value={seed} onChange={(e) => setSeed(e.target.value)} style={{ width: 360 }} />
            <Button type="primary" onClick={() => modal.confirm({ title: '确认抽取？', content: '每个计划只能抽取一次，抽取结果及种子将记录在案，不可重抽。', onOk: () => act(() => api.post(`/api/inspections/plans/${id}/draw`, seed.trim() ? { seed: seed.trim() } : {}), '已完成随机抽取') })}>
              随机抽取
            </Button>
          </Space>
        )}
        {p.status !== 'draft' && (
          <Space style={{ marginTop: 8 }}>
            <Button onClick={verify}>复算验证</Button>
            {p.abilities.enterResults && <Button type="primary" disabled={!p.abilities.publish} onClick={() => act(() => api.post(`/api/inspections/plans/${id}/publish`), '已审核并向社会公开')}>审核并公开结果</Button>}
            {p.status === 'published' && <Link to="/public/credit">查看公开页面</Link>}
          </Space>
        )}
      </Card>
      {p.status === 'drawn' && !p.abilities.publish && <Alert type="info" showIcon message={`已录入 ${p.resultsEntered} / ${p.targets} 户检查结果，全部录入后方可审核公开。`} />}
      <Card size="small" title="抽中的检查对象与执法人员">
        <Table<Task>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20 }}
          dataSource={p.tasks}
          columns={[
            { title: '企业', render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> },
            { title: '分层（街道｜行业门类）', dataIndex: 'stratumName' },
            { title: '执法人员', render: (_, r) => r.inspectors.map((i) => i.name).join('、') },
            { title: '检查结果', render: (_, r) => (r.result ? <Tag color={r.result === 'violation' ? 'red' : r.result === 'compliant' ? 'green' : 'orange'}>{r.resultName}</Tag> : <Tag>待录入</Tag>) },
            { title: '检查日期', dataIndex: 'inspectedOn' },
            { title: '', render: (_, r) => p.abilities.enterResults && <Button size="small" onClick={() => setTask(r)}>录入结果</Button> },
          ]}
        />
      </Card>
      <FormModal
        title={`录入检查结果：${task?.enterpriseName ?? ''}`}
        open={!!task}
        onClose={() => setTask(null)}
        onDone={() => (setTask(null), refresh())}
        submit={(b) => api.post(`/api/inspections/tasks/${task!.id}/result`, b)}
        toBody={(v: Record<string, unknown>) => ({ ...v, inspectedOn: (v.inspectedOn as dayjs.Dayjs | undefined)?.format('YYYY-MM-DD') })}
        initialValues={{ result: 'compliant' }}
      >
        {(form) => (
          <>
            <Form.Item name="result" label="检查结果"><Select options={RESULT_OPTIONS} /></Form.Item>
            <Form.Item noStyle shouldUpdate>{() => form.getFieldValue('result') === 'violation' && <Form.Item name="violationKind" label="违法类型" rules={[{ required: true, message: '请选择违法类型' }]}><Select options={VIOLATION_KINDS} /></Form.Item>}</Form.Item>
            <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="findings" label="检查情况" rules={[{ required: true, message: '请填写检查情况' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          </>
        )}
      </FormModal>
    </Space>
  );
}
