import type { FormField } from '../../../contracts/programs';

/** A program form of every kind of field and an application's stored answers to it (money in fen), for the answers' tests. */
export const formFields: FormField[] = [
  { key: 'plan', label: { zh: '研发计划', en: 'R&D plan' }, required: true, type: 'text', maxLength: 4000 },
  { key: 'budget_total', label: { zh: '项目总预算', en: 'Total project budget' }, required: true, type: 'money', max: null },
  {
    key: 'stage',
    label: { zh: '所处阶段', en: 'Stage' },
    required: true,
    type: 'choice',
    options: [
      { value: 'prototype', label: { zh: '样机', en: 'Prototype' } },
      { value: 'market', label: { zh: '已上市', en: 'On the market' } },
    ],
  },
  { key: 'starts_on', label: { zh: '开始日期', en: 'Start date' }, required: false, type: 'date' },
  { key: 'deck', label: { zh: '项目材料', en: 'Project deck' }, required: false, type: 'file', accept: ['application/pdf'], maxBytes: 1_000_000 },
];

export const fileId = '01a2373f-0000-7000-8000-0000000000f1';
export const storedAnswers = { plan: '冷链仓储人形机械臂', budget_total: '800000000', stage: 'prototype', starts_on: '2027-01-15', deck: fileId };

/** What each answer reads as, under which label, in each language. */
export const answerWords = {
  'zh-CN': {
    title: '申请内容',
    rows: [
      ['研发计划', '冷链仓储人形机械臂'],
      ['项目总预算', '800万元'],
      ['所处阶段', '样机'],
      ['开始日期', '2027年1月15日'],
    ],
    file: '下载文件',
  },
  'en-US': {
    title: 'What was submitted',
    rows: [
      ['R&D plan', '冷链仓储人形机械臂'],
      ['Total project budget', 'CNY 8,000,000'],
      ['Stage', 'Prototype'],
      ['Start date', 'Jan 15, 2027'],
    ],
    file: 'Download the file',
  },
} as const;
