import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api';

/** Searchable picker over the mediator roster the user can see. */
export function MediatorSelect({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ['mediator-pick', q], queryFn: () => api.get<{ items: { id: string; name: string; orgName: string }[] }>(`/api/mediator-roster${qs({ q, status: 'active', pageSize: 30 })}`) });
  return <Select showSearch value={value} onChange={onChange} filterOption={false} onSearch={setQ} placeholder="输入姓名查找" options={list.data?.items.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))} />;
}
