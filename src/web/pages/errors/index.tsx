import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { zh } from '../../locale/zh';

export function ForbiddenPage() {
  const navigate = useNavigate();
  return <Result status="403" title="403" subTitle={zh.errors.forbidden} extra={<Button type="primary" onClick={() => navigate('/')}>{zh.errors.backHome}</Button>} />;
}

export function NotFoundPage() {
  const navigate = useNavigate();
  return <Result status="404" title="404" subTitle={zh.errors.notFound} extra={<Button type="primary" onClick={() => navigate('/')}>{zh.errors.backHome}</Button>} />;
}
