import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** E.164 form of a phone number, read in the profile's country when it has no +prefix; undefined if invalid. */
export function normalisePhone(raw: string, country: string | undefined): string | undefined {
  const parsed = parsePhoneNumberFromString(raw, (country ?? 'FR') as CountryCode);
  return parsed?.isValid() ? parsed.number : undefined;
}
