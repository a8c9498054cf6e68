import { StudioConsole } from './studio/StudioConsole';

export function StudioPage() {
  return <StudioConsole />;
}
