import { AssistantConsole } from './assistant/AssistantConsole';

export function AssistantPage() {
  return <AssistantConsole />;
}
