import { Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { AlertLayer } from './alerts/alert-layer';
import { AppHeader } from './app-header';
import { SideMenu } from './side-menu';

export function AppLayout() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout className="app-shell">
      <AppHeader />
      <AlertLayer />
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
          <Suspense fallback={<Spin size="large" className="app-content-spin" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
