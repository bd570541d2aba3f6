import { screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import type { Availability } from '../api/stays.api';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { BookStayModal } from './book-stay.modal';

const row = {
  station: { id: '01a2373f-0000-7000-8000-000000000061', name: { zh: '滨江青年驿站', en: 'Binjiang Youth Station' } },
} as unknown as Availability['stations'][number];

function renderModal(locale: 'zh-CN' | 'en-US') {
  fakeServer(() => ({ status: 404 }));
  renderInApp(
    <BookStayModal hub="hangzhou" row={row} range={[dayjs('2026-12-06'), dayjs('2026-12-12')]} onClose={vi.fn()} onBooked={vi.fn(async () => undefined)} />,
    { locale },
  );
}

describe('BookStayModal: the stay to confirm, its days as the rest of the page writes them', () => {
  it('says the days in Chinese', () => {
    renderModal('zh-CN');
    expect(screen.getByRole('dialog').textContent).toContain('滨江青年驿站，2026年12月6日 入住，2026年12月12日 离店，共 6 晚。');
  });

  it('says the days in English', () => {
    renderModal('en-US');
    expect(screen.getByRole('dialog').textContent).toContain('Binjiang Youth Station: check in Dec 6, 2026, check out Dec 12, 2026, 6 nights.');
  });
});
