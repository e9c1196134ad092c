import { CheckCircleTwoTone, CloseCircleTwoTone, SafetyCertificateOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { roleColor, roleLabel } from '@client/lib/roles';
import type { User } from '@shared/schemas/users';
import { Alert, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { getHealth, type HealthInfo } from '../api/get-health';

export function ConsoleHome({ user }: { user: User }) {
  const t = useT();
  const [health, setHealth] = useState<HealthInfo | null>(null);
  const [healthError, setHealthError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    getHealth(controller.signal).then(setHealth, (error: unknown) => {
      if (!controller.signal.aborted) setHealthError(error);
    });
    return () => controller.abort();
  }, []);

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card data-testid="welcome-card">
          <Space align="start" size={20}>
            <SafetyCertificateOutlined style={{ fontSize: 48, color: '#c8102e' }} />
            <div>
              <Typography.Title level={3} style={{ marginTop: 0 }}>
                {t('console.welcome', { name: user.displayName || user.username })}
              </Typography.Title>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('console.rolesLabel')}>
                  <Flex gap={4} wrap>
                    {user.roles.map((role) => (
                      <Tag key={role} color={roleColor[role]}>
                        {t(roleLabel[role])}
                      </Tag>
                    ))}
                  </Flex>
                </Descriptions.Item>
                <Descriptions.Item label={t('console.qualified')}>
                  {user.qualified ? (
                    <CheckCircleTwoTone twoToneColor="#52c41a" />
                  ) : (
                    <CloseCircleTwoTone twoToneColor="#bfbfbf" />
                  )}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('console.intro')}
              </Typography.Paragraph>
            </div>
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('console.server')}>
          {health && (
            <Typography.Text>
              {t('console.version', { version: health.version, db: health.db })}
            </Typography.Text>
          )}
          {healthError !== null && (
            <Alert
              type="error"
              showIcon
              title={t('console.serverDown')}
              description={describeError(t, healthError)}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
