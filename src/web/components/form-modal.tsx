import type { ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../api';

/**
 * A modal around a form that posts somewhere: server field errors land on their fields, anything else is a message.
 * `toBody` turns form values (dates as dayjs) into the request body.
 */
export function FormModal<V extends Record<string, unknown>>(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  onDone: (result: unknown) => void;
  submit: (body: Record<string, unknown>) => Promise<unknown>;
  toBody?: (v: V) => Record<string, unknown>;
  initialValues?: Partial<V>;
  width?: number;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const run = useMutation({
    mutationFn: (v: V) => props.submit(props.toBody ? props.toBody(v) : v),
    onSuccess: (r) => (message.success(`${props.title}：已完成`), form.resetFields(), props.onDone(r)),
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field.split('.')[0]! as never, errors: [f.message] }))) : message.error((e as Error).message)),
  });
  return (
    <Modal title={props.title} open={props.open} onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={run.isPending} okText="确定" cancelText="取消" width={props.width ?? 560} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={props.initialValues}>
        {typeof props.children === 'function' ? props.children(form) : props.children}
      </Form>
    </Modal>
  );
}
