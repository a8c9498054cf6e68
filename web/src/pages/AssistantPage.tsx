import { ModuleUnavailable } from './ModuleUnavailable';

// Placeholder until the Assistant module ships; its engineers replace this page.
export function AssistantPage() {
  return <ModuleUnavailable module="assistant" />;
}
