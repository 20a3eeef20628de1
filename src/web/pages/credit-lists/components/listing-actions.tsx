import { Checkbox, Form, Input, Radio, Typography } from 'antd';
import { api } from '../../../api';
import { FormModal } from '../../../components/form-modal';
import type { Candidate, Listing } from '../types';

export type ListingAction = 'appeal' | 'decide' | 'remove';
const TITLES: Record<ListingAction, string> = { appeal: '陈述申辩', decide: '作出列入决定', remove: '移出名单' };

/** The steps of a listing: the enterprise's 陈述申辩, the official's decision, removal. */
export function ListingActionModal({ listing, action, onClose, onDone }: { listing: Listing | null; action: ListingAction | null; onClose: () => void; onDone: () => void }) {
  return (
    <FormModal title={action ? TITLES[action] : ''} open={!!listing && !!action} onClose={onClose} onDone={onDone} submit={(b) => api.post(`/api/credit/lists/${listing!.id}/${action}`, b)} initialValues={{ decision: 'list', corrected: false, commitment: false }}>
      {listing && (
        <Typography.Paragraph type="secondary">
          {listing.enterpriseName}：{listing.kindName}。依据：{listing.criterion?.text}（{listing.criterion?.citation}）
        </Typography.Paragraph>
      )}
      {action === 'appeal' && (
        <Form.Item name="reason" label="陈述申辩理由" rules={[{ required: true, message: '请填写陈述申辩理由' }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      )}
      {action === 'decide' && (
        <>
          {listing?.appeal && <Typography.Paragraph>企业申辩：{listing.appeal.reason}</Typography.Paragraph>}
          <Form.Item name="decision" label="决定">
            <Radio.Group options={[{ value: 'list', label: '列入' }, { value: 'drop', label: '不予列入' }]} />
          </Form.Item>
          <Form.Item name="reply" label="决定理由 / 对申辩的答复" rules={[{ required: true, message: '请填写决定理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {action === 'remove' && (
        <>
          {listing?.kind === 'black' && (
            <>
              <Form.Item name="corrected" valuePropName="checked"><Checkbox>已改正拖欠工资违法行为</Checkbox></Form.Item>
              <Form.Item name="commitment" valuePropName="checked"><Checkbox>已作出信用承诺</Checkbox></Form.Item>
            </>
          )}
          <Form.Item name="reason" label="移出说明" rules={[{ required: true, message: '请填写移出说明' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** 列入前告知: the notice opens the enterprise's period to state its case. */
export function NoticeModal({ candidate, kind, onClose, onDone }: { candidate: Candidate | null; kind: 'red' | 'black'; onClose: () => void; onDone: () => void }) {
  return (
    <FormModal
      title="告知拟列入名单"
      open={!!candidate}
      onClose={onClose}
      onDone={onDone}
      submit={(b) => api.post('/api/credit/lists', { ...b, enterpriseId: candidate!.enterpriseId, kind })}
      initialValues={{ criterionId: candidate?.criteria[0]?.id }}
    >
      <Typography.Paragraph>{candidate?.enterpriseName}（{candidate?.uscc}）</Typography.Paragraph>
      <Form.Item name="criterionId" label="列入依据" rules={[{ required: true, message: '请选择列入依据' }]}>
        <Radio.Group options={(candidate?.criteria ?? []).map((c) => ({ value: c.id, label: `${c.text}（${c.citation}）` }))} />
      </Form.Item>
      <Form.Item name="reason" label="列入事实" rules={[{ required: true, message: '请填写列入事实' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
