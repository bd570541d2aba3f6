import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../api/idempotency-key';
import { isApiRequestError } from '../api/api-request-error';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { nearestField, placeServerFieldErrors } from './server-field-errors';

type FieldName = (string | number)[];

type Common<Values, Result> = {
  form: FormInstance;
  /** The form's fields, by name: a server field error goes under the nearest one. */
  fields?: (string | FieldName)[];
  /** Or a mapping of the server's path to a field name (null: not a field of this form). */
  fieldFor?: (path: string) => FieldName | null;
  onSuccess?: (result: Result, values: Values) => unknown;
};

/** A write that moves money, beds, space or compute: mutationFn gets the form's Idempotency-Key. */
type Idempotent<Values, Result> = Common<Values, Result> & {
  idempotent: true;
  mutationFn: (values: Values, idempotencyKey: string) => Promise<Result>;
};
type Plain<Values, Result> = Common<Values, Result> & { idempotent?: false; mutationFn: (values: Values) => Promise<Result> };

export type FormMutation<Values, Result> = ReturnType<typeof useFormMutationImpl<Values, Result>>;

/**
 * The one way a form submits: a TanStack mutation whose failure goes under the fields the
 * server named (VALIDATION_FAILED with paths) and otherwise becomes `failure`, one
 * sentence to show above the form (<FormFailure>). A field only INVALID under another code
 * (`TWO_FACTOR_CODE_WRONG` on `confirm.code`) shows that code's sentence. `submitting` drives the button.
 *
 * One write at a time: a submit while the form's write is in flight (the second click of a
 * double click, before the first answer) sends nothing.
 *
 * `idempotent: true`: mutationFn's second argument is the form's Idempotency-Key. A retry of
 * the same values (a double click, a lost answer) sends the same key, so the server does it
 * once; once the values change (the form's `onValuesChange`) or the write succeeded, the key
 * is new, so a changed body never reuses a key. A dialog (`FormModal`) submits through
 * `submitOnce`: after a success it sends nothing more until it is reset (closed), so one
 * opening is one key. `onValuesChange` also clears a failure that
 * was about the old values; give it to every form (`<Form onValuesChange={x.onValuesChange}>`).
 */
export function useFormMutation<Values, Result = unknown>(options: Idempotent<Values, Result>): FormMutation<Values, Result>;
export function useFormMutation<Values, Result = unknown>(options: Plain<Values, Result>): FormMutation<Values, Result>;
export function useFormMutation<Values, Result = unknown>(options: Idempotent<Values, Result> | Plain<Values, Result>) {
  return useFormMutationImpl(options);
}

function useFormMutationImpl<Values, Result>({ form, mutationFn, fields, fieldFor, onSuccess }: Idempotent<Values, Result> | Plain<Values, Result>) {
  const fieldCodeText = useFieldErrorText();
  const describe = useErrorText();
  const [failure, setFailure] = useState<unknown>(null);
  const key = useRef<string | null>(null);
  // Set when a submit starts the write, cleared when it settles: a render may not have shown `isPending` yet.
  const inFlight = useRef(false);
  // Set once a write succeeded, cleared by reset(): what `submitOnce` checks.
  const wrote = useRef(false);
  const currentKey = () => (key.current ??= newIdempotencyKey());
  const names = (fields ?? []).map((f) => (typeof f === 'string' ? f.split('.') : f));
  const place = fieldFor ?? ((path: string) => nearestField(names, path));
  const mutation = useMutation<Result, unknown, Values>({
    mutationFn: (values) => mutationFn(values, currentKey()),
    onMutate: () => setFailure(null),
    onSuccess: (result, values) => {
      key.current = null;
      wrote.current = true;
      return onSuccess?.(result, values);
    },
    onError: (error) => {
      // A field that is merely INVALID under a more telling code (a wrong code, a wrong password) reads as that code's sentence.
      const specific = isApiRequestError(error) && error.code !== 'VALIDATION_FAILED';
      const fieldText = (code: string) => (specific && code === 'INVALID' ? describe(error) : fieldCodeText(code));
      setFailure(placeServerFieldErrors(form, error, place, fieldText) ? null : error);
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });
  const submit = (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(values);
  };
  return {
    submit,
    /** For a dialog (FormModal does it): `submit`, but nothing once a write succeeded, until `reset()`. */
    submitOnce: (values: Values) => {
      if (!wrote.current) submit(values);
    },
    submitting: mutation.isPending,
    failure,
    /** For a dialog that closes or a submit that starts elsewhere; a form's own changes go to onValuesChange. */
    clearFailure: () => setFailure(null),
    /** For a dialog that closed (FormModal does it): the form back to its initial values, a new key next time, no failure. */
    reset: () => {
      form.resetFields();
      key.current = null;
      wrote.current = false;
      setFailure(null);
    },
    /** For the form's onValuesChange: the failure shown and the key are about the old values. */
    onValuesChange: () => {
      key.current = null;
      setFailure(null);
    },
    /**
     * For a form with one button per outcome (accept / return, dismiss / uphold; a hidden field
     * holds it): sets the fields and submits; a changed outcome is another write, so a new key.
     */
    submitWith: (patch: Partial<Values>) => {
      if (Object.entries(patch).some(([name, value]) => form.getFieldValue(name) !== value)) {
        key.current = null;
        setFailure(null);
      }
      form.setFieldsValue(patch);
      form.submit();
    },
    mutation,
  };
}
