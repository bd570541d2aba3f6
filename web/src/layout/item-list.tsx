import { Empty, Pagination, theme } from 'antd';
import { Children, createContext, isValidElement, useContext, useState, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';

/**
 * Our list of things (antd 6 deprecates its List): a semantic `<ul>` of `<li>`, so screen readers
 * and `getByRole('listitem')` see a list. Items are `<ListItem>`s from `renderItem`, split by a
 * line as antd's List was; an optional header names the list; nothing to show is antd's Empty.
 * Everything wraps, so a row never makes a 390 px phone scroll sideways. Rows are keyed by their
 * place; a `key` on the ListItem remounts a row whose thing changed.
 */
export type ItemListProps<T> = {
  items: readonly T[];
  renderItem: (item: T, index: number) => ReactNode;
  /** Above the items (as antd's List, it does not name the list: `aria-label` does). */
  header?: ReactNode;
  /** Shown instead of the list when there are no items: words go under antd's simple Empty image. */
  empty?: ReactNode;
  /** `small`: tighter rows, indented as antd's small List. */
  size?: 'small' | 'default';
  /** Shows this many at a time, with pages under the list. */
  pageSize?: number;
  /** Items side by side in columns at least this wide (px), without lines between them. */
  grid?: { minColumnWidth: number };
  'aria-label'?: string;
  'data-testid'?: string;
};

type Row = { last: boolean; small: boolean; grid: boolean };
const RowContext = createContext<Row>({ last: false, small: false, grid: false });

export function ItemList<T>({ items, renderItem, header, empty, size, pageSize, grid, ...aria }: ItemListProps<T>) {
  const { token } = theme.useToken();
  const [page, setPage] = useState(1);
  const pages = pageSize ? Math.max(1, Math.ceil(items.length / pageSize)) : 1;
  const current = Math.min(page, pages); // a list that shrank shows its last page
  const shown = pageSize ? items.slice((current - 1) * pageSize, current * pageSize) : items;
  const small = size === 'small';
  const line = `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`;
  const list: CSSProperties = grid
    ? { display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${grid.minColumnWidth}px), 1fr))`, gap: token.marginXS }
    : {};
  return (
    <div style={{ minWidth: 0, color: token.colorText }}>
      {header && <div style={{ paddingBlock: token.paddingSM, paddingInline: small ? token.paddingContentHorizontal : 0, borderBlockEnd: line }}>{header}</div>}
      {items.length === 0 ? (
        <div style={{ padding: token.padding }}>{isValidElement(empty) ? empty : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />}</div>
      ) : (
        <ul aria-label={aria['aria-label']} data-testid={aria['data-testid']} style={{ margin: 0, padding: 0, listStyle: 'none', ...list }}>
          {shown.map((item, i) => (
            <RowContext.Provider key={i} value={{ last: i === shown.length - 1, small, grid: !!grid }}>
              {renderItem(item, i)}
            </RowContext.Provider>
          ))}
        </ul>
      )}
      {pageSize && pages > 1 && (
        <Pagination
          size="small"
          align="end"
          style={{ marginBlockStart: token.marginLG }}
          current={current}
          pageSize={pageSize}
          total={items.length}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
    </div>
  );
}

export type ListItemProps = Omit<HTMLAttributes<HTMLLIElement>, 'children'> & {
  children?: ReactNode;
  /** Buttons or links for this item, at its end (under it when the row is narrow). */
  actions?: ReactNode[];
};

/** One row of an ItemList; other props (data-*, onClick, style) go on its `<li>`. */
export function ListItem({ children, actions, style, ...li }: ListItemProps) {
  const { token } = theme.useToken();
  const { last, small, grid } = useContext(RowContext);
  const row: CSSProperties = grid
    ? { display: 'block', minWidth: 0 }
    : {
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: `${token.marginXS}px ${token.margin}px`,
        padding: small ? `${token.paddingContentVerticalSM}px ${token.paddingContentHorizontal}px` : `${token.paddingContentVertical}px 0`,
        borderBlockEnd: last ? undefined : `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`,
        minWidth: 0,
        overflowWrap: 'anywhere',
      };
  // Words mixed with elements flow as one line of text (antd's List did not make them flex items either).
  const kids = Children.toArray(children);
  const inline = kids.length > 1 && kids.some((k) => typeof k === 'string' || typeof k === 'number');
  return (
    <li {...li} style={{ ...row, ...style }}>
      {inline ? <div style={{ flex: '1 1 auto', minWidth: 0 }}>{children}</div> : children}
      {actions && actions.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token.marginXS, marginInlineStart: 'auto' }}>{actions}</div>
      )}
    </li>
  );
}

export type ListItemMetaProps = { avatar?: ReactNode; title?: ReactNode; description?: ReactNode };

/** An item's icon, title and a line under it in the secondary colour, as antd's List.Item.Meta. */
export function ListItemMeta({ avatar, title, description }: ListItemMetaProps) {
  const { token } = theme.useToken();
  return (
    <div style={{ display: 'flex', alignItems: 'flex-start', gap: token.padding, flex: '1 1 16em', minWidth: 0 }}>
      {avatar && <div style={{ flex: 'none' }}>{avatar}</div>}
      <div style={{ flex: 1, minWidth: 0 }}>
        {title && <div style={{ marginBlockEnd: description ? token.marginXXS : 0, color: token.colorText }}>{title}</div>}
        {description && <div style={{ color: token.colorTextDescription }}>{description}</div>}
      </div>
    </div>
  );
}
