import { Alert } from 'antd';
import { useErrorText } from '../errors/use-error-text';

/** What a submit failed on that no field shows, as one sentence in the user's language. */
export function FormFailure({ failure }: { failure: unknown }) {
  const describe = useErrorText();
  if (failure === null || failure === undefined) return null;
  return <Alert type="error" showIcon role="alert" title={describe(failure)} style={{ marginBottom: 16 }} />;
}
