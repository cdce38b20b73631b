'use client';
import { useEffect, useRef } from 'react';

export interface AdoptionChartData {
  /** Source units, most used first. */
  units: string[];
  /** One stack per section: its items per unit. */
  series: { label: string; values: number[] }[];
}

const COLORS = ['#c8102e', '#1f6fb2', '#2e8b57', '#d98c1f', '#7b4fa0', '#3aa6a6', '#8c564b', '#5f6b7a'];

/**
 * Items used per source unit, stacked by section (Chart.js). The library is loaded by this
 * component only, so it is part of the statistics page and of no other route.
 */
export function AdoptionChart({ data }: { data: AdoptionChartData }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let isCancelled = false;
    // A canvas draws with fonts already loaded: load the page's (CJK) font for these labels first.
    const family = canvas.current ? getComputedStyle(canvas.current).fontFamily : 'sans-serif';
    const text = [...data.units, ...data.series.map((s) => s.label)].join('');
    const fontReady = document.fonts.load(`13px ${family}`, text).catch(() => []);
    void Promise.all([import('chart.js'), fontReady]).then(([{ Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip }]) => {
      if (isCancelled || !canvas.current) return;
      Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
      Chart.defaults.font.family = family;
      Chart.defaults.font.size = 13;
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: {
          labels: data.units,
          datasets: data.series.map((series, i) => ({ label: series.label, data: series.values, backgroundColor: COLORS[i % COLORS.length] })),
        },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
          plugins: { legend: { position: 'bottom' }, tooltip: { mode: 'index', intersect: false } },
        },
      });
    });
    return () => {
      isCancelled = true;
      chart?.destroy();
    };
  }, [data]);
  const height = 60 + data.units.length * 28;
  return (
    <div style={{ height }} className="relative w-full">
      <canvas ref={canvas} role="img" aria-label={`各来源单位采用条数图：${data.units.slice(0, 5).join('、')}等`} data-testid="adoption-chart" />
    </div>
  );
}
