import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

interface TableCardProps {
  /** Id of the heading, which also labels the scrollable table. */
  id: string;
  title: string;
  /** Announcements above the table (results of actions, errors). */
  notice?: ReactNode;
  isEmpty: boolean;
  empty: string;
  /** The table, shown when there are rows. */
  children: ReactNode;
}

/** A card listing records in a table: heading, announcements, an empty state, a scrollable table. */
export function TableCard({ id, title, notice, isEmpty, empty, children }: TableCardProps) {
  return (
    <section className="card card-flush" aria-labelledby={id}>
      <h2 id={id} className="card-heading">
        {title}
      </h2>
      {notice}
      {isEmpty ? <p className="empty">{empty}</p> : <ScrollRegion labelledBy={id}>{children}</ScrollRegion>}
    </section>
  );
}
