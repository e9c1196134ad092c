import { Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { AppHeader } from './app-header';
import { OutboxBacklogBanner } from './outbox-backlog-banner';
import { SideMenu } from './side-menu';

export function AppLayout() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout className="app-shell">
      <AppHeader />
      <Layout className="app-body">
        <Layout.Sider
          width={200}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
          className="app-sider"
        >
          <SideMenu />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <OutboxBacklogBanner />
          <Suspense fallback={<Spin size="large" className="app-content-spin" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
