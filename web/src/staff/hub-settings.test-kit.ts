import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';

/** The form item (input, hint and errors) whose label is `label`. */
export const formItem = (label: string) => screen.getByText(label, { selector: 'label' }).closest<HTMLElement>('.ant-form-item')!;

/** The error texts shown inside `element` (a form item, a row). */
export const errorsIn = (element: HTMLElement) => [...element.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);

/** District row `n` (from 1). */
export const districtRow = (n: number) => document.querySelector<HTMLElement>(`[data-district-row="${n}"]`)!;

/** The days a day list shows as picked, in its order (each a button that removes it). */
export const pickedDays = (label: string) => [...formItem(label).querySelectorAll<HTMLElement>('[data-day]')].map((e) => e.dataset.day);

/** Types each day into the day list labelled `label`, as a keyboard user would: a day already picked is removed. */
export async function pickDays(label: string, days: string[]) {
  const input = screen.getByLabelText(label);
  for (const day of days) {
    const before = pickedDays(label).length;
    await userEvent.type(input, `${day}{enter}`);
    await waitFor(() => expect(pickedDays(label).length).not.toBe(before));
  }
}

/** Removes a picked day by its button. */
export async function removePickedDay(label: string, day: string) {
  await userEvent.click(formItem(label).querySelector<HTMLElement>(`[data-day="${day}"]`)!);
}

/** Opens the select labelled `label`, types `search` and clicks the option whose name is `option`. */
export async function chooseIn(label: string, search: string, option: string | RegExp) {
  const field = screen.getByRole('combobox', { name: label });
  await userEvent.click(field);
  await userEvent.type(field, search);
  // This select's own list (the page's other selects keep theirs in the page once opened).
  const listbox = await waitFor(
    () =>
      document.getElementById(field.getAttribute('aria-controls') ?? '')?.closest<HTMLElement>('.ant-select-dropdown') ?? Promise.reject(new Error('no list')),
  );
  await userEvent.click(within(listbox).getByTitle(option));
  await waitFor(() => expect(field.closest('.ant-select')!.textContent).toMatch(option));
}
