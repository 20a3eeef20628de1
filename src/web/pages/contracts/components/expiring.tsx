import { useState } from 'react';
import { App, Button, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api, qs } from '../../../api';
import { zh } from '../../../locale/zh';
import type { ContractItem, Paged } from '../types';
import { RenewalReminders } from './reminders';

/** Contracts in force that end within N days; renewal negotiation started from the old contract. */
export function ExpiringContracts() {
  const [days, setDays] = useState(90);
  const [page, setPage] = useState(1);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['contracts-expiring', days, page], queryFn: () => api.get<Paged<ContractItem>>(`/api/collective-contracts/expiring${qs({ days, page })}`) });
  const renew = useMutation({
    mutationFn: (id: string) => api.post<{ id: string }>(`/api/collective-contracts/${id}/renew`),
    onSuccess: (n) => {
      void qc.invalidateQueries({ queryKey: ['contracts-expiring'] });
      message.success('已发起续签协商');
      void navigate(`/contracts/negotiations/${n.id}`);
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <>
      <RenewalReminders />
      <Space style={{ marginBottom: 16 }}>
        到期提醒：
        <Select value={days} onChange={(v) => (setDays(v), setPage(1))} options={[30, 60, 90, 180, 365].map((d) => ({ value: d, label: `${d}天内到期` }))} style={{ width: 140 }} />
      </Space>
      <Table<ContractItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: zh.common.empty }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, showTotal: zh.common.total, onChange: setPage }}
        columns={[
          { title: '合同名称', render: (_, c) => <Link to={`/contracts/${c.id}`}>{c.title}</Link> },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '期限届满', dataIndex: 'termEnd', width: 120 },
          { title: '剩余', width: 100, render: (_, c) => <Tag color={(c.daysLeft ?? 0) <= 30 ? 'red' : 'orange'}>{c.daysLeft}天</Tag> },
          {
            title: '续签',
            width: 160,
            render: (_, c) =>
              c.renewal?.negotiationId ? (
                <Link to={`/contracts/negotiations/${c.renewal.negotiationId}`}>续签协商中</Link>
              ) : c.abilities.renew ? (
                <Button size="small" onClick={() => renew.mutate(c.id)} loading={renew.isPending}>
                  发起续签协商
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
