/**
 * Every sentence the scam checker says, in English: reasons (keyed by their
 * stable reason code), next steps (`step.*`), what was checked (`checked.*`),
 * what could not be read (`note.*`) and the small words that fill them
 * (`language_name.*`, `script.*`, `phone.premium_kind.*`).
 *
 * `{name}` placeholders are filled with what the checker found (a web address,
 * a brand, the words quoted from the message). Keys ending `_one`/`_other` are
 * plural forms. Translations live beside this file, one per language, and must
 * have every key with the same placeholders (a test checks).
 */
export const checkerEn = {
  // --- Pressure, payment and request cues (cues/cue-table.ts) ---
  'cue.urgency': 'It rushes you ("{match}"). Scammers push you to act before you stop to think.',
  'cue.gift_card_payment':
    'It asks for payment in gift cards ("{match}"). No real company, bank or government takes gift cards as payment.',
  'cue.crypto_payment':
    'It involves paying or investing in cryptocurrency ("{match}"). Crypto payments cannot be reversed, which is why scammers want them.',
  'cue.wire_payment':
    'It asks for a wire or instant transfer ("{match}"), which is hard to get back once sent.',
  'cue.code_request':
    'It asks you to share a code ("{match}"). Never give a one-time code to anyone: it is the key to your account.',
  'cue.never_share_warning':
    'It warns you never to share the code ("{match}"), as genuine services do.',
  'cue.secrecy':
    'It asks you to keep it secret ("{match}"). Scammers isolate people from those who would warn them.',
  'cue.stranger_opener':
    'It reads like a stranger starting a conversation ("{match}"). Romances, investments, inheritances and business deals offered by strangers are a classic scam opening, and the talk turns to money later. If you do not know who this is, do not reply.',
  'cue.family_emergency':
    'Someone in the family says they are in trouble and need money now ("{match}"). Scammers pretend to be a grandchild under arrest, after a crash or in hospital; call the family on the numbers you already have before you send anything.',
  'cue.marketplace_buyer':
    'It reads like a "buyer" for something you sell who cannot come in person ("{match}"). Fake buyers send a courier or a fake payment e-mail; wait until the money is in your own account, and never pay a "courier" or "shipping" fee yourself.',
  'cue.unseen_rental':
    'It offers a home you cannot view first ("{match}"). Fake landlords say they are abroad or away for work and will post the keys once you pay a deposit; never pay before you have seen the place, and the landlord or agent, in person.',
  'cue.sextortion':
    'It claims to have filmed you or got into your device, and wants money to keep quiet ("{match}"). This e-mail is sent to millions of people: there is no video. Do not pay and do not reply. If it shows a password of yours, it came from an old data leak: change that password wherever you still use it.',
  'cue.bank_details_change':
    "It asks you to pay to new or different bank details (\"{match}\"). Criminals who get into a supplier's, a landlord's or a club's mailbox send exactly this, even in a real conversation. Before you pay, call them on a number you already have, not one in this message, and check the new details with them.",
  'cue.money_back':
    'It says something was sent to you by mistake and asks you to send it back ("{match}"). Look in your banking app first: often nothing arrived, or it came from a stolen card and will be taken back, so you would pay twice. If money really arrived by mistake, your bank returns it.',
  'cue.new_number':
    'Someone says they have a new number ("{match}"). Check by calling their old number or asking something only they would know.',
  'cue.qr_code':
    'It asks you to scan a QR code ("{match}"). A QR code hides the link, so you cannot read where it goes before you open it; a sign-in page reached this way may be fake. Go to the site by typing its address yourself.',
  'cue.premium_charge':
    'It says each message or minute costs money ("{match}"). That is a premium-rate service billed to your phone; genuine companies do not charge you to reply to them.',
  'cue.disguised_letters':
    'A word is spelt with look-alike characters ("{match}"), a trick to slip past spam filters. Genuine senders write their own name and "log in" plainly.',
  'cue.prize':
    'It says you have won something ("{match}"). You cannot win a prize you did not enter.',
  'cue.fee_to_release':
    'It asks for a small fee to release something ("{match}"). This is how parcel and toll scams take your card details.',
  'cue.remote_access':
    'It asks you to install remote-access software ("{match}"), which lets a stranger control your computer.',
  'cue.easy_money_job':
    'It offers easy money for simple tasks ("{match}"). Real jobs do not pay you to like videos or ask you to deposit money first.',
  'cue.investment_promise':
    'It promises big, safe returns ("{match}"). Guaranteed high returns are a sign of investment fraud.',
  'cue.details_request':
    'It asks you to confirm personal or payment details ("{match}"). Banks and companies do not ask for these by message.',
  'cue.callback':
    'It tells you to call a number in the message ("{match}"). Call the company on a number you already know instead.',
  'cue.threat':
    'It threatens you ("{match}"). Real authorities do not threaten arrest by text or email.',

  // --- Email sender, authentication, links and attachments (email/signal-table.ts) ---
  'email.display_name_brand':
    'The email says it is from {brand}, but it was sent from {domain}, which is not {brand}.',
  'email.display_name_address':
    "The sender's name shows {shown}, but the email really came from {actual}.",
  'email.sender_lookalike':
    "The sender's address uses {domain}, which looks like {brand} but is not. Scammers use look-alike names to fool you.",
  'email.sender_hidden_chars':
    "The sender's name contains hidden or reversed characters, a trick to disguise who sent it.",
  'email.subject_hidden_chars':
    'The subject contains hidden or reversed characters, a trick used to slip past spam filters.',
  'email.recipient_in_subject':
    'The subject line contains your own email address ({address}). Mass mailings do this to look personal; a company you deal with greets you by name.',
  'email.sender_mimics_recipient':
    'It comes from {domain}, a name made to look like your own organisation ({own}) but not it. Scammers pose as your IT desk, HR or boss this way; check with them by phone or in person.',
  'email.display_name_internal_role':
    'It calls itself "{name}", like one of your own organisation\'s systems or desks, but it was sent from {domain}, outside your organisation ({own}). Voicemail, fax and IT notices from your own systems come from your own organisation; check with your IT desk before you open or sign in to anything.',
  'email.reply_to_mismatch':
    "If you reply, your answer goes to {reply}, not to the sender's organisation ({domain}).",
  'email.reply_to_freemail':
    'If you reply, your answer goes to a personal email account ({reply}), not to {domain}. Real organisations do not do this.',
  'email.return_path_mismatch':
    "The email's hidden return address ({returnPath}) belongs to a different organisation than the sender ({domain}).",
  'email.auth_spf_fail':
    'Your mail provider checked whether this server may send email for {domain}, and the check failed.',
  'email.auth_dkim_fail':
    "The email's digital signature did not check out: it may have been changed or forged on the way.",
  'email.auth_dmarc_fail':
    'The email failed the check that proves it really comes from {domain}. It is probably forged.',
  'email.auth_none':
    "The sender's domain ({domain}) has no protection against forgery, so anyone could have sent this in its name.",
  'email.auth_dmarc_pass':
    'The email passed the check that it really comes from {domain}. That proves who sent it, not that the message is honest.',
  'email.link_text_mismatch': 'A link shows {shown}, but clicking it would take you to {actual}.',
  'email.link_ip_host':
    'A link goes to a bare number address ({host}) instead of a named website. Real companies almost never do this.',
  'email.link_punycode_host':
    'A link goes to {host}, a web address written with special letters that can imitate a familiar name ({display}).',
  'email.attachment_executable':
    'The attachment {name} is a program or script. Opening it could take over your computer.',
  'email.attachment_html':
    'The attachment {name} is a web page. Scammers attach these to show fake sign-in pages.',
  'email.attachment_disk_image':
    'The attachment {name} is a disk image, shortcut or notebook file, often used to sneak harmful programs past protection.',
  'email.attachment_macro':
    'The attachment {name} is an Office document with macros, which can run harmful code when opened.',
  'email.attachment_double_extension':
    'The attachment {name} pretends to be a different kind of file than it really is ({real}).',
  'email.attachment_protected_archive':
    'The email sends a locked archive ({name}) with its password. Locking hides harmful files from virus scanners.',
  'email.html_password_form':
    'The email itself contains a form asking for a password. Real companies never ask for your password inside an email.',

  // --- Web addresses (url/url-signals.ts) ---
  'url.dangerous_scheme':
    'This is not a web address but a "{scheme}:" link that runs or hides content. Do not open it.',
  'url.credentials':
    'The link has extra text before an "@" sign. Your browser ignores that part and really goes to {destination}.',
  'url.ip_host':
    'The link goes to a bare number instead of a website name. Real companies almost never send links like this.',
  'url.ip_disguised':
    'The link hides where it goes by writing an internet address as a disguised number (it really goes to {host}).',
  'url.ipv6_host': 'The link goes to a raw internet address instead of a website name.',
  'url.disguised_characters':
    'The website name is written with unusual look-alike characters that the browser turns into {host}. This trick is used to slip past filters.',
  'url.nonstandard_port':
    'The link uses an unusual "door" number (:{port}) on the website, which ordinary sites rarely need.',
  'url.no_https': 'The link does not use a secure (https) connection.',
  'url.shortener': 'The link is shortened ({host}), so you cannot see where it really goes.',
  'url.proxy_host':
    'The page is shown through a translation or proxy service ({host}), which hides the real website.',
  'url.shared_hosting':
    'The page is on a free website service ({suffix}) where anyone can make a page.',
  'url.user_content':
    'The page is a form or file that anyone can publish on {host}; it does not come from that company.',
  'url.suspicious_tld':
    'The address ends in ".{tld}", an ending scammers use a lot because it is cheap or free.',
  'url.cheap_tld': 'The address ends in ".{tld}", a cheap ending that scammers often use.',
  'url.homograph_brand':
    "The website name looks like {real}, but it is spelled with letters from another alphabet. It is not {brand}'s website.",
  'url.brand_lookalike':
    "The website name {site} is spelled to look like {real}. It is not {brand}'s website.",
  'url.brand_wrong_tld': "{site} uses the name {brand}, but {brand}'s real website is {real}.",
  'url.brand_combosquat':
    "The website name {site} borrows the name {brand}, but it is not {brand}'s website (that is {real}).",
  'url.brand_domain_in_subdomain':
    'The address starts with "{matched}", but the real website is {site}. Only the end of the name, just before the first "/", counts.',
  'url.brand_in_subdomain':
    'The address puts "{matched}" in front of an unrelated website, {site}, to look like {brand}.',
  'url.brand_in_userinfo':
    'The link starts with "{matched}" to look like {brand}, but your browser ignores everything before the "@" and goes to {host}.',
  'url.brand_in_path':
    'The link mentions {brand} after the website name, but the website itself is {site}, not {real}.',
  'url.mixed_scripts':
    'The website name mixes letters from different alphabets ({scripts}), a trick to make a fake name look real.',
  'url.punycode':
    'The website name uses special international letters ({host}), which can hide look-alike letters.',
  'url.official_brand_domain':
    'The link goes to {site}, a real website of {brand}. (A real link alone does not make a message safe.)',
  'url.fake_domain_in_subdomain':
    'The address starts with "{fake}", which looks like a website name, but the real website is {site}.',
  'url.deep_subdomains':
    'The website name has many parts ({host}), a way to hide the real name ({site}).',
  'url.long_hostname': 'The website name is unusually long.',
  'url.many_hyphens':
    'The website name has many dashes, which scam sites often use to pack in reassuring words.',
  'url.digit_heavy_host': 'The website name is full of numbers.',
  'url.random_looking_name':
    'The website name "{label}" looks like random letters, typical of sites made in bulk for scams.',
  'url.keyword_in_host': 'The website name contains the word "{keyword}" to look official.',
  'url.at_in_path': 'The link has an "@" sign in an odd place, a trick to confuse where it goes.',
  'url.double_slash':
    'The link has "//" in the middle, which can be used to forward you elsewhere.',
  'url.embedded_url':
    'The link contains another web address inside it and may forward you to a different site.',
  'url.email_in_query':
    'The link carries an email address, so the fake page can show your own address and seem real.',
  'url.login_words': 'The link leads to a sign-in, "verify" or "update" page.',
  'url.wordpress_path':
    "The page sits inside a website's WordPress folders, where scammers often hide pages on hacked sites.",
  'url.executable_download':
    "The link downloads a program (.{ext}). Only install apps from your phone's or computer's official store.",
  'url.archive_download':
    'The link downloads a packed file (.{ext}), which can hide harmful programs.',
  'url.very_long': 'The link is extremely long, which can hide where it really goes.',
  'url.link_model': 'A link in it is built like the web addresses used for phishing.',
  /** Fills {destination} in url.credentials when the link has no readable website name. */
  'url.another_site': 'another site',

  // --- The trained models' share (check/model-reasons.ts) ---
  'notice.official_channel':
    "It tells you what to do if it wasn't you, and sends you only to ways you already have (the number on your card, the company's own app, a branch). It gives no link, number or address of its own, which the scams that copy such alerts need to reach you. To be sure, use only the app or the number on your card.",
  'notice.yes_no_alert':
    'Banks do send texts like this one, and scammers copy them: the words alone cannot tell which this is. It gives no link or number. If you made this payment, a YES is safe. If you did not, do not wait for a call: call the number on the back of your card yourself. A bank will never ask you for a code, PIN or password.',
  'model.unclear':
    'Nothing in it is a clear sign either way, but messages like this one are sometimes scams. Before you reply, click or pay, check who sent it in a way you trust.',
  'model.text_scam_wording': 'The wording is like scam messages we have seen: {phrases}.',
  'model.text_genuine_wording':
    'The wording reads like ordinary messages between people and companies.',
  'model.email_scam_wording':
    'The wording is like scam and phishing emails we have seen: {phrases}.',
  'model.email_genuine_wording': 'The wording reads like ordinary email.',
  'model.url_scam_wording':
    'This web address is built like addresses used for phishing: {phrases}.',
  'model.url_genuine_wording': 'This web address is built like ordinary addresses: {phrases}.',

  // --- Phone numbers (indicators/phone.ts) ---
  'phone.premium_rate':
    '{phone} is {premium}: calling it can cost a lot per minute, and the money goes to whoever runs it.',
  'phone.uk_personal_number':
    '{phone} starts with 070: a UK "personal number" that looks like a mobile but can forward anywhere and costs much more to call.',
  'phone.callback_to_brand':
    "The message asks you to call {phone} about {brand}. Scammers often pretend to be {brand} on the phone: call the number on {brand}'s own website or on your card instead.",
  'phone.official_number': "{phone} is one of {brand}'s published numbers.",
  'phone.not_official_number':
    "The message asks you to call {phone} about {brand}, but that is not one of {brand}'s published numbers.",
  'phone.premium_kind.+449': 'a UK premium-rate (09) number',
  'phone.premium_kind.+44871':
    'a UK premium service number (0871), which costs more than a normal call',
  'phone.premium_kind.+44872':
    'a UK premium service number (0872), which costs more than a normal call',
  'phone.premium_kind.+44873':
    'a UK premium service number (0873), which costs more than a normal call',
  'phone.premium_kind.+1900': 'a US premium-rate (900) number',
  'phone.premium_kind.+61190': 'an Australian premium-rate (190) number',
  'phone.premium_kind.+49900': 'a German premium-rate (0900) number',
  'phone.premium_kind.+3389': 'a French premium-rate (089) number',
  'phone.premium_kind.+39899': 'an Italian premium-rate (899) number',
  'phone.premium_kind.+34803': 'a Spanish premium-rate (803) number',
  'phone.premium_kind.+34806': 'a Spanish premium-rate (806) number',
  'phone.premium_kind.+34807': 'a Spanish premium-rate (807) number',
  'phone.premium_kind.+31900': 'a Dutch premium-rate (0900) number',
  'phone.premium_kind.+31906': 'a Dutch premium-rate (0906) number',
  'phone.premium_kind.+31909': 'a Dutch premium-rate (0909) number',
  'phone.premium_kind.+35315': 'an Irish premium-rate (15xx) number',
  'phone.premium_kind.+81990': 'a Japanese premium-rate (0990) number',

  // --- Shared threat intelligence and language ---
  'intel.known_bad': '{value} is on a list of known scams ({source}).',
  'language.not_english':
    'This seems to be written in {language}. Shieldwall is trained on English, so this answer is less certain.',
  'language_name.en': 'English',
  'language_name.es': 'Spanish',
  'language_name.fr': 'French',
  'language_name.de': 'German',
  'language_name.it': 'Italian',
  'language_name.pt': 'Portuguese',
  'language_name.nl': 'Dutch',
  'language_name.id': 'Indonesian',
  'language_name.tr': 'Turkish',
  'language_name.pl': 'Polish',
  'language_name.ru': 'Russian',
  'language_name.uk': 'Ukrainian',
  'language_name.el': 'Greek',
  'language_name.ar': 'Arabic',
  'language_name.he': 'Hebrew',
  'language_name.hi': 'Hindi',
  'language_name.bn': 'Bengali',
  'language_name.ta': 'Tamil',
  'language_name.th': 'Thai',
  'language_name.zh': 'Chinese',
  'language_name.ja': 'Japanese',
  'language_name.ko': 'Korean',
  'language_name.other': 'another language',
  'script.latin': 'Latin',
  'script.cyrillic': 'Cyrillic',
  'script.greek': 'Greek',
  'script.armenian': 'Armenian',
  'script.cjk': 'Chinese or Japanese',
  'script.other': 'another alphabet',
  'script.common': 'symbols',
  /** Joins two names in a list ("Latin and Cyrillic"). */
  'list.and': '{a} and {b}',

  // --- What to do now (advice/next-steps.ts), most urgent first ---
  'step.dont_click': 'Do not click the link, open attachments, or reply.',
  'step.dont_call_number': 'Do not call the phone number in the message.',
  'step.never_share_code':
    'Never share a one-time code or password with anyone, even if they say they are from your bank.',
  'step.bank_card_number':
    'If you are worried about your bank account, call your bank on the number on the back of your card.',
  'step.carrier_app':
    "To check a parcel, open the delivery company's own app or type its web address yourself.",
  'step.official_site':
    'If you think it might be real, go to the official website or app by typing the address yourself, not through this message.',
  'step.gov_official':
    'Government agencies do not ask for payment by text, gift card or crypto. Check on the official government website.',
  'step.tech_support_hang_up':
    'Do not let anyone connect to your computer. Real tech companies do not call or message you about viruses.',
  'step.job_no_deposit':
    'A real job never asks you to pay or deposit money to start or to get paid.',
  'step.investment_stop':
    'Do not send more money. Talk to someone you trust before making any investment.',
  'step.romance_no_money': 'Never send money or gift cards to someone you have only met online.',
  'step.invoice_verify':
    'Before paying or changing bank details, call the supplier or your colleague on a number you already have.',
  'step.family_verify':
    'If it claims to be a family member, call them on the number you already have, or ask something only they would know.',
  'step.spam_ignore':
    'This looks like unwanted marketing. You can delete it or reply STOP if it is from a company you know.',
  'step.report_text':
    'Report scam texts: forward them to 7726 (works in the US, UK and other countries), then delete them.',
  'step.report_email':
    'Report scam emails with your email app\'s "Report phishing" button, then delete them.',
  'step.already_acted':
    'If you already clicked, paid or shared details, act now: call your bank, change your passwords and tell someone you trust.',
  'step.stay_careful':
    'No warning signs were found in what was checked, but stay careful: never share codes or passwords, and check unexpected requests another way.',
  'step.unsure_language':
    'This message is not in English, which Shieldwall checks best. If in doubt, ask someone you trust.',

  // --- What was looked at, so "no signs" never reads as "safe" (check/analyse-*.ts) ---
  'checked.text_wording': 'the wording, for pressure, payment requests and scam phrases',
  'checked.links_one': 'the link in it',
  'checked.links_other': 'the {count} links in it',
  'checked.phones': 'the phone numbers in it (their type, not who owns them)',
  'checked.email_sender':
    "who the email says it is from, and where it really came from (the sender's address, reply address and the mail servers' own checks)",
  'checked.email_wording': 'the wording of the subject and message',
  'checked.attachments': 'the names and types of its attachments (we did not open them)',
  'checked.url_build':
    'how the web address is built: its name, look-alikes of well-known brands, its ending and its path',
  'checked.url_not_opened': 'we did not open the link',
  'checked.phone_unreadable':
    'whether it is a phone number we can read (we could not read this one)',
  'checked.phone_type': "the number's type: premium-rate and personal numbers cost you money",
  'checked.phone_owner':
    'we cannot tell who owns a number: a scammer can call from any number, even a real one',
  'checked.intel_lists': 'lists of known scams shared with Shieldwall',

  // --- What could not be read (email/warnings.ts and the phone check) ---
  'note.input_truncated': 'The email is larger than we read; only its beginning was checked.',
  'note.text_truncated':
    'The email has more text than we keep; only the first part of it was checked.',
  'note.no_headers':
    'This does not start like a whole email (no sender or subject lines), so it was read as plain text.',
  'note.header_limit': 'The email has an unusual number of header lines; the rest were skipped.',
  'note.header_line_truncated': 'A header line was unusually long and was cut short.',
  'note.depth_limit':
    'Parts of the email are packed inside each other too deeply; the deepest ones were skipped.',
  'note.part_limit': 'The email has an unusual number of parts; the rest were skipped.',
  'note.link_limit': 'The email has an unusual number of links; only the first ones were checked.',
  'note.missing_boundary':
    'A part of the email says it has sub-parts but not how they are separated; it was read as text.',
  'note.boundary_not_found':
    'The separators between the parts of the email are missing; the part was read as text.',
  'note.missing_closing_boundary': 'The email ends without closing one of its parts.',
  'note.bad_base64':
    'A part of the email is damaged (bad base64 encoding); what could be read was read.',
  'note.unknown_charset':
    'Part of the email uses a character set we do not know; its text may look garbled.',
  'note.internal_error': 'Something went wrong reading this email; please report it.',
  'note.phone_unreadable':
    'We could not read a phone number in this. Type it with its digits, for example +44 20 7946 0000.',
} as const;

export type CheckerMessageKey = keyof typeof checkerEn;
