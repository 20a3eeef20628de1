import { useState } from 'react';
import { Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api';
import { zh } from '../../locale/zh';
import { MEDIATION_KINDS, MEDIATION_LEVELS } from '../../../domain/mediation/organisations';

interface Org {
  id: string;
  name: string;
  levelLabel: string;
  kindLabel: string;
  regionName: string | null;
  address: string | null;
  hours: string | null;
  phone: string | null;
  standardized: boolean;
  gold: boolean;
  goldOn: string | null;
}
interface Mediator {
  name: string;
  organizationName: string;
  specialities: string[];
}

/** The public directory of mediation organisations and mediators (name, organisation, speciality). */
export function MediationOrgsPage() {
  const [level, setLevel] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const orgs = useQuery({
    queryKey: ['pub-orgs', level, kind, q, page],
    queryFn: () => api.get<{ items: Org[]; total: number }>(`/api/public/mediation-orgs${qs({ level, kind, q, page })}`),
  });
  const [mq, setMq] = useState('');
  const [mpage, setMpage] = useState(1);
  const meds = useQuery({
    queryKey: ['pub-mediators', mq, mpage],
    queryFn: () => api.get<{ items: Mediator[]; total: number }>(`/api/public/mediators${qs({ q: mq, page: mpage })}`),
  });
  return (
    <Card title="调解组织与调解员名录">
      <Tabs
        items={[
          {
            key: 'orgs',
            label: '调解组织',
            children: (
              <>
                <Space wrap style={{ marginBottom: 16 }}>
                  <Input.Search placeholder="组织名称" allowClear onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 220 }} />
                  <Select
                    placeholder="层级"
                    allowClear
                    style={{ width: 120 }}
                    onChange={(v) => (setLevel(v), setPage(1))}
                    options={Object.entries(MEDIATION_LEVELS).map(([value, label]) => ({ value, label }))}
                  />
                  <Select
                    placeholder="类型"
                    allowClear
                    style={{ width: 130 }}
                    onChange={(v) => (setKind(v), setPage(1))}
                    options={Object.entries(MEDIATION_KINDS).map(([value, label]) => ({ value, label }))}
                  />
                </Space>
                <Table<Org>
                  rowKey="id"
                  size="small"
                  loading={orgs.isLoading}
                  dataSource={orgs.data?.items}
                  locale={{ emptyText: zh.common.empty }}
                  pagination={{ current: page, total: orgs.data?.total, pageSize: 20, onChange: setPage, showTotal: zh.common.total }}
                  columns={[
                    {
                      title: '名称',
                      dataIndex: 'name',
                      render: (v: string, o) => (
                        <Space wrap>
                          {v}
                          {o.gold && <Tag color="gold">金牌</Tag>}
                          {o.standardized && <Tag color="blue">规范化</Tag>}
                        </Space>
                      ),
                    },
                    { title: '层级', dataIndex: 'levelLabel', width: 90 },
                    { title: '类型', dataIndex: 'kindLabel', width: 100 },
                    { title: '区域', dataIndex: 'regionName', width: 150 },
                    { title: '地址', dataIndex: 'address', ellipsis: true },
                    { title: '办公时间', dataIndex: 'hours', ellipsis: true },
                    { title: '电话', dataIndex: 'phone', width: 130 },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'mediators',
            label: '调解员',
            children: (
              <>
                <Input.Search
                  placeholder="姓名"
                  allowClear
                  onSearch={(v) => (setMq(v), setMpage(1))}
                  style={{ width: 220, marginBottom: 16 }}
                />
                <Table<Mediator>
                  rowKey={(m) => m.organizationName + m.name}
                  size="small"
                  loading={meds.isLoading}
                  dataSource={meds.data?.items}
                  pagination={{ current: mpage, total: meds.data?.total, pageSize: 20, onChange: setMpage, showTotal: zh.common.total }}
                  columns={[
                    { title: '姓名', dataIndex: 'name' },
                    { title: '所属组织', dataIndex: 'organizationName' },
                    { title: '擅长领域', dataIndex: 'specialities', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
