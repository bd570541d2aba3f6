import dayjs, { type Dayjs } from 'dayjs';
import { useParams } from 'react-router';
import { useHub } from '../hubs/use-hub';

/** Today where the hub is (stays are in the hub's local days, whatever the browser's zone). */
export function useHubToday(): Dayjs {
  const { hub = '' } = useParams();
  const timeZone = useHub(hub).data?.timeZone ?? 'Asia/Shanghai';
  return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()));
}
