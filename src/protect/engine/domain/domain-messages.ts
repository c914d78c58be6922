/**
 * The words of the email-domain health check, in every shipped language, for a
 * small-business owner who is not an email expert: what we found, what it means
 * for them, and exactly what to do. Keys: `<finding>.title|meaning|fix`,
 * `area.<area>`, `area.<area>.about`, `severity.<s>`, `records.<purpose>`,
 * `plan.<stage>.title|what`, `plan.watch…`, `plan.status.<status>`.
 */
import {
  defineMessages,
  type Locale,
  type Params,
} from '../../../platform/engine-kit/i18n/messages.js';
import type { Finding, PlanStage } from './domain-types.js';

const en = {
  'area.lookup': 'Looking up your records',
  'area.lookup.about': 'Problems we had asking DNS servers about your domain.',
  'area.mx': 'Receiving mail (MX)',
  'area.mx.about': 'Which servers accept email for your domain.',
  'area.spf': 'Who may send (SPF)',
  'area.spf.about': 'The list of servers allowed to send email in your domain’s name.',
  'area.dmarc': 'Stopping fake senders (DMARC)',
  'area.dmarc.about':
    'What receiving servers should do with mail that pretends to come from you, and where they send reports.',
  'area.dkim': 'Email signatures (DKIM)',
  'area.dkim.about': 'Keys that let receivers check your mail was not forged or changed.',
  'area.mta-sts': 'Encrypted delivery (MTA-STS)',
  'area.mta-sts.about': 'Asks other servers to always use encryption when they send you mail.',
  'area.tls-rpt': 'Delivery reports (TLS-RPT)',
  'area.tls-rpt.about': 'Where other servers tell you when encrypted delivery to you fails.',
  'area.bimi': 'Brand logo (BIMI)',
  'area.bimi.about': 'Shows your logo next to your mail in some inboxes, once DMARC is enforced.',

  'severity.critical': 'Fix now',
  'severity.warning': 'Should fix',
  'severity.info': 'Good to know',
  'severity.good': 'Looks good',

  'lookup.timeout.title': 'The {type} look-up for {name} timed out',
  'lookup.timeout.meaning':
    'The DNS server did not answer in time, so we could not check this part. The result below is incomplete.',
  'lookup.timeout.fix':
    'Try again in a few minutes. If it keeps happening, ask whoever hosts your DNS whether their servers are working.',
  'lookup.error.title': 'The {type} look-up for {name} failed ({code})',
  'lookup.error.meaning':
    'The DNS server gave a broken or failed answer, so we could not check this part. Receiving mail servers may have the same trouble.',
  'lookup.error.fix':
    'Try again later. If it keeps failing, ask whoever hosts your DNS to check the zone for {name}.',

  'mx.ok.title': 'Your domain receives mail',
  'mx.ok.meaning': 'Mail for your domain goes to: {hosts}.',
  'mx.ok.fix': 'Nothing to change.',
  'mx.none.title': 'Your domain has no mail servers',
  'mx.none.meaning':
    'Nobody can email addresses at {domain}. That is fine for a domain you use only for a website, but scammers can still send mail pretending to be you unless you say the domain sends no mail.',
  'mx.none.fix':
    'If this domain never sends email, publish the "no mail" records below so nobody can use it.',
  'mx.null.title': 'Your domain says it takes no mail',
  'mx.null.meaning': 'A "null MX" record tells everyone {domain} does not receive email.',
  'mx.null.fix': 'Nothing to change, if that is what you want.',

  'spf.missing.title': 'No SPF record',
  'spf.missing.meaning':
    'Your domain does not say which servers may send its email, so anyone can send mail as you and receivers cannot tell the difference.',
  'spf.missing.fix':
    'Publish the SPF record below (a TXT record at {domain}). Add the services that send your mail, such as your newsletter tool.',
  'spf.missing_parked.title': 'No SPF record on a domain that takes no mail',
  'spf.missing_parked.meaning':
    'This domain has no mail servers, but it also does not say "this domain sends no email", so scammers can use it.',
  'spf.missing_parked.fix': 'Publish "v=spf1 -all" as a TXT record at {domain}.',
  'spf.multiple.title': 'You have {count} SPF records; there must be only one',
  'spf.multiple.meaning':
    'When there is more than one, receiving servers treat SPF as broken and ignore all of them. This often happens when a second service is added by publishing a new record instead of editing the old one.',
  'spf.multiple.fix':
    'Delete all of them and publish the single merged record below, which keeps every service from both.',
  'spf.syntax.title': 'Your SPF record has parts we cannot read: {terms}',
  'spf.syntax.meaning':
    'A typing mistake makes receivers treat the whole SPF record as broken, as if you had none.',
  'spf.syntax.fix': 'Correct the spelling, or publish the cleaned-up record below.',
  'spf.pass_all.title': 'Your SPF lets the whole internet send as you (+all)',
  'spf.pass_all.meaning':
    '"+all" at the end means "every server in the world is allowed", which is the same as having no protection.',
  'spf.pass_all.fix': 'Replace "+all" with "~all" (or "-all"), as in the record below.',
  'spf.neutral_all.title': 'Your SPF ends in ?all, which protects nothing',
  'spf.neutral_all.meaning':
    '"?all" tells receivers "I have no opinion about other servers", so fake mail is not marked as such.',
  'spf.neutral_all.fix': 'Replace "?all" with "~all" (or "-all"), as in the record below.',
  'spf.softfail_all.title': 'Your SPF marks other senders as suspicious (~all)',
  'spf.softfail_all.meaning':
    'Mail from servers not on your list is marked suspicious. Together with DMARC this is the usual setting.',
  'spf.softfail_all.fix': 'Nothing to change.',
  'spf.fail_all.title': 'Your SPF refuses all other senders (-all)',
  'spf.fail_all.meaning': 'Mail from servers not on your list fails SPF.',
  'spf.fail_all.fix': 'Nothing to change.',
  'spf.no_all.title': 'Your SPF does not say what to do with other senders',
  'spf.no_all.meaning':
    'Without "all" at the end, mail from servers not on your list is treated as neutral: not protected.',
  'spf.no_all.fix': 'End the record with "~all", as in the record below.',
  'spf.too_many_lookups.title': 'Your SPF needs {count} DNS look-ups; the limit is {limit}',
  'spf.too_many_lookups.meaning':
    'Receivers stop after {limit} look-ups and treat SPF as broken, so your genuine mail may fail and land in spam. Each include:, a, mx, ptr, exists and redirect counts, including those inside the services you include.',
  'spf.too_many_lookups.fix':
    'Remove services you no longer use, replace "a" and "mx" with the actual ip4: addresses, or ask your providers for a smaller include. Then check again.',
  'spf.lookups_ok.title': 'Your SPF needs {count} of the {limit} allowed DNS look-ups',
  'spf.lookups_ok.meaning':
    'Within the limit. Close to {limit}, adding one more service can break SPF.',
  'spf.lookups_ok.fix': 'Nothing to change now. Check again after adding a new sending service.',
  'spf.loop.title': 'Your SPF includes go round in a circle: {names}',
  'spf.loop.meaning': 'Receivers give up on a record that includes itself and treat SPF as broken.',
  'spf.loop.fix': 'Remove the include: that points back to a record already included.',
  'spf.include_broken.title': 'An include: in your SPF points to no usable SPF record: {names}',
  'spf.include_broken.meaning':
    'The name has no SPF record, or several. Receivers treat that as an error, which can make your genuine mail fail.',
  'spf.include_broken.fix':
    'Check the spelling of the include: with your provider’s instructions, or remove it if you no longer use that service.',
  'spf.include_unchecked.title': 'We could not follow every include: ({names})',
  'spf.include_unchecked.meaning':
    'Those look-ups failed or went past our limits, so the count of {count} look-ups is a minimum.',
  'spf.include_unchecked.fix': 'Check again later; if it keeps happening, simplify the SPF record.',
  'spf.ptr.title': 'Your SPF uses "ptr", which should not be used',
  'spf.ptr.meaning':
    'It is slow and unreliable, and many receivers ignore it, so mail it was meant to allow may fail.',
  'spf.ptr.fix':
    'Remove "ptr" and list the servers with ip4:/ip6: or include:, as in the record below.',

  'dmarc.inherited.title': 'Your subdomain uses the DMARC record of {org}',
  'dmarc.inherited.meaning':
    'There is no record of its own, so the parent domain’s subdomain policy (sp=, or p= if absent) applies.',
  'dmarc.inherited.fix':
    'Nothing to change, unless you want a different policy for this subdomain.',
  'dmarc.missing.title': 'No DMARC record',
  'dmarc.missing.meaning':
    'Nothing tells receiving servers to block mail that pretends to come from {domain}, and you get no reports about who sends in your name. Big mailbox providers now expect DMARC from senders.',
  'dmarc.missing.fix':
    'Publish the DMARC record below (a TXT record at _dmarc.{domain}), then follow the step-by-step plan.',
  'dmarc.multiple.title': 'You have {count} DMARC records; there must be only one',
  'dmarc.multiple.meaning': 'With more than one, receivers ignore DMARC completely.',
  'dmarc.multiple.fix':
    'Delete all but one. Use the record from the plan below for your current step.',
  'dmarc.invalid.title': 'Your DMARC record is not valid',
  'dmarc.invalid.meaning':
    'Receivers ignore it. It must start with "v=DMARC1" and have "p=none", "p=quarantine" or "p=reject" (problems: {problems}).',
  'dmarc.invalid.fix': 'Replace it with the record from the plan below.',
  'dmarc.none_no_reports.title': 'DMARC is on "none" and sends reports nowhere',
  'dmarc.none_no_reports.meaning':
    'p=none does not block anything, and without rua= nobody sees the reports that would tell you when it is safe to block. This record does nothing.',
  'dmarc.none_no_reports.fix':
    'Add a report address (rua=) as in the record below, then follow the plan to p=reject.',
  'dmarc.monitoring.title': 'DMARC is watching, not yet blocking (p=none)',
  'dmarc.monitoring.meaning':
    'You receive reports, which is the right first step, but fake mail in your name is still delivered.',
  'dmarc.monitoring.fix':
    'Read the reports for 2–4 weeks. When all your real senders pass, move to the next step of the plan.',
  'dmarc.no_reports.title': 'DMARC blocks mail but sends reports nowhere',
  'dmarc.no_reports.meaning':
    'Without rua= you will not find out if one of your own services starts failing and its mail is blocked.',
  'dmarc.no_reports.fix': 'Add a report address, e.g. rua=mailto:dmarc-reports@ your domain.',
  'dmarc.partial_pct.title': 'DMARC applies "{p}" to only {pct}% of failing mail',
  'dmarc.partial_pct.meaning':
    'pct= below 100 is meant for a short test. Left in place, the rest of the fake mail is still delivered.',
  'dmarc.partial_pct.fix':
    'If the reports show your own mail passes, go to the next step of the plan (pct=100).',
  'dmarc.reject.title': 'DMARC rejects fake mail (p=reject)',
  'dmarc.reject.meaning':
    'The strongest setting: receivers refuse mail that pretends to come from you.',
  'dmarc.reject.fix': 'Nothing to change. Keep reading the reports when you add a new service.',
  'dmarc.quarantine.title': 'DMARC sends fake mail to spam (p=quarantine)',
  'dmarc.quarantine.meaning':
    'Good protection. p=reject is the last step: fake mail is refused outright.',
  'dmarc.quarantine.fix': 'When the reports have been clean for 2–4 weeks, move to p=reject.',
  'dmarc.sp_weaker.title': 'Subdomains are less protected (sp={sp}) than your domain (p={p})',
  'dmarc.sp_weaker.meaning':
    'Scammers can send from made-up subdomains such as billing.yourdomain, and those get the weaker policy.',
  'dmarc.sp_weaker.fix': 'Remove sp= (so p= applies everywhere) or set it to the same as p=.',

  'align.third_party_no_dkim.title': 'Mail sent through {senders} will probably fail DMARC',
  'align.third_party_no_dkim.meaning':
    'These services send with their own return address, so SPF passes for them, not for you. DMARC then needs a DKIM signature for your domain, and we found no DKIM key at the usual selectors.',
  'align.third_party_no_dkim.fix':
    'In each service’s settings, turn on "authenticate your domain" or "custom DKIM" and publish the records they give you. If you already did, tell us the selector and check again.',
  'align.check_senders.title': 'Check that {senders} sign with your domain',
  'align.check_senders.meaning':
    'These services use their own return address, so only a DKIM signature for your domain makes their mail pass DMARC.',
  'align.check_senders.fix':
    'In each service, make sure domain authentication (DKIM) is turned on; the DMARC reports show whether it works.',
  'align.strict_spf.title': 'Strict SPF alignment (aspf=s) with outside senders',
  'align.strict_spf.meaning':
    'With aspf=s, even a return address on a subdomain of yours (as some services use) does not count for DMARC.',
  'align.strict_spf.fix': 'Unless you have a reason, remove aspf=s (relaxed is the default).',
  'align.strict_dkim.title': 'Strict DKIM alignment (adkim=s)',
  'align.strict_dkim.meaning':
    'Signatures for a subdomain of yours will not count for DMARC. That is fine only if every service signs with exactly your domain.',
  'align.strict_dkim.fix': 'Unless you have a reason, remove adkim=s (relaxed is the default).',

  'dkim.unreadable.title': 'The DKIM key at selector "{selector}" cannot be read',
  'dkim.unreadable.meaning': 'Receivers will fail every signature made with it.',
  'dkim.unreadable.fix':
    'Copy the record again from your email provider; long keys are often cut off or broken when pasted.',
  'dkim.weak_key.title': 'The DKIM key at "{selector}" is far too short ({bits} bits)',
  'dkim.weak_key.meaning':
    'A key this short can be broken, and many receivers ignore it. Someone could sign mail as you.',
  'dkim.weak_key.fix': 'Create a new 2048-bit key with your email provider and remove this one.',
  'dkim.short_key.title': 'The DKIM key at "{selector}" is {bits} bits; 2048 is recommended',
  'dkim.short_key.meaning': '1024-bit keys are still accepted but are becoming too weak.',
  'dkim.short_key.fix': 'When you can, rotate to a 2048-bit key in your email provider’s settings.',
  'dkim.key_ok.title': 'DKIM key found at selector "{selector}" ({kind}, {bits} bits)',
  'dkim.key_ok.meaning': 'Receivers can check signatures made with this key.',
  'dkim.key_ok.fix': 'Nothing to change.',
  'dkim.testing.title': 'The DKIM key at "{selector}" is marked as a test (t=y)',
  'dkim.testing.meaning': 'Some receivers treat signatures from a test key as unsigned.',
  'dkim.testing.fix': 'Once signing works, remove "t=y" from the record.',
  'dkim.revoked.title': 'Revoked DKIM key(s): {selectors}',
  'dkim.revoked.meaning':
    'An empty "p=" means the key was withdrawn. Mail still signed with it fails. Fine after a key change, a problem if it is your only key.',
  'dkim.revoked.fix':
    'If your provider still signs with this selector, publish its current key; otherwise nothing to do.',
  'dkim.not_found.title': 'No DKIM key found at the usual selectors',
  'dkim.not_found.meaning':
    'We tried {selectors}. Your provider may use another name, but if you never turned on DKIM, your mail is not signed and will struggle to pass DMARC.',
  'dkim.not_found.fix':
    'Turn on DKIM in your email provider’s admin settings and publish the record it gives you. If it is already on, check again naming your selector.',

  'mta_sts.missing.title': 'No MTA-STS',
  'mta_sts.missing.meaning':
    'Mail sent to you is usually encrypted, but an attacker on the network could force it to travel unencrypted.',
  'mta_sts.missing.fix':
    'When your mail servers support encryption (all big providers do), publish the MTA-STS records below, starting in testing mode.',
  'mta_sts.multiple.title': 'You have {count} MTA-STS records; there must be only one',
  'mta_sts.multiple.meaning': 'Senders ignore MTA-STS when there is more than one record.',
  'mta_sts.multiple.fix': 'Keep one record at _mta-sts.',
  'mta_sts.bad_id.title': 'Your MTA-STS record has no valid id=',
  'mta_sts.bad_id.meaning':
    'The id= (letters and digits only) tells senders when the policy changed.',
  'mta_sts.bad_id.fix': 'Set id= to today’s date, e.g. as in the record below.',
  'mta_sts.policy_not_fetched.title': 'MTA-STS is published; we did not fetch the policy file',
  'mta_sts.policy_not_fetched.meaning':
    'The mode (testing or enforce) is in a file at https://mta-sts.{domain}/.well-known/mta-sts.txt.',
  'mta_sts.policy_not_fetched.fix':
    'Check again with "fetch the MTA-STS policy" (CLI: --mta-sts-policy) to see whether it is stuck in testing.',
  'mta_sts.policy_error.title': 'The MTA-STS policy file could not be fetched',
  'mta_sts.policy_error.meaning':
    'Senders cannot read it either, so MTA-STS does not protect you ({reason}).',
  'mta_sts.policy_error.fix':
    'Make sure https://mta-sts.{domain}/.well-known/mta-sts.txt is served with a valid certificate.',
  'mta_sts.policy_invalid.title': 'The MTA-STS policy file is not valid',
  'mta_sts.policy_invalid.meaning':
    'It needs "version: STSv1", a mode, at least one mx line and max_age. Senders ignore it otherwise.',
  'mta_sts.policy_invalid.fix': 'Replace it with the policy file below.',
  'mta_sts.testing.title': 'MTA-STS is still in testing mode',
  'mta_sts.testing.meaning':
    'Testing only reports problems; mail is still delivered without encryption if an attacker interferes.',
  'mta_sts.testing.fix':
    'If the TLS reports show no failures for two weeks, switch the policy to "mode: enforce" and change the id=.',
  'mta_sts.mode_none.title': 'MTA-STS is switched off (mode: none)',
  'mta_sts.mode_none.meaning': 'Senders have been told to stop using your policy.',
  'mta_sts.mode_none.fix': 'Nothing to do if that was deliberate.',
  'mta_sts.enforce.title': 'MTA-STS enforces encrypted delivery',
  'mta_sts.enforce.meaning':
    'Senders that support MTA-STS will only deliver to you over encryption.',
  'mta_sts.enforce.fix': 'Nothing to change. Update the policy when your mail servers change.',
  'mta_sts.mx_mismatch.title': 'Your MTA-STS policy does not list all your mail servers: {hosts}',
  'mta_sts.mx_mismatch.meaning':
    'Senders that follow the policy will refuse to deliver to servers it does not list, so mail can be lost.',
  'mta_sts.mx_mismatch.fix': 'Add an "mx:" line for each of your mail servers to the policy file.',

  'tls_rpt.missing.title': 'No TLS reporting (TLS-RPT)',
  'tls_rpt.missing.meaning':
    'If encrypted delivery to you fails, nobody tells you. With MTA-STS you need these reports before you enforce.',
  'tls_rpt.missing.fix': 'Publish the TLS-RPT record below and create the mailbox it names.',
  'tls_rpt.multiple.title': 'You have {count} TLS-RPT records; there must be only one',
  'tls_rpt.multiple.meaning': 'Senders ignore TLS-RPT when there is more than one.',
  'tls_rpt.multiple.fix': 'Keep one record at _smtp._tls.',
  'tls_rpt.no_address.title': 'Your TLS-RPT record has no usable report address',
  'tls_rpt.no_address.meaning': 'rua= must be a mailto: or https: address.',
  'tls_rpt.no_address.fix': 'Use the record below.',
  'tls_rpt.ok.title': 'TLS reports are turned on',
  'tls_rpt.ok.meaning': 'Senders tell you when encrypted delivery to you fails.',
  'tls_rpt.ok.fix': 'Nothing to change.',

  'bimi.missing.title': 'No BIMI (brand logo)',
  'bimi.missing.meaning':
    'Optional. Once DMARC is at quarantine or reject, some inboxes can show your logo next to your mail.',
  'bimi.missing.fix': 'Nothing to do now; consider it after reaching p=reject.',
  'bimi.needs_enforcement.title': 'BIMI is published but DMARC is not enforced yet',
  'bimi.needs_enforcement.meaning':
    'Inboxes show the logo only when DMARC is p=quarantine or p=reject for all mail, so it is not shown.',
  'bimi.needs_enforcement.fix': 'Follow the plan to p=quarantine (100%) or p=reject.',
  'bimi.ok.title': 'BIMI is published',
  'bimi.ok.meaning': 'Inboxes that support it may show your logo.',
  'bimi.ok.fix': 'Nothing to change.',

  'records.spf':
    'SPF: the servers allowed to send as you. Replaces any SPF record you have now (keep only one).',
  'records.dmarc':
    'DMARC: what to do with fake mail, and where reports go. Create the report mailbox first.',
  'records.mta_sts_txt':
    'MTA-STS announcement. Change the id= each time you change the policy file.',
  'records.mta_sts_policy':
    'MTA-STS policy file, in testing mode first, served over https at this address.',
  'records.mta_sts_enforce':
    'MTA-STS policy file switched to enforce. Publish it with a new id= in the TXT record.',
  'records.tls_rpt':
    'TLS-RPT: where senders report failed encrypted deliveries. Create the mailbox first.',
  'records.parked_spf': 'SPF for a domain that sends no mail: nobody may send as it.',
  'records.parked_dmarc':
    'DMARC for a domain that sends no mail: reject everything that claims to be from it.',
  'records.parked_dkim': 'Says there are no valid DKIM keys, so no signature can be faked.',
  'records.parked_mx': 'Null MX: this domain receives no mail.',

  'plan.monitor.title': 'Watch (p=none with reports)',
  'plan.monitor.what':
    'Nothing is blocked yet. Daily reports show every server sending as you. Make sure each real one passes SPF or DKIM for your domain.',
  'plan.quarantine-25.title': 'Send a quarter of fake mail to spam (p=quarantine; pct=25)',
  'plan.quarantine-25.what':
    'A small share of failing mail goes to spam. If a real service was missed, only a little of its mail is affected.',
  'plan.quarantine-100.title': 'Send all fake mail to spam (p=quarantine)',
  'plan.quarantine-100.what': 'All failing mail goes to spam. Keep reading the reports.',
  'plan.reject.title': 'Reject fake mail (p=reject)',
  'plan.reject.what':
    'Receivers refuse mail that pretends to be you. Keep the reports on, and check them when you add a new service.',
  'plan.watch': 'Watch the reports for {min}–{max} days before the next step.',
  'plan.watch_stay': 'Stay here.',
  'plan.status.done': 'Done',
  'plan.status.current': 'You are here',
  'plan.status.next': 'Next step',
  'plan.status.later': 'Later',
} as const;

