import { SafetyOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import type { ChainReport } from '@shared/schemas/events';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { verifyChain } from '../api/verify-chain';
import { useWords } from '../i18n';

/** The button and, once pressed, the verdict on the hash chain. */
export function useChainVerify() {
  const t = useWords();
  const check = useMutation<ChainReport>({ mutationFn: verifyChain });
  const report = check.data ?? null;
  const error = check.error;

  const button = (
    <Button
      icon={<SafetyOutlined />}
      loading={check.isPending}
      onClick={() => check.mutate()}
      data-testid="verify-chain"
    >
      {t('audit.verify')}
    </Button>
  );

  const clear = () => check.reset();

  let result = null;
  if (error !== null) {
    result = (
      <Alert
        type="error"
        showIcon
        closable={{ onClose: clear }}
        title={t('audit.verifyFailed', { message: describeError(t, error) })}
        style={{ marginBottom: 16 }}
      />
    );
  } else if (report) {
    const counts = { checked: report.checked, head: report.headSeq, checkpoints: report.checkpoints };
    result = (
      <Alert
        type={report.ok ? 'success' : 'error'}
        showIcon
        closable={{ onClose: clear }}
        title={t(report.ok ? 'audit.verifyOk' : 'audit.verifyBroken')}
        description={
          report.ok ? (
            t('audit.verifyOkSub', counts)
          ) : (
            <>
              {t('audit.verifyBrokenSub', {
                ...counts,
                at: report.brokenAt ?? '—',
                reason: report.reason ?? '—',
              })}
              {report.problems.length > 1 && (
                <ul data-testid="chain-problems">
                  {report.problems.slice(1).map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
            </>
          )
        }
        style={{ marginBottom: 16 }}
        data-testid="chain-report"
        data-ok={String(report.ok)}
      />
    );
  }

  return { button, result };
}
