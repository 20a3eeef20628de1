import { useState } from 'react';
import { App, Button, Card, Col, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../api';
import { BarChart } from '../../../components/bar-chart';
import { useRegionOptions } from '../components/use-regions';
import { INDUSTRY_SECTIONS } from '../labels';

interface Group { key: string; name: string; enterprises: number; suppressed: boolean; avgScore: number | null; withHighRisk: number | null }
interface Stats { enterprises: number; minGroup: number; byStreet: Group[]; byIndustry: Group[]; byRule: { ruleId: string; citations: { law: string; article: string }[]; enterprises: number }[] }
interface Item {
  id: string;
  street: string | null;
  industry: string | null;
  submittedOn: string;
  score: number;
  counts: { high: number; medium: number };
  visit: { status: string } | null;
  enterprise: { name: string; contactName: string | null; contactPhone: string | null } | null;
  abilities: { offerVisit: boolean };
}

const groupColumns = [
  { title: '名称', dataIndex: 'name' },
  { title: '企业数', dataIndex: 'enterprises' },
  { title: '平均得分', dataIndex: 'avgScore', render: (v: number | null, g: Group) => (g.suppressed ? <Typography.Text type="secondary">样本不足</Typography.Text> : v) },
  { title: '有高风险企业', dataIndex: 'withHighRisk', render: (v: number | null) => v ?? '—' },
];

export function SelfCheckResultsPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { streets } = useRegionOptions();
  const [filter, setFilter] = useState<{ regionId?: string; industry?: string }>({});
  const [offer, setOffer] = useState<Item | null>(null);
  const [text, setText] = useState('区人社局可安排劳动关系协调员上门，就体检发现的问题提供免费指导。');
  const stats = useQuery({ queryKey: ['sc-stats', filter], queryFn: () => api.get<Stats>(`/api/self-check/stats${qs(filter)}`) });
  const list = useQuery({ queryKey: ['sc-results', filter], queryFn: () => api.get<{ items: Item[]; total: number }>(`/api/self-check/results${qs({ ...filter, pageSize: 50 })}`) });
  const send = useMutation({
    mutationFn: () => api.post(`/api/self-check/results/${offer!.id}/visit-offer`, { message: text }),
    onSuccess: () => {
      message.success('已向该企业发出上门指导邀请');
      setOffer(null);
      void qc.invalidateQueries({ queryKey: ['sc-results'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const s = stats.data;
  return (
    <div>
      <Typography.Title level={3}>劳动用工体检结果（匿名汇总）</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <Select allowClear placeholder="街道/镇" style={{ width: 160 }} options={streets} onChange={(v) => setFilter((f) => ({ ...f, regionId: v }))} />
        <Select allowClear placeholder="行业" style={{ width: 220 }} options={Object.entries(INDUSTRY_SECTIONS).map(([value, label]) => ({ value, label }))} onChange={(v) => setFilter((f) => ({ ...f, industry: v }))} />
        <Typography.Text type="secondary">共 {s?.enterprises ?? 0} 家企业（各取最近一次体检）；少于 {s?.minGroup ?? 3} 家的分组不显示统计值</Typography.Text>
      </Space>
      <Row gutter={16}>
        <Col span={12}>
          <Card title="按街道" size="small">
            <Table rowKey="key" size="small" pagination={false} dataSource={s?.byStreet} columns={groupColumns} />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="按行业" size="small">
            <Table rowKey="key" size="small" pagination={false} dataSource={s?.byIndustry} columns={groupColumns} />
          </Card>
        </Col>
      </Row>
      <Card title="常见风险（涉及企业数）" size="small" style={{ marginTop: 16 }}>
        <BarChart items={(s?.byRule ?? []).map((r) => ({ name: `${r.citations[0]!.law}${r.citations[0]!.article}`, value: r.enterprises }))} />
      </Card>
      <Card title="体检记录（匿名；企业接受上门指导后显示名称）" size="small" style={{ marginTop: 16 }}>
        <Table<Item>
          rowKey="id"
          size="small"
          dataSource={list.data?.items}
          pagination={false}
          columns={[
            { title: '街道', dataIndex: 'street' },
            { title: '行业', dataIndex: 'industry' },
            { title: '体检日期', dataIndex: 'submittedOn' },
            { title: '得分', dataIndex: 'score' },
            { title: '高/中风险', render: (_, r) => <Space><Tag color="red">{r.counts.high}</Tag><Tag color="orange">{r.counts.medium}</Tag></Space> },
            { title: '企业', render: (_, r) => (r.enterprise ? `${r.enterprise.name}（${r.enterprise.contactName ?? ''}）` : '匿名') },
            {
              title: '上门指导',
              render: (_, r) =>
                r.abilities.offerVisit ? <Button size="small" onClick={() => setOffer(r)}>提供上门指导</Button> : ({ offered: '待企业答复', accepted: '企业已接受', declined: '企业已谢绝' })[r.visit?.status ?? ''],
            },
          ]}
        />
      </Card>
      <Modal title="提供上门指导" open={!!offer} onCancel={() => setOffer(null)} onOk={() => send.mutate()} confirmLoading={send.isPending} okText="发送" cancelText="取消">
        <Typography.Paragraph type="secondary">邀请将发送到该企业的体检报告页；企业接受后方显示企业名称和联系人。</Typography.Paragraph>
        <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </div>
  );
}
