import { activeResponsesQuery } from '@client/lib/api/active-warnings';
import { hasRole } from '@client/lib/session';
import type { User } from '@shared/schemas/users';
import type { EmergencyResponse, Warning } from '@shared/schemas/warnings';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ActivePanel } from './active-panel';
import { ConsultationsPanel, HistoryPanel, PeriodTools, StatsPanel, usePeriod } from './history-panels';
import {
  ChangeResponseModal,
  ConsultationModal,
  EndResponseModal,
  StartResponseModal,
} from './response-form-modals';
import { ChangeLevelModal, IssueWarningModal, LiftModal } from './warning-form-modals';
import './warnings.css';
import { useWords } from '../i18n';

type Dialog = 'issue' | 'response' | 'consult' | null;

/** 预警与应急响应: what is in force and the commands on it, the history, statistics, consultations. */
export function WarningsPage({ user }: { user: User }) {
  const t = useWords();
  const canAct = hasRole(user, 'officer') || hasRole(user, 'leader');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [changing, setChanging] = useState<Warning | null>(null);
  const [lifting, setLifting] = useState<Warning | null>(null);
  const [changingResponse, setChangingResponse] = useState<EmergencyResponse | null>(null);
  const [ending, setEnding] = useState<EmergencyResponse | null>(null);
  const responses = useQuery(activeResponsesQuery()).data ?? [];
  const p = usePeriod();
  return (
    <div className="warnings-page" data-testid="warnings-page">
      <div className="warnings-head">
        <Typography.Title level={3}>{t('warnings.title')}</Typography.Title>
        {canAct && (
          <Space wrap>
            <Button type="primary" onClick={() => setDialog('issue')} data-testid="warning-issue">
              {t('warnings.issue')}
            </Button>
            <Button onClick={() => setDialog('response')} data-testid="response-start">
              {t('warnings.startResponse')}
            </Button>
            <Button onClick={() => setDialog('consult')} data-testid="consultation-record">
              {t('warnings.consult')}
            </Button>
          </Space>
        )}
      </div>
      <Tabs
        items={[
          {
            key: 'active',
            label: t('warnings.tab.active'),
            children: (
              <ActivePanel
                canAct={canAct}
                onChange={setChanging}
                onLift={setLifting}
                onChangeResponse={setChangingResponse}
                onEnd={setEnding}
              />
            ),
          },
          {
            key: 'history',
            label: t('warnings.tab.history'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <PeriodTools p={p} />
                </Space>
                <HistoryPanel period={p.period} />
              </Space>
            ),
          },
          {
            key: 'stats',
            label: t('warnings.tab.stats'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <PeriodTools p={p} />
                </Space>
                <StatsPanel period={p.period} />
              </Space>
            ),
          },
          {
            key: 'consultations',
            label: t('warnings.tab.consultations'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <PeriodTools p={p} />
                </Space>
                <ConsultationsPanel period={p.period} />
              </Space>
            ),
          },
        ]}
      />
      <IssueWarningModal open={dialog === 'issue'} onClose={() => setDialog(null)} />
      <StartResponseModal open={dialog === 'response'} onClose={() => setDialog(null)} />
      <ConsultationModal open={dialog === 'consult'} onClose={() => setDialog(null)} responses={responses} />
      <ChangeLevelModal warning={changing} onClose={() => setChanging(null)} />
      <LiftModal warning={lifting} onClose={() => setLifting(null)} />
      <ChangeResponseModal response={changingResponse} onClose={() => setChangingResponse(null)} />
      <EndResponseModal response={ending} onClose={() => setEnding(null)} />
    </div>
  );
}
