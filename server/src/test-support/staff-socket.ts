import { io } from 'socket.io-client';
import { wrap, type DeviceSocket } from './device-socket.js';
import { DEMO_PASSWORD } from './staff-agent.js';

/** A signed-in member of staff's realtime connection (the browser sends the session cookie and its page's Origin). */
export async function connectStaff(url: string, email: string): Promise<DeviceSocket & { cookie: string }> {
  const res = await fetch(`${url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie, origin: url } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { ...wrap(socket, url, ''), cookie };
}

/** Collects every push of one event, to assert on what arrived (and what did not). */
export function collect<T>(socket: DeviceSocket, event: string): T[] {
  const seen: T[] = [];
  socket.socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}
