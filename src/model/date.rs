//! Calendar dates of known precision (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).

use std::fmt;

/// A real calendar date known to the year, the month or the day.
///
/// Curated sources often date an event only to the month ("this week", "in February"), so the
/// precision is kept rather than guessed. A partial date stands for an interval of days:
/// `2017-02` is 2017-02-01 to 2017-02-28. Filters compare intervals (see [`PartialDate::first_day`]
/// and [`PartialDate::last_day`]). Ordering is by first day, then by precision (coarser first).
///
/// ```
/// use powermap::model::PartialDate;
/// let d: PartialDate = "2017-02".parse().unwrap();
/// assert_eq!(d.to_string(), "2017-02");
/// assert_eq!(d.last_day().to_string(), "2017-02-28");
/// assert!("2017-13-45".parse::<PartialDate>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: u16,
    /// 0 when only the year is known.
    month: u8,
    /// 0 when only the year or the month is known.
    day: u8,
}

impl PartialDate {
    /// A full date, if it exists in the proleptic Gregorian calendar.
    pub fn ymd(year: u16, month: u8, day: u8) -> Option<PartialDate> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(PartialDate { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1-12), if known.
    pub fn month(&self) -> Option<u8> {
        (self.month != 0).then_some(self.month)
    }

    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        (self.day != 0).then_some(self.day)
    }

    /// The earliest day this date can denote.
    pub fn first_day(&self) -> PartialDate {
        PartialDate {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The latest day this date can denote.
    pub fn last_day(&self) -> PartialDate {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        PartialDate {
            year: self.year,
            month,
            day,
        }
    }

    /// Days since 0001-01-01 of [`PartialDate::first_day`]; handy for spans and bins.
    pub fn ordinal(&self) -> i64 {
        let d = self.first_day();
        let y = d.year as i64 - 1;
        let mut days = y * 365 + y / 4 - y / 100 + y / 400;
        for m in 1..d.month {
            days += days_in_month(d.year, m) as i64;
        }
        days + d.day as i64 - 1
    }
}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Byte-level parsing without allocation: this runs once per relation row.
        let b = s.as_bytes();
        let shape_ok = matches!(b.len(), 4 | 7 | 10)
            && b.iter().enumerate().all(|(i, &c)| {
                if i == 4 || i == 7 {
                    c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !shape_ok {
            return Err(DateError(
                "not of the form YYYY, YYYY-MM or YYYY-MM-DD".into(),
            ));
        }
        let count = (b.len() - 1) / 3;
        let digits =
            |r: std::ops::Range<usize>| b[r].iter().fold(0u16, |a, &c| a * 10 + (c - b'0') as u16);
        let parts = [
            digits(0..4),
            if count > 1 { digits(5..7) } else { 0 },
            if count > 2 { digits(8..10) } else { 0 },
        ];
        let num = |i: usize| parts[i];
        let year = num(0);
        if year == 0 {
            return Err(DateError("year 0000 does not exist".into()));
        }
        match count {
            1 => Ok(PartialDate {
                year,
                month: 0,
                day: 0,
            }),
            2 => {
                let month = num(1) as u8;
                if !(1..=12).contains(&month) {
                    return Err(DateError(format!("month {month:02} does not exist")));
                }
                Ok(PartialDate {
                    year,
                    month,
                    day: 0,
                })
            }
            _ => {
                let (month, day) = (num(1) as u8, num(2) as u8);
                if !(1..=12).contains(&month) {
                    return Err(DateError(format!("month {month:02} does not exist")));
                }
                PartialDate::ymd(year, month, day)
                    .ok_or_else(|| DateError(format!("{year:04}-{month:02} has no day {day:02}")))
            }
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_rejects_impossible_dates() {
        assert_eq!("2017".parse::<PartialDate>().unwrap().to_string(), "2017");
        assert_eq!("2016-02-29".parse::<PartialDate>().unwrap().day(), Some(29));
        for bad in [
            "2017-13-45",
            "2017-02-29",
            "1900-02-29",
            "17-02-01",
            "2017-2-1",
            "",
            "2017-00",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn intervals_and_ordinals() {
        let m: PartialDate = "2016-02".parse().unwrap();
        assert_eq!(m.last_day().to_string(), "2016-02-29");
        let a: PartialDate = "2017-01-01".parse().unwrap();
        let b: PartialDate = "2016-12-31".parse().unwrap();
        assert_eq!(a.ordinal() - b.ordinal(), 1);
        assert_eq!("0001-01-01".parse::<PartialDate>().unwrap().ordinal(), 0);
    }
}
