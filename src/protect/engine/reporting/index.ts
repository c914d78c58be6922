/**
 * Where to report a scam, by country: official channels as reviewed data, pure and the same in
 * Node and in the browser.
 */
export {
  CHANNEL_KINDS,
  type ChannelKind,
  type Confidence,
  type CountryChannels,
  PURPOSES,
  type Purpose,
  REGIONS,
  type ReportChannel,
} from './channel-types.js';
export {
  ALL_CHANNELS,
  type ChannelsResult,
  type ChannelView,
  channelsFor,
  knownCountries,
} from './find-channels.js';
export { type ReportingMessageKey, reportingMessages } from './reporting-messages.js';
