import { Flex, Image } from 'antd';
import { useTranslation } from 'react-i18next';
import { nodePhotoUrl } from '../api/spaces.api';

type Pictured = { id: string; code: string; photos: readonly string[] };

/**
 * The photos of a unit (or building, floor), small enough for a phone: tap one to see them
 * all large. Served by the space module to anyone who may read the tree.
 */
export function UnitPhotos({ hub, node, size = 96 }: { hub: string; node: Pictured; size?: number }) {
  const { t } = useTranslation();
  if (node.photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap data-testid="unit-photos">
        {node.photos.map((fileId, i) => (
          <Image
            key={fileId}
            src={nodePhotoUrl(hub, node.id, fileId)}
            alt={t('spaces.units.photoAlt', { code: node.code, n: i + 1 })}
            width={size}
            height={Math.round((size * 3) / 4)}
            style={{ objectFit: 'cover', borderRadius: 4 }}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
