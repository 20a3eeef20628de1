import { useState } from 'react';
import { Button, Card, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { ListingActionModal, NoticeModal, type ListingAction } from './components/listing-actions';
import { KIND_OPTIONS, STATUS_COLORS, type Candidate, type Listing } from './types';

/** 红黑名单: listings with their notice, appeal, decision and removal; candidates; export for joint punishment. */
export function CreditListsPage() {
  const { me } = useAuth();
  const manage = !!me?.abilities['creditList.manage'];
  const qc = useQueryClient();
  const [kind, setKind] = useState<'black' | 'red'>('black');
  const [page, setPage] = useState(1);
  const [acting, setActing] = useState<{ listing: Listing; action: ListingAction } | null>(null);
  const [noticing, setNoticing] = useState<Candidate | null>(null);
  const listings = useQuery({ queryKey: ['credit-lists', kind, page], queryFn: () => api.get<{ items: Listing[]; total: number }>(`/api/credit/lists${qs({ kind, page, pageSize: 20 })}`) });
  const candidates = useQuery({ queryKey: ['credit-list-candidates', kind], enabled: manage, queryFn: () => api.get<{ items: Candidate[] }>(`/api/credit/lists/candidates${qs({ kind })}`) });
  const refresh = () => void qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('credit-list') });

  const table = (
    <Table<Listing>
      rowKey="id"
      size="small"
      dataSource={listings.data?.items}
      pagination={{ current: page, total: listings.data?.total, pageSize: 20, onChange: setPage, showSizeChanger: false }}
      locale={{ emptyText: '暂无名单记录' }}
      columns={[
        { title: '企业', render: (_, r) => (manage ? <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> : r.enterpriseName) },
        { title: '列入依据', render: (_, r) => <Typography.Text style={{ fontSize: 12 }}>{r.criterion?.text}<br /><Typography.Text type="secondary">{r.criterion?.citation}</Typography.Text></Typography.Text> },
        { title: '状态', render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag> },
        { title: '告知 / 申辩期至', render: (_, r) => `${r.noticedOn} / ${r.noticeDueOn}` },
        { title: '列入期限', render: (_, r) => (r.listedOn ? `${r.listedOn} 至 ${r.listedUntil}` : r.removedOn ? `已于${r.removedOn}移出` : '—') },
        {
          title: '操作',
          render: (_, r) => (
            <Space>
              {r.abilities.appeal && <Button size="small" onClick={() => setActing({ listing: r, action: 'appeal' })}>陈述申辩</Button>}
              {r.abilities.decide && <Button size="small" type="primary" onClick={() => setActing({ listing: r, action: 'decide' })}>作出决定</Button>}
              {r.abilities.remove && <Button size="small" onClick={() => setActing({ listing: r, action: 'remove' })}>移出</Button>}
            </Space>
          ),
        },
      ]}
    />
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>守法诚信红黑名单</Typography.Title>
      <Typography.Text type="secondary">
        黑名单依据《保障农民工工资支付条例》第四十八条和《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》：列入前告知企业并听取陈述申辩，列入期限3年，改正并作出信用承诺满6个月可申请提前移出。红名单为本地守法诚信激励措施。
      </Typography.Text>
      <Card
        size="small"
        title={<Segmented value={kind} onChange={(v) => (setKind(v as 'black' | 'red'), setPage(1))} options={KIND_OPTIONS} />}
        extra={manage && <Button href={`/api/credit/lists/export${qs({ kind })}`}>导出当前名单（联合奖惩）</Button>}
      >
        {manage ? (
          <Tabs
            items={[
              { key: 'records', label: `名单记录（${listings.data?.total ?? 0}）`, children: table },
              {
                key: 'candidates',
                label: `符合列入条件（${candidates.data?.items.length ?? 0}）`,
                children: (
                  <Table<Candidate>
                    rowKey="enterpriseId"
                    size="small"
                    dataSource={candidates.data?.items}
                    locale={{ emptyText: '暂无符合条件的企业' }}
                    columns={[
                      { title: '企业', render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> },
                      { title: '统一社会信用代码', dataIndex: 'uscc' },
                      { title: '符合的条件', render: (_, r) => r.criteria.map((c) => <div key={c.id}>{c.text}</div>) },
                      { title: '', render: (_, r) => <Button size="small" type="primary" onClick={() => setNoticing(r)}>告知拟列入</Button> },
                    ]}
                  />
                ),
              },
            ]}
          />
        ) : (
          table
        )}
      </Card>
      <ListingActionModal listing={acting?.listing ?? null} action={acting?.action ?? null} onClose={() => setActing(null)} onDone={() => (setActing(null), refresh())} />
      <NoticeModal candidate={noticing} kind={kind} onClose={() => setNoticing(null)} onDone={() => (setNoticing(null), refresh())} />
    </Space>
  );
}
