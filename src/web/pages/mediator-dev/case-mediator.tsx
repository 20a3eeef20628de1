import { App, Card, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';

interface CaseMediator { mediator: { id: string; name: string; assignedOn: string } | null; candidates: { id: string; name: string }[] }

/** 承办调解员 on the case page: the designated mediator, whose results count in their yearly evaluation. */
export function CaseMediatorCard({ caseId }: { caseId: string }) {
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const allowed = !!me?.abilities['caseMediator.assign'];
  const key = ['case-mediator', caseId];
  const q = useQuery({ queryKey: key, enabled: allowed, queryFn: () => api.get<CaseMediator>(`/api/cases/${caseId}/mediator`) });
  const save = useMutation({ mutationFn: (mediatorId: string) => api.put(`/api/cases/${caseId}/mediator`, { mediatorId }), onSuccess: () => (message.success('已指定承办调解员'), void qc.invalidateQueries({ queryKey: key })), onError: (e) => message.error(e.message) });
  if (!allowed || !q.data) return null;
  const m = q.data.mediator;
  return (
    <Card size="small" title="承办调解员">
      <Space wrap>
        {m ? <Typography.Text>当前：<Link to={`/rosters/mediators/${m.id}`}>{m.name}</Link>（{m.assignedOn}指定）</Typography.Text> : <Typography.Text type="secondary">尚未指定</Typography.Text>}
        <Select style={{ width: 200 }} placeholder="指定调解员" value={m?.id} loading={save.isPending} onChange={(v: string) => save.mutate(v)} options={q.data.candidates.map((c) => ({ value: c.id, label: c.name }))} />
      </Space>
    </Card>
  );
}
