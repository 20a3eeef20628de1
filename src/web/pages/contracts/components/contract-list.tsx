import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { zh } from '../../../locale/zh';
import { KIND_OPTIONS, STATUS_COLORS, type ContractItem, type Paged } from '../types';
import { CreateContractModal } from './create-contract';
import { Highlighted } from './highlighted';

const STATUS_OPTIONS = [
  { value: 'draft', label: '待报送' },
  { value: 'under_review', label: '审查中' },
  { value: 'effective', label: '已生效' },
  { value: 'objected', label: '审查有异议' },
  { value: 'expired', label: '已到期' },
];

export function ContractList() {
  const { me } = useAuth();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['contracts', q, status, kind, page],
    queryFn: () => api.get<Paged<ContractItem>>(`/api/collective-contracts${qs({ q, status, kind, page })}`),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="全文检索合同文本，如：哺乳期" allowClear onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 320 }} data-testid="contract-search" />
        <Select placeholder="状态" allowClear options={STATUS_OPTIONS} onChange={(v) => (setStatus(v), setPage(1))} style={{ width: 140 }} />
        <Select placeholder="类型" allowClear options={KIND_OPTIONS} onChange={(v) => (setKind(v), setPage(1))} style={{ width: 220 }} />
        {me?.abilities['contract.manage'] && (
          <Button type="primary" onClick={() => setOpen(true)}>
            登记集体合同
          </Button>
        )}
      </Space>
      <Table<ContractItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: zh.common.empty }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, showTotal: zh.common.total, onChange: setPage }}
        columns={[
          {
            title: '合同名称',
            render: (_, c) => (
              <div>
                <Link to={`/contracts/${c.id}`}>{c.title}</Link>
                {c.match?.snippet && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2 }}>
                    …<Highlighted text={c.match.snippet} ranges={c.match.highlights ?? []} />…
                  </Typography.Paragraph>
                )}
              </div>
            ),
          },
          { title: '类型', dataIndex: 'kindLabel', width: 200 },
          { title: '企业/区域', render: (_, c) => c.enterpriseName ?? `${c.regionName ?? c.regionId}（${c.scopeLabel}）` },
          { title: '期限', render: (_, c) => (c.termStart ? `${c.termStart} 至 ${c.termEnd}` : '—'), width: 210 },
          {
            title: '状态',
            width: 170,
            render: (_, c) => (
              <Space size={4}>
                <Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>
                {c.status === 'under_review' && c.reviewClock && <Tag color="orange">剩{c.reviewClock.daysLeft}天</Tag>}
                {c.expired && <Tag>已到期</Tag>}
                {c.file && !c.file.searchable && <Tag color="warning">扫描件</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <CreateContractModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
