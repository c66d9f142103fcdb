//! Dates of documents, which are often known only to the month or year.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ModelError;

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a press clipping dated "2018-11" must not get a fake day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DocDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl DocDate {
    /// Parses one of the three accepted forms; a day must exist in the calendar.
    pub fn parse(text: &str) -> Result<Self, ModelError> {
        let bad = || ModelError::BadDate(text.to_owned());
        let parts: Vec<&str> = text.trim().split('-').collect();
        let num = |s: &str, len: usize| -> Result<u32, ModelError> {
            if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            s.parse().map_err(|_| bad())
        };
        let date = match parts.as_slice() {
            [y] => Self {
                year: i32::try_from(num(y, 4)?).map_err(|_| bad())?,
                month: None,
                day: None,
            },
            [y, m] => {
                let month = num(m, 2)?;
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                Self {
                    year: i32::try_from(num(y, 4)?).map_err(|_| bad())?,
                    month: Some(month),
                    day: None,
                }
            }
            [y, m, d] => {
                let year = i32::try_from(num(y, 4)?).map_err(|_| bad())?;
                let (month, day) = (num(m, 2)?, num(d, 2)?);
                NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)?;
                Self {
                    year,
                    month: Some(month),
                    day: Some(day),
                }
            }
            _ => return Err(bad()),
        };
        Ok(date)
    }

    /// The year, which every date has.
    #[must_use]
    pub fn year(self) -> i32 {
        self.year
    }
}

impl fmt::Display for DocDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl TryFrom<String> for DocDate {
    type Error = ModelError;
    fn try_from(value: String) -> Result<Self, ModelError> {
        Self::parse(&value)
    }
}

impl From<DocDate> for String {
    fn from(d: DocDate) -> String {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_round_trip() {
        for s in ["2018", "2018-11", "2018-11-12"] {
            assert_eq!(DocDate::parse(s).expect(s).to_string(), s);
        }
        for s in ["", "18", "2018-13", "2018-02-30", "2018/11/12", "2018-1"] {
            assert!(DocDate::parse(s).is_err(), "{s}");
        }
    }
}
