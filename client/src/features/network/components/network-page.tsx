import { FormModal } from '@client/components/form-modal';
import { SpotCheckCountdown } from '@client/components/spot-check-countdown';
import { usePhone } from '@client/hooks/use-phone';
import { describeError } from '@client/lib/error-text';
import { hasRole } from '@client/lib/session';
import { formatHourMinute, formatShortInstant } from '@client/lib/time';
import type { BoardUnit, IncidentHop, NetworkBoard, UnitCheck } from '@shared/schemas/posts';
import type { User } from '@shared/schemas/users';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  answerUnitCheck,
  assignPost,
  checkInPost,
  issueRollCall,
  issueUnitCheck,
  networkBoardQuery,
  openUnitChecksQuery,
  takeReport,
} from '../api/posts';
import './network.css';
import { DISTRICT_UNIT_ID as DISTRICT_ID } from '@shared/domain/district';
import { type AnyKey, useWords } from '../i18n';

const checkColor: Record<UnitCheck['status'], string> = {
  open: 'processing',
  answered: 'success',
  late: 'warning',
  missed: 'error',
};

/** Late counts as missed on the board: the post did not answer within the limit. */
function boardStatus(check: UnitCheck | null): 'none' | 'open' | 'answered' | 'missed' {
  if (!check) return 'none';
  if (check.status === 'late') return 'missed';
  return check.status;
}

const kindKey: Record<string, AnyKey> = {
  township: 'network.kind.township',
  dev_zone: 'network.kind.dev_zone',
  street: 'network.kind.street',
  community: 'network.kind.community',
  village: 'network.kind.village',
};

/** The hop a report waits on, if any. */
function openHop(hops: IncidentHop[]): IncidentHop | undefined {
  return hops.find((h) => h.takenAt === null);
}

function useAct() {
  const t = useWords();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  async function act(key: string, work: () => Promise<unknown>, done: AnyKey) {
    setBusy(key);
    try {
      await work();
      message.success(t(done));
    } catch (caught) {
      message.error(describeError(t, caught));
    } finally {
      setBusy(null);
      await client.invalidateQueries({ queryKey: ['posts'] });
    }
  }
  return { busy, act };
}

/** A person of the unit takes today's post: their name and the phone to reach them. */
function TakePost({ unit, user }: { unit: BoardUnit; user: User }) {
  const t = useWords();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`take-post-${unit.unitId}`}>
        {t('network.takePost')}
      </Button>
      <FormModal<{ phone: string }>
        open={open}
        title={t('network.takePostTitle', { unit: unit.name })}
        okText={t('network.takePost')}
        onClose={() => setOpen(false)}
        name="take-post"
        initialValues={{ phone: unit.duty?.userId === user.id ? unit.duty.phone : user.phone }}
        submit={async ({ phone }) => {
          await assignPost(unit.unitId, user.id, phone.trim());
          await client.invalidateQueries({ queryKey: ['posts'] });
        }}
      >
        <Form.Item
          name="phone"
          label={t('network.phone')}
          rules={[{ required: true, pattern: /^[0-9+() -]{3,30}$/, message: t('network.phoneRule') }]}
        >
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
      </FormModal>
    </>
  );
}

