import { useId, type ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  numeric?: boolean;
  /** Visually hidden header text, e.g. for a column of buttons. */
  hidden?: boolean;
  /** For sortable columns: the order the column is sorted in now. */
  sort?: 'ascending' | 'descending' | 'none';
}

interface TableProps {
  caption: ReactNode;
  columns: Column[];
  children: ReactNode;
  footer?: ReactNode;
  small?: boolean;
  /** Hide the caption visually when a heading right above says the same. */
  captionHidden?: boolean;
}

/** A KERN table in a scroll container that keyboard users can scroll too. */
export function Table({ caption, columns, children, footer, small, captionHidden }: TableProps) {
  const captionId = useId();
  return (
    <div className="kern-table-responsive table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className={`kern-table kern-table--striped${small ? ' kern-table--small' : ''}`}>
        <caption className={captionHidden ? 'kern-sr-only' : 'kern-title'} id={captionId}>
          {caption}
        </caption>
        <thead>
          <tr className="kern-table__row">
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`kern-table__header${c.numeric ? ' kern-table__header--numeric' : ''}`} aria-sort={c.sort}>
                {c.hidden ? <span className="kern-sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">{children}</tbody>
        {footer && <tfoot className="kern-table__footer">{footer}</tfoot>}
      </table>
    </div>
  );
}

export function Cell({ children, numeric, header, colSpan }: { children: ReactNode; numeric?: boolean; header?: boolean; colSpan?: number }) {
  const className = `${header ? 'kern-table__header' : 'kern-table__cell'}${numeric ? ` kern-table__${header ? 'header' : 'cell'}--numeric` : ''}`;
  return header ? (
    <th scope="row" className={className} colSpan={colSpan}>
      {children}
    </th>
  ) : (
    <td className={className} colSpan={colSpan}>
      {children}
    </td>
  );
}
