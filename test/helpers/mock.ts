/** Test helpers for the mock VSee API that the test runner mounts (demo/mock-api). */

export const ACCOUNT = 'vclinic';
export const TOKEN = 'demo-patient-token';
export const ROOM = 'ceproom1';
export const MEMBER = '575';

export interface MockTenant {
  /** e.g. `/mock/t-1a2b3c4d` */
  root: string;
  /** The API base for elements and clients: `${root}/api_v3`. */
  base: string;
  reset(): Promise<void>;
  fault(f: MockFault): Promise<void>;
  config(c: Record<string, unknown>): Promise<void>;
  log(): Promise<MockLogEntry[]>;
  /** Attributes every element needs, as an object for `Object.assign`-free templates. */
  attrs: { 'api-base': string; 'account-code': string; token: string; 'room-code': string };
}

export interface MockFault {
  method?: string;
  path: string;
  status?: number;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  drop?: boolean;
  times?: number;
}

export interface MockLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
  status: number;
  time: number;
}

/** A fresh, isolated mock tenant (its own visits, intakes, faults and log). */
export function mockTenant(name = `t-${crypto.randomUUID().slice(0, 8)}`): MockTenant {
  const root = `/mock/${name}`;
  const control = async (path: string, body?: unknown) => {
    const res = await fetch(`${root}/__control/${path}`, {
      method: body === undefined && path === 'log' ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`mock control ${path}: ${res.status}`);
    return res.headers.get('content-type')?.includes('json') ? res.json() : undefined;
  };
  const base = `${root}/api_v3`;
  return {
    root,
    base,
    reset: () => control('reset', {}),
    fault: (f) => control('fault', f),
    config: (c) => control('config', c),
    log: async () => {
      const res = await fetch(`${root}/__control/log`);
      const json = await res.json();
      return (Array.isArray(json) ? json : json.data) as MockLogEntry[];
    },
    attrs: { 'api-base': base, 'account-code': ACCOUNT, token: TOKEN, 'room-code': ROOM },
  };
}

/** Requests in the log matching a method and a path fragment. */
export function requests(log: MockLogEntry[], method: string, pathPart: string): MockLogEntry[] {
  return log.filter((e) => e.method === method && e.path.includes(pathPart));
}
