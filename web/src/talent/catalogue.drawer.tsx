import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Flex, Form, Input, Popconfirm } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rotateTalentSigningKey, saveTalentCatalogue, talentCatalogue, type TalentCatalogue } from '../api/stays.api';
import { useHubRoles } from '../ecosystem/use-hub-roles';
import { useErrorText } from '../errors/use-error-text';

/** Officers edit the hub's talent classes A-E: each class's names and the conditions that qualify. */
export function CatalogueDrawer({ hub, open, onClose }: { hub: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorText();
  const client = useQueryClient();
  const { isAdmin } = useHubRoles(hub); // key rotation is the hub admin's
  const key = ['hubs', hub, 'talent', 'catalogue'];
  const catalogue = useQuery({ queryKey: key, queryFn: () => talentCatalogue(hub), enabled: open });
  const [form] = Form.useForm<{ classes: TalentCatalogue }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (catalogue.data) form.setFieldsValue({ classes: catalogue.data });
  }, [catalogue.data, form]);

  async function save({ classes }: { classes: TalentCatalogue }) {
    setSaving(true);
    try {
      client.setQueryData(key, await saveTalentCatalogue(hub, classes));
      message.success(t('stays.catalogue.saved'));
      onClose();
    } catch (error) {
      message.error(describe(error));
    } finally {
      setSaving(false);
    }
  }

  /** A new key signs from now on; cards signed by the old one still verify until they expire. */
  async function rotate() {
    try {
      const { kid } = await rotateTalentSigningKey(hub);
      message.success(t('stays.catalogue.rotated', { kid }));
    } catch (error) {
      message.error(describe(error));
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      title={t('stays.catalogue.title')}
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          {t('stays.catalogue.save')}
        </Button>
      }
      footer={
        isAdmin && (
          <Popconfirm title={t('stays.catalogue.rotateConfirm')} onConfirm={() => void rotate()} okText={t('stays.catalogue.rotate')}>
            <Button>{t('stays.catalogue.rotate')}</Button>
          </Popconfirm>
        )
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.List name="classes">
          {(classes) =>
            classes.map((c) => (
              <Card key={c.key} size="small" style={{ marginBottom: 12 }} title={t('stays.card.tierValue', { tier: form.getFieldValue(['classes', c.name, 'tier']) })}>
                {/* Only registered fields reach onFinish: the class letter rides along hidden. */}
                <Form.Item name={[c.name, 'tier']} hidden>
                  <Input />
                </Form.Item>
                <Flex gap={8}>
                  <Form.Item name={[c.name, 'name', 'zh']} label={t('stays.catalogue.nameZh')} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[c.name, 'name', 'en']} label={t('stays.catalogue.nameEn')} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input />
                  </Form.Item>
                </Flex>
                <Form.List name={[c.name, 'conditions']}>
                  {(conditions, { add, remove }) => (
                    <Flex vertical gap={4}>
                      {conditions.map((cond) => (
                        <Flex key={cond.key} gap={8} align="baseline">
                          <Form.Item name={[cond.name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,59}$/ }]} style={{ width: 180, marginBottom: 4 }}>
                            <Input placeholder={t('stays.catalogue.key')} aria-label={t('stays.catalogue.key')} />
                          </Form.Item>
                          <Form.Item name={[cond.name, 'zh']} rules={[{ required: true }]} style={{ flex: 1, marginBottom: 4 }}>
                            <Input placeholder={t('stays.catalogue.conditionZh')} aria-label={t('stays.catalogue.conditionZh')} />
                          </Form.Item>
                          <Form.Item name={[cond.name, 'en']} rules={[{ required: true }]} style={{ flex: 1, marginBottom: 4 }}>
                            <Input placeholder={t('stays.catalogue.conditionEn')} aria-label={t('stays.catalogue.conditionEn')} />
                          </Form.Item>
                          <MinusCircleOutlined aria-label={t('stays.catalogue.remove')} onClick={() => remove(cond.name)} />
                        </Flex>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', zh: '', en: '' })}>
                        {t('stays.catalogue.addCondition')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Card>
            ))
          }
        </Form.List>
      </Form>
    </Drawer>
  );
}
