import { CheckCircleTwoTone, CloseCircleTwoTone, SafetyCertificateOutlined } from '@ant-design/icons';
import { RoleTags } from '@client/components/role-tags';
import { useDutyNow, useMyShifts, useOpenSpotChecks } from '@client/hooks/use-duty-data';
import { describeError } from '@client/lib/error-text';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { healthQuery } from '../api/get-health';
import { describeDutyError } from './console-errors';
import { DutyBanner } from './duty-banner';
import { EscalationBanner } from './escalation-banner';
import { HandoverNotice } from './handover-notice';
import { IssueSpotCheckButton } from './issue-spot-check-button';
import { MyDutyCard } from './my-duty-card';
import { MyTodoCard } from './my-todo-card';
import { ShiftBriefingCard, wantsBriefing } from './shift-briefing-card';
import { SpotChecksCard } from './spot-checks-card';
import './console.css';
import { useWords } from '../i18n';

function WelcomeCard({ user }: { user: User }) {
  const t = useWords();
  const { data: health, error: healthError } = useQuery(healthQuery());

  return (
    <Card data-testid="welcome-card" className="welcome-card">
      <Space align="start" size={16}>
        <SafetyCertificateOutlined style={{ fontSize: 36, color: '#c8102e' }} />
        <div>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('console.welcome', { name: user.displayName || user.username })}
          </Typography.Title>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('console.rolesLabel')}>
              <RoleTags roles={user.roles} />
            </Descriptions.Item>
            <Descriptions.Item label={t('console.qualified')}>
              {user.qualified ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" />
              ) : (
                <CloseCircleTwoTone twoToneColor="#bfbfbf" />
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('console.server')}>
              {health && (
                <Typography.Text type="secondary">
                  {t('console.version', { version: health.version, db: health.db })}
                </Typography.Text>
              )}
              {healthError !== null && (
                <Typography.Text type="danger">
                  {t('console.serverDown')}：{describeError(t, healthError)}
                </Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('console.intro')}
          </Typography.Paragraph>
        </div>
      </Space>
    </Card>
  );
}

/** 值班台: the wall banner of who is on duty, the caller's own check-in, and spot-checks. */
export function ConsoleHome({ user }: { user: User }) {
  const t = useWords();
  const duty = useDutyNow();
  const mine = useMyShifts();
  const spot = useOpenSpotChecks();
  const pending = (spot.data ?? []).filter((s) => !s.answeredAt);
  const canIssue = user.roles.includes('leader') || user.roles.includes('admin');
  const isLeader = user.roles.includes('leader');

  return (
    <div className="console-home">
      <EscalationBanner user={user} />
      <HandoverNotice user={user} />
      {isLeader && <MyTodoCard />}
      <DutyBanner
        duty={duty.data ?? null}
        error={duty.error ? describeDutyError(t, duty.error) : null}
        meId={user.id}
        actions={canIssue ? <IssueSpotCheckButton user={user} /> : null}
      />
      {wantsBriefing(user, duty.data ?? null) && <ShiftBriefingCard duty={duty.data ?? null} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12} xl={8}>
          <MyDutyCard
            mine={mine.data ?? null}
            error={mine.error ? describeDutyError(t, mine.error) : null}
            onChanged={() => {
              void mine.refetch();
              void duty.refetch();
            }}
          />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <SpotChecksCard pending={pending} />
          {spot.error !== null && (
            <Alert type="error" showIcon title={describeDutyError(t, spot.error)} style={{ marginTop: 8 }} />
          )}
        </Col>
        <Col xs={24} xl={8}>
          <WelcomeCard user={user} />
        </Col>
      </Row>
    </div>
  );
}
