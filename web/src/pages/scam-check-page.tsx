import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { ApiError } from '../api.js';
import { Page } from '../components/page.js';
import { checkerPageMessages } from '../i18n/checker-page-messages.js';
import { useLocale } from '../i18n/locale.js';
import { CheckForm } from '../protect/check-form.js';
import { fromEngine, type ShownResult } from '../protect/check-result.js';
import { type CheckPlace, type CheckSource, sourceAsText } from '../protect/check-source.js';
import { checkOnDevice, DeviceCheckError, warmUpDeviceChecker } from '../protect/device-checker.js';
import { MoreHelp } from '../protect/more-help.js';
import { checkOnServer } from '../protect/protect-api.js';
import { ReportAction } from '../protect/report-action.js';
import { ResultView } from '../protect/result-view.js';
import { ShareAction } from '../protect/share-action.js';

type CheckState =
  | { readonly state: 'asking' }
  | { readonly state: 'checking' }
  | { readonly state: 'failed'; readonly message: string }
  | {
      readonly state: 'done';
      readonly result: ShownResult;
      readonly source: CheckSource;
      readonly place: CheckPlace;
    };

/**
 * The home page, "Is this a scam?": paste or choose something, check it on this
 * device (the default, nothing is sent) or with the server, and read the answer
 * in plain words, with ways to report it or show it to someone you trust.
 */
export function ScamCheckPage() {
  const locale = useLocale();
  const t = (key: Parameters<typeof checkerPageMessages.t>[1]) =>
    checkerPageMessages.t(locale, key);
  const [place, setPlace] = useState<CheckPlace>('device');
  const [check, setCheck] = useState<CheckState>({ state: 'asking' });
  // A new form (empty) for each "Check something else"; focus goes into it.
  const [round, setRound] = useState(0);
  const attempt = useRef(0);
  const warmed = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (check.state === 'done') heading.current?.focus();
  }, [check]);

  const onStart = () => {
    if (place !== 'device' || warmed.current) return;
    warmed.current = true;
    warmUpDeviceChecker();
  };

  const onCheck = (source: CheckSource) => {
    const id = ++attempt.current;
    setCheck({ state: 'checking' });
    void run(source, place, locale).then(
      (result) => {
        if (id === attempt.current) setCheck({ state: 'done', result, source, place });
      },
      (err: unknown) => {
        if (id === attempt.current)
          setCheck({ state: 'failed', message: failureMessage(err, locale) });
      },
    );
  };

  const again = () => {
    attempt.current++;
    setCheck({ state: 'asking' });
    setRound((n) => n + 1);
    window.scrollTo(0, 0);
  };

  return (
    <Page title={t('page.title')} lead={t('page.lead')}>
      {check.state === 'done' ? (
        <ResultView result={check.result} headingRef={heading} place={check.place}>
          <div class="result__actions">
            <ReportAction
              result={check.result}
              noun={check.source.type === 'file' ? 'email' : 'message'}
              message={async () => sourceAsText(check.source)}
            />
            <ShareAction result={check.result} />
            <div class="action">
              <button type="button" class="button" onClick={again}>
                {t('page.again')}
              </button>
            </div>
          </div>
        </ResultView>
      ) : (
        <CheckForm
          key={round}
          place={place}
          onPlace={setPlace}
          checking={check.state === 'checking'}
          onCheck={onCheck}
          onStart={onStart}
          focusOnShow={round > 0}
        />
      )}
      <p class="check-status" role="status">
        {check.state === 'checking'
          ? place === 'device'
            ? t('page.checking_device')
            : t('page.checking_server')
          : ''}
      </p>
      {check.state === 'failed' ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{t('page.failed')}</p>
          <p>{check.message}</p>
        </div>
      ) : null}
      {check.state === 'done' ? null : <MoreHelp />}
    </Page>
  );
}

/** The check, with its words in the reader's language (the view can still switch them later). */
async function run(source: CheckSource, place: CheckPlace, locale: Locale): Promise<ShownResult> {
  if (place === 'server') {
    return checkOnServer(
      source.type === 'text'
        ? { kind: 'auto', text: source.text, locale }
        : { kind: 'email', raw: sourceAsText(source), locale },
    );
  }
  const result = await checkOnDevice(
    source.type === 'text'
      ? { kind: 'auto', content: source.text, locale }
      : { kind: 'email', content: '', raw: source.bytes, locale },
  );
  return fromEngine(result);
}

function failureMessage(err: unknown, locale: Locale): string {
  if (err instanceof DeviceCheckError)
    return checkerPageMessages.t(locale, `device.${err.problem}`);
  if (err instanceof ApiError) return err.message;
  return checkerPageMessages.t(locale, 'page.broken');
}
