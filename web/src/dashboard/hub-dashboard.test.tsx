import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test/render';
import type { HubDashboard } from '../api/hub-dashboard.api';
import { HubDashboardFigures } from './hub-dashboard';

// happy-dom has no canvas: a chart stands in as its labelled figure (what the page exposes to people).
// The charts as their labels and their month axis (the test's DOM has no canvas to draw on).
vi.mock('../ecosystem/echart', () => ({
  EChart: ({ label, option }: { label: string; option: { xAxis?: { data?: unknown } } }) => (
    <div role="img" aria-label={label} data-x={JSON.stringify(option.xAxis?.data ?? null)} />
  ),
}));
const axis = (name: string) => JSON.parse(screen.getByRole('img', { name }).getAttribute('data-x')!) as unknown;

const dashboard: HubDashboard = {
  years: [2026, 2025],
  year: 2026,
  money: { envelope: '1000000000000', committed: '60000000', paid: '40000000', left: '300000000000', unallocated: '699900000000' },
  awards: { count: 1, amount: '100000000' },
  programs: [
    {
      id: '01a2373f-0000-7000-8000-000000000001',
      name: { zh: '重大研发项目资助', en: 'Major R&D grant' },
      line: 'rd-grants',
      awards: 1,
      awarded: '100000000',
      disbursed: '40000000',
    },
  ],
  months: [{ month: '2026-03', committed: '100000000', paid: '40000000' }],
  stays: { beds: 4, bedNights: 120, occupiedNights: 6, from: '2026-02-01', to: '2026-03-03' },
  spaces: { totalM2: 300, leasedM2: 100, heldM2: 50, on: '2026-03-03' },
  compute: { capacityGpuHours: 0, reservedGpuHours: 0, from: '2026-02-01', to: '2026-03-03' },
  trends: {
    stays: [
      { month: '2026-02', nightsBooked: 30, nightsAvailable: 112 },
      { month: '2026-03', nightsBooked: 10, nightsAvailable: 88 },
    ],
    spaces: [
      { month: '2026-02', leasedM2: 100, heldM2: 50, heldVacantCost: '300000' },
      { month: '2026-03', leasedM2: 0, heldM2: 51.61, heldVacantCost: '309677' },
    ],
    compute: [
      { month: '2026-02', usedGpuHours: 0, quotaGpuHours: 0 },
      { month: '2026-03', usedGpuHours: 0, quotaGpuHours: 0 },
    ],
  },
};

