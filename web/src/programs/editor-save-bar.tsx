import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../forms/form-failure';

type Props = { dirty: boolean; saving: boolean; failure: unknown; children?: ReactNode };

/**
 * The editor's save bar: stuck to the bottom of the window however long the page, it says
 * whether there are unsaved changes, shows what a save failed on (the one error shape), and
 * its Save button is disabled while saving.
 */
export function EditorSaveBar({ dirty, saving, failure, children }: Props) {
  const { t } = useTranslation();
  return (
    <div
      role="region"
      aria-label={t('programs.editor.saveBar')}
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        background: '#fff',
        borderTop: '1px solid rgba(0,0,0,0.15)',
        padding: '12px 0',
        boxShadow: '0 -4px 12px rgba(0,0,0,0.06)',
      }}
    >
      <FormFailure failure={failure} />
      <Flex gap={12} align="center" wrap>
        <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
          {t('programs.editor.save')}
        </Button>
        {children}
        <Typography.Text type={dirty ? undefined : 'secondary'} strong={dirty} role="status" data-save-state={dirty ? 'dirty' : 'clean'}>
          {dirty ? t('programs.editor.unsaved') : t('programs.editor.allSaved')}
        </Typography.Text>
      </Flex>
    </div>
  );
}
