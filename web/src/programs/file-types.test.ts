import { describe, expect, it } from 'vitest';
import { developerTextIn } from '../i18n/developer-text';
import { fileTypesText } from './file-types';

describe('fileTypesText', () => {
  it('names accepted files as people do, in each language', () => {
    expect(fileTypesText(['application/pdf', 'image/*'], 'zh-CN')).toBe('PDF、图片');
    expect(fileTypesText(['application/pdf', 'image/*'], 'en-US')).toBe('PDF or images');
    expect(fileTypesText(['image/png', 'image/jpeg', 'application/zip'], 'en-US')).toBe('PNG, JPEG or ZIP');
    expect(fileTypesText(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'], 'zh-CN')).toBe('Excel、CSV');
  });

  it('never shows a MIME type', () => {
    for (const accept of [['application/pdf', 'image/*'], ['video/mp4'], ['application/x-custom+json'], ['audio/*']]) {
      for (const locale of ['zh-CN', 'en-US'] as const) expect(developerTextIn(fileTypesText(accept, locale))).toBeNull();
    }
  });
});
