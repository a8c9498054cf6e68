export function newest(dir: string): number;
export function stale(output: string, ...inputs: string[]): boolean;
