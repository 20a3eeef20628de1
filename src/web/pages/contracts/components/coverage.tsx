import { useState } from 'react';
import { Card, Col, Row, Segmented, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../api';
import { BarChart } from '../../../components/bar-chart';

interface Figures {
  enterprises: number;
  unionized: number;
  withContract: number;
  femaleSpecial: number;
  wageSpecial: number;
  anyContract: number;
  contractRate: number;
  femaleRate: number;
  wageRate: number;
}
interface Coverage {
  asOf: string;
  totals: Figures;
  items: (Figures & { key: string; name: string })[];
}

/** Coverage of unionized enterprises by collective contracts (the union-brain dashboard can embed this). */
export function ContractCoverage({ regionId }: { regionId?: string }) {
  const [by, setBy] = useState<'street' | 'park' | 'industry'>('street');
  const q = useQuery({ queryKey: ['contract-coverage', by, regionId], queryFn: () => api.get<Coverage>(`/api/collective-contracts/coverage${qs({ by, regionId })}`) });
  const t = q.data?.totals;
  return (
    <div>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card><Statistic title="已建会企业" value={t?.unionized ?? 0} suffix="家" /></Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card data-testid="coverage-contract"><Statistic title="集体合同覆盖率（已建会）" value={t?.contractRate ?? 0} suffix="%" /></Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card><Statistic title="女职工专项合同覆盖率" value={t?.femaleRate ?? 0} suffix="%" /></Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card><Statistic title="工资专项合同覆盖率" value={t?.wageRate ?? 0} suffix="%" /></Card>
        </Col>
      </Row>
      <Card style={{ marginTop: 16 }} title={`覆盖情况（截至 ${q.data?.asOf ?? ''}）`} extra={<Segmented value={by} onChange={(v) => setBy(v as typeof by)} options={[{ value: 'street', label: '按街道/镇' }, { value: 'park', label: '按园区' }, { value: 'industry', label: '按行业' }]} />}>
        <BarChart items={(q.data?.items ?? []).map((i) => ({ name: i.name, value: i.contractRate }))} />
        <Table
          rowKey="key"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.items}
          pagination={false}
          columns={[
            { title: by === 'industry' ? '行业' : '区域', dataIndex: 'name' },
            { title: '企业数', dataIndex: 'enterprises' },
            { title: '已建会', dataIndex: 'unionized' },
            { title: '有生效集体合同', dataIndex: 'withContract' },
            { title: '覆盖率', dataIndex: 'contractRate', render: (v: number) => `${v}%` },
            { title: '女职工专项', render: (_, i) => `${i.femaleSpecial}（${i.femaleRate}%）` },
            { title: '工资专项', render: (_, i) => `${i.wageSpecial}（${i.wageRate}%）` },
          ]}
        />
      </Card>
    </div>
  );
}
