import type { HallReport } from '@hallflow/shared/api';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The options of the charts the reports draw: bars and lines on a grid, with tooltips and a legend. */
export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** The hours a hall's day is drawn over (the reports' tables keep all 24). */
export const DAY_HOURS = { first: 7, last: 20 } as const;

const COLORS = ['#1f5fbf', '#2f8132', '#c77700', '#c62828', '#6b4fbb'];
const base: ChartOption = { color: COLORS, tooltip: { trigger: 'axis' }, grid: { left: 48, right: 16, top: 36, bottom: 56 }, legend: { top: 0 } };

export function barChart(categories: string[], series: { name: string; values: (number | null)[] }[], options: { percent?: boolean; line?: { name: string; values: number[] } } = {}): ChartOption {
  return {
    ...base,
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, ...(options.percent ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}) },
    series: [
      ...series.map((s) => ({ type: 'bar' as const, name: s.name, data: s.values })),
      ...(options.line ? [{ type: 'line' as const, name: options.line.name, data: options.line.values, step: 'middle' as const, symbol: 'none', lineStyle: { color: '#c62828', width: 2 } }] : []),
    ],
  };
}

export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function dayHours<T extends { hour: number }>(rows: readonly T[]): T[] {
  return rows.filter((row) => row.hour >= DAY_HOURS.first && row.hour <= DAY_HOURS.last);
}

export const bucketLabel = (bucket: HallReport['waits']['admissionToCall']['histogram'][number]) => (bucket.to === null ? `${bucket.from}+` : `${bucket.from}–${bucket.to}`);
