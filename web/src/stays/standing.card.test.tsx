import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { StandingCard } from './standing.card';

const unverified = {
  verified: false,
  eligible: false,
  degree: null,
  reasons: [{ key: 'person', ok: false, text: { zh: '尚未认证毕业生身份。', en: 'Not verified as a graduate yet.' } }],
};
const labels = {
  'zh-CN': {
    nameOnId: '姓名（与证件一致）',
    nameEn: '英文姓名（中文姓名填拼音）',
    university: '毕业院校',
    level: '学历',
    bachelor: '本科',
    graduatesOn: '毕业日期（应届生填预计日期）',
    submit: '提交认证',
    tooShort: '内容太短。',
    residentId: '身份证号（选填）',
    received: '认证信息已收到',
    underReview: '工作人员核实后才会将其已有的档案关联到您的账户',
  },
  'en-US': {
    nameOnId: 'Name as on your ID or passport',
    nameEn: 'Name in Latin letters (pinyin for a Chinese name)',
    university: 'University',
    level: 'Degree',
    bachelor: "Bachelor's",
    graduatesOn: 'Graduation date (expected, if in your final year)',
    submit: 'Verify',
    tooShort: 'Too short.',
    residentId: 'Resident ID number (optional)',
    received: 'Verification received',
    underReview: 'hub staff check it before linking any record they hold to your account',
  },
};

/** The standing answers unverified until a verification succeeds; the verification gets `write`. */
function server(write: { status: number; body?: unknown }) {
  let verified = false;
  return fakeServer((request: SeenRequest) => {
    if (request.method === 'GET') return { status: 200, body: { ...unverified, verified } };
    verified = write.status < 400;
    return write;
  });
}

async function fill(locale: keyof typeof labels, name = { onId: '李明', latin: 'Li Ming' }, residentId = '') {
  const l = labels[locale];
  await userEvent.type(await screen.findByLabelText(l.nameOnId), name.onId);
  await userEvent.type(screen.getByLabelText(l.nameEn), name.latin);
  if (residentId) await userEvent.type(screen.getByLabelText(l.residentId), residentId);
  await userEvent.type(screen.getByLabelText(l.university), '浙江大学');
  await userEvent.click(screen.getByLabelText(l.level));
  await userEvent.click(await screen.findByTitle(l.bachelor));
  await userEvent.type(screen.getByLabelText(l.graduatesOn), '2026-06-30');
  await userEvent.tab();
  await userEvent.click(screen.getByRole('button', { name: l.submit }));
}

describe('StandingCard (stays): graduate verification', () => {
  it('sends who I am and my degree, then reads the standing again', async () => {
    const seen = server({ status: 200, body: { ...unverified, verified: true } });
    renderInApp(<StandingCard hub="hangzhou" />);
    await fill('zh-CN');
    // The standing is read again after the verification: the form goes once verified.
    await vi.waitFor(() => expect(screen.queryByLabelText('毕业院校')).toBeNull());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(seen.slice(seen.indexOf(post)).some((r) => r.method === 'GET')).toBe(true);
    expect(post.path).toBe('/api/hubs/hangzhou/talent/graduate');
    expect(post.body).toEqual({ name: { zh: '李明', en: 'Li Ming' }, degree: { university: '浙江大学', level: 'bachelor', graduatesOn: '2026-06-30' } });
  });

  it.each(['zh-CN', 'en-US'] as const)('takes the name as on a passport, in any script, from a graduate without a Chinese name (%s)', async (locale) => {
    const seen = server({ status: 200, body: { ...unverified, verified: true } });
    renderInApp(<StandingCard hub="hangzhou" />, { locale });
    await fill(locale, { onId: 'María Ивановa', latin: 'Maria Ivanova' });
    await vi.waitFor(() => expect(screen.queryByLabelText(labels[locale].university)).toBeNull());
    expect(seen.find((r) => r.method === 'POST')!.body).toMatchObject({ name: { zh: 'María Ивановa', en: 'Maria Ivanova' } });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on degree.university under the university (%s)', async (locale) => {
    server(validationFailed('degree.university', 'TOO_SHORT'));
    renderInApp(<StandingCard hub="hangzhou" />, { locale });
    await fill(locale);
    const l = labels[locale];
    const field = screen.getByLabelText(l.university).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooShort));
    expect(screen.getByLabelText(l.nameOnId).closest('.ant-form-item')!.textContent).not.toContain(l.tooShort);
    expect(document.querySelector('.ant-alert-error')).toBeNull();
  });

  it.each(['zh-CN', 'en-US'] as const)('sends a resident id when given, then says in plain words it was received and may be reviewed (%s)', async (locale) => {
    const seen = server({ status: 200, body: { ...unverified, verified: true } });
    renderInApp(<StandingCard hub="hangzhou" />, { locale });
    expect(screen.queryByText(labels[locale].received)).toBeNull();
    await fill(locale, undefined, ' 11010519491231002x ');
    const l = labels[locale];
    await screen.findByText(l.received);
    expect(screen.getByText(l.received).closest('.ant-alert')!.textContent).toContain(l.underReview);
    expect(seen.find((r) => r.method === 'POST')!.body).toMatchObject({ residentId: '11010519491231002X' });
  });

  it.each(['zh-CN', 'en-US'] as const)('checks a resident id as the server does, and leaves it out when blank (%s)', async (locale) => {
    const seen = server({ status: 200, body: { ...unverified, verified: true } });
    renderInApp(<StandingCard hub="hangzhou" />, { locale });
    const l = labels[locale];
    await userEvent.type(await screen.findByLabelText(l.residentId), '110105194912310021');
    await userEvent.tab();
    const field = screen.getByLabelText(l.residentId).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.querySelector('.ant-form-item-explain-error')).not.toBeNull());
    await userEvent.clear(screen.getByLabelText(l.residentId));
    await fill(locale);
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')!.body).not.toHaveProperty('residentId');
  });

  it('picks the graduation day with the app’s day picker: full width, Enter takes the day and sends nothing', async () => {
    const seen = server({ status: 200, body: { ...unverified, verified: true } });
    renderInApp(<StandingCard hub="hangzhou" />, { locale: 'en-US' });
    const l = labels['en-US'];
    const input = await screen.findByLabelText(l.graduatesOn);
    expect((input.closest('.ant-picker') as HTMLElement).style.width).toBe('100%');
    await userEvent.type(input, '2026-06-30{enter}');
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
    await fill('en-US');
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')!.body).toMatchObject({ degree: { graduatesOn: '2026-06-30' } });
  });
});
