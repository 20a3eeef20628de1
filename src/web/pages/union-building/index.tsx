import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth';
import { UnionAssessment } from './components/assessment';
import { UnionPipeline } from './components/pipeline';
import { UnionSummary } from './components/summary';

export function UnionBuildingPage() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const items = [
    { key: 'summary', label: '建会进度与年度目标', children: <UnionSummary /> },
    { key: 'pipeline', label: '未建会企业', children: <UnionPipeline /> },
    ...(me?.abilities['unionAssessment.read'] ? [{ key: 'assessment', label: '工会年度考核', children: <UnionAssessment /> }] : []),
  ];
  return (
    <Card title="建会推进">
      <Tabs activeKey={params.get('tab') ?? 'summary'} onChange={(k) => setParams({ tab: k })} items={items} destroyOnHidden />
    </Card>
  );
}
