import { useEffect, useRef } from 'react';
import { Empty, Tag, Typography } from 'antd';
import { ROLE_COLORS, ROLE_LABELS, chinaTime, type Proposal, type RoomEvent } from '../types';
import { ProposalCard } from './proposal-card';

interface Props {
  events: RoomEvent[];
  myId: string;
  proposals: Map<string, Proposal>;
  renderActions: (p: Proposal) => React.ReactNode;
}

/** The messages of one channel, oldest first; own messages on the right; proposals as cards. */
export function MessageList({ events, myId, proposals, renderActions }: Props) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [events.length]);
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" style={{ padding: 24 }} />;
  return (
    <div data-testid="message-list" style={{ display: 'flex', flexDirection: 'column', gap: 10, padding: '8px 4px' }}>
      {events.map((e) => {
        if (e.kind === 'system' || e.kind === 'proposal_response') {
          return (
            <div key={e.seq} style={{ textAlign: 'center' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.kind === 'proposal_response' ? `${ROLE_LABELS[e.author.role]} ${e.author.name} ${e.text}` : e.text} ·{' '}
                {chinaTime(e.at).slice(11)}
              </Typography.Text>
            </div>
          );
        }
        const mine = e.author.id === myId;
        const p = e.kind === 'proposal' ? proposals.get(e.data?.proposalId ?? '') : undefined;
        return (
          <div
            key={e.seq}
            data-testid={`msg-${e.seq}`}
            style={{
              alignSelf: mine ? 'flex-end' : 'flex-start',
              maxWidth: e.kind === 'proposal' ? '100%' : '85%',
              width: e.kind === 'proposal' ? '100%' : undefined,
            }}
          >
            <div style={{ fontSize: 12, color: '#888', marginBottom: 2, textAlign: mine ? 'right' : 'left' }}>
              <Tag color={ROLE_COLORS[e.author.role]} style={{ marginRight: 4 }}>
                {ROLE_LABELS[e.author.role]}
              </Tag>
              {e.author.name} · {chinaTime(e.at).slice(11)}
            </div>
            {p ? (
              <ProposalCard p={p} actions={renderActions(p)} />
            ) : (
              <div
                style={{
                  background: mine ? '#fdecea' : '#fff',
                  border: '1px solid #eee',
                  borderRadius: 8,
                  padding: '8px 12px',
                  whiteSpace: 'pre-wrap',
                  wordBreak: 'break-word',
                }}
              >
                {e.text}
              </div>
            )}
          </div>
        );
      })}
      <div ref={end} />
    </div>
  );
}
