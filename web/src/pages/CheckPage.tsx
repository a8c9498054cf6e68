import { ModuleUnavailable } from './ModuleUnavailable';

// Placeholder until the Check module ships; its engineers replace this page.
export function CheckPage() {
  return <ModuleUnavailable module="check" />;
}