export type DomainMessageKey = keyof typeof en;

const es: Readonly<Record<DomainMessageKey, string>> = {
  'area.lookup': 'Consulta de sus registros',
  'area.lookup.about': 'Problemas que tuvimos al preguntar a los servidores DNS por su dominio.',
  'area.mx': 'Recepción de correo (MX)',
  'area.mx.about': 'Qué servidores aceptan el correo de su dominio.',
  'area.spf': 'Quién puede enviar (SPF)',
  'area.spf.about': 'La lista de servidores autorizados a enviar correo en nombre de su dominio.',
  'area.dmarc': 'Frenar a los remitentes falsos (DMARC)',
  'area.dmarc.about':
    'Qué deben hacer los servidores con el correo que se hace pasar por usted, y adónde envían los informes.',
  'area.dkim': 'Firmas de correo (DKIM)',
  'area.dkim.about':
    'Claves que permiten comprobar que su correo no fue falsificado ni modificado.',
  'area.mta-sts': 'Entrega cifrada (MTA-STS)',
  'area.mta-sts.about': 'Pide a otros servidores que siempre usen cifrado al enviarle correo.',
  'area.tls-rpt': 'Informes de entrega (TLS-RPT)',
  'area.tls-rpt.about': 'Dónde le avisan otros servidores cuando falla la entrega cifrada.',
  'area.bimi': 'Logotipo de la marca (BIMI)',
  'area.bimi.about':
    'Muestra su logotipo junto a sus correos en algunos buzones, cuando DMARC ya bloquea.',

  'severity.critical': 'Corregir ya',
  'severity.warning': 'Conviene corregir',
  'severity.info': 'Para saber',
  'severity.good': 'Está bien',

  'lookup.timeout.title': 'La consulta {type} de {name} no respondió a tiempo',
  'lookup.timeout.meaning':
    'El servidor DNS no contestó a tiempo, así que no pudimos revisar esta parte. El resultado está incompleto.',
  'lookup.timeout.fix':
    'Vuelva a intentarlo en unos minutos. Si se repite, pregunte a quien aloja su DNS si sus servidores funcionan.',
  'lookup.error.title': 'La consulta {type} de {name} falló ({code})',
  'lookup.error.meaning':
    'El servidor DNS dio una respuesta dañada o fallida, así que no pudimos revisar esta parte. Los servidores que reciben su correo pueden tener el mismo problema.',
  'lookup.error.fix':
    'Vuelva a intentarlo más tarde. Si sigue fallando, pida a quien aloja su DNS que revise la zona de {name}.',

  'mx.ok.title': 'Su dominio recibe correo',
  'mx.ok.meaning': 'El correo de su dominio llega a: {hosts}.',
  'mx.ok.fix': 'No hace falta cambiar nada.',
  'mx.none.title': 'Su dominio no tiene servidores de correo',
  'mx.none.meaning':
    'Nadie puede escribir a direcciones de {domain}. Está bien si el dominio es solo para una web, pero los estafadores pueden enviar correo haciéndose pasar por usted si no indica que el dominio no envía correo.',
  'mx.none.fix':
    'Si este dominio nunca envía correo, publique los registros de «sin correo» que aparecen abajo para que nadie lo use.',
  'mx.null.title': 'Su dominio indica que no recibe correo',
  'mx.null.meaning': 'Un registro «MX nulo» avisa a todos de que {domain} no recibe correo.',
  'mx.null.fix': 'No hace falta cambiar nada, si eso es lo que quiere.',

  'spf.missing.title': 'No hay registro SPF',
  'spf.missing.meaning':
    'Su dominio no indica qué servidores pueden enviar su correo, así que cualquiera puede enviar correo en su nombre y los destinatarios no notan la diferencia.',
  'spf.missing.fix':
    'Publique el registro SPF de abajo (un registro TXT en {domain}). Añada los servicios que envían su correo, como su herramienta de boletines.',
  'spf.missing_parked.title': 'No hay SPF en un dominio que no recibe correo',
  'spf.missing_parked.meaning':
    'Este dominio no tiene servidores de correo, pero tampoco dice «este dominio no envía correo», así que los estafadores pueden usarlo.',
  'spf.missing_parked.fix': 'Publique «v=spf1 -all» como registro TXT en {domain}.',
  'spf.multiple.title': 'Tiene {count} registros SPF; solo puede haber uno',
  'spf.multiple.meaning':
    'Si hay más de uno, los servidores consideran el SPF roto y los ignoran todos. Suele pasar cuando se agrega un servicio publicando un registro nuevo en lugar de editar el existente.',
  'spf.multiple.fix':
    'Borre todos y publique el único registro combinado de abajo, que conserva los servicios de ambos.',
  'spf.syntax.title': 'Su registro SPF tiene partes que no entendemos: {terms}',
  'spf.syntax.meaning':
    'Un error de escritura hace que los servidores consideren roto todo el SPF, como si no tuviera ninguno.',
  'spf.syntax.fix': 'Corrija la escritura o publique el registro corregido de abajo.',
  'spf.pass_all.title': 'Su SPF deja que todo internet envíe en su nombre (+all)',
  'spf.pass_all.meaning':
    '«+all» al final significa «cualquier servidor del mundo está autorizado», lo mismo que no tener protección.',
  'spf.pass_all.fix': 'Cambie «+all» por «~all» (o «-all»), como en el registro de abajo.',
  'spf.neutral_all.title': 'Su SPF termina en ?all, que no protege nada',
  'spf.neutral_all.meaning':
    '«?all» dice «no opino sobre otros servidores», así que el correo falso no se marca como tal.',
  'spf.neutral_all.fix': 'Cambie «?all» por «~all» (o «-all»), como en el registro de abajo.',
  'spf.softfail_all.title': 'Su SPF marca como sospechosos a los demás remitentes (~all)',
  'spf.softfail_all.meaning':
    'El correo de servidores que no están en su lista se marca como sospechoso. Junto con DMARC, es lo habitual.',
  'spf.softfail_all.fix': 'No hace falta cambiar nada.',
  'spf.fail_all.title': 'Su SPF rechaza a todos los demás remitentes (-all)',
  'spf.fail_all.meaning': 'El correo de servidores que no están en su lista no pasa SPF.',
  'spf.fail_all.fix': 'No hace falta cambiar nada.',
  'spf.no_all.title': 'Su SPF no dice qué hacer con los demás remitentes',
  'spf.no_all.meaning':
    'Sin «all» al final, el correo de servidores fuera de su lista se trata como neutral: sin protección.',
  'spf.no_all.fix': 'Termine el registro con «~all», como en el registro de abajo.',
  'spf.too_many_lookups.title': 'Su SPF necesita {count} consultas DNS; el límite es {limit}',
  'spf.too_many_lookups.meaning':
    'Los servidores se detienen tras {limit} consultas y dan el SPF por roto, así que su correo legítimo puede fallar y acabar en spam. Cuentan cada include:, a, mx, ptr, exists y redirect, también los que hay dentro de los servicios incluidos.',
  'spf.too_many_lookups.fix':
    'Quite los servicios que ya no usa, cambie «a» y «mx» por las direcciones ip4: reales o pida a sus proveedores un include más pequeño. Luego vuelva a revisar.',
  'spf.lookups_ok.title': 'Su SPF necesita {count} de las {limit} consultas DNS permitidas',
  'spf.lookups_ok.meaning':
    'Está dentro del límite. Cerca de {limit}, añadir un servicio más puede romper el SPF.',
  'spf.lookups_ok.fix':
    'Por ahora no hay que cambiar nada. Vuelva a revisar cuando añada un servicio de envío.',
  'spf.loop.title': 'Los include: de su SPF forman un círculo: {names}',
  'spf.loop.meaning':
    'Los servidores abandonan un registro que se incluye a sí mismo y dan el SPF por roto.',
  'spf.loop.fix': 'Quite el include: que apunta de vuelta a un registro ya incluido.',
  'spf.include_broken.title': 'Un include: de su SPF no lleva a un SPF válido: {names}',
  'spf.include_broken.meaning':
    'Ese nombre no tiene registro SPF, o tiene varios. Los servidores lo tratan como un error, y su correo legítimo puede fallar.',
  'spf.include_broken.fix':
    'Compare el include: con las instrucciones de su proveedor, o quítelo si ya no usa ese servicio.',
  'spf.include_unchecked.title': 'No pudimos seguir todos los include: ({names})',
  'spf.include_unchecked.meaning':
    'Esas consultas fallaron o superaron nuestros límites, así que el total de {count} consultas es un mínimo.',
  'spf.include_unchecked.fix': 'Vuelva a revisar más tarde; si se repite, simplifique el SPF.',
  'spf.ptr.title': 'Su SPF usa «ptr», que no debe usarse',
  'spf.ptr.meaning':
    'Es lento y poco fiable, y muchos servidores lo ignoran, así que el correo que debía autorizar puede fallar.',
  'spf.ptr.fix':
    'Quite «ptr» e indique los servidores con ip4:/ip6: o include:, como en el registro de abajo.',

  'dmarc.inherited.title': 'Su subdominio usa el registro DMARC de {org}',
  'dmarc.inherited.meaning':
    'No tiene registro propio, así que se aplica la política para subdominios del dominio principal (sp=, o p= si falta).',
  'dmarc.inherited.fix':
    'No hace falta cambiar nada, salvo que quiera otra política para este subdominio.',
  'dmarc.missing.title': 'No hay registro DMARC',
  'dmarc.missing.meaning':
    'Nada indica a los servidores que bloqueen el correo que se hace pasar por {domain}, y no recibe informes de quién envía en su nombre. Los grandes proveedores de correo ya exigen DMARC.',
  'dmarc.missing.fix':
    'Publique el registro DMARC de abajo (un registro TXT en _dmarc.{domain}) y siga el plan paso a paso.',
  'dmarc.multiple.title': 'Tiene {count} registros DMARC; solo puede haber uno',
  'dmarc.multiple.meaning': 'Con más de uno, los servidores ignoran DMARC por completo.',
  'dmarc.multiple.fix': 'Borre todos menos uno. Use el registro del plan para el paso en que está.',
  'dmarc.invalid.title': 'Su registro DMARC no es válido',
  'dmarc.invalid.meaning':
    'Los servidores lo ignoran. Debe empezar por «v=DMARC1» y tener «p=none», «p=quarantine» o «p=reject» (problemas: {problems}).',
  'dmarc.invalid.fix': 'Sustitúyalo por el registro del plan de abajo.',
  'dmarc.none_no_reports.title': 'DMARC está en «none» y no envía informes a nadie',
  'dmarc.none_no_reports.meaning':
    'p=none no bloquea nada y, sin rua=, nadie ve los informes que indicarían cuándo es seguro bloquear. Este registro no hace nada.',
  'dmarc.none_no_reports.fix':
    'Añada una dirección para informes (rua=) como en el registro de abajo y siga el plan hasta p=reject.',
  'dmarc.monitoring.title': 'DMARC observa pero aún no bloquea (p=none)',
  'dmarc.monitoring.meaning':
    'Recibe informes, que es el primer paso correcto, pero el correo falso en su nombre todavía se entrega.',
  'dmarc.monitoring.fix':
    'Lea los informes durante 2 a 4 semanas. Cuando todos sus remitentes reales pasen, avance al siguiente paso del plan.',
  'dmarc.no_reports.title': 'DMARC bloquea correo pero no envía informes a nadie',
  'dmarc.no_reports.meaning':
    'Sin rua= no sabrá si uno de sus propios servicios empieza a fallar y su correo se bloquea.',
  'dmarc.no_reports.fix':
    'Añada una dirección para informes, por ejemplo rua=mailto:dmarc-reports@ su dominio.',
  'dmarc.partial_pct.title': 'DMARC aplica «{p}» solo al {pct}% del correo que falla',
  'dmarc.partial_pct.meaning':
    'Un pct= menor que 100 es para una prueba corta. Si se deja así, el resto del correo falso se sigue entregando.',
  'dmarc.partial_pct.fix':
    'Si los informes muestran que su correo pasa, avance al siguiente paso del plan (pct=100).',
  'dmarc.reject.title': 'DMARC rechaza el correo falso (p=reject)',
  'dmarc.reject.meaning':
    'Es el ajuste más fuerte: los servidores rechazan el correo que se hace pasar por usted.',
  'dmarc.reject.fix':
    'No hace falta cambiar nada. Revise los informes al añadir un servicio nuevo.',
  'dmarc.quarantine.title': 'DMARC manda el correo falso a spam (p=quarantine)',
  'dmarc.quarantine.meaning':
    'Buena protección. El último paso es p=reject: el correo falso se rechaza directamente.',
  'dmarc.quarantine.fix':
    'Cuando los informes estén limpios durante 2 a 4 semanas, pase a p=reject.',
  'dmarc.sp_weaker.title':
    'Los subdominios están menos protegidos (sp={sp}) que su dominio (p={p})',
  'dmarc.sp_weaker.meaning':
    'Los estafadores pueden enviar desde subdominios inventados, como facturas.sudominio, que reciben la política más débil.',
  'dmarc.sp_weaker.fix': 'Quite sp= (así p= se aplica a todo) o póngale el mismo valor que p=.',

  'align.third_party_no_dkim.title': 'El correo enviado con {senders} probablemente no pase DMARC',
  'align.third_party_no_dkim.meaning':
    'Estos servicios envían con su propia dirección de retorno, así que SPF aprueba el envío para ellos, no para usted. Entonces DMARC necesita una firma DKIM de su dominio, y no encontramos ninguna clave DKIM en los selectores habituales.',
  'align.third_party_no_dkim.fix':
    'En la configuración de cada servicio, active «autenticar su dominio» o «DKIM personalizado» y publique los registros que le indiquen. Si ya lo hizo, indíquenos el selector y vuelva a revisar.',
  'align.check_senders.title': 'Compruebe que {senders} firman con su dominio',
  'align.check_senders.meaning':
    'Estos servicios usan su propia dirección de retorno, así que solo una firma DKIM de su dominio hace que su correo pase DMARC.',
  'align.check_senders.fix':
    'En cada servicio, asegúrese de que la autenticación del dominio (DKIM) esté activada; los informes DMARC muestran si funciona.',
  'align.strict_spf.title': 'Alineación SPF estricta (aspf=s) con remitentes externos',
  'align.strict_spf.meaning':
    'Con aspf=s, ni siquiera cuenta para DMARC una dirección de retorno en un subdominio suyo (como usan algunos servicios).',
  'align.strict_spf.fix':
    'Salvo que tenga un motivo, quite aspf=s (lo normal es la alineación relajada).',
  'align.strict_dkim.title': 'Alineación DKIM estricta (adkim=s)',
  'align.strict_dkim.meaning':
    'Las firmas de un subdominio suyo no contarán para DMARC. Solo está bien si todos los servicios firman exactamente con su dominio.',
  'align.strict_dkim.fix':
    'Salvo que tenga un motivo, quite adkim=s (lo normal es la alineación relajada).',

  'dkim.unreadable.title': 'No se puede leer la clave DKIM del selector «{selector}»',
  'dkim.unreadable.meaning': 'Los servidores darán por falsa cada firma hecha con ella.',
  'dkim.unreadable.fix':
    'Copie de nuevo el registro de su proveedor de correo; las claves largas suelen cortarse o romperse al pegarlas.',
  'dkim.weak_key.title': 'La clave DKIM de «{selector}» es demasiado corta ({bits} bits)',
  'dkim.weak_key.meaning':
    'Una clave tan corta se puede romper y muchos servidores la ignoran. Alguien podría firmar correo en su nombre.',
  'dkim.weak_key.fix': 'Cree una clave nueva de 2048 bits con su proveedor de correo y quite esta.',
  'dkim.short_key.title': 'La clave DKIM de «{selector}» tiene {bits} bits; se recomiendan 2048',
  'dkim.short_key.meaning':
    'Las claves de 1024 bits aún se aceptan, pero se están quedando cortas.',
  'dkim.short_key.fix':
    'Cuando pueda, cámbiela por una de 2048 bits en la configuración de su proveedor de correo.',
  'dkim.key_ok.title': 'Hay una clave DKIM en el selector «{selector}» ({kind}, {bits} bits)',
  'dkim.key_ok.meaning': 'Los servidores pueden comprobar las firmas hechas con esta clave.',
  'dkim.key_ok.fix': 'No hace falta cambiar nada.',
  'dkim.testing.title': 'La clave DKIM de «{selector}» está marcada como prueba (t=y)',
  'dkim.testing.meaning':
    'Algunos servidores tratan las firmas de una clave de prueba como si no existieran.',
  'dkim.testing.fix': 'Cuando la firma funcione, quite «t=y» del registro.',
  'dkim.revoked.title': 'Claves DKIM revocadas: {selectors}',
  'dkim.revoked.meaning':
    'Un «p=» vacío significa que la clave se retiró. El correo que aún se firme con ella falla. Es normal tras cambiar de clave, pero es un problema si es su única clave.',
  'dkim.revoked.fix':
    'Si su proveedor sigue firmando con ese selector, publique su clave actual; si no, no hace falta nada.',
  'dkim.not_found.title': 'No encontramos claves DKIM en los selectores habituales',
  'dkim.not_found.meaning':
    'Probamos {selectors}. Su proveedor puede usar otro nombre, pero si nunca activó DKIM, su correo no va firmado y le costará pasar DMARC.',
  'dkim.not_found.fix':
    'Active DKIM en la administración de su proveedor de correo y publique el registro que le dé. Si ya está activo, vuelva a revisar indicando su selector.',

  'mta_sts.missing.title': 'No hay MTA-STS',
  'mta_sts.missing.meaning':
    'El correo que le envían suele ir cifrado, pero un atacante en la red podría obligarlo a viajar sin cifrar.',
  'mta_sts.missing.fix':
    'Si sus servidores de correo admiten cifrado (todos los grandes proveedores lo hacen), publique los registros MTA-STS de abajo, empezando en modo de prueba.',
  'mta_sts.multiple.title': 'Tiene {count} registros MTA-STS; solo puede haber uno',
  'mta_sts.multiple.meaning': 'Los remitentes ignoran MTA-STS si hay más de un registro.',
  'mta_sts.multiple.fix': 'Deje un solo registro en _mta-sts.',
  'mta_sts.bad_id.title': 'Su registro MTA-STS no tiene un id= válido',
  'mta_sts.bad_id.meaning':
    'El id= (solo letras y números) avisa a los remitentes de que la política cambió.',
  'mta_sts.bad_id.fix': 'Ponga en id= la fecha de hoy, como en el registro de abajo.',
  'mta_sts.policy_not_fetched.title':
    'MTA-STS está publicado; no descargamos el archivo de política',
  'mta_sts.policy_not_fetched.meaning':
    'El modo (prueba o aplicación) está en un archivo en https://mta-sts.{domain}/.well-known/mta-sts.txt.',
  'mta_sts.policy_not_fetched.fix':
    'Vuelva a revisar con «descargar la política MTA-STS» (CLI: --mta-sts-policy) para ver si sigue en modo de prueba.',
  'mta_sts.policy_error.title': 'No se pudo descargar el archivo de política MTA-STS',
  'mta_sts.policy_error.meaning':
    'Los remitentes tampoco pueden leerlo, así que MTA-STS no le protege ({reason}).',
  'mta_sts.policy_error.fix':
    'Asegúrese de que https://mta-sts.{domain}/.well-known/mta-sts.txt se sirve con un certificado válido.',
  'mta_sts.policy_invalid.title': 'El archivo de política MTA-STS no es válido',
  'mta_sts.policy_invalid.meaning':
    'Necesita «version: STSv1», un modo, al menos una línea mx y max_age. Si no, los remitentes lo ignoran.',
  'mta_sts.policy_invalid.fix': 'Sustitúyalo por el archivo de política de abajo.',
  'mta_sts.testing.title': 'MTA-STS sigue en modo de prueba',
  'mta_sts.testing.meaning':
    'El modo de prueba solo informa de problemas; si un atacante interfiere, el correo se sigue entregando sin cifrar.',
  'mta_sts.testing.fix':
    'Si los informes TLS no muestran fallos durante dos semanas, cambie la política a «mode: enforce» y cambie el id=.',
  'mta_sts.mode_none.title': 'MTA-STS está desactivado (mode: none)',
  'mta_sts.mode_none.meaning': 'Se ha pedido a los remitentes que dejen de usar su política.',
  'mta_sts.mode_none.fix': 'No hace falta nada si fue a propósito.',
  'mta_sts.enforce.title': 'MTA-STS exige la entrega cifrada',
  'mta_sts.enforce.meaning':
    'Los remitentes que admiten MTA-STS solo le entregarán correo con cifrado.',
  'mta_sts.enforce.fix':
    'No hace falta cambiar nada. Actualice la política cuando cambien sus servidores de correo.',
  'mta_sts.mx_mismatch.title':
    'Su política MTA-STS no incluye todos sus servidores de correo: {hosts}',
  'mta_sts.mx_mismatch.meaning':
    'Los remitentes que siguen la política no entregarán a servidores que no figuren en ella, y se puede perder correo.',
  'mta_sts.mx_mismatch.fix':
    'Añada al archivo de política una línea «mx:» por cada uno de sus servidores de correo.',

  'tls_rpt.missing.title': 'No hay informes TLS (TLS-RPT)',
  'tls_rpt.missing.meaning':
    'Si falla la entrega cifrada hacia usted, nadie se lo dice. Con MTA-STS necesita estos informes antes de exigir el cifrado.',
  'tls_rpt.missing.fix': 'Publique el registro TLS-RPT de abajo y cree el buzón que indica.',
  'tls_rpt.multiple.title': 'Tiene {count} registros TLS-RPT; solo puede haber uno',
  'tls_rpt.multiple.meaning': 'Los remitentes ignoran TLS-RPT si hay más de uno.',
  'tls_rpt.multiple.fix': 'Deje un solo registro en _smtp._tls.',
  'tls_rpt.no_address.title': 'Su registro TLS-RPT no tiene una dirección de informes válida',
  'tls_rpt.no_address.meaning': 'rua= debe ser una dirección mailto: o https:.',
  'tls_rpt.no_address.fix': 'Use el registro de abajo.',
  'tls_rpt.ok.title': 'Los informes TLS están activados',
  'tls_rpt.ok.meaning': 'Los remitentes le avisan cuando falla la entrega cifrada.',
  'tls_rpt.ok.fix': 'No hace falta cambiar nada.',

  'bimi.missing.title': 'No hay BIMI (logotipo de la marca)',
  'bimi.missing.meaning':
    'Es opcional. Cuando DMARC esté en quarantine o reject, algunos buzones pueden mostrar su logotipo junto a sus correos.',
  'bimi.missing.fix': 'Por ahora no hace falta nada; piénselo al llegar a p=reject.',
  'bimi.needs_enforcement.title': 'BIMI está publicado, pero DMARC aún no bloquea',
  'bimi.needs_enforcement.meaning':
    'Los buzones solo muestran el logotipo con DMARC en p=quarantine o p=reject para todo el correo, así que no se muestra.',
  'bimi.needs_enforcement.fix': 'Siga el plan hasta p=quarantine (100 %) o p=reject.',
  'bimi.ok.title': 'BIMI está publicado',
  'bimi.ok.meaning': 'Los buzones que lo admiten pueden mostrar su logotipo.',
  'bimi.ok.fix': 'No hace falta cambiar nada.',

  'records.spf':
    'SPF: los servidores autorizados a enviar en su nombre. Sustituye cualquier SPF que tenga ahora (deje solo uno).',
  'records.dmarc':
    'DMARC: qué hacer con el correo falso y adónde van los informes. Cree primero el buzón de informes.',
  'records.mta_sts_txt':
    'Anuncio de MTA-STS. Cambie el id= cada vez que cambie el archivo de política.',
  'records.mta_sts_policy':
    'Archivo de política MTA-STS, primero en modo de prueba, servido por https en esta dirección.',
  'records.mta_sts_enforce':
    'Archivo de política MTA-STS en modo de aplicación. Publíquelo con un id= nuevo en el registro TXT.',
  'records.tls_rpt':
    'TLS-RPT: dónde avisan los remitentes de entregas cifradas fallidas. Cree primero el buzón.',
  'records.parked_spf': 'SPF para un dominio que no envía correo: nadie puede enviar en su nombre.',
  'records.parked_dmarc':
    'DMARC para un dominio que no envía correo: rechazar todo lo que diga venir de él.',
  'records.parked_dkim':
    'Indica que no hay claves DKIM válidas, así que no se puede falsificar una firma.',
  'records.parked_mx': 'MX nulo: este dominio no recibe correo.',

  'plan.monitor.title': 'Observar (p=none con informes)',
  'plan.monitor.what':
    'Todavía no se bloquea nada. Los informes diarios muestran cada servidor que envía en su nombre. Compruebe que cada uno de los reales pasa SPF o DKIM con su dominio.',
  'plan.quarantine-25.title':
    'Mandar a spam una cuarta parte del correo falso (p=quarantine; pct=25)',
  'plan.quarantine-25.what':
    'Una pequeña parte del correo que falla va a spam. Si se le pasó un servicio real, solo se ve afectada una parte de su correo.',
  'plan.quarantine-100.title': 'Mandar a spam todo el correo falso (p=quarantine)',
  'plan.quarantine-100.what': 'Todo el correo que falla va a spam. Siga leyendo los informes.',
  'plan.reject.title': 'Rechazar el correo falso (p=reject)',
  'plan.reject.what':
    'Los servidores rechazan el correo que se hace pasar por usted. Mantenga los informes y revíselos al añadir un servicio nuevo.',
  'plan.watch': 'Observe los informes durante {min} a {max} días antes del siguiente paso.',
  'plan.watch_stay': 'Quédese en este paso.',
  'plan.status.done': 'Hecho',
  'plan.status.current': 'Usted está aquí',
  'plan.status.next': 'Siguiente paso',
  'plan.status.later': 'Más adelante',
};

export const domainMessages = defineMessages<DomainMessageKey>({ en, es });

/** The three sentences of a finding in `locale`. */
export function findingText(
  locale: Locale,
  f: Pick<Finding, 'key' | 'params'>,
): { title: string; meaning: string; fix: string } {
  const say = (part: string) =>
    domainMessages.t(locale, `${f.key}.${part}` as DomainMessageKey, f.params as Params);
  return { title: say('title'), meaning: say('meaning'), fix: say('fix') };
}

/** The title, explanation and "how long to watch" of a plan stage in `locale`. */
export function stageText(
  locale: Locale,
  s: Pick<PlanStage, 'stage' | 'watchDays'>,
): { title: string; what: string; watch: string } {
  const [min, max] = s.watchDays;
  return {
    title: domainMessages.t(locale, `plan.${s.stage}.title` as DomainMessageKey),
    what: domainMessages.t(locale, `plan.${s.stage}.what` as DomainMessageKey),
    watch:
      max === 0
        ? domainMessages.t(locale, 'plan.watch_stay')
        : domainMessages.t(locale, 'plan.watch', { min, max }),
  };
}
