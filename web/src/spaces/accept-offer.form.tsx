import { App, Button, Descriptions, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptSpaceOffer, type SpaceRequest } from '../api/spaces.api';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { RentSteps } from './rent-steps';

type Offer = NonNullable<SpaceRequest['offer']>;

/**
 * The company takes the space offered to its request: the units become its lease. The button
 * opens a dialog that says what is signed (the units, the term, each month's rent, what the
 * company pays and the subsidy) and signs only when confirmed: a form of no fields on the one
 * pattern, sent with the dialog's Idempotency-Key so a double click or a retry signs one
 * lease; a refusal (the offer lapsed) shows in the dialog.
 */
export function AcceptOfferForm({ hub, request, onDone }: { hub: string; request: SpaceRequest & { offer: Offer }; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Record<string, never>>();
  const accept = useFormMutation({
    form,
    idempotent: true,
    mutationFn: (_: Record<string, never>, key) => acceptSpaceOffer(hub, request.id, key),
    onSuccess: async (lease) => {
      setOpen(false);
      message.success(t('spaces.mine.accepted', { ref: lease.ref }));
      await onDone();
    },
  });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('spaces.mine.accept')}
      </Button>
      <FormModal
        open={open}
        title={t('spaces.mine.confirmTitle')}
        onClose={() => setOpen(false)}
        form={form}
        mutation={accept}
        name={`accept-offer-${request.id}`}
        okText={t('spaces.mine.confirmSign')}
        intro={<OfferTerms request={request} />}
      />
    </>
  );
}

/** What accepting signs, in the page's language. */
function OfferTerms({ request: r }: { request: SpaceRequest & { offer: Offer } }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const terms = r.offer.terms;
  const startsOn = terms?.startsOn ?? r.startsOn;
  const endsOn = terms?.endsOn ?? dayjs(r.startsOn).add(r.months, 'month').format('YYYY-MM-DD');
  return (
    <>
      <Typography.Paragraph>{t('spaces.mine.confirmIntro')}</Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('spaces.lease.units')}>
          {new Intl.ListFormat(locale, { type: 'conjunction' }).format(r.offer.nodes.map((n) => `${n.code} ${bilingual(n.name).primary}`))}
        </Descriptions.Item>
        <Descriptions.Item label={t('spaces.lease.period')}>
          {t('spaces.mine.termMonths', { range: formatDayRange(startsOn, endsOn, locale), months: r.months })}
        </Descriptions.Item>
        {r.offer.program && <Descriptions.Item label={t('spaces.lease.subsidy')}>{bilingual(r.offer.program.name).primary}</Descriptions.Item>}
      </Descriptions>
      {terms ? <RentSteps steps={terms.steps} payer="you" /> : <Typography.Paragraph type="secondary">{t('spaces.mine.termsLater')}</Typography.Paragraph>}
    </>
  );
}
