import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { zh } from '../../locale/zh';
import { CreateEnterpriseModal } from './components/create-modal';
import { EnterpriseFilters, FILTER_KEYS, type Filters } from './components/filters';
import { RISK_COLORS, type EnterpriseItem } from './types';

export function EnterprisesPage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters: Filters = Object.fromEntries(FILTER_KEYS.filter((k) => params.get(k)).map((k) => [k, params.get(k)!]));
  const page = Number(params.get('page') ?? 1);
  const sort = params.get('sort') ?? 'name';
  const order = params.get('order') ?? 'asc';
  const query = { ...filters, page, pageSize: 20, sort, order };
  const q = useQuery({ queryKey: ['enterprises', query], queryFn: () => api.get<{ items: EnterpriseItem[]; total: number }>(`/api/enterprises${qs(query)}`) });
  const update = (next: Record<string, string | number | undefined>) => {
    const merged = { ...filters, sort, order, page, ...next } as Record<string, unknown>;
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'sort' && v === 'name') && !(k === 'order' && v === 'asc')) s.set(k, String(v));
    setParams(s);
  };
  return (
    <Card
      title="企业名录"
      extra={
        <Space>
          {me?.abilities['enterprise.create'] && <Button onClick={() => setCreating(true)}>登记企业</Button>}
          {me?.abilities['enterprise.import'] && <Button onClick={() => void navigate('/enterprises/import')}>导入台账</Button>}
          {me?.abilities['enterprise.export'] && (
            <Button type="primary" href={`/api/enterprises/export${qs(filters)}`} data-testid="export">
              导出Excel
            </Button>
          )}
        </Space>
      }
    >
      <EnterpriseFilters value={filters} onChange={(f) => update({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), ...f, page: 1 })} />
      <Table<EnterpriseItem>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: zh.common.empty }}
        scroll={{ x: 1100 }}
        pagination={{ current: page, total: q.data?.total, pageSize: 20, showSizeChanger: false, showTotal: zh.common.total, onChange: (p) => update({ page: p }) }}
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          update({ sort: s?.order ? String(s.field) : 'name', order: s?.order === 'descend' ? 'desc' : 'asc', page: 1 });
        }}
        columns={[
          { title: '企业名称', dataIndex: 'name', sorter: true, render: (v: string, e) => <Link to={`/enterprises/${e.id}`}>{v}</Link> },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
          { title: '街道（镇）/园区', render: (_, e) => [e.streetName, e.parkName].filter(Boolean).join(' / ') },
          { title: '行业', dataIndex: 'industryName', ellipsis: true },
          { title: '规模', dataIndex: 'sizeName', width: 70 },
          { title: '职工人数', dataIndex: 'headcount', sorter: true, width: 100, align: 'right' },
          { title: '工会', dataIndex: 'unionEstablished', width: 80, render: (v: boolean) => (v ? <Tag color="green">已建会</Tag> : <Tag>未建会</Tag>) },
          { title: '重点', dataIndex: 'isKey', width: 60, render: (v: boolean) => (v ? <Tag color="volcano">重点</Tag> : '') },
          { title: '风险', dataIndex: 'riskLevel', width: 70, render: (v: string | null, e) => (v ? <Tag color={RISK_COLORS[v]}>{e.riskName}</Tag> : '—') },
          { title: '联系人', render: (_, e) => [e.contactName, e.contactPhone].filter(Boolean).join(' ') },
        ]}
      />
      <CreateEnterpriseModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
