import { useState, type ReactNode } from 'react';

/** Clamps rich text (with highlight marks) to a few lines, with a toggle; antd's ellipsis needs plain strings. */
export function Clamp({ rows = 4, children }: { rows?: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <div
        className="kb-text"
        style={open ? undefined : { display: '-webkit-box', WebkitLineClamp: rows, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
      >
        {children}
      </div>
      <a className="no-print" style={{ fontSize: 12 }} onClick={() => setOpen(!open)}>
        {open ? '收起' : '展开'}
      </a>
    </div>
  );
}
