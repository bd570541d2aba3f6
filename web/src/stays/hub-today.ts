import dayjs, { type Dayjs } from 'dayjs';
import { useParams } from 'react-router';
import { useHub } from '../hubs/use-hub';

/** The wall-clock time now in a time zone, as a dayjs (which itself keeps the browser's zone). */
export function nowIn(timeZone: string): Dayjs {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
  return dayjs(parts.replace(' ', 'T'));
}

/** The hub's time zone (Asia/Shanghai until the hub is loaded). */
export function useHubTimeZone(): string {
  const { hub = '' } = useParams();
  return useHub(hub).data?.timeZone ?? 'Asia/Shanghai';
}

/** Today where the hub is (stays are in the hub's local days, whatever the browser's zone). */
export function useHubToday(): Dayjs {
  return nowIn(useHubTimeZone()).startOf('day');
}
