import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api.js';
import { useLocale } from '../../i18n/locale.js';
import { afterMessages } from './after-messages.js';
import { type AlertBody, getAlertOffer, sendAlert } from './contact-alert-api.js';

type State = 'hidden' | 'offered' | 'sending' | 'sent' | 'failed';

/**
 * "Tell my trusted contact": shown only to a signed-in person whose trusted contact gets this
 * kind of alert (they chose it on their account's security page). Nothing is sent until they
 * press it; the contact gets the reason only.
 */
export function TellContactButton({ alert }: { readonly alert: AlertBody }) {
  const locale = useLocale();
  const t = afterMessages.t;
  const [state, setState] = useState<State>('hidden');
  const [reason, setReason] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    getAlertOffer(controller.signal)
      .then((offer) => {
        if (offer.signedIn && offer.alerts.includes(alert.kind)) setState('offered');
      })
      .catch(() => {
        // No offer when the server cannot say: the rest of the page works without it.
      });
    return () => controller.abort();
  }, [alert.kind]);

  if (state === 'hidden') return null;
  const send = () => {
    if (state === 'sending') return;
    setState('sending');
    sendAlert(alert)
      .then(() => setState('sent'))
      .catch((err: unknown) => {
        setReason(err instanceof ApiError ? err.message : String(err));
        setState('failed');
      });
  };
  return (
    <div class="tell-contact">
      {state === 'sent' ? null : (
        <>
          <button
            type="button"
            class="button button--secondary"
            aria-disabled={state === 'sending' ? 'true' : undefined}
            onClick={send}
          >
            {state === 'sending' ? t(locale, 'contact.sending') : t(locale, 'contact.tell')}
          </button>
          <p class="tell-contact__explain">{t(locale, 'contact.explain')}</p>
        </>
      )}
      <p
        role="status"
        class={
          state === 'failed' ? 'tell-contact__status notice notice--error' : 'tell-contact__status'
        }
      >
        {state === 'sent'
          ? t(locale, 'contact.sent')
          : state === 'failed'
            ? t(locale, 'contact.failed', { reason })
            : ''}
      </p>
    </div>
  );
}
