import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import { Calendar, type CalendarProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { createElement } from 'react';
import { nowIn } from './hub-today';

type CalendarComponent = ReturnType<typeof Calendar.generateCalendar<Dayjs>>;
const calendars = new Map<string, CalendarComponent>();

/** One calendar component per time zone, made once (so its state survives re-renders). */
function calendarIn(timeZone: string): CalendarComponent {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar = Calendar.generateCalendar<Dayjs>({ ...dayjsGenerateConfig, getNow: () => nowIn(timeZone) });
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

/** antd's Calendar whose "today" is the hub's today (antd's own takes the browser's clock and zone). */
export function HubCalendar({ timeZone, ...props }: CalendarProps<Dayjs> & { timeZone: string }) {
  return createElement(calendarIn(timeZone), props);
}
