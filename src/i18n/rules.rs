//! Recurrence rules as people read them: "cada semana: lunes y miércoles · 12 veces".
use chrono::Weekday;

use super::{lang, short_date, t, tf, weekday_name, Lang, Msg};
use crate::domain::recurrence::RuleParts;

fn weekday(code: &str) -> Option<Weekday> {
    // A BYDAY value may carry an ordinal: "1MO" (the first Monday), "-1FR" (the last Friday).
    let code = code.trim_start_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

/// "a, b y c" / "a, b and c".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let and = match lang() {
                Lang::Es => "y",
                Lang::En => "and",
            };
            format!("{} {and} {last}", rest.join(", "))
        }
    }
}

/// How a series repeats, in words; the rule itself when it says more than that.
pub fn describe_rule(rule: &str) -> String {
    if rule.is_empty() {
        return t(Msg::RepeatNone).to_owned();
    }
    let parts = RuleParts::split(rule);
    let mut freq = None;
    let mut interval = 1u32;
    let mut days = Vec::new();
    let mut unknown = false;
    for (key, value) in parts.fields() {
        match key {
            "FREQ" => freq = Some(value),
            "INTERVAL" => interval = value.parse().unwrap_or(1),
            "BYDAY" => {
                for d in value.split(',') {
                    match weekday(d) {
                        Some(w) => days.push(weekday_name(w).to_owned()),
                        None => unknown = true,
                    }
                }
            }
            "WKST" => {}
            _ => unknown = true,
        }
    }
    let how = match (freq, interval) {
        (Some("DAILY"), 1) => t(Msg::RuleDaily).to_owned(),
        (Some("DAILY"), n) => tf(Msg::RuleEveryNDays, &[&n]),
        (Some("WEEKLY"), 1) => t(Msg::RuleWeekly).to_owned(),
        (Some("WEEKLY"), n) => tf(Msg::RuleEveryNWeeks, &[&n]),
        (Some("MONTHLY"), 1) => t(Msg::RuleMonthly).to_owned(),
        (Some("MONTHLY"), n) => tf(Msg::RuleEveryNMonths, &[&n]),
        (Some("YEARLY"), 1) => t(Msg::RuleYearly).to_owned(),
        _ => return rule.to_owned(),
    };
    if unknown {
        return format!("{how} ({rule})");
    }
    let mut out = how;
    if !days.is_empty() {
        out.push_str(&format!(": {}", listed(&days)));
    }
    if let Some(until) = parts.until {
        out.push_str(&format!(" · {}", tf(Msg::RuleUntil, &[&short_date(until)])));
    } else if let Some(n) = parts.count {
        out.push_str(&format!(" · {}", tf(Msg::RuleTimes, &[&n])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_read_in_spanish() {
        assert_eq!(
            describe_rule("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=12"),
            "cada semana: lunes y miércoles · 12 veces"
        );
        assert_eq!(
            describe_rule("FREQ=DAILY;UNTIL=20250531T235959"),
            "cada día · hasta el 31/05/2025"
        );
        assert_eq!(describe_rule("FREQ=WEEKLY;INTERVAL=2"), "cada 2 semanas");
        assert_eq!(
            describe_rule("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR"),
            "cada mes (FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR)"
        );
        assert_eq!(describe_rule("FREQ=HOURLY"), "FREQ=HOURLY");
    }
}
