import { App, Button, Card, DatePicker, Flex, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBooking, joinWaitlist, searchAvailability, type Availability, type StayBooking } from '../api/stays.api';
import { newIdempotencyKey } from '../api/idempotency-key';
import { useErrorText } from '../errors/use-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { BookingQr } from './booking-qr';
import { useHubToday } from './hub-today';
import { useRefreshStays, useStations } from './use-stays';

type Row = Availability['stations'][number];
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Search free beds for a date range, then book (or join the waitlist when nothing is free). */
export function AvailabilityCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const describe = useErrorText();
  const bilingual = useBilingual();
  const stations = useStations(hub);
  const refresh = useRefreshStays(hub);
  const today = useHubToday();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [today, today.add(6, 'day')]);
  const [station, setStation] = useState<string | undefined>();
  const [result, setResult] = useState<Availability | null>(null);
  const [booked, setBooked] = useState<StayBooking | null>(null);

  async function search() {
    try {
      setResult(await searchAvailability(hub, iso(range[0]), iso(range[1]), station));
    } catch (error) {
      message.error(describe(error));
    }
  }

  function book(row: Row) {
    const key = newIdempotencyKey();
    const nights = range[1].diff(range[0], 'day');
    modal.confirm({
      title: t('stays.search.confirmTitle'),
      content: t('stays.search.confirmBody', { station: bilingual(row.station.name).primary, from: iso(range[0]), to: iso(range[1]), nights }),
      okText: t('stays.search.book'),
      onOk: async () => {
        try {
          setBooked(await createBooking(hub, { stationId: row.station.id, checkIn: iso(range[0]), checkOut: iso(range[1]) }, key));
          await refresh();
          await search();
        } catch (error) {
          message.error(describe(error));
        }
      },
    });
  }

  async function wait(row: Row) {
    try {
      const entry = await joinWaitlist(hub, { stationId: row.station.id, startsOn: iso(range[0]), endsOn: iso(range[1]) });
      message.success(t('stays.search.waitlisted', { position: entry.position ?? 1 }));
      await refresh();
    } catch (error) {
      message.error(describe(error));
    }
  }

  return (
    <Card title={t('stays.search.title')}>
      <Form layout="inline" onFinish={() => void search()} style={{ rowGap: 8 }}>
        <Form.Item label={t('stays.search.dates')}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            disabledDate={(d) => d.isBefore(today, 'day')}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            aria-label={t('stays.search.dates')}
          />
        </Form.Item>
        <Form.Item label={t('stays.search.station')}>
          <Select
            style={{ minWidth: 260 }}
            allowClear
            placeholder={t('stays.search.anyStation')}
            value={station}
            onChange={setStation}
            options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: bilingual(s.name).primary }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('stays.search.find')}
        </Button>
      </Form>
      {result && (
        <Table<Row>
          style={{ marginTop: 16 }}
          rowKey={(r) => r.station.id}
          pagination={false}
          dataSource={result.stations}
          columns={[
            {
              title: t('stays.search.station'),
              render: (_, r) => (
                <Flex vertical>
                  <Typography.Text strong>{bilingual(r.station.name).primary}</Typography.Text>
                  <Typography.Text type="secondary">{bilingual(r.station.address).primary}</Typography.Text>
                  <Typography.Text type="secondary">{t('stays.search.rules', { nights: r.station.rules.maxNightsPerStay })}</Typography.Text>
                </Flex>
              ),
            },
            { title: t('stays.search.freeForRange'), dataIndex: 'freeForRange', align: 'right' },
            {
              title: t('stays.search.nightsFree'),
              render: (_, r) => (
                <Space size={[4, 4]} wrap>
                  {r.nights.map((n) => (
                    <Tag key={n.date} color={n.closed ? 'default' : n.free > 0 ? 'green' : 'red'}>
                      {n.date.slice(5)}: {n.closed ? t('stays.search.closed') : n.free}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'act',
              render: (_, r) =>
                r.freeForRange > 0 ? (
                  <Button type="primary" onClick={() => book(r)}>
                    {t('stays.search.book')}
                  </Button>
                ) : (
                  <Button onClick={() => void wait(r)}>{t('stays.search.waitlist')}</Button>
                ),
            },
          ]}
        />
      )}
      <Modal open={booked !== null} title={t('stays.booking.confirmed')} footer={null} onCancel={() => setBooked(null)} width={640}>
        {booked && <BookingQr booking={booked} />}
      </Modal>
    </Card>
  );
}
