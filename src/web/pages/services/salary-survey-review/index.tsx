import { useState } from 'react';
import { Button, Card, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../api';
import { INDUSTRY_SECTIONS, pct, SURVEY_STATUS_COLORS, SURVEY_STATUS_LABELS, yuan } from '../labels';
import { ReviewDrawer } from './review-drawer';

interface Row { id: string; year: number; status: keyof typeof SURVEY_STATUS_LABELS; enterprise: { name: string }; street: string | null; industryCode: string | null; errorCount: number; warningCount: number; submittedAt: string | null }
interface StreetProgress { regionId: string; name: string; sample: number; notStarted: number; draft: number; submitted: number; returned: number; accepted: number; submittedRate: number; acceptedRate: number }
interface Cell { industry: string; occupation: string; industryName: string; occupationName: string; enterprises: number; employees: number; suppressed: boolean; p10: number | null; p25: number | null; p50: number | null; p75: number | null; p90: number | null }

export function SalarySurveyReviewPage() {
  const [year, setYear] = useState(2026);
  const [status, setStatus] = useState<string | undefined>('submitted');
  const [open, setOpen] = useState<string | null>(null);
  const [industry, setIndustry] = useState<string | undefined>();
  const rounds = useQuery({ queryKey: ['survey-rounds'], queryFn: () => api.get<{ items: { year: number }[] }>('/api/salary-survey/rounds') });
  const progress = useQuery({ queryKey: ['survey-progress', year], queryFn: () => api.get<{ total: StreetProgress; byStreet: StreetProgress[]; deadline: string }>(`/api/salary-survey/progress?year=${year}`) });
  const forms = useQuery({ queryKey: ['survey-forms', year, status], queryFn: () => api.get<{ items: Row[]; total: number }>(`/api/salary-survey/forms${qs({ year, status, pageSize: 100 })}`) });
  const results = useQuery({ queryKey: ['survey-results', year, industry], queryFn: () => api.get<{ cells: Cell[]; minEnterprises: number; enterprises: number; employees: number }>(`/api/salary-survey/results${qs({ year, industry })}`) });
  const p = progress.data;
  return (
    <div>
      <Typography.Title level={3}>企业薪酬调查 · 审核与结果</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <span>调查年度</span>
        <Select style={{ width: 120 }} value={year} onChange={setYear} options={rounds.data?.items.map((r) => ({ value: r.year, label: `${r.year}年` }))} />
        {p && <Typography.Text type="secondary">截止 {p.deadline}；样本 {p.total.sample} 家，已提交 {pct(p.total.submittedRate)}，已通过 {pct(p.total.acceptedRate)}</Typography.Text>}
      </Space>
      <Tabs
        items={[
          {
            key: 'forms',
            label: '调查表审核',
            children: (
              <Card size="small" extra={<Select allowClear placeholder="状态" style={{ width: 120 }} value={status} onChange={setStatus} options={Object.entries(SURVEY_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />}>
                <Table<Row>
                  rowKey="id"
                  size="small"
                  dataSource={forms.data?.items}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: '企业', render: (_, r) => r.enterprise.name },
                    { title: '街道', dataIndex: 'street' },
                    { title: '行业', dataIndex: 'industryCode', render: (v: string) => INDUSTRY_SECTIONS[v as keyof typeof INDUSTRY_SECTIONS] ?? v },
                    { title: '状态', dataIndex: 'status', render: (v: Row['status']) => <Tag color={SURVEY_STATUS_COLORS[v]}>{SURVEY_STATUS_LABELS[v]}</Tag> },
                    { title: '提示', dataIndex: 'warningCount' },
                    { title: '', render: (_, r) => <Button size="small" onClick={() => setOpen(r.id)}>{r.status === 'submitted' ? '审核' : '查看'}</Button> },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'progress',
            label: '填报进度',
            children: (
              <Table<StreetProgress>
                rowKey="regionId"
                size="small"
                pagination={false}
                dataSource={p?.byStreet}
                columns={[
                  { title: '街道/镇', dataIndex: 'name' },
                  { title: '样本企业', dataIndex: 'sample' },
                  { title: '未填报', dataIndex: 'notStarted' },
                  { title: '填报中', dataIndex: 'draft' },
                  { title: '待审核', dataIndex: 'submitted' },
                  { title: '已退回', dataIndex: 'returned' },
                  { title: '已通过', dataIndex: 'accepted' },
                  { title: '完成率', dataIndex: 'acceptedRate', render: (v: number) => <Progress percent={Math.round(v * 100)} size="small" style={{ width: 140 }} /> },
                ]}
              />
            ),
          },
          {
            key: 'results',
            label: '工资价位',
            children: (
              <Card
                size="small"
                title={`按行业和职业的年工资分位值（元）；样本企业少于 ${results.data?.minEnterprises ?? 3} 家不公布`}
                extra={
                  <Space>
                    <Select allowClear placeholder="行业" style={{ width: 200 }} onChange={setIndustry} options={Object.entries(INDUSTRY_SECTIONS).map(([value, label]) => ({ value, label }))} />
                    <a href={`/api/salary-survey/results.xlsx${qs({ year, industry })}`}>导出 .xlsx</a>
                  </Space>
                }
              >
                <Table<Cell>
                  rowKey={(c) => `${c.industry}|${c.occupation}`}
                  size="small"
                  dataSource={results.data?.cells}
                  pagination={{ pageSize: 30 }}
                  columns={[
                    { title: '行业', dataIndex: 'industryName' },
                    { title: '职业大类', dataIndex: 'occupationName' },
                    { title: '企业数', dataIndex: 'enterprises' },
                    ...(['p10', 'p25', 'p50', 'p75', 'p90'] as const).map((k) => ({ title: k.toUpperCase(), dataIndex: k, render: (v: number | null, c: Cell) => (c.suppressed ? <Typography.Text type="secondary">不公布</Typography.Text> : yuan(v)) })),
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <ReviewDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
