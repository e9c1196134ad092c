import { usePhone } from '@client/hooks/use-phone';
import type { Incident } from '@shared/schemas/incidents';
import { Drawer, Typography } from 'antd';
import { useWords } from '../i18n';
import { RecordCallForm } from './record-call-form';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (incident: Incident) => void;
}

/** 接报登记: the drawer the officer types a phone call into, fields in the order they are asked. */
export function RecordCallDrawer({ open, onClose, onCreated }: Props) {
  const t = useWords();
  // A phone: the whole screen, and no keyboard hints beside the title (they squeeze it a character a line).
  const phone = usePhone();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('incidents.record.title')}
      extra={
        phone ? undefined : <Typography.Text type="secondary">{t('incidents.record.keys')}</Typography.Text>
      }
      size={phone ? '100%' : 960}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        // The opening animation can end after the officer has started typing (a loaded machine):
        // never pull the caret out of a field they are already in.
        const typing = document.activeElement?.closest('input, textarea, [role="combobox"]');
        if (visible && !typing) document.getElementById('record-call_caller_name')?.focus();
      }}
      className="inc-record-drawer"
      data-testid="record-call-drawer"
    >
      {open && <RecordCallForm onCancel={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}
