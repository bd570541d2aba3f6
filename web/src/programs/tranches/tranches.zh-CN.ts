/** The tranche rows' words in Chinese. */
export const tranchesZhCN = {
  title: '分期拨付',
  hint: '各期比例合计须为 100%。',
  share: '第 {{n}} 期比例（%）',
  when: '第 {{n}} 期拨付时间',
  months: '第 {{n}} 期月数',
  milestone: '第 {{n}} 期所需报告',
  whens: {
    award: '批准后立即拨付',
    social_insurance_months: '本地社保缴满若干个月后',
    date: '批准若干个月后',
    milestone_accepted: '报告验收通过后',
    metered_usage: '按实际用量结算',
  },
  add: '添加一期',
  remove: '删除第 {{n}} 期',
  total: '合计 {{total}}%',
};
