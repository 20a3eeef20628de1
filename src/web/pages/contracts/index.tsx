import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth';
import { ContractList } from './components/contract-list';
import { ContractCoverage } from './components/coverage';
import { ExpiringContracts } from './components/expiring';
import { NegotiationList } from './components/negotiations';

export function ContractsPage() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'list';
  const items = [
    { key: 'list', label: '合同台账', children: <ContractList /> },
    { key: 'expiring', label: '到期提醒', children: <ExpiringContracts /> },
    ...(me?.abilities['contract.coverage'] ? [{ key: 'coverage', label: '覆盖情况', children: <ContractCoverage /> }] : []),
    ...(me?.abilities['negotiation.read'] ? [{ key: 'negotiations', label: '集体协商', children: <NegotiationList /> }] : []),
  ];
  return (
    <Card title="集体合同">
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={items} destroyOnHidden />
    </Card>
  );
}