function UnitCard({ unit, user, canCheck }: { unit: BoardUnit; user: User; canCheck: boolean }) {
  const t = useWords();
  const { busy, act } = useAct();
  const status = boardStatus(unit.lastCheck);
  const mine = unit.duty?.userId === user.id;
  const ownUnit = unit.unitId === user.unitId;
  return (
    <Card
      size="small"
      className={`net-unit net-unit-${status}`}
      data-testid={`unit-post-${unit.unitId}`}
      data-check-status={status}
      data-checked-in={unit.duty?.checkedInAt ? 'yes' : 'no'}
      title={
        <Space size={4} wrap>
          <span>{unit.name}</span>
          <Tag>{kindKey[unit.kind] ? t(kindKey[unit.kind]!) : unit.kind}</Tag>
        </Space>
      }
      extra={
        canCheck ? (
          <Button
            size="small"
            loading={busy === 'check'}
            onClick={() => act('check', () => issueUnitCheck(unit.unitId), 'network.checkIssued')}
            data-testid={`check-unit-${unit.unitId}`}
          >
            {t('network.checkUnit')}
          </Button>
        ) : null
      }
    >
      <div className="net-line">
        {unit.duty ? (
          <>
            <span>{t('network.onDuty', { name: unit.duty.displayName })}</span>
            <a href={`tel:${unit.duty.phone}`}>{unit.duty.phone}</a>
            {unit.duty.checkedInAt ? (
              <Tag color="success">
                {t('network.checkedIn', { time: formatHourMinute(unit.duty.checkedInAt) })}
              </Tag>
            ) : (
              <Tag color="warning">{t('network.notCheckedIn')}</Tag>
            )}
            {mine && !unit.duty.checkedInAt && (
              <Button
                size="small"
                type="primary"
                loading={busy === 'in'}
                onClick={() => act('in', () => checkInPost(unit.unitId), 'network.checkedInOk')}
                data-testid={`post-check-in-${unit.unitId}`}
              >
                {t('network.checkIn')}
              </Button>
            )}
          </>
        ) : (
          <Tag color="error">{t('network.nobody')}</Tag>
        )}
        {ownUnit && !unit.duty?.checkedInAt && <TakePost unit={unit} user={user} />}
      </div>
      <div className="net-line">
        <span>{t('network.lastCheck')}</span>
        {unit.lastCheck ? (
          <>
            <Tag color={checkColor[unit.lastCheck.status]} data-testid={`unit-check-status-${unit.unitId}`}>
              {t(`spot.status.${unit.lastCheck.status}` as AnyKey)}
            </Tag>
            <Typography.Text type="secondary">
              {unit.lastCheck.answeredAt
                ? t('network.answeredAt', { time: formatHourMinute(unit.lastCheck.answeredAt) })
                : t('network.issuedAt', { time: formatHourMinute(unit.lastCheck.issuedAt) })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('network.never')}</Typography.Text>
        )}
      </div>
      {unit.informants && (
        <div className="net-line" data-testid={`informants-${unit.unitId}`} data-gap={unit.informants.gap}>
          <span>{t('network.informantA', { name: unit.informants.A?.displayName ?? '—' })}</span>
          <span>{t('network.informantB', { name: unit.informants.B?.displayName ?? '—' })}</span>
          {unit.informants.gap && <Tag color="error">{t('network.informantGap')}</Tag>}
        </div>
      )}
    </Card>
  );
}

function MyChecks({ checks }: { checks: UnitCheck[] }) {
  const t = useWords();
  const { busy, act } = useAct();
  if (checks.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="net-reply"
      data-testid="unit-checks-open"
      title={t('network.replyTitle')}
      description={
        <ul className="net-reply-list">
          {checks.map((c) => (
            <li key={c.id}>
              <span>{t('network.replyFrom', { time: formatHourMinute(c.issuedAt) })}</span>
              <SpotCheckCountdown dueAt={c.dueAt} />
              <Button
                type="primary"
                size="large"
                loading={busy === `a${c.id}`}
                onClick={() => act(`a${c.id}`, () => answerUnitCheck(c.id), 'network.replied')}
                data-testid={`answer-unit-check-${c.id}`}
              >
                {t('network.reply')}
              </Button>
            </li>
          ))}
        </ul>
      }
    />
  );
}

