import { useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Card, Input, Popconfirm, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { zh } from '../../locale/zh';
import { MessageList } from './components/message-list';
import { ProposeDialog } from './components/propose-dialog';
import { RoomHeader } from './components/room-header';
import { useRoom } from './use-room';
import { ROLE_COLORS, ROLE_LABELS, type Channel, type Proposal, type SessionDetail } from './types';

const TAB_LABELS: Record<string, Record<Channel, string>> = {
  mediator: { main: '调解室', applicant: '背对背·申请人', respondent: '背对背·被申请人' },
  party: { main: '调解室', applicant: '背对背（仅调解员）', respondent: '背对背（仅调解员）' },
};

/** The online mediation room: presence, messages, proposals, 背对背 side rooms, video banner; phone and desktop. */
export function SessionRoomPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['session', id], queryFn: () => api.get<SessionDetail>(`/api/sessions/${id}`) });
  const s = q.data;
  const live = !!s && (s.status === 'scheduled' || s.status === 'in_progress');
  const room = useRoom(id, live);
  const [tab, setTab] = useState<Channel>('main');
  const [text, setText] = useState('');
  const [seenCount, setSeenCount] = useState<Record<string, number>>({});

  const proposals = useMemo(() => {
    const m = new Map<string, Proposal>((s?.proposals ?? []).map((p) => [p.id, p]));
    for (const e of room.events) {
      const pid = e.data?.proposalId;
      if (!pid) continue;
      if (e.kind === 'proposal' && !m.has(pid) && e.data?.terms) {
        m.set(pid, {
          id: pid,
          seq: e.seq,
          terms: e.data.terms,
          status: 'open',
          statusLabel: '待双方表态',
          applicantDecision: null,
          respondentDecision: null,
          agreementId: null,
        });
      }
      if (e.kind === 'proposal_response' && e.data?.proposal) {
        const prev = m.get(pid);
        m.set(pid, { ...e.data.proposal, agreementId: prev?.agreementId ?? e.data.proposal.agreementId });
      }
    }
    return m;
  }, [s?.proposals, room.events]);

  if (q.isLoading) return <Skeleton active style={{ padding: 24 }} />;
  if (q.error || !s)
    return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error)?.message} style={{ margin: 16 }} />;

  const me = s.me;
  const closed = !live || room.roomClosed;
  const byChannel = (ch: Channel) => room.events.filter((e) => e.channel === ch);
  const labels = TAB_LABELS[me.role === 'mediator' ? 'mediator' : 'party']!;

  const respond = async (p: Proposal, decision: 'accept' | 'reject') => {
    try {
      await room.send({ type: 'respond', proposalId: p.id, decision });
      message.success(decision === 'accept' ? '您已接受该方案' : '您已表示不接受该方案');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const toAgreement = async (p: Proposal) => {
    try {
      await api.post(`/api/sessions/${s.id}/proposals/${p.id}/agreement`, {});
      message.success('已形成调解协议，请在案件页查看');
      await qc.invalidateQueries({ queryKey: ['session', id] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const actions = (p: Proposal) => {
    if (closed) return null;
    if ((me.role === 'applicant' || me.role === 'respondent') && p.status === 'open' && !p[`${me.role}Decision`]) {
      return (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" onClick={() => void respond(p, 'accept')} data-testid="accept-proposal">
            接受方案
          </Button>
          <Button danger onClick={() => void respond(p, 'reject')} data-testid="reject-proposal">
            不接受
          </Button>
        </Space>
      );
    }
    if (me.role === 'mediator' && p.status === 'accepted' && !p.agreementId) {
      return (
        <Button type="primary" style={{ marginTop: 8 }} onClick={() => void toAgreement(p)} data-testid="to-agreement">
          形成调解协议
        </Button>
      );
    }
    if (p.agreementId)
      return (
        <Tag color="green" style={{ marginTop: 8 }}>
          已形成调解协议
        </Tag>
      );
    return null;
  };

  const sendText = async () => {
    const body = text.trim();
    if (!body) return;
    setText('');
    try {
      await room.send({ type: 'message', channel: tab, text: body });
    } catch (e) {
      message.error((e as Error).message);
      setText(body);
    }
  };

  const unread = (ch: Channel) => (ch === tab || closed ? 0 : Math.max(0, byChannel(ch).length - (seenCount[ch] ?? 0)));

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <RoomHeader s={s} state={room.state} closed={closed} />
      <div style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {s.video.enabled && s.video.url ? (
            <Alert
              type="success"
              data-testid="video-banner"
              message="视频调解已开启"
              description={
                <a href={s.video.url} target="_blank" rel="noreferrer">
                  进入视频会议（新窗口）
                </a>
              }
            />
          ) : (
            <Alert type="info" data-testid="video-banner" message={s.video.message} showIcon />
          )}
          {!closed && (
            <Card size="small" title="在线成员" data-testid="presence">
              <Space wrap>
                {room.online.length === 0 && <Typography.Text type="secondary">暂无成员在线</Typography.Text>}
                {room.online.map((m) => (
                  <Tag key={m.userId} color={ROLE_COLORS[m.role]}>
                    <Badge status="success" /> {ROLE_LABELS[m.role]} · {m.name}
                  </Tag>
                ))}
              </Space>
            </Card>
          )}
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              activeKey={tab}
              onChange={(k) => {
                setSeenCount((c) => ({ ...c, [tab]: byChannel(tab).length, [k]: byChannel(k as Channel).length }));
                setTab(k as Channel);
              }}
              items={me.channels.map((ch) => ({
                key: ch,
                label: (
                  <span data-testid={`tab-${ch}`}>
                    <Badge count={unread(ch)} size="small" offset={[8, -2]}>
                      {labels[ch]}
                    </Badge>
                  </span>
                ),
                children: (
                  <div style={{ height: 'calc(100vh - 420px)', minHeight: 280, overflowY: 'auto' }}>
                    {ch !== 'main' && (
                      <Alert
                        type="warning"
                        showIcon
                        message={
                          me.role === 'mediator' ? `背对背：只有您和${ROLE_LABELS[ch]}能看到` : '背对背：只有您和调解员能看到，对方看不到'
                        }
                        style={{ marginBottom: 8 }}
                      />
                    )}
                    <MessageList events={byChannel(ch)} myId={me.userId} proposals={proposals} renderActions={actions} />
                  </div>
                ),
              }))}
            />
            {me.canPost && !closed ? (
              <Space.Compact style={{ width: '100%' }}>
                <Input.TextArea
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  placeholder={tab === 'main' ? '发言（双方和调解员都能看到）' : '背对背发言'}
                  onPressEnter={(e) => {
                    if (!e.shiftKey) {
                      e.preventDefault();
                      void sendText();
                    }
                  }}
                  data-testid="composer"
                />
                <Button type="primary" onClick={() => void sendText()} data-testid="send">
                  发送
                </Button>
              </Space.Compact>
            ) : (
              <Typography.Text type="secondary">
                {closed ? '调解已结束，记录只读。' : '您以旁听身份进入，只能查看调解室消息。'}
              </Typography.Text>
            )}
            {me.role === 'mediator' && !closed && (
              <Space style={{ marginTop: 8 }} wrap>
                <ProposeDialog respondentName={s.respondentName} onSubmit={(terms) => room.send({ type: 'propose', terms })} />
                <Popconfirm
                  title="结束本次调解？"
                  description="结束后将生成调解笔录草稿，调解室不能再发言。"
                  okText="结束"
                  cancelText="取消"
                  onConfirm={async () => {
                    const r = await api.post<{ transcriptDocumentId: string | null }>(`/api/sessions/${s.id}/close`);
                    message.success(r.transcriptDocumentId ? '调解已结束，调解笔录草稿已存入案件文书' : '调解已结束');
                    await qc.invalidateQueries({ queryKey: ['session', id] });
                  }}
                >
                  <Button danger data-testid="close-session">
                    结束调解
                  </Button>
                </Popconfirm>
                <Link to={`/cases/${s.caseId}`}>查看案件</Link>
              </Space>
            )}
          </Card>
        </Space>
      </div>
    </div>
  );
}
