//! Timestamps: fast RFC 3339 parsing, naive date-times in a configured zone, explicit
//! strftime formats, and a cached UTC → local clock for weekday × hour grids.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// Earliest accepted timestamp: 1900-01-01T00:00:00Z.
pub const MIN_TS: i64 = -2_208_988_800;
/// First rejected timestamp: 2200-01-01T00:00:00Z.
pub const MAX_TS: i64 = 7_258_118_400;

/// How to read a timestamp column.
#[derive(Debug, Clone)]
pub struct TimeParser {
    /// Zone for naive date-times (no offset).
    pub tz: TimeZone,
    /// Explicit strftime format (`created_at_format`), when configured.
    pub format: Option<String>,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u32;
    }
    Some(v)
}

/// Parses the date format of the X/Twitter API and its archives,
/// `Fri Mar 06 13:02:05 +0000 2026` (weekday, month, day, time, UTC offset, year), into
/// Unix seconds. The weekday is not checked against the date.
pub fn parse_twitter_date(s: &str) -> Option<i64> {
    let mut it = s.split_ascii_whitespace();
    let (_dow, mon, day, hms, off, year) = (
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
    );
    if it.next().is_some() {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = MONTHS.iter().position(|x| x.eq_ignore_ascii_case(mon))? as u32 + 1;
    let d: u32 = day.parse().ok()?;
    let y: i64 = year.parse().ok()?;
    let hb = hms.as_bytes();
    if hb.len() != 8 || hb[2] != b':' || hb[5] != b':' {
        return None;
    }
    let (h, mi, sec) = (digits(&hb[0..2])?, digits(&hb[3..5])?, digits(&hb[6..8])?);
    if d == 0 || d > days_in_month(y, m) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let ob = off.as_bytes();
    if ob.len() != 5 || !(ob[0] == b'+' || ob[0] == b'-') {
        return None;
    }
    let (oh, om) = (digits(&ob[1..3])?, digits(&ob[3..5])?);
    let o = (oh * 3600 + om * 60) as i64;
    let o = if ob[0] == b'-' { -o } else { o };
    let ts = days_from_civil(y, m, d) * 86400 + (h * 3600 + mi * 60 + sec.min(59)) as i64 - o;
    (MIN_TS..MAX_TS).contains(&ts).then_some(ts)
}

/// What the fast path recognised.
enum Fast {
    /// Seconds since the epoch, offset applied.
    Utc(i64),
    /// A naive local date-time: (days, seconds of day).
    Naive(i64, i64),
}

fn parse_fast(s: &str) -> Result<Option<Fast>, String> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return Ok(None);
    }
    let (Some(y), Some(mo), Some(d)) = (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return Ok(None);
    };
    let y = y as i64;
    if !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y, mo) {
        return Err("no such date".into());
    }
    let days = days_from_civil(y, mo, d);
    if b.len() == 10 {
        return Ok(Some(Fast::Naive(days, 0)));
    }
    if b.len() < 16 || !(b[10] == b'T' || b[10] == b't' || b[10] == b' ') || b[13] != b':' {
        return Ok(None);
    }
    let (Some(h), Some(mi)) = (digits(&b[11..13]), digits(&b[14..16])) else {
        return Ok(None);
    };
    let mut i = 16;
    let mut sec = 0;
    if b.len() >= 19 && b[16] == b':' {
        let Some(s2) = digits(&b[17..19]) else {
            return Ok(None);
        };
        sec = s2;
        i = 19;
        if i < b.len() && (b[i] == b'.' || b[i] == b',') {
            i += 1;
            let st = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == st {
                return Ok(None);
            }
        }
    }
    if h > 23 || mi > 59 || sec > 60 {
        return Err("no such time of day".into());
    }
    let sod = (h * 3600 + mi * 60 + sec.min(59)) as i64;
    let rest = &b[i..];
    match rest {
        [] => Ok(Some(Fast::Naive(days, sod))),
        [b'Z'] | [b'z'] => Ok(Some(Fast::Utc(days * 86400 + sod))),
        [sign @ (b'+' | b'-'), oh1, oh2, tail @ ..] => {
            let Some(oh) = digits(&[*oh1, *oh2]) else {
                return Ok(None);
            };
            let om = match tail {
                [] => 0,
                [b':', m1, m2] | [m1, m2] => match digits(&[*m1, *m2]) {
                    Some(v) => v,
                    None => return Ok(None),
                },
                _ => return Ok(None),
            };
            if oh > 23 || om > 59 {
                return Err("no such UTC offset".into());
            }
            let off = (oh * 3600 + om * 60) as i64;
            let off = if *sign == b'-' { -off } else { off };
            Ok(Some(Fast::Utc(days * 86400 + sod - off)))
        }
        _ => Ok(None),
    }
}

impl TimeParser {
    /// A parser for RFC 3339 and naive date-times in UTC.
    pub fn utc() -> TimeParser {
        TimeParser {
            tz: TimeZone::UTC,
            format: None,
        }
    }

