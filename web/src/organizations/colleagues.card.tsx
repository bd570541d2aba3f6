import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import { ColleagueRow, type Colleague } from './colleague-row.form';
import { InviteColleagueForm } from './invite-colleague.form';

/**
 * The company's people: everyone sees who acts for it; an owner (or a hub admin) invites
 * colleagues by e-mail, changes their role and removes them; an owner hands the company on.
 * A list rather than a table, so it reads on a phone. The server keeps the last owner.
 */
export function ColleaguesCard(props: {
  hub: string;
  organizationId: string;
  members: Colleague[];
  me: string | undefined;
  canManage: boolean;
  canTransfer: boolean;
}) {
  const { hub, organizationId, members, me, canManage, canTransfer } = props;
  const { t } = useTranslation();
  const owners = members.filter((m) => m.role === 'owner').length;

  return (
    <Card title={t('org.members')}>
      <ItemList
        items={members}
        empty={t('org.membersEmpty')}
        renderItem={(member) => (
          <ListItem>
            {/* Keyed by the role too: once the server has changed it, the row starts from the new one. */}
            <ColleagueRow
              key={`${member.userId}:${member.role}`}
              hub={hub}
              organizationId={organizationId}
              member={member}
              me={me}
              lastOwner={member.role === 'owner' && owners <= 1}
              canManage={canManage}
              canTransfer={canTransfer}
            />
          </ListItem>
        )}
      />
      {canManage && <InviteColleagueForm hub={hub} organizationId={organizationId} />}
    </Card>
  );
}
