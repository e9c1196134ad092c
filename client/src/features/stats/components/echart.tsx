import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

// Only what the statistics page draws: the whole library would triple the chunk.
use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

interface Props {
  option: ChartOption;
  /** False when every series is empty: the chart shows `emptyText` and is not marked rendered. */
  hasData: boolean;
  emptyText: string;
  height: number;
  testId: string;
}

/**
 * One ECharts instance: created on mount, given each new option, sized with its box, disposed on
 * unmount. `data-rendered="true"` appears once it has finished drawing real data.
 */
export function EChart({ option, hasData, emptyText, height, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const instance = init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const finished = () => setDrawn(hasData);
    instance.on('finished', finished);
    instance.setOption(option, { notMerge: true });
    return () => {
      instance.off('finished', finished);
    };
  }, [option, hasData]);

  return (
    <div className="stats-chart" data-testid={testId} data-rendered={drawn && hasData ? 'true' : 'false'}>
      <div ref={box} style={{ height }} />
      {!hasData && <div className="stats-chart-empty">{emptyText}</div>}
    </div>
  );
}
