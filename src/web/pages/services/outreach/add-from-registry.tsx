import { useState } from 'react';
import { App, Button, Modal, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../api';
import { EnterprisePicker, type PickedEnterprise } from '../components/enterprise-picker';

/** Adds enterprises picked from the registry to the outreach list by assigning them a service officer. */
export function AddFromRegistry({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<PickedEnterprise[]>([]);
  const [officer, setOfficer] = useState<string>();
  const officers = useQuery({ queryKey: ['outreach-officers'], queryFn: () => api.get<{ items: { id: string; displayName: string }[] }>('/api/outreach/officers'), enabled: picked.length > 0 });
  const assign = useMutation({
    mutationFn: async () => {
      let ok = 0;
      for (const e of picked) {
        await api.post(`/api/outreach/${e.id}/assign`, { officerUserId: officer });
        ok++;
      }
      return ok;
    },
    onSuccess: (n) => (message.success(`已将 ${n} 家企业纳入走访名单并分派`), setPicked([]), setOfficer(undefined), onDone()),
    onError: (e) => (message.error((e as Error).message), onDone()),
  });
  return (
    <>
      <Button onClick={() => setPicking(true)}>从企业名录添加</Button>
      <EnterprisePicker open={picking} title="从企业名录选择走访企业" initial={[]} okText="下一步" onCancel={() => setPicking(false)} onOk={(p) => (setPicked(p), setPicking(false))} />
      <Modal title="分派服务专员" open={picked.length > 0} onCancel={() => setPicked([])} onOk={() => assign.mutate()} okButtonProps={{ disabled: !officer }} confirmLoading={assign.isPending} okText="纳入名单并分派" cancelText="取消">
        <Typography.Paragraph>已选 {picked.length} 家企业：{picked.slice(0, 5).map((e) => e.name).join('、')}{picked.length > 5 ? '等' : ''}</Typography.Paragraph>
        <Select style={{ width: '100%' }} placeholder="选择服务专员" value={officer} onChange={setOfficer} options={officers.data?.items.map((o) => ({ value: o.id, label: o.displayName }))} />
      </Modal>
    </>
  );
}
