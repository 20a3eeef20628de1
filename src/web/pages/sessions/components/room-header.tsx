import { Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ConnState } from '../use-room';
import { STATUS_COLORS, chinaTime, type SessionDetail } from '../types';

const CONN: Record<ConnState, { label: string; color: string }> = {
  connecting: { label: '连接中', color: 'processing' },
  open: { label: '已连接', color: 'success' },
  reconnecting: { label: '重新连接中…', color: 'warning' },
  closed: { label: '已断开', color: 'default' },
  refused: { label: '无法进入', color: 'error' },
};

/** Title bar of the room: back link (case page for staff and enterprises, the portal for workers), status, connection. */
export function RoomHeader({ s, state, closed }: { s: SessionDetail; state: ConnState; closed: boolean }) {
  const back = s.me.role === 'applicant' ? '/portal/sessions' : `/cases/${s.caseId}`;
  return (
    <div style={{ background: '#c0392b', color: '#fff', padding: '10px 16px' }}>
      <div style={{ maxWidth: 960, margin: '0 auto', display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Link to={back} style={{ color: '#fff' }} aria-label="返回">
          <ArrowLeftOutlined />
        </Link>
        <Typography.Text style={{ color: '#fff', fontSize: 16, fontWeight: 600 }}>在线调解室</Typography.Text>
        <Typography.Text style={{ color: '#fde' }}>{s.caseNo}</Typography.Text>
        <span style={{ flex: 1 }} />
        <Tag color={STATUS_COLORS[closed ? 'closed' : s.status]} data-testid="session-status">
          {closed ? '已结束' : s.statusLabel}
        </Tag>
        {!closed && (
          <Tag color={CONN[state].color} data-testid="conn-state">
            {CONN[state].label}
          </Tag>
        )}
        <Typography.Text style={{ color: '#fde', fontSize: 12, width: '100%' }}>
          {s.me.roleLabel} · {s.me.name} · 预约时间 {chinaTime(s.scheduledAt)}（{s.modeLabel}）
        </Typography.Text>
      </div>
    </div>
  );
}
