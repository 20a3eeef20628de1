import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { zh } from '../../locale/zh';
import { CALCULATORS } from './definitions';

export function CalculatorsPage() {
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {zh.consult.calculators}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {CALCULATORS.map((c) => (
          <Col xs={24} sm={12} key={c.key}>
            <Link to={`/calculators/${c.key}`}>
              <Card size="small" hoverable title={c.title}>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                  {c.intro}
                </Typography.Paragraph>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
