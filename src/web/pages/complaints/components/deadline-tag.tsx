import { Tag } from 'antd';
import { DEADLINE_COLORS, type Deadline } from '../types';

/** A statutory deadline with the working days left (劳动保障监察条例 第十七条). */
export function DeadlineTag({ d }: { d: Deadline | null }) {
  if (!d) return <>—</>;
  const text = d.state === 'overdue' ? `已逾期${-d.workingDaysLeft}个工作日` : `剩${d.workingDaysLeft}个工作日`;
  return (
    <Tag color={DEADLINE_COLORS[d.state]}>
      {d.label} {d.due}（{text}）
    </Tag>
  );
}
