import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { UploadedFile } from '../api/files.api';
import { useLocale } from '../i18n/locale-context';
import { fileTypesText } from './file-types';
import { sizeText, useFileUpload } from './use-file-upload';

type Props = { value?: string; onChange?: (fileId: string | undefined) => void; accept: readonly string[]; maxBytes: number };

/**
 * A file field (a form control: `value` is the stored file's id). The file is uploaded
 * the moment it is chosen (`useFileUpload`); the server judges its type and size again,
 * from the content, when the application is submitted.
 */
export function FileAnswer({ value, onChange, accept, maxBytes }: Props) {
  const { t } = useTranslation();
  const { hub = '' } = useParams();
  const { locale } = useLocale();
  const [stored, setStored] = useState<UploadedFile | null>(null);
  const { upload: send, uploading, problem } = useFileUpload(hub, maxBytes);

  const upload = async (file: File) => {
    const saved = await send(file);
    if (saved === 'too_big') return;
    setStored(saved === 'refused' ? null : saved);
    onChange?.(saved === 'refused' ? undefined : saved.id);
  };

  return (
    <Space orientation="vertical" size={4}>
      <Upload
        accept={accept.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false; // we send it ourselves, as the raw body
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading}>
          {stored ? t('programs.form.fileReplace') : t('programs.form.fileChoose')}
        </Button>
      </Upload>
      <Typography.Text type="secondary">
        {stored
          ? t('programs.form.fileStored', { name: stored.name, size: sizeText(stored.size) })
          : value
            ? t('programs.form.fileKept')
            : t('programs.form.fileHint', { types: fileTypesText(accept, locale), max: sizeText(maxBytes) })}
      </Typography.Text>
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
    </Space>
  );
}
