import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { uploadFile, type UploadedFile } from '../api/files.api';
import { useErrorText } from '../errors/use-error-text';
import { useLocale } from '../i18n/locale-context';
import { fileTypesText } from './file-types';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

type Props = { value?: string; onChange?: (fileId: string | undefined) => void; accept: readonly string[]; maxBytes: number };

/**
 * A file field (a form control: `value` is the stored file's id). The file is uploaded
 * the moment it is chosen (`uploadFile`); the server judges its type and size again,
 * from the content, when the application is submitted.
 */
export function FileAnswer({ value, onChange, accept, maxBytes }: Props) {
  const { t } = useTranslation();
  const { hub = '' } = useParams();
  const errorText = useErrorText();
  const { locale } = useLocale();
  const [stored, setStored] = useState<UploadedFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    setProblem(null);
    if (file.size > maxBytes) {
      setProblem(t('programs.form.fileTooBig', { max: sizeText(maxBytes) }));
      return;
    }
    setUploading(true);
    try {
      const saved = await uploadFile(hub, file);
      setStored(saved);
      onChange?.(saved.id);
    } catch (error) {
      setStored(null);
      onChange?.(undefined);
      setProblem(errorText(error));
    } finally {
      setUploading(false);
    }
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
