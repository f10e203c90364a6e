import type { Express } from 'express';
export const COLLECTIONS: string[];
export function createEndpoint(data: unknown, options?: { plain?: boolean }): Express & { db: unknown };
export function emptyData(): Record<string, unknown[]>;
export function createFaultProxy(target: string): { server: import('node:http').Server; requests: unknown[]; setFaults(scope: string, list: unknown[]): void };
