import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isForbidden } from '../api/problem';
import { ErrorNotice } from './ErrorNotice';
import { Forbidden } from './Forbidden';
import { Loading } from './Loading';

interface QueryBoundaryProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}

/** Loading, error (403 becomes the forbidden page) or the data, for one query. */
export function QueryBoundary<T>({ query, children, loadingLabel }: QueryBoundaryProps<T>) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) {
    if (isForbidden(query.error)) return <Forbidden error={query.error} withHeading={false} />;
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  return children(query.data);
}
