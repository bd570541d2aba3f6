import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile, type UploadedFile } from '../api/files.api';
import { useErrorText } from '../errors/use-error-text';

/** A file's size as people read it ("820 KB", "3.4 MB"). */
export const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * The one way a form uploads a file: the moment it is chosen, as the raw body (`uploadFile`),
 * after a size check the server repeats. `upload` answers the stored file, or why not
 * ('too_big' before sending, 'refused' by the server), with `problem` saying it in words.
 */
export function useFileUpload(hub: string, maxBytes: number) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File): Promise<UploadedFile | 'too_big' | 'refused'> => {
    setProblem(null);
    if (file.size > maxBytes) {
      setProblem(t('programs.form.fileTooBig', { max: sizeText(maxBytes) }));
      return 'too_big';
    }
    setUploading(true);
    try {
      return await uploadFile(hub, file);
    } catch (error) {
      setProblem(errorText(error));
      return 'refused';
    } finally {
      setUploading(false);
    }
  };
  return { upload, uploading, problem, setProblem };
}
