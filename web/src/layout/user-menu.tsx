import { IdcardOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { signOut } from '../api/auth.api';
import { meQueryKey, useMe } from '../auth/use-me';
import { useErrorText } from '../errors/use-error-text';

/** The person's name with a menu to sign out, or a sign-in button when signed out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const { hub } = useParams();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();

  if (!me.data) {
    if (location.pathname === '/sign-in' || location.pathname === '/sign-up') return null;
    return (
      <Button type="primary" onClick={() => navigate('/sign-in')}>
        {t('auth.signIn')}
      </Button>
    );
  }

  const onSignOut = async () => {
    try {
      await signOut();
    } catch (error) {
      message.error(describe(error));
      return;
    }
    queryClient.setQueryData(meQueryKey, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' && query.queryKey[0] !== 'hubs' });
    navigate('/sign-in');
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: t('auth.signedInAs', { email: me.data.user.email }), disabled: true },
          { type: 'divider' },
          // Inside a hub: the person's own talent card there.
          ...(hub ? [{ key: 'talent-card', label: t('nav.talent-card'), icon: <IdcardOutlined />, onClick: () => navigate(`/hubs/${hub}/talent-card`) }] : []),
          { key: 'sign-out', label: t('auth.signOut'), icon: <LogoutOutlined />, onClick: () => void onSignOut() },
        ],
      }}
    >
      <Button icon={<UserOutlined />} aria-label={`${t('auth.account')}: ${me.data.user.name || me.data.user.email}`}>
        {me.data.user.name || me.data.user.email}
      </Button>
    </Dropdown>
  );
}
