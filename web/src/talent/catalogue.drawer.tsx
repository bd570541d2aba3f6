import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Flex, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { saveTalentCatalogue, talentCatalogue, type TalentCatalogue } from '../api/talent.api';
import { talentCatalogueSchema } from '../../../contracts/talent';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

type Values = { classes: TalentCatalogue };

const talentClass = talentCatalogueSchema.element.shape;
const condition = talentClass.conditions.element.shape;
/** The server's path into the catalogue ("2.conditions.0.key") as the form's field; a whole list is no field. */
const fieldFor = (path: string) => {
  const parts = path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return ['zh', 'en', 'key'].includes(String(parts.at(-1))) ? ['classes', ...parts] : null;
};

/** Officers edit the hub's talent classes A-E: each class's names and the conditions that qualify. */
export function CatalogueDrawer({ hub, open, onClose }: { hub: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['hubs', hub, 'talent', 'catalogue'];
  const catalogue = useQuery({ queryKey: key, queryFn: () => talentCatalogue(hub), enabled: open });
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const save = useFormMutation({
    form,
    fieldFor,
    mutationFn: ({ classes }: Values) => saveTalentCatalogue(hub, classes),
    onSuccess: (saved) => {
      client.setQueryData(key, saved);
      message.success(t('stays.catalogue.saved'));
      onClose();
    },
  });

  useEffect(() => {
    if (catalogue.data) form.setFieldsValue({ classes: catalogue.data });
  }, [catalogue.data, form]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={t('stays.catalogue.title')}
      extra={
        <Button type="primary" loading={save.submitting} onClick={() => form.submit()}>
          {t('stays.catalogue.save')}
        </Button>
      }
    >
      <FormFailure failure={save.failure} />
      <Form<Values> name="talent-catalogue" form={form} layout="vertical" onValuesChange={save.onValuesChange} onFinish={save.submit}>
        <Form.List name="classes">
          {(classes) =>
            classes.map((c) => (
              <Card
                key={c.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('stays.card.tierValue', { tier: form.getFieldValue(['classes', c.name, 'tier']) })}
              >
                {/* Only registered fields reach onFinish: the class letter rides along hidden. */}
                <Form.Item name={[c.name, 'tier']} hidden>
                  <Input />
                </Form.Item>
                <Flex gap={8}>
                  {(['zh', 'en'] as const).map((lang) => (
                    <Form.Item
                      key={lang}
                      name={[c.name, 'name', lang]}
                      label={t(lang === 'zh' ? 'stays.catalogue.nameZh' : 'stays.catalogue.nameEn')}
                      rules={[zodRule(talentClass.name.shape[lang], fieldText)]}
                      required
                      style={{ flex: 1 }}
                    >
                      <Input />
                    </Form.Item>
                  ))}
                </Flex>
                <Form.List name={[c.name, 'conditions']}>
                  {(conditions, { add, remove }) => (
                    <Flex vertical gap={4}>
                      {conditions.map((cond) => (
                        <Flex key={cond.key} gap={8} align="baseline">
                          <Form.Item name={[cond.name, 'key']} rules={[zodRule(condition.key, fieldText)]} style={{ width: 180, marginBottom: 4 }}>
                            <Input placeholder={t('stays.catalogue.key')} aria-label={t('stays.catalogue.key')} />
                          </Form.Item>
                          <Form.Item name={[cond.name, 'zh']} rules={[zodRule(condition.zh, fieldText)]} style={{ flex: 1, marginBottom: 4 }}>
                            <Input placeholder={t('stays.catalogue.conditionZh')} aria-label={t('stays.catalogue.conditionZh')} />
                          </Form.Item>
                          <Form.Item name={[cond.name, 'en']} rules={[zodRule(condition.en, fieldText)]} style={{ flex: 1, marginBottom: 4 }}>
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
