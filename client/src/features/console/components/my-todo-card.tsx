import { CheckOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { useDisplayName } from '@client/hooks/use-display-name';
import { describeError } from '@client/lib/error-text';
import { useSession } from '@client/lib/session';
import { bureauToday, bureauWallToIso, formatHourMinute, formatShortInstant } from '@client/lib/time';
import type { SignoffRequest } from '@shared/schemas/signoffs';
import type { SpotCheck } from '@shared/schemas/spot-checks';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { openIncidentsQuery } from '../api/list-open-incidents';
import { acknowledgeIncident, decideSignoff, mySignoffsQuery } from '../api/my-signoffs';
import { giveInstruction, spotChecksSinceQuery, uninstructedIncidentsQuery } from '../api/my-todo-reads';
import { useWords } from '../i18n';

const spotColor: Record<SpotCheck['status'], string> = {
  open: 'processing',
  answered: 'success',
  late: 'warning',
  missed: 'error',
};

/**
 * 我的待办 of the leader on call, on a phone as on a desk: incidents still to acknowledge, the
 * written reports waiting for their sign-off (approved or returned with a comment right here), the
 * answers to the spot-checks I issued today, and open incidents still without an instruction (批示).
 */
export function MyTodoCard() {
  const t = useWords();
  const person = useDisplayName();
  const session = useSession();
  const me = session.status === 'authenticated' ? session.user.username : null;
  const signoffs = useQuery(mySignoffsQuery());
  const incidents = useQuery(openIncidentsQuery());
  const uninstructedQuery = useQuery(uninstructedIncidentsQuery());
  const today = bureauWallToIso(`${bureauToday()}T00:00`) ?? new Date(Date.now() - 86_400_000).toISOString();
  const spotChecks = useQuery(spotChecksSinceQuery(today));
  const unacknowledged = (incidents.data ?? []).filter((i) => !i.acknowledgedAt && !i.drill);
  const uninstructed = (uninstructedQuery.data ?? []).filter((i) => !i.drill);
  const mySpotChecks = (spotChecks.data ?? []).filter((s) => s.source !== 'upper' && s.issuedBy === me);
  const waiting = signoffs.data ?? [];
  const empty =
    waiting.length === 0 &&
    unacknowledged.length === 0 &&
    uninstructed.length === 0 &&
    mySpotChecks.length === 0;
  const error = signoffs.error ?? incidents.error ?? uninstructedQuery.error ?? spotChecks.error;

  return (
    <Card
      title={t('todo.title')}
      className="todo-card"
      data-testid="my-todo"
      data-count={waiting.length + unacknowledged.length + uninstructed.length}
    >
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      {empty && !error && (
        <Typography.Paragraph type="secondary" className="console-empty">
          {t('todo.empty')}
        </Typography.Paragraph>
      )}
      {waiting.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('todo.signoffs')}</Typography.Title>
          <ul className="todo-list">
            {waiting.map((s) => (
              <SignoffItem key={s.id} request={s} onDone={() => void signoffs.refetch()} />
            ))}
          </ul>
        </section>
      )}
      {unacknowledged.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('todo.acknowledge')}</Typography.Title>
          <ul className="todo-list">
            {unacknowledged.map((i) => (
              <AcknowledgeItem
                key={i.id}
                id={i.id}
                summary={i.summary}
                receivedAt={i.receivedAt}
                onDone={() => void incidents.refetch()}
              />
            ))}
          </ul>
        </section>
      )}
      {uninstructed.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('todo.instruct')}</Typography.Title>
          <ul className="todo-list">
            {uninstructed.map((i) => (
              <InstructItem
                key={i.id}
                id={i.id}
                summary={i.summary}
                receivedAt={i.receivedAt}
                onDone={() => void uninstructedQuery.refetch()}
              />
            ))}
          </ul>
        </section>
      )}
      {mySpotChecks.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('todo.spotChecks')}</Typography.Title>
          <ul className="todo-list">
            {mySpotChecks.map((s) => (
              <li key={s.id} className="todo-item" data-testid={`todo-spot-${s.id}`} data-status={s.status}>
                <span className="todo-head">
                  <Tag color={spotColor[s.status]}>{t(`spot.status.${s.status}`)}</Tag>
                  {t('todo.spotIssued', { time: formatHourMinute(s.issuedAt) })}
                </span>
                <Typography.Text type="secondary" className="todo-meta">
                  {s.answeredAt
                    ? t('todo.spotAnswered', {
                        who: person(s.answeredBy),
                        time: formatHourMinute(s.answeredAt),
                      })
                    : t('todo.spotDue', { time: formatHourMinute(s.dueAt) })}
                  {s.answerNote ? ` · ${s.answerNote}` : ''}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}

function InstructItem({
  id,
  summary,
  receivedAt,
  onDone,
}: {
  id: number;
  summary: string;
  receivedAt: string;
  onDone: () => void;
}) {
  const t = useWords();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    if (!text.trim()) {
      setError(t('todo.instructRule'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await giveInstruction(id, text.trim());
      message.success(t('todo.instructed'));
      setText('');
      onDone();
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="todo-item" data-testid={`todo-instruct-${id}`}>
      <Link to={`/incidents/${id}`} className="todo-head">
        #{id} {summary}
      </Link>
      <Typography.Text type="secondary" className="todo-meta">
        {formatShortInstant(receivedAt)}
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={4000}
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={t('todo.instructPlaceholder')}
        data-testid="todo-instruction"
      />
      <Space wrap className="todo-actions">
        <Button
          type="primary"
          icon={<EditOutlined />}
          loading={busy}
          onClick={() => void submit()}
          data-testid="todo-instruct"
        >
          {t('todo.instructButton')}
        </Button>
      </Space>
    </li>
  );
}

function SignoffItem({ request, onDone }: { request: SignoffRequest; onDone: () => void }) {
  const t = useWords();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'return' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: 'approve' | 'return') {
    if (decision === 'return' && !comment.trim()) {
      setError(t('todo.returnRule'));
      return;
    }
    setBusy(decision);
    setError(null);
    try {
      await decideSignoff(request.id, decision, comment.trim() || undefined);
      message.success(t(decision === 'approve' ? 'todo.approved' : 'todo.returned'));
      onDone();
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="todo-item" data-testid={`todo-signoff-${request.id}`}>
      <Link to={`/incidents/${request.incidentId}`} className="todo-head">
        #{request.incidentId} {request.incidentSummary}
      </Link>
      <Typography.Text type="secondary" className="todo-meta">
        {t('todo.requestedBy', {
          name: request.requestedByName,
          time: formatShortInstant(request.requestedAt),
          to: request.recipient,
        })}
      </Typography.Text>
      <Typography.Paragraph
        className="todo-text"
        ellipsis={{
          rows: 4,
          expandable: 'collapsible',
          symbol: (open) => t(open ? 'incidents.collapse' : 'incidents.expand'),
        }}
      >
        {request.text}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <Input.TextArea
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={1000}
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={`${t('todo.approveComment')} / ${t('todo.returnComment')}`}
        data-testid="todo-comment"
      />
      <Space wrap className="todo-actions">
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy === 'approve'}
          disabled={busy !== null}
          onClick={() => void decide('approve')}
          data-testid="todo-approve"
        >
          {t('todo.approve')}
        </Button>
        <Button
          danger
          icon={<RollbackOutlined />}
          loading={busy === 'return'}
          disabled={busy !== null}
          onClick={() => void decide('return')}
          data-testid="todo-return"
        >
          {t('todo.return')}
        </Button>
      </Space>
    </li>
  );
}

function AcknowledgeItem({
  id,
  summary,
  receivedAt,
  onDone,
}: {
  id: number;
  summary: string;
  receivedAt: string;
  onDone: () => void;
}) {
  const t = useWords();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <li className="todo-item" data-testid={`todo-ack-${id}`}>
      <Link to={`/incidents/${id}`} className="todo-head">
        #{id} {summary}
      </Link>
      <Typography.Text type="secondary" className="todo-meta">
        {formatShortInstant(receivedAt)}
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      <Space wrap className="todo-actions">
        <Button
          icon={<CheckOutlined />}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await acknowledgeIncident(id);
              message.success(t('todo.acked'));
              onDone();
            } catch (caught) {
              setError(describeError(t, caught));
            } finally {
              setBusy(false);
            }
          }}
          data-testid="todo-ack"
        >
          {t('todo.ackButton')}
        </Button>
      </Space>
    </li>
  );
}
