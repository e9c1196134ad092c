import { ToolOutlined } from '@ant-design/icons';
import { type MessageKey, useT } from '@client/lib/i18n';
import { Result } from 'antd';

/** Placeholder for the pages of the console that are not built yet. */
export function UnderConstruction({ titleKey }: { titleKey: MessageKey }) {
  const t = useT();
  return (
    <Result
      icon={<ToolOutlined style={{ color: '#1d4ed8' }} />}
      title={t(titleKey)}
      subTitle={t('common.underConstruction')}
      data-testid="under-construction"
    />
  );
}
