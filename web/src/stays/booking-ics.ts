import type { StayBooking } from '../api/stays.api';

// RFC 5545 text: backslash, semicolon, comma and newlines escaped.
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const day = (date: string) => date.replaceAll('-', '');

/**
 * A calendar entry for a stay (an .ics file): all-day from the check-in day to the check-out
 * day (DTEND is exclusive, as the nights are), at the station's address, with the check-in code.
 */
export function bookingIcs(booking: StayBooking, words: { title: string; address: string; description: string }, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Dragon Gate//Youth stations//EN',
    'BEGIN:VEVENT',
    `UID:${booking.id}@dragongate`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${day(booking.checkIn)}`,
    `DTEND;VALUE=DATE:${day(booking.checkOut)}`,
    `SUMMARY:${text(words.title)}`,
    `LOCATION:${text(words.address)}`,
    `DESCRIPTION:${text(words.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** A link target that downloads the entry (made in the page: nothing is fetched). */
export function icsHref(ics: string): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}
