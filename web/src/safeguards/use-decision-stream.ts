import { useEffect, useRef, useState } from 'preact/hooks';
import { currentLocale } from '../i18n/locale.js';
import { DECISION_STREAM, Decision } from './safeguards-api.js';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * New flagged decisions from the server's event stream (event `decision`), the way the alerts
 * page follows its stream: one EventSource while the page is open, reconnected by the browser
 * (with Last-Event-ID, so nothing is missed), and the connection state in words. The page's
 * language goes in the address: an EventSource cannot set Accept-Language, and the names it
 * carries ("key 'Billing' of …") have words around them.
 */
export function useDecisionStream(onDecision: (d: Decision) => void): Connection {
  const [connection, setConnection] = useState<Connection>('connecting');
  const handler = useRef(onDecision);
  handler.current = onDecision;
  useEffect(() => {
    const source = new EventSource(`${DECISION_STREAM}?locale=${currentLocale()}`);
    source.onopen = () => setConnection('live');
    source.onerror = () =>
      setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    source.addEventListener('decision', (event: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (Decision(data)) handler.current(data);
    });
    return () => source.close();
  }, []);
  return connection;
}
