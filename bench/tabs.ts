// What pages A and B of row 7 say to each other (on their own channel, not the store's).
export const TABS_CHANNEL = 'ap-bench-tabs';

export type TabMessage = { kind: 'ready' } | { kind: 'close' } | { kind: 'expect'; title: string } | { kind: 'seen'; title: string; at: number };
