import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileUrl, uploadFile } from '../api/files.api';
import { useErrorText } from '../errors/use-error-text';

const pictures = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const MAX_PHOTOS = 10;

type Props = { hub: string; code: string; id?: string; value?: string[]; onChange?: (ids: string[]) => void };

/**
 * A unit's photos as a form control (`value`: ids of uploaded files, in the order shown).
 * Each picture is uploaded the moment it is chosen (`uploadFile`); the server checks that
 * it is a picture of this hub when the unit is saved.
 */
export function PhotoPicker({ hub, code, id, value = [], onChange }: Props) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const [uploading, setUploading] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  // Uploads finish in any order: each adds itself to the latest list.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  const upload = async (file: File) => {
    setProblem(null);
    setUploading((n) => n + 1);
    try {
      const saved = await uploadFile(hub, file);
      if (!saved.mediaType.startsWith('image/')) {
        setProblem(t('spaces.units.notPicture'));
        return;
      }
      latest.current = [...latest.current, saved.id].slice(0, MAX_PHOTOS);
      onChange?.(latest.current);
    } catch (error) {
      setProblem(describe(error));
    } finally {
      setUploading((n) => n - 1);
    }
  };

  return (
    <Flex vertical gap={8} id={id}>
      {value.length === 0 ? (
        <Typography.Text type="secondary">{t('spaces.units.noPhotos')}</Typography.Text>
      ) : (
        <Flex gap={8} wrap>
          {value.map((fileId, i) => (
            <Flex key={fileId} vertical gap={4} align="center">
              <Image
                src={fileUrl(hub, fileId)}
                alt={t('spaces.units.photoAlt', { code, n: i + 1 })}
                width={96}
                height={72}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                preview={false}
              />
              <Button
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('spaces.units.removePhoto', { n: i + 1 })}
                onClick={() => onChange?.(value.filter((x) => x !== fileId))}
              />
            </Flex>
          ))}
        </Flex>
      )}
      <Upload
        accept={pictures.join(',')}
        multiple
        showUploadList={false}
        disabled={value.length >= MAX_PHOTOS}
        beforeUpload={(file) => {
          void upload(file);
          return false; // sent by uploadFile, as the raw body
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0} disabled={value.length >= MAX_PHOTOS}>
          {uploading > 0 ? t('spaces.units.uploading') : t('spaces.units.addPhotos')}
        </Button>
      </Upload>
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
    </Flex>
  );
}
