import { useState } from 'react';
import { App, Button, Input, Modal, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api';
import type { ContractDetail } from '../types';

/** The actions this user may take on the contract, as the server's abilities say. */
export function ContractActions({ c }: { c: ContractDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [objecting, setObjecting] = useState(false);
  const [opinion, setOpinion] = useState('');
  const done = (text: string) => () => {
    message.success(text);
    void qc.invalidateQueries({ queryKey: ['contract', c.id] });
  };
  const fail = (e: Error) => message.error(e.message);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const f = new FormData();
      f.append('file', file, file.name);
      return api.post(`/api/collective-contracts/${c.id}/file`, f);
    },
    onSuccess: done('合同文本已上传并完成条款审查'),
    onError: fail,
  });
  const submit = useMutation({ mutationFn: () => api.post(`/api/collective-contracts/${c.id}/submit`, {}), onSuccess: done('已报送劳动行政部门审查'), onError: fail });
  const review = useMutation({
    mutationFn: (v: { decision: 'approve' | 'object'; opinion?: string }) => api.post(`/api/collective-contracts/${c.id}/review`, v),
    onSuccess: () => {
      setObjecting(false);
      done('审查意见已保存')();
    },
    onError: fail,
  });
  const withdraw = useMutation({ mutationFn: () => api.post(`/api/collective-contracts/${c.id}/withdraw`), onSuccess: done('已撤回'), onError: fail });
  const renew = useMutation({ mutationFn: () => api.post<{ id: string }>(`/api/collective-contracts/${c.id}/renew`), onSuccess: (n) => void navigate(`/contracts/negotiations/${n.id}`), onError: fail });
  const a = c.abilities;
  return (
    <Space wrap>
      {a.upload && (
        <Upload accept=".docx,.pdf" showUploadList={false} beforeUpload={(file) => (upload.mutate(file), false)}>
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            {c.file ? '重新上传文本' : '上传合同文本（.docx/.pdf）'}
          </Button>
        </Upload>
      )}
      {a.submit && (
        <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending}>
          报送审查
        </Button>
      )}
      {a.review && (
        <>
          <Button type="primary" onClick={() => review.mutate({ decision: 'approve' })} loading={review.isPending}>
            审查无异议
          </Button>
          <Button danger onClick={() => setObjecting(true)}>
            提出异议
          </Button>
        </>
      )}
      {a.withdraw && <Button onClick={() => withdraw.mutate()}>撤回</Button>}
      {a.renew && <Button onClick={() => renew.mutate()}>发起续签协商</Button>}
      {c.file && <Button href={`/api/collective-contracts/${c.id}/file`}>下载原件</Button>}
      {(c.status === 'effective' || c.status === 'objected') && c.receivedOn && <Button href={`/api/collective-contracts/${c.id}/review-letter.docx`}>审查意见书（.docx）</Button>}
      <Modal title="提出异议" open={objecting} onCancel={() => setObjecting(false)} onOk={() => review.mutate({ decision: 'object', opinion })} okText="提交异议" cancelText="取消" okButtonProps={{ danger: true, disabled: !opinion.trim() }}>
        <Input.TextArea rows={6} value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="写明异议内容和修改意见" />
      </Modal>
    </Space>
  );
}
