import { ModuleUnavailable } from './ModuleUnavailable';

// Placeholder until the Studio module ships; its engineers replace this page.
export function StudioPage() {
  return <ModuleUnavailable module="studio" />;
}
