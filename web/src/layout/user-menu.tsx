import { Button } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/use-me';

// The account menu (antd's Dropdown and Menu) loads once someone is signed in: the landing
// page a visitor opens first does without it.
const AccountMenu = lazy(() => import('./account-menu').then((module) => ({ default: module.AccountMenu })));

/** The person's name with a menu to sign out (`compact`: the icon alone), or a sign-in button when signed out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();

  if (!me.data) {
    if (['/sign-in', '/sign-up', '/forgot-password', '/reset-password'].includes(location.pathname)) return null;
    return (
      <Button type="primary" onClick={() => navigate('/sign-in')}>
        {t('auth.signIn')}
      </Button>
    );
  }
  return (
    <Suspense fallback={null}>
      <AccountMenu me={me.data} compact={compact} />
    </Suspense>
  );
}
