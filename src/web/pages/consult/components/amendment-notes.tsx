import { Alert } from 'antd';
import type { AmendmentNote } from '../types';

/** "第一款已废止" and the like, above an article's text: the text is shown as published, the note says what no longer applies. */
export function AmendmentNotes({ notes }: { notes?: AmendmentNote[] }) {
  if (!notes?.length) return null;
  return (
    <>
      {notes.map((n) => (
        <Alert
          key={`${n.effective}-${n.paragraph ?? 0}`}
          type="warning"
          showIcon
          style={{ margin: '6px 0' }}
          data-testid="amendment-note"
          message={`${n.paragraph ? `第${n.paragraph}款` : '本条'}${n.kind === 'repealed' ? '已废止' : '已修改'}（${n.effective}起）`}
          description={n.text}
        />
      ))}
    </>
  );
}
