// 今日趋势: today's 24 hourly buckets. Only the ECharts parts used here are imported, to keep the bundle small.
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
const TEXT = '#9aa7b8';
const LINES = '#263241';

export function createTrend(container) {
  const chart = init(container, null, { renderer: 'canvas' });
  chart.setOption({
    animationDuration: 300,
    textStyle: { color: TEXT },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    legend: { top: 4, textStyle: { color: TEXT }, data: ['上报 Reported', '办结 Closed'] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: HOURS, axisLine: { lineStyle: { color: LINES } }, axisLabel: { color: TEXT } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: LINES } }, axisLabel: { color: TEXT } },
    series: [
      { name: '上报 Reported', type: 'bar', data: [], itemStyle: { color: '#e3a008' }, barMaxWidth: 14 },
      { name: '办结 Closed', type: 'line', data: [], smooth: true, symbolSize: 5, itemStyle: { color: '#3fb950' } },
    ],
  });
  new ResizeObserver(() => chart.resize()).observe(container);

  return {
    /** `trend` = 24 entries `{ hour, reported, closed }`; missing hours count as zero. */
    update(trend) {
      const reported = new Array(24).fill(0);
      const closed = new Array(24).fill(0);
      for (const bucket of trend ?? []) {
        if (bucket.hour >= 0 && bucket.hour < 24) {
          reported[bucket.hour] = bucket.reported ?? 0;
          closed[bucket.hour] = bucket.closed ?? 0;
        }
      }
      chart.setOption({ series: [{ data: reported }, { data: closed }] });
    },
  };
}
