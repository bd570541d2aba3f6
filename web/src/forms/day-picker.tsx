import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AriaAttributes } from 'react';

type Props = AriaAttributes & {
  /** Given by Form.Item, so its label names the picker. */
  id?: string;
  /** The day as the API writes it, `YYYY-MM-DD`; empty when none. */
  value?: string | null;
  onChange?: (value: string) => void;
  disabledDate?: (day: Dayjs) => boolean;
  /** Outside a Form.Item (a row of the rule builder), its own error state. */
  status?: 'error' | 'warning';
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day picked in antd's calendar, in the page's language, for a form value that is the
 * API's `YYYY-MM-DD` text ('' when cleared). Not the browser's own date box, which speaks
 * the browser's language rather than the page's.
 */
export function DayPicker({ value, onChange, ...rest }: Props) {
  const day = value && ISO_DAY.test(value) ? dayjs(value) : null;
  return (
    <DatePicker
      {...rest}
      style={{ width: '100%' }}
      // Enter takes the day typed; it must not also send the form around it.
      onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
      value={day?.isValid() ? day : null}
      onChange={(next: Dayjs | null) => onChange?.(next ? next.format('YYYY-MM-DD') : '')}
    />
  );
}
