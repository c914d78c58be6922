/**
 * The tier policy Shieldwall runs with when no `tiersFile` is configured, and
 * the starting point for one (`shieldwall admin tiers show --default > tiers.yaml`).
 * It is YAML text so the file an operator edits looks exactly like this.
 */
export const DEFAULT_TIERS_YAML = `# Shieldwall trust tiers. Edit and save: a running server reloads this file
# within a second. A file with mistakes is refused as a whole (the server keeps
# the last good policy and logs each mistake with its place in the file).
#
# Capabilities are names such as scam.check or intel.read:green. "area.*" grants
# every capability of an area. Each tier also has every capability of the tiers
# below it unless it says "inherit: false".
# security: none | password | mfa | phishing_resistant (passkeys or security keys only)
version: 1

tiers:
  - level: 0
    id: public
    name: Public
    description: Anyone, including new accounts that have not been verified.
    security: none
    session_hours: 720
    capabilities: [scam.check, scam.report, intel.read:clear, account.manage]
    rate_limits: { requests_per_minute: 300, tokens_per_day: 0, tokens_per_minute: 0 }
    models: []

  - level: 1
    id: verified-individual
    name: Verified individual
    description: A person whose identity or work as a defender has been checked, such as a solo developer hardening their own code.
    security: mfa
    session_hours: 336
    capabilities: [intel.read:green, intel.sighting, vuln.scan, detect.run, ai.cyber.defend, model.registry.read]
    rate_limits: { requests_per_minute: 600, tokens_per_day: 200000, tokens_per_minute: 20000 }
    models: [defender-small]
    grant_days: 365

  - level: 2
    id: verified-org
    name: Verified organization
    description: An organization whose domain and identity have been checked.
    security: phishing_resistant
    session_hours: 72
    email_recovery: false
    capabilities: [org.manage, intel.read:amber, intel.write, ai.cyber.analyze, ai.cyber.malware-analysis]
    rate_limits: { requests_per_minute: 1200, tokens_per_day: 2000000, tokens_per_minute: 100000 }
    models: [defender-small, defender-large]
    grant_days: 365

  - level: 3
    id: critical-infrastructure
    name: Critical infrastructure or security vendor
    description: Operators of critical infrastructure (and the intermediaries that serve hospitals, water utilities and school districts) and security vendors.
    security: phishing_resistant
    session_hours: 24
    email_recovery: false
    capabilities: [intel.read:amber-strict, ai.cyber.exploit-dev, model.registry.write, access.vouch]
    rate_limits: { requests_per_minute: 3000, tokens_per_day: 10000000, tokens_per_minute: 400000 }
    models: ['*']
    grant_days: 180

  - level: 4
    id: government
    name: Government or national CERT
    description: Federal, state and local government security teams and national CERTs.
    security: phishing_resistant
    session_hours: 12
    email_recovery: false
    capabilities: [intel.read:red]
    rate_limits: { requests_per_minute: 6000, tokens_per_day: 50000000, tokens_per_minute: 1000000 }
    models: ['*']
    grant_days: 180

# "Advanced protection", which anyone can turn on: passkeys or security keys only,
# no recovery by email, and sessions this short.
advanced_protection:
  session_hours: 12

# What callers without an account or API key may do (no more than tier 0).
anonymous: [scam.check, scam.report, intel.read:clear]

# Roles operators give to their own staff; they add to the person's tier.
staff:
  verifier: [access.review]
  operator: [access.review, access.admin, safeguards.levers, safeguards.appeals, audit.read, detect.alerts, model.registry.findings]
`;
