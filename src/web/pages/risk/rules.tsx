import { useState } from 'react';
import { Alert, App, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Skeleton, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LEVEL_LABELS, RISK_LEVELS, type RiskLevel } from '../../../domain/risk/levels';
import type { RuleSet } from '../../../domain/risk/rule-set';
import { SIGNAL_KIND_LABELS, SIGNAL_KINDS } from '../../../domain/risk/signals';
import { api } from '../../api';
import { LevelTag } from './components/level-tag';
import { fmtTime } from './types';

interface Preview {
  changed: number;
  before: Record<RiskLevel, number>;
  after: Record<RiskLevel, number>;
  items: { enterpriseId: string; name: string; uscc: string; from: RiskLevel; to: RiskLevel; scoreBefore: number; scoreAfter: number }[];
}
interface Current {
  version: number;
  rules: RuleSet;
  versions: { version: number; note: string | null; createdAt: string; createdBy: string | null }[];
}

const HARD: [keyof RuleSet['hardRules'], string, number?][] = [
  ['massLayoffPeople', '规模性裁员：月减少人数 ≥'],
  ['massLayoffRatio', '或占参保人数比例 ≥', 0.01],
  ['massLayoffMinDrop', '比例条件最少减少人数'],
  ['collectiveWageWorkers', '集体欠薪：涉及人数 ≥'],
  ['disputeClusterCount', '争议高发：案件数 ≥'],
  ['disputeClusterDays', '争议高发：统计天数'],
  ['assetSeizureWindowDays', '资产查封：统计天数'],
  ['regionalEnterprises', '区域性失业：同月减员企业数 ≥'],
];

/** 评分规则: an admin edits weights, decay and thresholds, previews which enterprises would change level, saves a version. */
export function RiskRulesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [preview, setPreview] = useState<Preview | null>(null);
  const q = useQuery({ queryKey: ['rule-set'], queryFn: () => api.get<Current>('/api/risk/rule-set') });
  const rulesOf = (v: { rules: RuleSet }) => ({ ...q.data!.rules, ...v.rules, weights: { ...q.data!.rules.weights, ...v.rules.weights }, levelThresholds: { ...q.data!.rules.levelThresholds, ...v.rules.levelThresholds }, hardRules: { ...q.data!.rules.hardRules, ...v.rules.hardRules } });
  const runPreview = useMutation({ mutationFn: () => api.post<Preview>('/api/risk/rule-set/preview', { rules: rulesOf(form.getFieldsValue(true)) }), onSuccess: setPreview, onError: (e) => message.error((e as Error).message) });
  const save = useMutation({
    mutationFn: (v: { rules: RuleSet; note: string }) => api.put<{ version: number }>('/api/risk/rule-set', { rules: rulesOf(v), note: v.note }),
    onSuccess: (r) => {
      message.success(`已保存为第 ${r.version} 版，并已重新计算风险等级`);
      setPreview(null);
      void qc.invalidateQueries({ queryKey: ['rule-set'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  if (q.isLoading || !q.data) return <Skeleton active />;
  return (
    <Card title={`风险评分规则（第 ${q.data.version} 版）`}>
      <Typography.Paragraph type="secondary">每条信号得分 = 类型权重 × 严重度（涉及人数、金额每达到一档加 {q.data.rules.severity.step}）× 时间衰减（半衰期）。评分封顶100分；硬性规则不论评分直接触发预警。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ rules: q.data.rules }} onFinish={(v) => save.mutate(v)}>
        <Divider titlePlacement="start">类型权重</Divider>
        <Row gutter={16}>
          {SIGNAL_KINDS.map((k) => (
            <Col key={k} xs={12} md={6} lg={4}>
              <Form.Item name={['rules', 'weights', k]} label={SIGNAL_KIND_LABELS[k]}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Divider titlePlacement="start">衰减与等级阈值</Divider>
        <Row gutter={16}>
          <Col xs={12} md={6} lg={4}>
            <Form.Item name={['rules', 'halfLifeDays']} label="半衰期（天）">
              <InputNumber min={1} max={730} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item name={['rules', 'windowDays']} label="计分窗口（天）">
              <InputNumber min={7} max={1095} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {(['red', 'orange', 'yellow', 'blue'] as const).map((l) => (
            <Col key={l} xs={12} md={6} lg={4}>
              <Form.Item name={['rules', 'levelThresholds', l]} label={`${LEVEL_LABELS[l]}阈值（分）`}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Divider titlePlacement="start">硬性规则</Divider>
        <Row gutter={16}>
          {HARD.map(([k, label, step]) => (
            <Col key={k} xs={12} md={6}>
              <Form.Item name={['rules', 'hardRules', k]} label={label}>
                <InputNumber min={0} step={step ?? 1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="note" label="修改说明" rules={[{ required: true, min: 2, message: '请填写修改说明' }]}>
          <Input placeholder="如：提高欠薪投诉权重" />
        </Form.Item>
        <Space>
          <Button onClick={() => runPreview.mutate()} loading={runPreview.isPending}>
            预览影响
          </Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存为新版本
          </Button>
        </Space>
      </Form>
      {preview && (
        <div style={{ marginTop: 24 }}>
          <Alert type={preview.changed ? 'warning' : 'info'} showIcon message={`按新规则将有 ${preview.changed} 家企业的风险等级发生变化`} description={RISK_LEVELS.map((l) => `${LEVEL_LABELS[l]} ${preview.before[l]} → ${preview.after[l]}`).join('；')} />
          <Table
            style={{ marginTop: 12 }}
            rowKey="enterpriseId"
            size="small"
            dataSource={preview.items}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: '企业', dataIndex: 'name' },
              { title: '统一社会信用代码', dataIndex: 'uscc' },
              { title: '当前', dataIndex: 'from', render: (l) => <LevelTag level={l} /> },
              { title: '调整后', dataIndex: 'to', render: (l) => <LevelTag level={l} /> },
              { title: '评分', render: (_, r) => `${r.scoreBefore} → ${r.scoreAfter}` },
            ]}
          />
        </div>
      )}
      <Divider titlePlacement="start">历史版本</Divider>
      <Table rowKey="version" size="small" pagination={false} dataSource={q.data.versions} locale={{ emptyText: '尚未修改，使用系统默认规则' }} columns={[{ title: '版本', dataIndex: 'version' }, { title: '说明', dataIndex: 'note' }, { title: '修改人', dataIndex: 'createdBy' }, { title: '时间', dataIndex: 'createdAt', render: fmtTime }]} />
    </Card>
  );
}
