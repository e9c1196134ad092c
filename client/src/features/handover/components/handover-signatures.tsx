import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { formatMinute } from '@client/lib/time';
import type { Handover } from '@shared/schemas/handover';
import { useWords } from '../i18n';
import { expectedSigner } from './handover-labels';

/** 交班人 and 接班人, each with the time they signed. */
export function HandoverSignatures({ handover: h }: { handover: Handover }) {
  const t = useWords();
  return (
    <div className="ho-signatures" data-testid="handover-signatures">
      <div className="ho-signature" data-testid="signature-outgoing">
        <div className="ho-signature-role">{t('handover.sign.outgoing')}</div>
        <div className="ho-signature-name">
          <CheckCircleFilled className="ho-signed" /> {h.submittedByName}
        </div>
        <div className="ho-signature-at">{formatMinute(h.submittedAt)}</div>
      </div>
      <div
        className="ho-signature"
        data-testid="signature-incoming"
        data-signed={h.acceptedAt ? 'true' : 'false'}
      >
        <div className="ho-signature-role">{t('handover.sign.incoming')}</div>
        {h.acceptedAt ? (
          <>
            <div className="ho-signature-name">
              <CheckCircleFilled className="ho-signed" /> {h.acceptedByName}
            </div>
            <div className="ho-signature-at">{formatMinute(h.acceptedAt)}</div>
          </>
        ) : (
          <>
            <div className="ho-signature-name ho-signature-waiting">
              <ClockCircleOutlined /> {expectedSigner(h) || t('handover.sign.nobody')}
            </div>
            <div className="ho-signature-at">{t('handover.sign.waiting')}</div>
          </>
        )}
      </div>
    </div>
  );
}
