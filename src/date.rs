//! Dates that may be a day, a month or a year.
//!
//! Council papers date things loosely ("2013", "September 2015"). A partial
//! date stands for the whole period it names; comparisons say whether one
//! period is wholly before, wholly after, or overlapping another, so a
//! verdict that hangs on the overlap can say so instead of guessing.

use std::cmp::Ordering;
use std::fmt;

/// How precise a [`PartialDate`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// A whole year: `2013`.
    Year,
    /// A whole month: `2016-03`.
    Month,
    /// One day: `2016-03-01`.
    Day,
}

/// A calendar date known to a year, a month or a day.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Malformed,
    /// A month outside 1–12.
    NoSuchMonth(u32),
    /// A day the month does not have (`2019-02-30`).
    NoSuchDay {
        /// The day written.
        day: u32,
        /// How many days the month has.
        days_in_month: u8,
    },
}

/// A plain calendar day, used for period arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

/// How two periods lie relative to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// Every day of the first is before every day of the second.
    Before,
    /// Every day of the first is after every day of the second.
    After,
    /// The periods share at least one day, so which came first is not
    /// known from the dates alone.
    Overlapping,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, refusing dates that do not
    /// exist.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let mut parts = text.split('-');
        let year = parse_part(parts.next(), 4)?;
        let month = parts.next().map(|part| parse_part(Some(part), 2)).transpose()?;
        let day = parts.next().map(|part| parse_part(Some(part), 2)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Malformed);
        }
        let year = i32::try_from(year).map_err(|_| DateError::Malformed)?;
        let month = match month {
            None => None,
            Some(month @ 1..=12) => Some(u8::try_from(month).map_err(|_| DateError::Malformed)?),
            Some(other) => return Err(DateError::NoSuchMonth(other)),
        };
        let day = match (month, day) {
            (_, None) => None,
            (None, Some(_)) => return Err(DateError::Malformed),
            (Some(month), Some(day)) => {
                let days = days_in_month(year, month);
                if day == 0 || day > u32::from(days) {
                    return Err(DateError::NoSuchDay {
                        day,
                        days_in_month: days,
                    });
                }
                Some(u8::try_from(day).map_err(|_| DateError::Malformed)?)
            }
        };
        Ok(PartialDate { year, month, day })
    }

    /// A date precise to the day.
    pub fn from_day(day: Day) -> PartialDate {
        PartialDate {
            year: day.year,
            month: Some(day.month),
            day: Some(day.day),
        }
    }

    /// How precise the date is.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            (None, _) => Precision::Year,
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> Day {
        Day {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day of the period.
    pub fn last_day(self) -> Day {
        let month = self.month.unwrap_or(12);
        Day {
            year: self.year,
            month,
            day: self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        }
    }

    /// Where this period lies relative to `other`.
    pub fn relative_to(self, other: PartialDate) -> Relative {
        if self.last_day() < other.first_day() {
            Relative::Before
        } else if self.first_day() > other.last_day() {
            Relative::After
        } else {
            Relative::Overlapping
        }
    }

    /// Whether the period has begun by `day` (its first day is on or
    /// before it).
    pub fn begun_by(self, day: Day) -> bool {
        self.first_day() <= day
    }

    /// Whether the date is not precise to the day.
    pub fn is_partial(self) -> bool {
        self.precision() != Precision::Day
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn parse_part(part: Option<&str>, width: usize) -> Result<u32, DateError> {
    let part = part.ok_or(DateError::Malformed)?;
    if part.len() != width || !part.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(DateError::Malformed);
    }
    part.parse().map_err(|_| DateError::Malformed)
}

/// Written as its text (`2016-03`) and read back through
/// [`PartialDate::parse`], so a date read from serialised syntax trees is
/// checked as one read from a file is and can never be a day that does
/// not exist.
impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<PartialDate, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(|error| serde::de::Error::custom(format!("{text:?}: {error:?}")))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Day {
    /// The day `months` calendar months later, clamped to the end of a
    /// shorter month (31 January + 1 month is 28 or 29 February).
    pub fn add_months(self, months: u32) -> Day {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MAX);
        let month = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(12);
        Day {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Day {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|duration| duration.as_secs())
            .unwrap_or(0);
        Day::from_days_since_epoch(i64::try_from(seconds / 86_400).unwrap_or(0))
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Day {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }
}

/// Whether something held as at a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Holding {
    /// It held.
    Yes,
    /// It did not.
    No,
    /// The dates given cannot tell.
    Unknown(Uncertainty),
}

/// Why whether something held cannot be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Uncertainty {
    /// It began at a date known only to the period given.
    Began(PartialDate),
    /// It stopped at a date known only to the period given.
    Stopped(PartialDate),
    /// One of its ends is `unknown`.
    UnknownDate,
    /// The paper says it possibly held.
    Possibly,
}

impl Holding {
    /// The weaker of two: `No` before `Unknown` before `Yes`, so a fact of
    /// an entity holds no more surely than the entity exists.
    pub fn and(self, other: Holding) -> Holding {
        match (self, other) {
            (Holding::No, _) | (_, Holding::No) => Holding::No,
            (Holding::Unknown(why), _) | (_, Holding::Unknown(why)) => Holding::Unknown(why),
            (Holding::Yes, Holding::Yes) => Holding::Yes,
        }
    }

    /// Whether it may have held (yes or unknown).
    pub fn possible(self) -> bool {
        self != Holding::No
    }
}

/// The opposite: it held exactly when this did not, unknown staying
/// unknown.
impl std::ops::Not for Holding {
    type Output = Holding;

    fn not(self) -> Holding {
        match self {
            Holding::Yes => Holding::No,
            Holding::No => Holding::Yes,
            Holding::Unknown(why) => Holding::Unknown(why),
        }
    }
}

impl Day {
    /// The number of days since 1 January 1970 (negative before it).
    pub fn number(self) -> i64 {
        // Days from civil (the inverse of `from_days_since_epoch`).
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day a number of days after 1 January 1970.
    pub fn from_number(number: i64) -> Day {
        Day::from_days_since_epoch(number)
    }

    /// The day after.
    pub fn next(self) -> Day {
        Day::from_number(self.number() + 1)
    }

    /// The day before.
    pub fn previous(self) -> Day {
        if self.day > 1 {
            return Day {
                day: self.day - 1,
                ..self
            };
        }
        let (year, month) = if self.month > 1 {
            (self.year, self.month - 1)
        } else {
            (self.year.saturating_sub(1), 12)
        };
        Day {
            year,
            month,
            day: days_in_month(year, month),
        }
    }
}
