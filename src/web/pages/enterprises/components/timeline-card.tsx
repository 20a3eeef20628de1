import { Button, Card, Empty, Tag, Timeline, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../../api';
import { zh } from '../../../locale/zh';

export interface TimelineItem {
  id: string;
  at: string;
  kind: string;
  module: string;
  title: string;
  detail: string | null;
  refType: string | null;
  refId: string | null;
  actorName: string | null;
}

const PAGE = 30;

/** Module → tag label and colour; the server shows each module only to those who may read it. */
const MODULES: Record<string, { label: string; color: string }> = {
  registry: { label: '台账', color: 'default' },
  cases: { label: '争议案件', color: 'blue' },
  risk: { label: '风险信号', color: 'orange' },
  alerts: { label: '预警', color: 'red' },
  complaints: { label: '投诉举报', color: 'volcano' },
  contracts: { label: '集体合同', color: 'green' },
  credit: { label: '信用', color: 'purple' },
  wage: { label: '工资支付', color: 'gold' },
  rosters: { label: '协调员', color: 'cyan' },
  services: { label: '企业服务', color: 'geekblue' },
};

/** Where an entry's record is shown, when it has a page of its own. */
const PAGES: Record<string, string> = {
  dispute_case: '/cases/',
  collective_contract: '/contracts/',
  alert: '/risk/alerts/',
  complaint: '/complaints/',
  coordinator: '/rosters/coordinators/',
};
function linkOf(i: TimelineItem): string | undefined {
  const base = i.refType ? PAGES[i.refType] : undefined;
  return base && i.refId ? `${base}${i.refId}` : undefined;
}

/** One timeline of everything the modules know about the enterprise, newest first, loaded a page at a time. */
export function EnterpriseTimelineCard({ enterpriseId }: { enterpriseId: string }) {
  const q = useInfiniteQuery({
    queryKey: ['enterprise', enterpriseId, 'timeline'],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api.get<{ items: TimelineItem[] }>(
        `/api/enterprises/${enterpriseId}/timeline?limit=${PAGE}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (last) => (last.items.length < PAGE ? undefined : last.items.at(-1)!.at),
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title="企业时间线" data-testid="timeline" loading={q.isLoading}>
      {items.length ? (
        <>
          <Timeline
            items={items.map((i) => {
              const m = MODULES[i.module];
              const to = linkOf(i);
              return {
                key: i.id,
                children: (
                  <div>
                    {m && <Tag color={m.color}>{m.label}</Tag>}
                    {to ? (
                      <Link to={to}>
                        <Typography.Text strong>{i.title}</Typography.Text>
                      </Link>
                    ) : (
                      <Typography.Text strong>{i.title}</Typography.Text>
                    )}
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                      {new Date(i.at).toLocaleString('zh-CN', { hour12: false })} {i.actorName ?? ''}
                    </Typography.Text>
                    {i.detail && <div>{i.detail}</div>}
                  </div>
                ),
              };
            })}
          />
          {q.hasNextPage && (
            <Button block loading={q.isFetchingNextPage} onClick={() => q.fetchNextPage()}>
              加载更早的记录
            </Button>
          )}
        </>
      ) : (
        <Empty description={zh.common.empty} />
      )}
    </Card>
  );
}