    /// Parses one timestamp into Unix seconds, or says what was expected.
    ///
    /// Accepted without a format: RFC 3339 (`2026-03-01T09:30:00Z`, `+01:00` offsets,
    /// fractions), the same with a space for `T`, naive date-times and dates (read in the
    /// configured zone), Unix epoch seconds (9–10 digits) or milliseconds (12–13 digits), and
    /// the X/Twitter date format (`Fri Mar 06 13:02:05 +0000 2026`).
    pub fn parse(&self, s: &str) -> Result<i64, String> {
        let s = s.trim();
        let ts = if let Some(f) = &self.format {
            self.parse_with_format(s, f)?
        } else {
            match parse_fast(s) {
                Ok(Some(Fast::Utc(t))) => t,
                Ok(Some(Fast::Naive(days, sod))) => {
                    if self.tz == TimeZone::UTC {
                        days * 86400 + sod
                    } else {
                        let dt: DateTime = s
                            .get(..s.len().min(19))
                            .unwrap_or(s)
                            .replace(' ', "T")
                            .parse::<DateTime>()
                            .or_else(|_| {
                                s.parse::<jiff::civil::Date>()
                                    .map(|d| d.to_datetime(jiff::civil::Time::midnight()))
                            })
                            .map_err(|e| e.to_string())?;
                        dt.to_zoned_datetime(self.tz.clone())
                            .map_err(|e| e.to_string())?
                            .timestamp()
                            .as_second()
                    }
                }
                Err(e) => {
                    return Err(format!(
                        "{e}: expected an RFC 3339 timestamp such as 2026-03-01T09:30:00Z"
                    ));
                }
                Ok(None) => {
                    let all_digits = !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
                    if all_digits && (9..=10).contains(&s.len()) {
                        s.parse::<i64>().map_err(|e| e.to_string())?
                    } else if all_digits && (12..=13).contains(&s.len()) {
                        s.parse::<i64>().map_err(|e| e.to_string())? / 1000
                    } else if let Ok(t) = s.parse::<Timestamp>() {
                        t.as_second()
                    } else if let Some(t) = parse_twitter_date(s) {
                        t
                    } else {
                        return Err("expected an RFC 3339 timestamp such as 2026-03-01T09:30:00Z, a date-time `2026-03-01 09:30`, or set `<column>_format` in honeycomb.toml".into());
                    }
                }
            }
        };
        if !(MIN_TS..MAX_TS).contains(&ts) {
            return Err("out of range: expected a time between 1900 and 2199".into());
        }
        Ok(ts)
    }

    fn parse_with_format(&self, s: &str, f: &str) -> Result<i64, String> {
        let expect = || format!("expected the format `{f}` (set in honeycomb.toml)");
        let parsed = jiff::fmt::strtime::parse(f, s).map_err(|_| expect())?;
        if parsed.offset().is_some() {
            return parsed
                .to_timestamp()
                .map(|t| t.as_second())
                .map_err(|_| expect());
        }
        let dt = parsed.to_datetime().map_err(|_| expect())?;
        dt.to_zoned_datetime(self.tz.clone())
            .map(|z| z.timestamp().as_second())
            .map_err(|e| e.to_string())
    }
}

/// Converts UTC seconds to the local weekday (Monday = 0) and hour in a zone, caching the
/// zone's offset per quarter hour (offset changes happen on quarter-hour boundaries).
#[derive(Debug)]
pub struct LocalClock {
    tz: TimeZone,
    key: i64,
    offset: i64,
}

impl LocalClock {
    /// A clock for `tz`.
    pub fn new(tz: TimeZone) -> LocalClock {
        LocalClock {
            tz,
            key: i64::MIN,
            offset: 0,
        }
    }

    /// Local time as seconds since the epoch in local wall-clock terms.
    pub fn local_seconds(&mut self, ts: i64) -> i64 {
        let key = ts.div_euclid(900);
        if key != self.key {
            self.key = key;
            self.offset = Timestamp::from_second(ts)
                .map(|t| self.tz.to_offset(t).seconds() as i64)
                .unwrap_or(0);
        }
        ts + self.offset
    }

    /// Local weekday (Monday = 0) and hour (0–23).
    pub fn weekday_hour(&mut self, ts: i64) -> (usize, usize) {
        let l = self.local_seconds(ts);
        let days = l.div_euclid(86400);
        // 1970-01-01 was a Thursday (3 when Monday = 0).
        let wd = (days + 3).rem_euclid(7) as usize;
        let hour = (l.rem_euclid(86400) / 3600) as usize;
        (wd, hour)
    }

    /// Local calendar day number (days since 1970-01-01 in local time).
    pub fn local_day(&mut self, ts: i64) -> i64 {
        self.local_seconds(ts).div_euclid(86400)
    }

    /// The local date of `ts` as `YYYY-MM-DD`.
    pub fn local_date(&mut self, ts: i64) -> String {
        iso_date(self.local_day(ts))
    }
}