function Reports({ board, user }: { board: NetworkBoard; user: User }) {
  const t = useWords();
  const { busy, act } = useAct();
  if (board.reports.length === 0) return null;
  return (
    <Card size="small" title={t('network.reports')} data-testid="network-reports">
      <ul className="net-reports">
        {board.reports.map((r) => {
          const waiting = openHop(r.hops);
          // The unit it waits on takes it, or the district above everyone.
          const mayTake = waiting && (waiting.toUnitId === user.unitId || user.unitId === DISTRICT_ID);
          const lateHop = r.hops.some(
            (h) => h.late || (h.takenAt === null && Date.parse(h.dueAt) < Date.now()),
          );
          return (
            <li
              key={r.incidentId}
              data-testid={`network-report-${r.incidentId}`}
              data-origin={r.originUnitName}
            >
              <Space size={4} wrap>
                <Tag color="blue">{r.originUnitName}</Tag>
                <Link to={`/incidents/${r.incidentId}`}>{r.summary}</Link>
                <Typography.Text type="secondary">{formatShortInstant(r.receivedAt)}</Typography.Text>
                {lateHop && <Tag color="error">{t('network.hopLate')}</Tag>}
                {waiting ? (
                  <Tag color="processing">
                    {t('network.waitsOn', {
                      unit: waiting.toUnitName,
                      time: formatHourMinute(waiting.dueAt),
                    })}
                  </Tag>
                ) : (
                  <Tag color="success">{t('network.taken')}</Tag>
                )}
                {mayTake && (
                  <Button
                    size="small"
                    type="primary"
                    loading={busy === `t${r.incidentId}`}
                    onClick={() => act(`t${r.incidentId}`, () => takeReport(r.incidentId), 'network.takenOk')}
                    data-testid={`take-report-${r.incidentId}`}
                  >
                    {t('network.take')}
                  </Button>
                )}
              </Space>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/**
 * 值守网络: every unit post in the caller's subtree (on duty, checked in, last spot-check), the
 * district's 全区查岗, the caller's unit's "请回复", and the reports flowing up. Live through the
 * `posts` resource; one column on a phone.
 */
export function NetworkPage({ user }: { user: User }) {
  const t = useWords();
  const phone = usePhone();
  const board = useQuery(networkBoardQuery());
  const open = useQuery(openUnitChecksQuery());
  const { busy, act } = useAct();
  const district = user.unitId === DISTRICT_ID;
  const issuer = district && (hasRole(user, 'leader') || hasRole(user, 'admin'));
  if (board.isPending) return <Spin />;
  if (board.isError) return <Alert type="error" title={describeError(t, board.error)} />;
  const units = board.data.units;
  const checked = units.filter((u) => u.kind !== 'community' && u.kind !== 'village' && u.lastCheck);
  const answered = checked.filter((u) => boardStatus(u.lastCheck) === 'answered').length;
  const missed = checked.filter((u) => boardStatus(u.lastCheck) === 'missed').length;
  return (
    <div className={`net-page${phone ? ' net-phone' : ''}`} data-testid="network-board">
      <Space className="net-head" wrap>
        <Typography.Title level={4}>{t('network.title')}</Typography.Title>
        <span data-testid="board-summary" data-answered={answered} data-missed={missed}>
          <Tag color="success">{t('network.sumAnswered', { count: answered })}</Tag>
          <Tag color="error">{t('network.sumMissed', { count: missed })}</Tag>
        </span>
        {issuer && (
          <Button
            type="primary"
            danger
            loading={busy === 'all'}
            onClick={() => act('all', issueRollCall, 'network.rollCallIssued')}
            data-testid="roll-call"
          >
            {t('network.rollCall')}
          </Button>
        )}
      </Space>
      {open.data && <MyChecks checks={open.data} />}
      <Reports board={board.data} user={user} />
      {units.length === 0 ? (
        <Empty description={t('network.noUnits')} />
      ) : (
        <div className="net-grid">
          {units.map((u) => (
            <UnitCard key={u.unitId} unit={u} user={user} canCheck={issuer && u.parentId === DISTRICT_ID} />
          ))}
        </div>
      )}
    </div>
  );
}
