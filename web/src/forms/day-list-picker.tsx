import { CloseOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AriaAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatDay } from '../i18n/format-date';

type Props = AriaAttributes & {
  /** Given by Form.Item: its label names the day input. */
  id?: string;
  value?: Dayjs[];
  onChange?: (days: Dayjs[]) => void;
  placeholder?: string;
};

const iso = (day: Dayjs) => day.format('YYYY-MM-DD');

/**
 * A set of days (a hub's holidays): a day picker that adds the day picked or typed (or
 * drops it when it is already in), the days picked marked on its calendar, and each day
 * as a button that drops it. Every part works from the keyboard, which antd's `multiple`
 * picker does not: its input cannot be focused.
 */
export function DayListPicker({ id, value, onChange, placeholder, ...aria }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const days = [...new Map((value ?? []).map((d) => [iso(d), d])).values()].sort((a, b) => iso(a).localeCompare(iso(b)));
  const picked = new Set(days.map(iso));
  const toggle = (day: Dayjs) => onChange?.(picked.has(iso(day)) ? days.filter((d) => iso(d) !== iso(day)) : [...days, day]);
  return (
    <Flex vertical gap={8}>
      <DatePicker
        {...aria}
        id={id}
        style={{ width: '100%' }}
        value={null}
        placeholder={placeholder}
        onChange={(day: Dayjs | null) => day && toggle(day)}
        // Enter adds the day typed; it must not also send the form around it.
        onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        cellRender={(current, info) =>
          info.type === 'date' && typeof current === 'object' && picked.has(iso(current)) ? (
            <div className="ant-picker-cell-inner" data-picked style={{ background: 'var(--ant-color-primary-bg)', fontWeight: 600 }}>
              {current.date()}
            </div>
          ) : (
            info.originNode
          )
        }
      />
      {days.length > 0 && (
        <Flex wrap gap={4}>
          {days.map((day) => (
            <Button
              key={iso(day)}
              size="small"
              data-day={iso(day)}
              icon={<CloseOutlined />}
              iconPlacement="end"
              aria-label={t('forms.dropDay', { day: formatDay(iso(day), locale) })}
              onClick={() => toggle(day)}
            >
              {formatDay(iso(day), locale)}
            </Button>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
