import { useEffect, useRef, useState } from 'preact/hooks';
import { type Alert, parseAlert, STREAM } from './detect-api.js';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * New and changed alerts from the server's event stream (event `alert`), the way the threat
 * intelligence live feed follows its stream: one EventSource while the page is open, which the
 * browser reconnects by itself (with Last-Event-ID, so nothing is missed), and the connection
 * state in words. The server sends only alerts the signed-in person may see.
 */
export function useAlertStream(onAlert: (alert: Alert) => void): Connection {
  const [connection, setConnection] = useState<Connection>('connecting');
  // The latest handler, without reconnecting when it changes.
  const handler = useRef(onAlert);
  handler.current = onAlert;
  useEffect(() => {
    const source = new EventSource(STREAM);
    source.onopen = () => setConnection('live');
    source.onerror = () =>
      setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    source.addEventListener('alert', (event: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      const alert = parseAlert(data);
      if (alert !== null) handler.current(alert);
    });
    return () => source.close();
  }, []);
  return connection;
}
