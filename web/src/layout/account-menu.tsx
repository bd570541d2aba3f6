import { ApartmentOutlined, IdcardOutlined, LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Me } from '../../../contracts/auth';
import { signOut } from '../api/auth.api';
import { meQueryKey } from '../auth/use-me';
import { useErrorText } from '../errors/use-error-text';

/**
 * The signed-in person's name with a menu: talent card, profile, operator's hubs, sign out.
 * `compact` (a phone's bar) shows the icon alone; the name stays the button's name.
 */
export function AccountMenu({ me, compact = false }: { me: Me; compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hub } = useParams();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();

  const onSignOut = async () => {
    try {
      await signOut();
    } catch (error) {
      message.error(describe(error));
      return;
    }
    queryClient.setQueryData(meQueryKey, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' && query.queryKey[0] !== 'hubs' });
    queryClient.removeQueries({ queryKey: ['hubs'], predicate: (query) => query.queryKey.length > 2 });
    navigate('/sign-in');
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: t('auth.signedInAs', { email: me.user.email }), disabled: true },
          { type: 'divider' },
          // Inside a hub: the person's own talent card there.
          ...(hub ? [{ key: 'talent-card', label: t('nav.talent-card'), icon: <IdcardOutlined />, onClick: () => navigate(`/hubs/${hub}/talent-card`) }] : []),
          { key: 'profile', label: t('account.profile'), icon: <SettingOutlined />, onClick: () => navigate('/profile') },
          ...(me.operator ? [{ key: 'operator', label: t('account.operator'), icon: <ApartmentOutlined />, onClick: () => navigate('/operator/hubs') }] : []),
          { key: 'sign-out', label: t('auth.signOut'), icon: <LogoutOutlined />, onClick: () => void onSignOut() },
        ],
      }}
    >
      <Button icon={<UserOutlined />} aria-label={`${t('auth.account')}: ${me.user.name || me.user.email}`}>
        {compact ? null : me.user.name || me.user.email}
      </Button>
    </Dropdown>
  );
}
