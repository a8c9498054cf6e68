import { ModuleUnavailable } from './ModuleUnavailable';

// Placeholder until the Shield module ships; its engineers replace this page.
export function ShieldPage() {
  return <ModuleUnavailable module="shield" />;
}
