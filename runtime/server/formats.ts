import { isIPv6 } from 'node:net'

// String formats checked by the generated validators (TypeBox's generated code calls
// `format(name, value)`). Every check is a length guard plus regular expressions without nested
// or overlapping quantifiers, so no input can make them backtrack catastrophically.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// RFC 3339 full-time: the offset is required; a leap second (60) is allowed.
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
// RFC 3986: a scheme, then only characters a URI may hold; `%` must start an escape.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/
const UUID = /^(?:urn:uuid:)?[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$/
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** `YYYY-MM-DD` naming a real calendar day (leap years included). */
export function isDate(value: string): boolean {
  const match = DATE.exec(value)
  if (match === null) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const max = month === 2 && leap ? 29 : DAYS[month - 1]
  return max !== undefined && day >= 1 && day <= max
}

/** RFC 3339 `full-time`: `HH:MM:SS[.frac](Z|±HH:MM)`. */
export function isTime(value: string): boolean {
  const match = TIME.exec(value)
  if (match === null) return false
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (hour > 23 || minute > 59 || second > 60) return false
  return match[4] === undefined || (Number(match[4]) <= 23 && Number(match[5]) <= 59)
}

/** RFC 3339 `date-time`: a date, `T` (or `t`), a full time. */
export function isDateTime(value: string): boolean {
  if (value.length > 64) return false
  const at = value.search(/[Tt]/)
  return at === 10 && isDate(value.slice(0, 10)) && isTime(value.slice(11))
}

/** A practical address: dot-atom local part, `@`, a host name with at least one dot. */
export function isEmail(value: string): boolean {
  if (value.length > 254) return false
  const at = value.lastIndexOf('@')
  if (at < 1 || at > 64) return false
  const labels = value.slice(at + 1).split('.')
  return EMAIL_LOCAL.test(value.slice(0, at)) && labels.length > 1 && labels.every((label) => HOST_LABEL.test(label))
}

/** An absolute URI (RFC 3986): scheme, `:`, URI characters only, well-formed `%` escapes. */
export function isUri(value: string): boolean {
  return value.length <= 8192 && URI.test(value) && !BAD_ESCAPE.test(value)
}

/** A UUID in its 8-4-4-4-12 hex form (optionally `urn:uuid:`). */
export function isUuid(value: string): boolean {
  return UUID.test(value)
}

/** A dotted-quad IPv4 address without leading zeros. */
export function isIpv4(value: string): boolean {
  return value.length <= 15 && IPV4.test(value)
}

/** An IPv6 address (RFC 4291 text forms), without a zone index. */
export function isIpv6(value: string): boolean {
  return value.length <= 45 && !value.includes('%') && isIPv6(value)
}

const CHECKS: Readonly<Record<string, (value: string) => boolean>> = {
  email: isEmail, 'date-time': isDateTime, date: isDate, time: isTime,
  uri: isUri, uuid: isUuid, ipv4: isIpv4, ipv6: isIpv6,
}

/** The formats `format()` knows. */
export const KNOWN_FORMATS: readonly string[] = Object.keys(CHECKS).sort()

/**
 * Checks `value` against a named string format. An unknown format fails (as TypeBox's own
 * compiler does with an empty format registry): a typo in a schema must not silently accept all.
 */
export function format(name: string, value: unknown): boolean {
  const check = Object.hasOwn(CHECKS, name) ? CHECKS[name] : undefined
  return check !== undefined && typeof value === 'string' && check(value)
}
