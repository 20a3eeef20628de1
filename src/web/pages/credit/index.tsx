import { useState } from 'react';
import { Button, Card, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, qs } from '../../api';
import { ReviewModal } from './components/review-modal';
import { RoundsCard } from './components/rounds-card';
import { GRADE_COLORS, GRADE_NAMES, type Evaluation } from './types';

interface Overview {
  counts: Record<'A' | 'B' | 'C' | 'none', number>;
  items: { id: string; name: string; grade: string; gradedOn: string | null; inspectionFrequency: string }[];
  total: number;
}

/** 劳动保障守法诚信等级: distribution, enterprises by grade, rounds and objections. */
export function CreditPage() {
  const qc = useQueryClient();
  const [grade, setGrade] = useState<string>('C');
  const [page, setPage] = useState(1);
  const [reviewing, setReviewing] = useState<Evaluation | null>(null);
  const overview = useQuery({ queryKey: ['credit-overview', grade, page], queryFn: () => api.get<Overview>(`/api/credit/overview${qs({ grade, page, pageSize: 20 })}`) });
  const objections = useQuery({ queryKey: ['credit-objections'], queryFn: () => api.get<{ items: Evaluation[] }>('/api/credit/objections') });
  const c = overview.data?.counts;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>劳动保障守法诚信等级</Typography.Title>
      <Typography.Text type="secondary">依据《企业劳动保障守法诚信等级评价办法》（人社部规〔2016〕1号）按违法记录评定A、B、C三级；新查处违法行为时等级动态下调。</Typography.Text>
      <Row gutter={16}>
        {(['A', 'B', 'C'] as const).map((g) => (
          <Col span={6} key={g}>
            <Card size="small"><Statistic title={GRADE_NAMES[g]} value={c?.[g] ?? 0} suffix="家" valueStyle={{ color: { A: '#389e0d', B: '#d48806', C: '#cf1322' }[g] }} /></Card>
          </Col>
        ))}
        <Col span={6}>
          <Card size="small"><Statistic title="尚未评价" value={c?.none ?? 0} suffix="家" /></Card>
        </Col>
      </Row>
      <Card size="small" title="待复核的企业异议">
        <Table<Evaluation>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={objections.data?.items}
          locale={{ emptyText: '暂无待复核异议' }}
          columns={[
            { title: '企业', render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> },
            { title: '类型', render: (_, r) => (r.kind === 'dynamic' ? '动态调整' : '年度评价') },
            { title: '拟评等级', render: (_, r) => <Tag color={GRADE_COLORS[r.proposedGrade]}>{r.proposedGrade}</Tag> },
            { title: '异议理由', render: (_, r) => r.objection?.reason },
            { title: '', render: (_, r) => <Button size="small" onClick={() => setReviewing(r)}>复核</Button> },
          ]}
        />
      </Card>
      <RoundsCard />
      <Card size="small" title="企业当前等级" extra={<Segmented value={grade} onChange={(v) => (setGrade(String(v)), setPage(1))} options={[{ value: 'C', label: 'C级' }, { value: 'B', label: 'B级' }, { value: 'A', label: 'A级' }]} />}>
        <Table
          rowKey="id"
          size="small"
          dataSource={overview.data?.items}
          pagination={{ current: page, total: overview.data?.total, pageSize: 20, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '企业', render: (_, r) => <Link to={`/enterprises/${r.id}`}>{r.name}</Link> },
            { title: '等级', dataIndex: 'grade', render: (g: string) => <Tag color={GRADE_COLORS[g]}>{g}</Tag> },
            { title: '评定日期', dataIndex: 'gradedOn' },
            { title: '监察频次', dataIndex: 'inspectionFrequency' },
          ]}
        />
      </Card>
      <ReviewModal evaluation={reviewing} onClose={() => setReviewing(null)} onDone={() => (setReviewing(null), void qc.invalidateQueries({ queryKey: ['credit-objections'] }), void qc.invalidateQueries({ queryKey: ['credit-overview'] }))} />
    </Space>
  );
}
