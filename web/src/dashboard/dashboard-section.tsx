import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** One titled part of the dashboard; printed whole on one page where it fits. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      className="dashboard-section"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
      }
    >
      {children}
    </Card>
  );
}
