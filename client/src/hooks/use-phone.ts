import { Grid } from 'antd';

/** True under antd's `sm` breakpoint (576 px): a phone held upright. */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume the desk's wide screen.
  return screens.sm === false;
}
