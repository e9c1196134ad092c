import { GlobalOutlined } from '@ant-design/icons';
import { setLang, useLang, useT } from '@client/lib/i18n';
import { Button, Tooltip } from 'antd';

export function LangSwitch({ ghost = false }: { ghost?: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <Tooltip title={t('header.switchLangTitle')}>
      <Button
        type={ghost ? 'default' : 'text'}
        ghost={ghost}
        icon={<GlobalOutlined />}
        className={ghost ? undefined : 'app-header-button'}
        onClick={() => void setLang(lang === 'zh' ? 'en' : 'zh')}
        data-testid="lang-switch"
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
      >
        {t('header.switchLang')}
      </Button>
    </Tooltip>
  );
}
