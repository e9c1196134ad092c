import { useReducedMotion } from '@client/hooks/use-reduced-motion';
import { useLang } from '@client/lib/i18n';
import { connectLiveCache } from '@client/lib/live-cache';
import { queryClient } from '@client/lib/query-client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useMemo } from 'react';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#0b2447', headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
  },
};

export function AppProvider({ children }: { children: ReactNode }) {
  const lang = useLang();
  // Asked for less motion, popups and dialogs open and close at once instead of zooming.
  const reducedMotion = useReducedMotion();
  const themed = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  useEffect(() => connectLiveCache(queryClient), []);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={themed}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
