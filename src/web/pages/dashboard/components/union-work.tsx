import { Card, Col, Empty, Row, Statistic, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { GroupedBarChart } from '../../../components/bar-chart';

interface Coverage { totals: { unionized: number; contractRate: number; femaleRate: number; wageRate: number }; items: { name: string; contractRate: number; femaleRate: number; wageRate: number; unionized: number }[] }
interface Assessment { year: number; unionized: number; scored: number; average: number | null; grades: Record<'优秀' | '良好' | '合格' | '不合格', number> }

const GRADE_COLORS = { 优秀: 'green', 良好: 'blue', 合格: 'orange', 不合格: 'red' } as const;

/**
 * Union brain: collective-contract coverage of unionized enterprises (comprehensive, female workers'
 * special, wage special) by street, and the union annual assessment of the year before `year`.
 */
export function UnionWork({ year }: { year: number }) {
  const { me } = useAuth();
  const canCoverage = !!me?.abilities['contract.coverage'];
  const canAssess = !!me?.abilities['unionAssessment.read'];
  const cov = useQuery({ queryKey: ['dash-contract-coverage'], queryFn: () => api.get<Coverage>('/api/collective-contracts/coverage?by=street'), enabled: canCoverage });
  const ay = year - 1;
  const assess = useQuery({ queryKey: ['dash-union-assessment', ay], queryFn: () => api.get<Assessment>(`/api/union-assessment/summary${qs({ year: ay })}`), enabled: canAssess });
  if (!canCoverage && !canAssess) return null;
  const streets = (cov.data?.items ?? []).filter((s) => s.unionized > 0);
  return (
    <Row gutter={[16, 16]}>
      {canCoverage && (
        <Col xs={24} xl={14}>
          <Card size="small" title="集体合同覆盖（已建会企业）" data-testid="panel-contract-coverage">
            <Row gutter={16} style={{ marginBottom: 8 }}>
              <Col span={8}><Statistic title="综合性集体合同" value={cov.data?.totals.contractRate ?? 0} suffix="%" /></Col>
              <Col span={8}><Statistic title="女职工专项" value={cov.data?.totals.femaleRate ?? 0} suffix="%" /></Col>
              <Col span={8}><Statistic title="工资专项" value={cov.data?.totals.wageRate ?? 0} suffix="%" /></Col>
            </Row>
            {streets.length ? (
              <GroupedBarChart
                height={240}
                categories={streets.map((s) => s.name)}
                series={[
                  { name: '综合性', values: streets.map((s) => s.contractRate) },
                  { name: '女职工专项', values: streets.map((s) => s.femaleRate) },
                  { name: '工资专项', values: streets.map((s) => s.wageRate) },
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
      )}
      {canAssess && (
        <Col xs={24} xl={10}>
          <Card size="small" title={`工会年度考核（${ay}年度）`} data-testid="panel-union-assessment">
            <Row gutter={16}>
              <Col span={12}><Statistic title="已考核 / 已建会" value={assess.data?.scored ?? 0} suffix={`/ ${assess.data?.unionized ?? 0}`} /></Col>
              <Col span={12}><Statistic title="平均得分" value={assess.data?.average ?? '—'} /></Col>
            </Row>
            <div style={{ marginTop: 12 }}>
              {assess.data &&
                (Object.keys(GRADE_COLORS) as (keyof typeof GRADE_COLORS)[]).map((g) => (
                  <Tag key={g} color={GRADE_COLORS[g]} style={{ fontSize: 14, padding: '4px 10px' }}>
                    {g} {assess.data.grades[g]}
                  </Tag>
                ))}
            </div>
          </Card>
        </Col>
      )}
    </Row>
  );
}
