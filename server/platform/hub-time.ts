// One formatter per time zone: building an Intl.DateTimeFormat costs far more than a format
// (the open-data export dates every ledger movement of every award).
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const hourFormats = new Map<string, Intl.DateTimeFormat>();

function formatIn(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = make(); // an unknown zone throws here, before anything is cached
    cache.set(timeZone, format);
  }
  return format;
}

/** Today's date where the hub is: stays and windows are in local days. */
export function localToday(timeZone: string, now = new Date()): string {
  return formatIn(dayFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(now);
}

/** The local hour (0-23) where the hub is. */
export function localHour(timeZone: string, now = new Date()): number {
  return Number(formatIn(hourFormats, timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })).format(now));
}
