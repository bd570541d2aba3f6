import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ATTACHMENTS_MAX, FILE_MAX_BYTES, reportFileTypes } from '../../../contracts/files';
import type { AttachedFile } from '../api/files.api';
import { useLocale } from '../i18n/locale-context';
import { fileTypesText } from './file-types';
import { sizeText, useFileUpload } from './use-file-upload';

type Props = { hub: string; id?: string; value?: AttachedFile[]; onChange?: (files: AttachedFile[]) => void };

/**
 * A report's attachments (a form control: `value` is the list of stored files; send their
 * ids). Each chosen file is uploaded at once through `useFileUpload`, as a file field's is;
 * the server checks again that each one is the sender's, in this hub, of a type reports carry
 * (`reportFileTypes`, shared with it).
 */
export function FileAttachments({ hub, id, value = [], onChange }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { upload, uploading, problem, setProblem } = useFileUpload(hub, FILE_MAX_BYTES);
  const room = ATTACHMENTS_MAX - value.length;

  /** The files chosen together, one after another, as many as fit; the first that fails stops the rest. */
  const add = async (files: readonly File[]) => {
    const added: AttachedFile[] = [];
    let failed = false;
    for (const file of files.slice(0, room)) {
      const saved = await upload(file);
      if (typeof saved === 'string') {
        failed = true;
        break;
      }
      added.push({ id: saved.id, name: saved.name, mediaType: saved.mediaType, size: saved.size });
    }
    if (!failed && files.length > room) setProblem(t('programs.files.tooMany', { count: ATTACHMENTS_MAX }));
    if (added.length) onChange?.([...value, ...added]);
  };

  return (
    <Flex vertical gap={4} style={{ width: '100%' }} data-testid="file-attachments">
      {value.map((file) => (
        <Flex key={file.id} gap={8} align="center">
          <PaperClipOutlined aria-hidden />
          <Typography.Text style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            {file.name} <Typography.Text type="secondary">{sizeText(file.size)}</Typography.Text>
          </Typography.Text>
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('programs.files.remove', { name: file.name })}
            disabled={uploading}
            onClick={() => {
              setProblem(null);
              onChange?.(value.filter((f) => f.id !== file.id));
            }}
          />
        </Flex>
      ))}
      {room > 0 && (
        <Upload
          id={id} // the form item's label names the file input
          accept={reportFileTypes.join(',')}
          multiple
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file, chosen) => {
            if (file === chosen[0]) void add(chosen);
            return false; // sent by us, one after another, as raw bodies
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading}>
            {t('programs.files.attach')}
          </Button>
        </Upload>
      )}
      <Typography.Text type="secondary">
        {t('programs.files.hint', { types: fileTypesText(reportFileTypes, locale), max: sizeText(FILE_MAX_BYTES), count: ATTACHMENTS_MAX })}
      </Typography.Text>
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The files a report carries, as download links by name: `urlOf` is the report's own file route (it decides who may read them). */
export function AttachedFiles({ files, urlOf }: { files: readonly AttachedFile[]; urlOf: (fileId: string) => string }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <Flex vertical gap={2} data-testid="attached-files">
      <Typography.Text type="secondary">{t('punct.labelled', { label: t('programs.files.attached') })}</Typography.Text>
      {files.map((file) => (
        <Flex key={file.id} gap={8} align="baseline" wrap>
          <PaperClipOutlined aria-hidden />
          <a href={urlOf(file.id)} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {file.name}
          </a>
          <Typography.Text type="secondary">{sizeText(file.size)}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
