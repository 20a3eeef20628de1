import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Segmented, Space, Statistic, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, qs } from '../../api';
import { BarChart } from '../../components/bar-chart';
import { zh } from '../../locale/zh';

interface Row {
  key: string;
  label: string;
  received: number;
  closed: number;
  success: number;
  failed: number;
  successRate: number | null;
  meetsTarget: boolean | null;
  medianDaysToClose: number | null;
  closedInTimeShare: number | null;
  overdue: number;
  amountAgreed: number;
  amountPaid: number;
}
interface Stats {
  target: number;
  rows: Row[];
  totals: Row;
}

const GROUPS = [
  { value: 'org', label: '调解组织' },
  { value: 'level', label: '层级' },
  { value: 'kind', label: '类型' },
  { value: 'street', label: '镇街' },
  { value: 'claimType', label: '争议类型' },
  { value: 'month', label: '月份' },
  { value: 'year', label: '年度' },
];
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const yuan = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** Mediation statistics with the 60 % success-rate target, charts and an .xlsx export. */
export function CaseStatsPage() {
  const [groupBy, setGroupBy] = useState('org');
  // The current year by default: a district's whole history is one click away but not the first query.
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>([dayjs().startOf('year'), dayjs().endOf('year')]);
  const params = { groupBy, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
  const q = useQuery({ queryKey: ['case-stats', params], queryFn: () => api.get<Stats>(`/api/case-stats${qs(params)}`) });
  const s = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title="调解案件统计" extra={<Button href={`/api/case-stats/export.xlsx${qs(params)}`}>导出Excel</Button>}>
        <Space wrap>
          <Segmented options={GROUPS} value={groupBy} onChange={(v) => setGroupBy(String(v))} />
          <DatePicker.RangePicker value={range} onChange={setRange} placeholder={['收到申请起', '止']} />
        </Space>
      </Card>
      {q.error && <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />}
      {s && (
        <>
          <Row gutter={16}>
            <Col xs={12} md={4}>
              <Card>
                <Statistic title="受理" value={s.totals.received} suffix="件" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card>
                <Statistic title="结案" value={s.totals.closed} suffix="件" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card data-testid="stat-success-rate">
                <Statistic
                  title={`调解成功率（目标 ≥ ${s.target}%）`}
                  value={s.totals.successRate ?? 0}
                  suffix="%"
                  valueStyle={{ color: s.totals.meetsTarget === false ? '#cf1322' : '#389e0d' }}
                />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card>
                <Statistic title="结案天数中位数" value={s.totals.medianDaysToClose ?? 0} suffix="天" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card>
                <Statistic title="法定期限内结案" value={s.totals.closedInTimeShare ?? 0} suffix="%" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card>
                <Statistic
                  title="逾期未结"
                  value={s.totals.overdue}
                  suffix="件"
                  valueStyle={{ color: s.totals.overdue ? '#cf1322' : undefined }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title="受理件数" size="small">
                <BarChart items={s.rows.slice(0, 20).map((r) => ({ name: r.label, value: r.received }))} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="调解成功率（%）" size="small">
                <BarChart items={s.rows.slice(0, 20).map((r) => ({ name: r.label, value: r.successRate ?? 0 }))} />
              </Card>
            </Col>
          </Row>
          <Card size="small">
            <Table<Row>
              rowKey="key"
              size="small"
              loading={q.isFetching}
              dataSource={s.rows}
              pagination={false}
              scroll={{ x: 1100 }}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <b>合计</b>
                  </Table.Summary.Cell>
                  {[
                    s.totals.received,
                    s.totals.closed,
                    s.totals.success,
                    pct(s.totals.successRate),
                    s.totals.medianDaysToClose ?? '—',
                    pct(s.totals.closedInTimeShare),
                    s.totals.overdue,
                    yuan(s.totals.amountAgreed),
                    yuan(s.totals.amountPaid),
                  ].map((v, i) => (
                    <Table.Summary.Cell key={i} index={i + 1}>
                      {v}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
              columns={[
                { title: GROUPS.find((g) => g.value === groupBy)?.label, dataIndex: 'label', width: 260 },
                { title: '受理', dataIndex: 'received' },
                { title: '结案', dataIndex: 'closed' },
                { title: '调解成功', dataIndex: 'success' },
                {
                  title: '成功率',
                  dataIndex: 'successRate',
                  render: (v: number | null, r) => (v === null ? '—' : <Tag color={r.meetsTarget ? 'green' : 'red'}>{v}%</Tag>),
                },
                { title: '结案天数中位数', dataIndex: 'medianDaysToClose', render: (v: number | null) => v ?? '—' },
                { title: '期限内结案', dataIndex: 'closedInTimeShare', render: pct },
                { title: '逾期未结', dataIndex: 'overdue' },
                { title: '协议金额(元)', dataIndex: 'amountAgreed', render: yuan },
                { title: '已履行(元)', dataIndex: 'amountPaid', render: yuan },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
