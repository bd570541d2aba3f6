import { Flex } from 'antd';
import { useParams } from 'react-router';
import { useCapabilities } from '../auth/use-capabilities';
import { NotFoundPage, PageLoading } from '../layout/page-states';
import { SigningKeyCard } from '../talent/signing-key.card';
import { HubSecurityForm } from './hub-security.form';

/** The hub's security: sign-in rules (hub and security admins change them, auditors read them) and, for the security admin, the talent card signing key. */
export function HubSecurityPage() {
  const { hub = '' } = useParams();
  const capabilities = useCapabilities(hub);
  if (capabilities.isPending) return <PageLoading />;
  if (!capabilities.data?.actions.hub.readSecurity) return <NotFoundPage />;
  return (
    <Flex vertical gap={16}>
      <HubSecurityForm hub={hub} readOnly={!capabilities.data.actions.hub.updateSecurity} />
      {capabilities.data.actions.talent.rotateKeys && <SigningKeyCard hub={hub} />}
    </Flex>
  );
}