describe('HubDashboardFigures', () => {
  it('shows money committed, paid and left through the one formatter, the trend and programs as charts, and the use of stays, space and compute, in Chinese', () => {
    renderInApp(<HubDashboardFigures dashboard={dashboard} />);
    expect(screen.getByText('已拨付').closest('.ant-statistic')!.textContent).toContain('40万元');
    expect(screen.getByText('已承诺未拨付').closest('.ant-statistic')!.textContent).toContain('60万元');
    expect(screen.getByText('资助笔数').closest('.ant-statistic')!.textContent).toContain('1');
    expect(screen.getByRole('img', { name: '每月承诺与拨付金额' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '各政策项目的资助总额与已拨付' })).toBeTruthy();
    expect(screen.getByText('重大研发项目资助：1 笔，资助总额 100万元，已拨付 40万元')).toBeTruthy();
    const stays = screen.getByRole('region', { name: '青年驿站入住率' });
    expect(stays.textContent).toContain('5%');
    expect(stays.textContent).toContain('近 30 晚（2026年2月1日至3月3日）4 张床位，入住 6 床晚，共 120 床晚');
    expect(screen.getByRole('region', { name: '办公空间出租率' }).textContent).toContain('2026年3月3日：共 300 平方米');
    expect(screen.getByRole('region', { name: '算力使用率' }).textContent).toContain('近 30 天（2026年2月1日至3月3日）');
    expect(within(screen.getByRole('region', { name: '办公空间出租率' })).getByText(/33\.3%/)).toBeTruthy();
    // No GPU capacity: no share made up from nothing.
    expect(screen.getByRole('region', { name: '算力使用率' }).textContent).toContain('暂无');
    // The last 12 months as charts, with their figures in words (money through the one formatter).
    expect(screen.getByRole('img', { name: '每月青年驿站可用床晚与已预订床晚' })).toBeTruthy();
    expect(screen.getByText('近 12 个月共预订 40 床晚，可用 200 床晚，入住率 20%')).toBeTruthy();
    expect(screen.getByRole('img', { name: '每月办公空间出租面积、预留面积与预留空置成本' })).toBeTruthy();
    expect(screen.getByText('2026年3月：出租 0 平方米，预留空置 51.6 平方米；近 12 个月预留空置成本 6,096.77元')).toBeTruthy();
    expect(screen.getByText('近 12 个月使用 0 GPU 小时，配额 0 GPU 小时，使用率 暂无')).toBeTruthy();
    expect(axis('每月承诺与拨付金额')).toEqual(['2026年3月']);
    expect(axis('每月青年驿站可用床晚与已预订床晚')).toEqual(['2026年2月', '2026年3月']);
  });

  it('speaks English with CNY amounts', () => {
    renderInApp(<HubDashboardFigures dashboard={dashboard} />, { locale: 'en-US' });
    expect(screen.getByText('Paid').closest('.ant-statistic')!.textContent).toContain('CNY 400k');
    // The envelope's part not yet given to a line reads as the cards beside it do.
    expect(screen.getByText(/^Not yet given to a line:/).textContent).toBe('Not yet given to a line: CNY 7bn');
    expect(screen.getByText('Major R&D grant · awards: 1, awarded CNY 1,000,000, paid CNY 400,000')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Youth station occupancy' }).textContent).toContain(
      'Last 30 nights (Feb 1 – Mar 3, 2026): 4 beds, 6 of 120 bed-nights slept',
    );
    expect(screen.getByRole('region', { name: 'Office space let' }).textContent).toContain('Mar 3, 2026: 300 m² in all');
    expect(screen.getByRole('region', { name: 'Compute in use' }).textContent).toContain('Last 30 days (Feb 1 – Mar 3, 2026)');
    expect(axis('Compute quota and GPU hours used each month')).toEqual(['Feb 2026', 'Mar 2026']);
    expect(axis('Money committed and paid each month')).toEqual(['Mar 2026']);
    expect(screen.getByText('Last 12 months: 40 of 200 bed-nights booked (20%)')).toBeTruthy();
    expect(screen.getByText('Mar 2026: 0 m² leased, 51.6 m² held vacant; holding space vacant cost CNY 6,096.77 over the last 12 months')).toBeTruthy();
  });

  it('says the year’s GPU hours against quota in whole, grouped hours, in both languages', () => {
    const compute = [
      { month: '2026-02', usedGpuHours: 2000, quotaGpuHours: 24000 },
      { month: '2026-03', usedGpuHours: 3760, quotaGpuHours: 24999.7 },
    ];
    const busy = { ...dashboard, trends: { ...dashboard.trends, compute } };
    const { unmount } = renderInApp(<HubDashboardFigures dashboard={busy} />, { locale: 'en-US' });
    expect(screen.getByText('Last 12 months: 5,760 of 49,000 GPU hours of quota used (11.8%)')).toBeTruthy();
    unmount();
    renderInApp(<HubDashboardFigures dashboard={busy} />);
    expect(screen.getByText('近 12 个月使用 5,760 GPU 小时，配额 49,000 GPU 小时，使用率 11.8%')).toBeTruthy();
  });

  it('says so when the hub has no fiscal year, and still shows the use of what it offers', () => {
    renderInApp(<HubDashboardFigures dashboard={{ ...dashboard, years: [], year: null, programs: [], months: [] }} />, { locale: 'en-US' });
    expect(screen.getByText('This hub has not opened a fiscal year yet.')).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Money committed and paid each month' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Office space let' })).toBeTruthy();
  });
});
