import { useState } from 'react';
import { Button, Form, Input, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import { FormModal } from '../../../components/form-modal';
import type { Inspector, Item } from '../types';

/** 随机抽查事项清单 */
export function ItemsTable() {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const items = useQuery({ queryKey: ['inspection-items'], queryFn: () => api.get<{ items: Item[] }>('/api/inspections/items') });
  return (
    <>
      <Button style={{ marginBottom: 8 }} onClick={() => setOpen(true)}>新增抽查事项</Button>
      <Table<Item> rowKey="id" size="small" pagination={false} dataSource={items.data?.items} columns={[{ title: '编码', dataIndex: 'code', width: 110 }, { title: '抽查事项', dataIndex: 'name' }, { title: '依据', dataIndex: 'basis' }, { title: '检查方式', dataIndex: 'method', width: 140 }]} />
      <FormModal title="新增抽查事项" open={open} onClose={() => setOpen(false)} onDone={() => (setOpen(false), void qc.invalidateQueries({ queryKey: ['inspection-items'] }))} submit={(b) => api.post('/api/inspections/items', b)}>
        <Form.Item name="code" label="事项编码" rules={[{ required: true, message: '请填写事项编码' }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="name" label="抽查事项" rules={[{ required: true, message: '请填写抽查事项' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="basis" label="抽查依据" rules={[{ required: true, message: '请填写抽查依据' }]}><Input maxLength={500} /></Form.Item>
        <Form.Item name="method" label="检查方式" rules={[{ required: true, message: '请填写检查方式' }]}><Input maxLength={100} /></Form.Item>
      </FormModal>
    </>
  );
}

/** 执法人员名录库 with the enterprises each inspector must stay away from (回避). */
export function InspectorsTable() {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: ['inspectors'], queryFn: () => api.get<{ items: Inspector[] }>('/api/inspections/inspectors') });
  return (
    <>
      <Button style={{ marginBottom: 8 }} onClick={() => setOpen(true)}>执法人员入库</Button>
      <Table<Inspector>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data?.items}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '执法证号', dataIndex: 'certNo' },
          { title: '单位', dataIndex: 'unit' },
          { title: '回避企业（利害关系）', render: (_, r) => r.conflicts.map((c) => <Tag key={c.enterpriseId}>{c.enterpriseName}</Tag>) },
          { title: '状态', render: (_, r) => (r.active ? <Tag color="green">在库</Tag> : <Tag>已出库</Tag>) },
        ]}
      />
      <FormModal title="执法人员入库" open={open} onClose={() => setOpen(false)} onDone={() => (setOpen(false), void qc.invalidateQueries({ queryKey: ['inspectors'] }))} submit={(b) => api.post('/api/inspections/inspectors', { ...b, conflicts: [] })}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="certNo" label="执法证号" rules={[{ required: true, message: '请填写执法证号' }]}><Input maxLength={40} /></Form.Item>
        <Form.Item name="unit" label="所在单位" rules={[{ required: true, message: '请填写所在单位' }]}><Input maxLength={100} /></Form.Item>
      </FormModal>
    </>
  );
}
