import { DatePicker, type GetProps } from 'antd';
import { useId, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

type RangePickerProps = GetProps<typeof DatePicker.RangePicker>;

type Props = Omit<RangePickerProps, 'id' | 'aria-label'> & {
  /** Given by Form.Item, whose label then names the first day's box. */
  id?: string;
  /** The field's name, as its Form.Item label says it. */
  label: string;
  /** What the second day is ("Reopening day", "Check out"); the first is the field itself. */
  endLabel: string;
};

/** Read by screen readers, not drawn: the name of a box that has no visible label of its own. */
const unseen: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * antd's range picker with both of its boxes named. A Form.Item's label names only the box
 * whose id it was given, the first; the second would be named by its placeholder alone, so
 * with several ranges on a page (a station's closed days) each second box said the same
 * thing. Here the second is "{field}: {endLabel}". Outside a Form.Item (no `id`), the first
 * box is named `label` too.
 */
export function DayRangePicker({ id, label, endLabel, ...rest }: Props) {
  const { t } = useTranslation();
  const own = useId();
  const start = id ?? `${own}-start`;
  const end = `${id ?? own}-end`;
  return (
    <>
      <DatePicker.RangePicker
        {...rest}
        id={{ start, end }}
        // Enter takes the day typed (and moves to the second box); it must not also send the form.
        onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
      />
      {id ? null : (
        <label htmlFor={start} style={unseen}>
          {label}
        </label>
      )}
      <label htmlFor={end} style={unseen}>
        {t('forms.rangeEnd', { field: label, end: endLabel })}
      </label>
    </>
  );
}
