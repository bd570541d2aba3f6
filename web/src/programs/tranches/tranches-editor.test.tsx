import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../../test/render';
import { tranchesFrom, type TrancheRow } from './tranche-draft';
import { TranchesEditor } from './tranches-editor';

function Editor({ tranches, onFinish }: { tranches: TrancheRow[]; onFinish: (values: { tranches: TrancheRow[] }) => void }) {
  return (
    <Form
      layout="vertical"
      initialValues={{ tranches, review: { milestones: [{ key: 'midterm', zh: '中期报告', en: 'Midterm report', months: '6' }] } }}
      onFinish={onFinish}
    >
      <TranchesEditor />
      <Button htmlType="submit">OK</Button>
    </Form>
  );
}

async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const options = await screen.findAllByTitle(option);
  await userEvent.click(options.at(-1)!);
}

describe('tranche rows', () => {
  it('edits tranches as rows: a share, when it is paid, and the months or report the condition needs', { timeout: 120_000 }, async () => {
    const onFinish = vi.fn();
    renderInApp(<Editor tranches={[{ share: '100', when: 'award' }]} onFinish={onFinish} />);
    fireEvent.change(screen.getByLabelText('第 1 期比例（%）'), { target: { value: '40' } });
    expect(await screen.findByText(/^合计 40%/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: '添加一期' }));
    fireEvent.change(screen.getByLabelText('第 2 期比例（%）'), { target: { value: '30' } });
    await pick('第 2 期拨付时间', '本地社保缴满若干个月后');
    fireEvent.change(screen.getByLabelText('第 2 期月数'), { target: { value: '6' } });

    await userEvent.click(screen.getByRole('button', { name: '添加一期' }));
    fireEvent.change(screen.getByLabelText('第 3 期比例（%）'), { target: { value: '30' } });
    await pick('第 3 期拨付时间', '报告验收通过后');
    await pick('第 3 期所需报告', '中期报告');
    expect(await screen.findByText(/^合计 100%/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(tranchesFrom(onFinish.mock.calls[0]![0].tranches)).toEqual([
      { shareBasisPoints: 4000, condition: null },
      { shareBasisPoints: 3000, condition: { kind: 'social_insurance_months', months: 6 } },
      { shareBasisPoints: 3000, condition: { kind: 'milestone_accepted', milestone: 'midterm' } },
    ]);
  });

  it('asks for the months a dated tranche waits', { timeout: 120_000 }, async () => {
    const onFinish = vi.fn();
    renderInApp(
      <Editor
        tranches={[
          { share: '50', when: 'award' },
          { share: '50', when: 'date' },
        ]}
        onFinish={onFinish}
      />,
      { locale: 'en-US' },
    );
    expect(screen.getByLabelText('Tranche 2 months')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(document.querySelector('[data-tranche-row="2"] .ant-form-item-explain-error')).toBeTruthy());
    expect(onFinish).not.toHaveBeenCalled();
  });
});
