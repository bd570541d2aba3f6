import { describe, expect, it } from 'vitest';
import { renderInApp } from '../../test/render';
import { HubCalendar } from './hub-calendar';

const dayIn = (timeZone: string) => Number(new Intl.DateTimeFormat('en-US', { timeZone, day: 'numeric' }).format(new Date()));

describe('HubCalendar', () => {
  it('marks today in the hub time zone, also when it is another day in the browser', () => {
    // UTC+14 and UTC-11 are always on different days, so one of them differs from the browser's.
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const { container, unmount } = renderInApp(<HubCalendar timeZone={timeZone} fullscreen={false} />);
      const today = container.querySelector('.ant-picker-cell-today');
      expect(Number(today?.textContent)).toBe(dayIn(timeZone));
      unmount();
    }
  });

  it('speaks Chinese in zh-CN: weekday and month names', () => {
    const { container } = renderInApp(<HubCalendar timeZone="Asia/Shanghai" fullscreen={false} />);
    const weekdays = [...container.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(container.querySelector('.ant-picker-calendar-month-select')?.textContent).toMatch(/^\d{1,2}月$/);
  });

  it('speaks English in en-US', () => {
    const { container } = renderInApp(<HubCalendar timeZone="Asia/Shanghai" fullscreen={false} />, { locale: 'en-US' });
    const weekdays = [...container.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(weekdays).toEqual(['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa']);
  });
});
