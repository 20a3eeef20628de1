import { useState } from 'react';
import { Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../api';
import type { EnterpriseItem } from '../../enterprises/types';
import { INDUSTRY_SECTIONS, SIZE_CLASSES } from '../labels';
import { useRegionOptions } from './use-regions';

export interface PickedEnterprise {
  id: string;
  name: string;
}

interface Filters {
  q?: string;
  street?: string;
  industry?: string;
  size?: string;
  union?: string;
}

/**
 * Picks enterprises from the registry (GET /api/enterprises, the caller's scope) with the registry's
 * filters; the selection survives paging and filter changes. Used for policy delivery lists and for
 * adding enterprises to the outreach list.
 */
export function EnterprisePicker({ open, title, initial, onCancel, onOk, okText = '确定' }: { open: boolean; title: string; initial: PickedEnterprise[]; onCancel: () => void; onOk: (picked: PickedEnterprise[]) => void; okText?: string }) {
  const { streets } = useRegionOptions();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const [seeded, setSeeded] = useState(false);
  if (open && !seeded) {
    setPicked(new Map(initial.map((e) => [e.id, e.name])));
    setSeeded(true);
  }
  if (!open && seeded) setSeeded(false);
  const list = useQuery({ queryKey: ['enterprise-picker', filters, page], queryFn: () => api.get<{ items: EnterpriseItem[]; total: number }>(`/api/enterprises${qs({ ...filters, page, pageSize: 10 })}`), enabled: open });
  const set = (k: keyof Filters, v: string | undefined) => (setFilters((f) => ({ ...f, [k]: v || undefined })), setPage(1));
  const toggle = (rows: EnterpriseItem[], on: boolean) =>
    setPicked((m) => {
      const next = new Map(m);
      for (const r of rows) if (on) next.set(r.id, r.name);
      else next.delete(r.id);
      return next;
    });
  return (
    <Modal title={title} open={open} width={900} onCancel={onCancel} onOk={() => onOk([...picked].map(([id, name]) => ({ id, name })))} okText={`${okText}（已选${picked.size}家）`} cancelText="取消" destroyOnHidden>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="企业名称或信用代码" onSearch={(v) => set('q', v)} style={{ width: 220 }} aria-label="企业名称或信用代码" />
        <Select allowClear placeholder="街道/镇" options={streets} onChange={(v) => set('street', v)} style={{ width: 140 }} />
        <Select allowClear placeholder="行业" options={Object.entries(INDUSTRY_SECTIONS).map(([value, label]) => ({ value, label }))} onChange={(v) => set('industry', v)} style={{ width: 200 }} />
        <Select allowClear placeholder="规模" options={Object.entries(SIZE_CLASSES).map(([value, label]) => ({ value, label }))} onChange={(v) => set('size', v)} style={{ width: 110 }} />
        <Select allowClear placeholder="是否建会" options={[{ value: 'yes', label: '已建会' }, { value: 'no', label: '未建会' }]} onChange={(v) => set('union', v)} style={{ width: 110 }} />
      </Space>
      <Table<EnterpriseItem>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, total: list.data?.total, pageSize: 10, onChange: setPage, showTotal: (n) => `符合条件 ${n} 家` }}
        rowSelection={{
          selectedRowKeys: [...picked.keys()],
          preserveSelectedRowKeys: true,
          onSelect: (r, on) => toggle([r], on),
          onSelectAll: (on, _rows, changed) => toggle(changed, on),
        }}
        columns={[
          { title: '企业名称', dataIndex: 'name' },
          { title: '街道/镇', dataIndex: 'streetName', width: 110 },
          { title: '行业', dataIndex: 'industryName', width: 180, ellipsis: true },
          { title: '职工', dataIndex: 'headcount', width: 70 },
        ]}
      />
      {picked.size > 0 && (
        <div style={{ maxHeight: 96, overflow: 'auto' }}>
          <Typography.Text type="secondary">已选：</Typography.Text>
          {[...picked].map(([id, name]) => (
            <Tag key={id} closable onClose={() => toggle([{ id, name } as EnterpriseItem], false)}>
              {name}
            </Tag>
          ))}
        </div>
      )}
    </Modal>
  );
}
