import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

type Pageable = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** "Load more" under a cursor-paged list, shown while there is more. */
export function LoadMore({ list }: { list: Pageable }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Flex justify="center">
      <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
        {t('app.loadMore')}
      </Button>
    </Flex>
  );
}
