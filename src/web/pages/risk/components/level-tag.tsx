import { Tag } from 'antd';
import { LEVEL_COLORS, LEVEL_LABELS, type RiskLevel } from '../../../../domain/risk/levels';

export function LevelTag({ level }: { level: RiskLevel }) {
  return (
    <Tag variant="solid" color={LEVEL_COLORS[level]} style={{ color: level === 'yellow' || level === 'none' ? '#333' : '#fff', fontWeight: 600 }}>
      {LEVEL_LABELS[level]}
    </Tag>
  );
}
