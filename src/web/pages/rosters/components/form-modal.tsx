import type { ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../../api';

/** A modal form that posts its values (dates as YYYY-MM-DD), shows field errors and refreshes `invalidate`. */
export function FormModal({ title, open, onClose, submit, invalidate, children, initialValues }: { title: string; open: boolean; onClose: () => void; submit: (v: Record<string, unknown>) => Promise<unknown>; invalidate: unknown[]; children: ReactNode; initialValues?: Record<string, unknown> }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (v: Record<string, unknown>) => submit(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x && typeof x === 'object' && 'format' in x ? (x as Dayjs).format('YYYY-MM-DD') : x]))),
    onSuccess: () => (message.success('已保存'), void qc.invalidateQueries({ queryKey: invalidate }), form.resetFields(), onClose()),
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field.split('.'), errors: [f.message] })));
      message.error((e as Error).message);
    },
  });
  return (
    <Modal title={title} open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={m.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
