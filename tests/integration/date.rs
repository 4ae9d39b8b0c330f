//! Partial dates: reading, refusing dates that do not exist, comparing
//! periods, and calendar arithmetic.

use dcsc::date::{DateError, Day, PartialDate, Precision, Relative};

fn date(text: &str) -> PartialDate {
    match PartialDate::parse(text) {
        Ok(date) => date,
        Err(error) => panic!("{text}: {error:?}"),
    }
}

#[test]
fn reads_the_three_precisions() {
    assert_eq!(date("2013").precision(), Precision::Year);
    assert_eq!(date("2016-03").precision(), Precision::Month);
    assert_eq!(date("2016-03-01").precision(), Precision::Day);
    assert_eq!(date("2016-03").to_string(), "2016-03");
}

#[test]
fn refuses_dates_that_do_not_exist() {
    assert_eq!(
        PartialDate::parse("2019-02-30"),
        Err(DateError::NoSuchDay {
            day: 30,
            days_in_month: 28
        })
    );
    assert!(PartialDate::parse("2020-02-29").is_ok());
    assert_eq!(PartialDate::parse("2019-13"), Err(DateError::NoSuchMonth(13)));
    assert_eq!(PartialDate::parse("19-01"), Err(DateError::Malformed));
    assert_eq!(PartialDate::parse("2019-1-01"), Err(DateError::Malformed));
}

#[test]
fn a_partial_date_is_its_whole_period() {
    assert_eq!(date("2013").first_day().to_string(), "2013-01-01");
    assert_eq!(date("2016-02").last_day().to_string(), "2016-02-29");
    assert_eq!(date("2016-10").relative_to(date("2017")), Relative::Before);
    assert_eq!(date("2017").relative_to(date("2016-10")), Relative::After);
    assert_eq!(date("2016").relative_to(date("2016-10")), Relative::Overlapping);
    assert_eq!(date("2016-10-01").relative_to(date("2016-10")), Relative::Overlapping);
}

#[test]
fn months_are_added_on_the_calendar() {
    let day = date("2020-01-31").first_day();
    assert_eq!(day.add_months(1).to_string(), "2020-02-29");
    assert_eq!(day.add_months(12).to_string(), "2021-01-31");
    assert_eq!(Day::from_days_since_epoch(0).to_string(), "1970-01-01");
    assert_eq!(Day::from_days_since_epoch(20_414).to_string(), "2025-11-22");
}
