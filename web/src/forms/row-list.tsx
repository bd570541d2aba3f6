import { Button, Col, Flex, Form, Row, Typography, theme, type ColProps } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** A row's place in its list: `name` is its index (for `Form.Item name={[name, …]}`), `n` its number from 1 (for labels). */
export interface RowPlace {
  name: number;
  n: number;
}

export interface RowListProps<Value> {
  /** The list's name in the form, as `Form.List` takes it. */
  name: string | number | (string | number)[];
  /** What a row is: each row carries `data-<kind>-row="<n>"`, which tests find it by. */
  kind: string;
  /** The list's heading; none when a card around it already says it. */
  title?: ReactNode;
  hint?: ReactNode;
  /** Said when the list has no rows. */
  empty?: ReactNode;
  /** A row's inputs, as `Col`s. */
  children: (row: RowPlace) => ReactNode;
  /** The remove button's words for row `n` ("Remove report 2"), so each button has its own name. */
  removeLabel: (n: number) => string;
  addLabel: string;
  /** A new row's values, made when the add button is pressed (so a key can be made from the rows there are). */
  newRow: () => Value;
  /** The fewest rows: a row can't be removed below it. */
  min?: number;
  /** The most rows: no row can be added beyond it. */
  max?: number;
  /** The remove button's column widths; what the row's inputs leave. */
  removeCol?: Pick<ColProps, 'xs' | 'md'>;
  /** A line under each row: for rows that wrap onto several lines. */
  divided?: boolean;
  /** Beside the add button: a running total, a hint. */
  footer?: ReactNode;
  style?: CSSProperties;
}

/**
 * The one way a form edits a list: a heading and hint, numbered rows of labelled inputs each
 * with its own remove button, an error line for the list as a whole (a server's error on the
 * list lands there), and an add button. Every list an officer or operator edits is one of these.
 */
export function RowList<Value>({
  name,
  kind,
  title,
  hint,
  empty,
  children,
  removeLabel,
  addLabel,
  newRow,
  min = 0,
  max,
  removeCol = { xs: 24, md: 4 },
  divided = false,
  footer,
  style,
}: RowListProps<Value>) {
  const { token } = theme.useToken();
  const rowStyle: CSSProperties | undefined = divided ? { borderBottom: `1px solid ${token.colorSplit}`, paddingBottom: 8 } : undefined;
  return (
    <Flex vertical gap={8} style={style}>
      {title && <Typography.Text strong>{title}</Typography.Text>}
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      <Form.List name={name}>
        {(items, { add, remove }, { errors }) => (
          <>
            {items.length === 0 && empty && <Typography.Text type="secondary">{empty}</Typography.Text>}
            {items.map((item) => {
              const n = item.name + 1;
              return (
                <Row gutter={8} key={item.key} style={rowStyle} {...{ [`data-${kind}-row`]: n }}>
                  {children({ name: item.name, n })}
                  <Col {...removeCol} style={{ display: 'flex', alignItems: 'center' }}>
                    <Button danger size="small" onClick={() => remove(item.name)} disabled={items.length <= min}>
                      {removeLabel(n)}
                    </Button>
                  </Col>
                </Row>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Flex gap={12} align="center" wrap>
              <Button onClick={() => add(newRow())} disabled={max !== undefined && items.length >= max}>
                {addLabel}
              </Button>
              {footer}
            </Flex>
          </>
        )}
      </Form.List>
    </Flex>
  );
}
