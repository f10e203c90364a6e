export interface TestPostgres {
  url: string;
  port: number;
  dir: string;
  stop: () => void;
}
export function findPostgres(): string;
export function startPostgres(options?: { settings?: Record<string, string | number> }): Promise<TestPostgres>;
