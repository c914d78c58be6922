/**
 * English words of the small-business checkup: each question (`q.<id>`), why it matters
 * (`.why`), the fix's name (`.fix`), how-to steps one per line (`.steps`) for a business with no
 * IT staff, and notes on partial framework mappings (`.mapping`); then areas, answers and the
 * report's headings. Spanish is in checkup-messages-es.ts and must have every key (type-checked).
 */
export const checkupEn = {
  'area.backups': 'Backups',
  'area.accounts': 'Accounts and passwords',
  'area.devices': 'Computers, phones and software',
  'area.network': 'Network and Wi-Fi',
  'area.people': 'People and email',
  'area.response': 'Plans and records',

  'answer.yes': 'Yes',
  'answer.partly': 'Partly',
  'answer.no': 'No',
  'answer.unknown': 'I don’t know',
  'answer.none': 'Not answered',

  'framework.cpg': 'CISA Cross-Sector Cybersecurity Performance Goals (v1.0.1)',
  'framework.cis': 'CIS Critical Security Controls v8, IG1',
  'framework.csf': 'NIST Cybersecurity Framework 2.0',
  'framework.ce': 'UK Cyber Essentials',
  'ce.firewalls': 'Firewalls',
  'ce.secure-configuration': 'Secure configuration',
  'ce.security-update-management': 'Security update management',
  'ce.user-access-control': 'User access control',
  'ce.malware-protection': 'Malware protection',

  'report.title': 'Small-business security checkup',
  'report.org': 'Organization: {name}',
  'report.date': 'Completed: {date}',
  'report.overall': 'Overall score: {score} out of 100',
  'report.areas': 'Score by area',
  'report.area_line': '{area}: {score} out of 100',
  'report.top': 'Your top five fixes',
  'report.top_intro':
    'Ranked by how much each fix protects you compared with how much work it is. “I don’t know” counts like “no” until you find out.',
  'report.no_fixes': 'Every answer is “yes”. Keep it that way: check again in six months.',
  'report.impact_effort': 'Protection: {impact} of 5 · Work: {effort} of 5',
  'report.why': 'Why it matters',
  'report.how': 'How to do it',
  'report.find_out': 'Find out first',
  'report.find_out_intro': 'You answered “I don’t know” to these. Ask whoever looks after your IT:',
  'report.answers': 'All answers',
  'report.frameworks':
    'For insurers and auditors: the CSV export lists each question against CISA CPG, CIS Controls v8 IG1, NIST CSF 2.0 and UK Cyber Essentials.',
  'report.footer':
    'Made with Shieldwall. This is a self-assessment, not an audit: it shows where to start.',
  'report.page': 'Page {page}',

  'csv.question_id': 'question_id',
  'csv.question': 'question',
  'csv.area': 'area',
  'csv.framework': 'framework',
  'csv.control_id': 'control_id',
  'csv.answer': 'answer',
  'csv.note': 'note',

  // Backups
  'q.backup-automatic':
    'Are your important files (customer records, accounts, documents) backed up automatically, at least once a week?',
  'q.backup-automatic.why':
    'A broken laptop, a theft or ransomware can wipe out years of work in a minute. A recent backup turns a disaster into a bad day.',
  'q.backup-automatic.fix': 'Back up automatically, every day',
  'q.backup-automatic.steps':
    'Write down where your important files live: computers, a shared drive, Microsoft 365 or Google Workspace.\nTurn on the backup built into each one (File History or OneDrive on Windows, Time Machine on a Mac) or buy a backup service for your online accounts.\nSet it to run every day, and check a week later that new copies are appearing.',

  'q.backup-offline':
    'Is at least one copy kept where ransomware cannot reach it — a drive you unplug, or a cloud backup that cannot be changed or deleted for a while?',
  'q.backup-offline.why':
    'Ransomware looks for backups it can reach and encrypts or deletes them too. A copy that is unplugged or locked is the one that saves you.',
  'q.backup-offline.fix': 'Keep one backup out of reach',
  'q.backup-offline.steps':
    'Buy two external drives and copy your files to one each week; keep it unplugged and take it home, swapping the two drives each week.\nOr choose a cloud backup with “immutable” or “locked” copies (look for those words) and turn that setting on for at least 30 days.\nMake sure the password for the backup service is not used anywhere else and has two-step sign-in.',

  'q.backup-restore-tested':
    'In the last six months, have you restored a file from your backup to check it really works?',
  'q.backup-restore-tested.why':
    'Many businesses discover on the worst day that their backup was empty, old or missing the files that matter.',
  'q.backup-restore-tested.fix': 'Test a restore twice a year',
  'q.backup-restore-tested.steps':
    'Put a reminder in your calendar every six months.\nPick three files (one recent, one old, one large) and restore them from the backup to a different folder.\nOpen them. If anything is missing or will not open, fix the backup today and write down what you changed.',
  'q.backup-restore-tested.mapping':
    'CIS 11.5 (test data recovery) is an IG2 safeguard; it is listed because it is the exact match. The IG1 safeguard is 11.1.',

  // Accounts
  'q.mfa-email-banking':
    'Do your email, online banking and accounting accounts ask for a second step (a code, an app or a security key) when someone signs in?',
  'q.mfa-email-banking.why':
    'Most break-ins start with a stolen password. A second step stops a criminal who has the password but not your phone or key.',
  'q.mfa-email-banking.fix': 'Turn on two-step sign-in for email, banking and accounting',
  'q.mfa-email-banking.steps':
    'Start with email: in Microsoft 365 or Google Workspace, turn on two-step verification (security defaults in Microsoft 365) for everyone.\nDo the same in your online banking, payment and accounting accounts; your bank can help on the phone.\nUse an authenticator app or a passkey rather than text messages where you can, and keep the backup codes somewhere safe and offline.',

  'q.mfa-admin-phishing-resistant':
    'Do the people who manage your systems (email administrator, website, domain name, bank payments) sign in with a passkey or a security key?',
  'q.mfa-admin-phishing-resistant.why':
    'Criminals now use fake sign-in pages that also steal codes. Passkeys and security keys only work on the real site, so they cannot be tricked.',
  'q.mfa-admin-phishing-resistant.fix': 'Give administrators passkeys or security keys',
  'q.mfa-admin-phishing-resistant.steps':
    'List the accounts that can change everything: email administrator, domain name, website, bank payment approvals.\nBuy two security keys per administrator (one to keep in a safe place), or set up a passkey on their phone or computer.\nAdd them in each account’s security settings, then turn off text-message codes for those accounts.',

  'q.admin-separate':
    'Do people use an ordinary account for everyday work, and a separate administrator account only when they change settings?',
  'q.admin-separate.why':
    'If someone opens a bad attachment while signed in as administrator, the malware gets full control of the computer or the whole email system.',
  'q.admin-separate.fix': 'Separate everyday and administrator accounts',
  'q.admin-separate.steps':
    'On each computer, create a standard (not administrator) account for daily use and keep one administrator account with a different password.\nIn Microsoft 365 or Google Workspace, give administrator rights to a separate account (for example admin-ana@) that is not used for email.\nKeep the number of administrators to two or three people.',

  'q.password-manager':
    'Does everyone use a different password for each work account, kept in a password manager?',
  'q.password-manager.why':
    'When one website is hacked, criminals try the same email and password everywhere else. Unique passwords stop one leak from opening every door.',
  'q.password-manager.fix': 'Use a password manager for everyone',
  'q.password-manager.steps':
    'Choose a password manager with a business plan (or the one built into your browser or phone for a very small team).\nStart with email, banking and accounting: let the manager create new, long passwords for each.\nShare team passwords through the manager, never by email, chat or sticky notes.',

  'q.leavers-removed':
    'When someone leaves, are their accounts closed and shared passwords they knew changed within a day?',
  'q.leavers-removed.why':
    'Old accounts are easy to forget and easy to misuse — by the person who left or by anyone who got their password.',
  'q.leavers-removed.fix': 'Close leavers’ accounts on their last day',
  'q.leavers-removed.steps':
    'Write a short leaver checklist: email, file sharing, banking, accounting, website, alarm codes, social media.\nOn the last day, turn off their accounts (forward their email to a manager if needed) and collect devices and keys.\nChange any shared passwords they knew, including the Wi-Fi password, and check your list of accounts every three months for anyone who left.',

  'q.vendor-access':
    'Do you know which outside companies (IT support, software suppliers) can get into your systems, and does each use its own account with two-step sign-in?',
  'q.vendor-access.why':
    'Criminals break into IT suppliers to reach all of their customers at once. Access you do not know about is access you cannot close.',
  'q.vendor-access.fix': 'List and limit outside access',
  'q.vendor-access.steps':
    'Ask your IT provider and software suppliers in writing which accounts and remote-access tools they use on your systems.\nMake sure each has a named account with two-step sign-in — no shared or default logins — and remove tools nobody uses.\nAgree in writing that they will tell you within a day if they are hacked, and review the list once a year.',

  // Devices
  'q.updates-automatic':
    'Are automatic updates turned on for computers, phones, web browsers and other software, and installed within two weeks?',
  'q.updates-automatic.why':
    'Updates fix holes that criminals already know how to use. Many attacks hit computers that are simply weeks behind.',
  'q.updates-automatic.fix': 'Turn on automatic updates everywhere',
  'q.updates-automatic.steps':
    'On each computer and phone, open the update settings and turn on automatic updates; restart when asked.\nDo the same for web browsers, Office, and the router (its admin page or app usually has an auto-update switch).\nOnce a month, check each device’s update page says it is up to date.',

  'q.end-of-life':
    'Are all your computers, phones, routers and programs still receiving security updates from their maker (no Windows 7, old Android phones or unsupported routers)?',
  'q.end-of-life.why':
    'Devices that no longer get updates keep every known hole open forever. No setting can fix that.',
  'q.end-of-life.fix': 'Replace devices that no longer get updates',
  'q.end-of-life.steps':
    'For each device, look up its end-of-support date (search for the model and “end of support”).\nReplace anything already unsupported first, starting with computers used for banking and email.\nUntil it is replaced, keep an unsupported device off the internet and away from banking.',

  'q.antivirus':
    'Do all computers have anti-malware protection turned on and updating itself (for example Microsoft Defender)?',
  'q.antivirus.why':
    'Anti-malware catches many known threats before they run, and it costs nothing on modern Windows and Mac computers.',
  'q.antivirus.fix': 'Make sure anti-malware is on and updating',
  'q.antivirus.steps':
    'On Windows, open Windows Security and check that virus and threat protection shows a green tick; on a Mac keep automatic updates on.\nIf you pay for another product, check it is still licensed and updating; do not run two at once.\nAsk your IT provider whether an endpoint detection and response (EDR) product is worth it for you.',
  'q.antivirus.mapping':
    'CPG 3.A (detecting relevant threats and TTPs) is the nearest goal; CPG v1.0.1 has no goal for anti-malware software (CPG 2.0 adds one, 4.A).',

  'q.device-encryption':
    'Are laptops and phones encrypted, so a lost or stolen one does not expose your files?',
  'q.device-encryption.why':
    'Laptops and phones get lost. Encryption means a finder or thief sees nothing without your password.',
  'q.device-encryption.fix': 'Turn on encryption on laptops and phones',
  'q.device-encryption.steps':
    'Windows: turn on BitLocker or Device encryption in Settings; Mac: turn on FileVault.\nModern iPhones and Android phones are encrypted once they have a passcode: make sure every work phone has one.\nKeep the recovery key in your password manager, not on the same laptop.',

  'q.screen-lock':
    'Do computers and phones lock themselves after a few minutes and need a password, PIN or fingerprint to open?',
  'q.screen-lock.why':
    'An unlocked screen lets anyone walking past read email or send payments as you.',
  'q.screen-lock.fix': 'Lock screens automatically',
  'q.screen-lock.steps':
    'Set every computer to lock after 5 minutes or less and every phone after 1 minute.\nRequire a PIN of at least 6 digits, a password or a fingerprint to unlock.\nShow staff the quick key to lock when they step away (Windows key + L, or Control + Command + Q on a Mac).',

  'q.screen-lock.mapping':
    'CISA CPG v1.0.1 has no goal for screen locking; Cyber Essentials asks for it under secure configuration (device unlocking).',

  'q.secure-configuration':
    'Have you removed programs and accounts you do not use, turned off auto-run for USB sticks, and blocked Office macros in files from the internet?',
  'q.secure-configuration.why':
    'Every unused program, account and feature is another way in. Macros in emailed documents are a favourite way to start ransomware.',
  'q.secure-configuration.fix': 'Remove what you do not use and block macros',
  'q.secure-configuration.steps':
    'On each computer, uninstall programs nobody uses and remove old user accounts.\nMake sure Office blocks macros in files from the internet (the default in recent Microsoft 365; your IT provider can enforce it for everyone).\nTurn off AutoPlay for USB drives in the settings.',

  // Network
  'q.default-passwords':
    'Have the default passwords been changed on your router, Wi-Fi, printers, cameras and other devices?',
  'q.default-passwords.why':
    'Default passwords are printed in manuals online; criminals scan the internet for devices that still use them.',
  'q.default-passwords.fix': 'Change default passwords on every device',
  'q.default-passwords.steps':
    'List devices with their own login: router, Wi-Fi access points, printers, cameras, alarm, network storage.\nSign in to each (the address is on a label or in the manual) and set a unique, long password; save it in your password manager.\nIf a device will not let you change its password, replace it.',

  'q.firewall':
    'Is the firewall turned on in your router and on every computer, with nothing opened to the internet unless someone knows why?',
  'q.firewall.why':
    'A firewall keeps the internet from reaching your computers directly. Remote-access ports left open are a common way ransomware gets in.',
  'q.firewall.fix': 'Turn on firewalls and close open doors',
  'q.firewall.steps':
    'Check that the firewall is on in Windows Security or the Mac’s Network settings.\nIn the router’s admin page, turn off remote administration and “port forwarding” rules nobody can explain.\nIf staff need remote access, ask your IT provider for a VPN or a remote-access service with two-step sign-in instead of open ports.',

  'q.guest-wifi':
    'Do visitors and personal devices use a separate guest Wi-Fi, away from the computers and devices the business uses?',
  'q.guest-wifi.why':
    'A visitor’s infected phone or a smart TV on the same network can reach your business computers. A guest network keeps them apart.',
  'q.guest-wifi.fix': 'Set up a separate guest Wi-Fi',
  'q.guest-wifi.steps':
    'Turn on the guest network in your router’s settings or app (most routers have one).\nGive it its own password, and change it every few months; give the main Wi-Fi password only to business devices.\nPut smart devices (TVs, speakers, cameras) on the guest network too if they do not need to reach your computers.',
  'q.guest-wifi.mapping':
    'CIS 12.2 (secure network architecture) is an IG2 safeguard; 4.2 (secure configuration of network infrastructure) is the IG1 one. CPG 2.F (network segmentation) is written for keeping IT and OT networks apart; it is the nearest goal. Cyber Essentials has no control for guest networks.',

  // People and email
  'q.phishing-reporting':
    'Does everyone know how to report a suspicious email, text or call, and are they thanked — never blamed — for doing it?',
  'q.phishing-reporting.why':
    'A quick report lets you warn everyone else and change a password before damage is done. People who fear blame stay quiet.',
  'q.phishing-reporting.fix': 'Make reporting easy and thank people for it',
  'q.phishing-reporting.steps':
    'Pick one way to report: a named person, a shared address like security@, or the “report phishing” button in your email.\nTell everyone, and say clearly that reporting a mistake (even after clicking) is always the right thing to do.\nWhen someone reports, thank them and tell the team what the scam looked like.',
  'q.phishing-reporting.mapping':
    'No framework has a control only for staff reporting suspicious messages; CPG 2.I (basic training) and CIS 14.6 / 17.3 cover it as part of training and incident reporting.',

  'q.staff-training':
    'Has everyone had short training on scams, phishing and safe habits in the last year, including new staff when they start?',
  'q.staff-training.why':
    'Criminals target people as much as computers. Knowing what a scam looks like is the cheapest protection there is.',
  'q.staff-training.fix': 'Train everyone once a year, and new staff on day one',
  'q.staff-training.steps':
    'Use free material: Shieldwall’s practice mode, or your national cyber security centre’s staff training.\nSpend 30 minutes a year with the whole team, plus 10 minutes with each new starter.\nTalk about real examples your business received.',

  'q.payment-verification':
    'Before paying a new bank account or changing a supplier’s bank details, do you always call them on a number you already had — never one from the email?',
  'q.payment-verification.why':
    'Fake invoices and “our bank details have changed” emails are among the costliest scams for small businesses, and the money is rarely recovered.',
  'q.payment-verification.fix': 'Call to confirm any new or changed bank details',
  'q.payment-verification.steps':
    'Make it a written rule: new or changed bank details are confirmed by phone, on a number from your records or the supplier’s website, never from the message.\nAsk your bank for two-person approval of new payees or large payments.\nTell suppliers and staff about the rule, so nobody feels rude following it — even when the boss seems to be asking.',
  'q.payment-verification.mapping':
    'No framework has a control for payment verification itself; training on social engineering and business email compromise is the nearest: CPG 2.I, CIS 14.2 and NIST PR.AT-01. Cyber Essentials has none.',

  'q.email-domain':
    'If you have your own email domain, does it publish SPF and DMARC records so others can spot emails faking your name?',
  'q.email-domain.why':
    'Without SPF and DMARC, anyone can send email that looks like it comes from your business — to your customers and your bank.',
  'q.email-domain.fix': 'Protect your email domain with SPF and DMARC',
  'q.email-domain.steps':
    'Use Shieldwall’s email-domain check (or ask your email provider) to get the exact records to add.\nAdd an SPF record and a DMARC record starting with p=none and a report address, at the company where you bought the domain.\nAfter a few weeks of reports with no problems, move DMARC to p=quarantine and then p=reject.',
  'q.email-domain.mapping':
    'CIS 9.5 (implement DMARC) is an IG2 safeguard; IG1 has none for email authentication. The NIST CSF 2.0 mapping (PR.DS-02, integrity of data in transit) is our judgement, not an official crosswalk.',

  // Plans and records
  'q.incident-plan':
    'Is there a written one-page plan for a cyber incident: who to call (IT help, bank, insurer, police), and what to do first?',
  'q.incident-plan.why':
    'In the first hour of an attack people panic. A page of phone numbers and first steps saves money and time.',
  'q.incident-plan.fix': 'Write a one-page incident plan',
  'q.incident-plan.steps':
    'Write down who decides, and phone numbers for your IT help, bank fraud line, insurer and the police or national fraud reporting line.\nList the first steps: unplug affected computers from the network, do not pay, change passwords from a clean device, call the bank if money moved.\nPrint it, keep a copy outside the office, and read it together once a year.',

  'q.asset-inventory':
    'Do you have an up-to-date list of your devices, software and online accounts, and who looks after each?',
  'q.asset-inventory.why':
    'You cannot update, back up or close what you do not know about. The list also makes insurance and leavers much easier.',
  'q.asset-inventory.fix': 'Keep a simple list of devices and accounts',
  'q.asset-inventory.steps':
    'Start a spreadsheet: each device (type, who uses it, when it stops getting updates) and each online service (who is the administrator).\nAdd to it when you buy something or sign up for something; remove what you get rid of.\nCheck it every six months, together with your backups.',

  'q.logging':
    'Are sign-in records for email and key accounts kept for at least 90 days, and does someone get alerts about unusual sign-ins?',
  'q.logging.why':
    'Records show what happened after a break-in, and alerts about strange sign-ins catch criminals before they do damage.',
  'q.logging.fix': 'Keep sign-in records and turn on alerts',
  'q.logging.steps':
    'In Microsoft 365 or Google Workspace, check that audit logging is on and find the sign-in report.\nTurn on alerts for suspicious sign-ins and new mail-forwarding rules, sent to someone who will read them.\nAsk your IT provider how long logs are kept and make sure it is at least 90 days.',
} as const;

export type CheckupKey = keyof typeof checkupEn;