/// A day number since 1970-01-01 as `YYYY-MM-DD`.
pub fn iso_date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day number since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`): `(year, month, day)`.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + (m <= 2) as i64;
    (y, m, d)
}

/// Formats Unix seconds as RFC 3339 UTC (`2026-03-01T09:30:00Z`).
pub fn rfc3339(ts: i64) -> String {
    let mut s = String::with_capacity(20);
    push_rfc3339(&mut s, ts);
    s
}

/// Appends Unix seconds as RFC 3339 UTC (`2026-03-01T09:30:00Z`) to `out`.
pub fn push_rfc3339(out: &mut String, ts: i64) {
    use std::fmt::Write;
    let (y, m, d) = civil_from_days(ts.div_euclid(86_400));
    let sod = ts.rem_euclid(86_400);
    let _ = write!(
        out,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        sod / 3600,
        sod / 60 % 60,
        sod % 60
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(days_from_civil(2026, 2, 28)), "2026-02-28");
        // 23:30 UTC on 31 March 2026 is already 1 April in Amsterdam (summer time, +2).
        let tz = TimeZone::get("Europe/Amsterdam").expect("tz");
        let ts = days_from_civil(2026, 3, 31) * 86_400 + 23 * 3_600 + 1_800;
        assert_eq!(LocalClock::new(tz).local_date(ts), "2026-04-01");
        assert_eq!(LocalClock::new(TimeZone::UTC).local_date(ts), "2026-03-31");
    }

    #[test]
    fn rfc3339_and_friends() {
        let p = TimeParser::utc();
        assert_eq!(p.parse("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(p.parse("2024-02-29T12:00:00Z"), Ok(1_709_208_000));
        assert_eq!(p.parse("2024-02-29T13:00:00+01:00"), Ok(1_709_208_000));
        assert_eq!(p.parse("2024-02-29 12:00:00.123Z"), Ok(1_709_208_000));
        assert_eq!(p.parse("2024-02-29 12:00"), Ok(1_709_208_000));
        assert_eq!(p.parse("1709208000"), Ok(1_709_208_000));
        assert_eq!(p.parse("1709208000123"), Ok(1_709_208_000));
        assert!(p.parse("2023-02-29T00:00:00Z").is_err());
        assert!(p.parse("2024-13-01T00:00:00Z").is_err());
        assert!(p.parse("yesterday").is_err());
        assert!(
            p.parse("2300-01-01T00:00:00Z")
                .expect_err("out of range")
                .contains("out of range")
        );
    }

    #[test]
    fn naive_times_use_the_zone_and_formats_work() {
        let ams = TimeZone::get("Europe/Amsterdam").expect("tz");
        let p = TimeParser {
            tz: ams.clone(),
            format: None,
        };
        // Summer time: +02:00.
        assert_eq!(p.parse("2024-07-01 14:00:00"), Ok(1_719_835_200));
        let p = TimeParser {
            tz: ams,
            format: Some("%d/%m/%Y %H:%M".into()),
        };
        assert_eq!(p.parse("01/07/2024 14:00"), Ok(1_719_835_200));
        assert!(
            p.parse("2024-07-01 14:00")
                .expect_err("wrong format")
                .contains("%d/%m/%Y")
        );
        let p = TimeParser {
            tz: TimeZone::UTC,
            format: Some("%a %b %d %H:%M:%S %z %Y".into()),
        };
        assert_eq!(p.parse("Mon Jul 01 14:00:00 +0200 2024"), Ok(1_719_835_200));
    }

    #[test]
    fn rfc3339_formatting_matches_parsing() {
        let p = TimeParser::utc();
        for s in [
            "1970-01-01T00:00:00Z",
            "2024-02-29T23:59:59Z",
            "1900-03-01T12:00:00Z",
            "2199-12-31T00:00:01Z",
            "2000-02-29T06:07:08Z",
        ] {
            let ts = p.parse(s).expect("parse");
            assert_eq!(rfc3339(ts), s);
            assert_eq!(
                Timestamp::from_second(ts)
                    .expect("ts")
                    .strftime("%Y-%m-%dT%H:%M:%SZ")
                    .to_string(),
                s
            );
        }
    }

    #[test]
    fn local_clock_matches_jiff() {
        let tz = TimeZone::get("Europe/Amsterdam").expect("tz");
        let mut c = LocalClock::new(tz.clone());
        for ts in [
            0i64,
            1_711_846_799,
            1_711_846_800,
            1_729_990_000,
            1_730_000_000,
        ] {
            let z = Timestamp::from_second(ts)
                .expect("ts")
                .to_zoned_datetime(tz.clone());
            let (wd, h) = c.weekday_hour(ts);
            assert_eq!(wd as i8, z.weekday().to_monday_zero_offset(), "{ts}");
            assert_eq!(h as i8, z.hour(), "{ts}");
        }
    }
}
