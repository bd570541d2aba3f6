import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { signIn } from '../api/auth.api';
import { acceptColleagueInvitation, previewColleagueInvitation, type ColleaguePreview } from '../api/colleagues.api';
import { acceptInvitation, previewInvitation, type InvitationPreview } from '../api/staff.api';
import { NewPasswordField } from '../auth/new-password-field';
import { SignInSteps } from '../auth/sign-in-steps';
import { useMe } from '../auth/use-me';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageLoading } from '../layout/page-states';

type NewAccount = { name: string; password: string };

/** Where an invitation's link lands: a staff invitation or a colleague's, by the path. */
export function AcceptInvitationPage() {
  const { kind } = useParams();
  const [params] = useSearchParams();
  const hub = params.get('hub') ?? '';
  const token = params.get('token') ?? '';
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const bilingual = useBilingual();
  const { locale } = useLocale();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const staff = kind === 'staff';
  const preview = useQuery<InvitationPreview | ColleaguePreview>({
    queryKey: ['invitation', kind, hub, token],
    queryFn: () => (staff ? previewInvitation(hub, token) : previewColleagueInvitation(hub, token)),
    retry: false,
  });
  const [form] = Form.useForm<NewAccount>();
  const accept = useFormMutation({
    form,
    fields: ['name', 'password'],
    mutationFn: async (account: NewAccount | undefined) => {
      const data = preview.data!;
      if (staff) await acceptInvitation(hub, { token, ...account });
      else await acceptColleagueInvitation(hub, token);
      if (account) await signIn({ email: data.email, password: account.password });
      return data;
    },
    onSuccess: async (data) => {
      await client.invalidateQueries();
      navigate(staff ? `/hubs/${hub}` : `/hubs/${hub}/organizations/${'organization' in data ? data.organization.id : ''}`, { replace: true });
    },
  });

  if (me.isPending || preview.isPending) return <PageLoading />;
  const card = (body: React.ReactNode) => <Card style={{ maxWidth: 520, margin: '48px auto' }}>{body}</Card>;
  if (preview.isError) return card(<Result status="warning" title={describe(preview.error)} />);

  const here = `/invitations/${kind}?hub=${encodeURIComponent(hub)}&token=${encodeURIComponent(token)}`;
  const data = preview.data;

  const intro =
    'roles' in data
      ? t('staff.acceptIntro', {
          hub: bilingual(data.hub.name).primary,
          roles: new Intl.ListFormat(locale, { type: 'conjunction' }).format(data.roles.map((r) => t(`staff.role.${r}`))),
        })
      : t('staff.colleagueIntro', { organization: bilingual(data.organization.name).primary, role: t(`orgRole.${data.role}`) });
  const needsAccount = 'needsAccount' in data && data.needsAccount && !me.data;

  return card(
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('staff.acceptTitle')}
      </Typography.Title>
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('staff.acceptAs', { email: data.email })}</Typography.Paragraph>
      <FormFailure failure={accept.failure} />
      {needsAccount ? (
        <Form<NewAccount> form={form} layout="vertical" onFinish={(v) => accept.submit({ name: v.name.trim(), password: v.password })} requiredMark={false}>
          <Typography.Paragraph>{t('staff.choosePassword')}</Typography.Paragraph>
          <Form.Item label={t('auth.name')} name="name" rules={[{ required: true, whitespace: true, message: fieldText('REQUIRED') }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <NewPasswordField label={t('auth.password')} />
          <Button type="primary" htmlType="submit" block loading={accept.submitting}>
            {t('staff.accept')}
          </Button>
        </Form>
      ) : me.data ? (
        <Button type="primary" block loading={accept.submitting} onClick={() => accept.submit(undefined)}>
          {t('staff.accept')}
        </Button>
      ) : staff ? (
        // An existing account signs in here (with its code, when it has a second factor), then accepts.
        <SignInSteps
          email={data.email}
          submitLabel={t('staff.signInAndAccept')}
          header={<Typography.Paragraph>{t('staff.signInFirst')}</Typography.Paragraph>}
          onSignedIn={() => accept.submit(undefined)}
        />
      ) : (
        <>
          <Typography.Paragraph>{t('staff.signUpFirst', { email: data.email })}</Typography.Paragraph>
          <Button type="primary" block onClick={() => navigate(`/sign-in?next=${encodeURIComponent(here)}`)}>
            {t('auth.signIn')}
          </Button>
          <Typography.Paragraph style={{ marginTop: 12 }}>
            <Link to={`/sign-up?next=${encodeURIComponent(here)}`}>{t('auth.signUp')}</Link>
          </Typography.Paragraph>
        </>
      )}
    </>,
  );
}
