import { Button, Card, Col, Flex, Form, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { searchAvailability, type Availability, type StayBooking } from '../api/stays.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useBilingual } from '../i18n/use-bilingual';
import { BookStayModal } from './book-stay.modal';
import { BookingCard } from './booking-card';
import { useHubToday } from './hub-today';
import { JoinWaitlistForm } from './join-waitlist.form';
import { useRefreshStays, useStations } from './use-stays';
import { DayRangePicker } from '../forms/day-range-picker';
import { formatMonthDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';

type StationRow = Availability['stations'][number];
type Values = { range: [Dayjs, Dayjs]; station?: string };
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Search free beds for a date range, then book (or join the waitlist when nothing is free). */
export function AvailabilityCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const stations = useStations(hub);
  const refresh = useRefreshStays(hub);
  const today = useHubToday();
  const [form] = Form.useForm<Values>();
  const [booking, setBooking] = useState<StationRow | null>(null);
  const [booked, setBooked] = useState<StayBooking | null>(null);
  // The dates searched: booking and the waitlist take the range the results are for.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [today, today.add(6, 'day')]);
  const search = useFormMutation({
    form,
    fieldFor: (path) => (path === 'from' || path === 'to' ? ['range'] : path === 'station' ? ['station'] : null),
    mutationFn: (values: Values) => searchAvailability(hub, iso(values.range[0]), iso(values.range[1]), values.station),
    onSuccess: (_, values) => setRange(values.range),
  });
  const result = search.mutation.data ?? null;
  // After booking: the same search again, so the beds shown are what is left.
  const searchAgain = () => search.mutation.variables && search.submit(search.mutation.variables);

  return (
    <Card title={t('stays.search.title')}>
      <FormFailure failure={search.failure} />
      <Form<Values> name="stay-search" form={form} layout="vertical" initialValues={{ range }} onFinish={search.submit} onValuesChange={search.onValuesChange}>
        <Row gutter={[16, 0]} align="bottom">
          <Col xs={24} md={10}>
            <Form.Item label={t('stays.search.dates')} name="range">
              <DayRangePicker
                label={t('stays.search.dates')}
                endLabel={t('stays.search.checkOutDay')}
                style={{ width: '100%' }}
                allowClear={false}
                inputReadOnly
                disabledDate={(d) => d.isBefore(today, 'day')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label={t('stays.search.station')} name="station" htmlFor="stay-search-station">
              <Select
                id="stay-search-station"
                style={{ width: '100%' }}
                allowClear
                placeholder={t('stays.search.anyStation')}
                options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: bilingual(s.name).primary }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item>
              <Button type="primary" htmlType="submit" block loading={search.submitting}>
                {t('stays.search.find')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {result && (
        <Row gutter={[16, 16]} role="list" aria-label={t('stays.search.results')}>
          {result.stations.map((r) => (
            <Col key={r.station.id} xs={24} md={12} role="listitem" aria-label={bilingual(r.station.name).primary}>
              <StationResult
                row={r}
                onBook={() => setBooking(r)}
                wait={<JoinWaitlistForm hub={hub} stationId={r.station.id} range={range} onDone={refresh} />}
              />
            </Col>
          ))}
        </Row>
      )}
      {booking && (
        <BookStayModal
          hub={hub}
          row={booking}
          range={range}
          onClose={() => setBooking(null)}
          onBooked={async (b) => {
            setBooked(b);
            await refresh();
            searchAgain();
          }}
        />
      )}
      <Modal open={booked !== null} title={t('stays.booking.confirmed')} footer={null} onCancel={() => setBooked(null)} width={640}>
        {booked && <BookingCard booking={booked} />}
      </Modal>
    </Card>
  );
}

/** One station in the results: where it is, its rule, how many nights have a free bed, book or wait. */
function StationResult({ row: r, onBook, wait }: { row: StationRow; onBook: () => void; wait: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const full = r.nights.filter((n) => n.closed || n.free === 0);
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Flex vertical gap={4}>
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0, overflowWrap: 'anywhere' }}>
          {bilingual(r.station.name).primary}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {bilingual(r.station.address).primary}
        </Typography.Text>
        <Typography.Text type="secondary">{t('stays.search.rules', { nights: r.station.rules.maxNightsPerStay })}</Typography.Text>
        <Typography.Text strong>{r.freeForRange > 0 ? t('stays.search.bedsFree', { count: r.freeForRange }) : t('stays.search.noBed')}</Typography.Text>
        {full.length > 0 && (
          <Space size={[4, 4]} wrap aria-label={t('stays.search.fullNights')}>
            <Typography.Text type="secondary">{t('punct.labelled', { label: t('stays.search.fullNights') })}</Typography.Text>
            {full.map((n) => (
              <Tag key={n.date} color={n.closed ? 'default' : 'red'}>
                {formatMonthDay(n.date, locale)} {n.closed ? t('stays.search.closed') : t('stays.search.full')}
              </Tag>
            ))}
          </Space>
        )}
        <div style={{ marginTop: 8 }}>
          {r.freeForRange > 0 ? (
            <Button type="primary" onClick={onBook} block>
              {t('stays.search.book')}
            </Button>
          ) : (
            wait
          )}
        </div>
      </Flex>
    </Card>
  );
}
