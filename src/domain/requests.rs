//! Requests for information: the text sent to each department, filled from the office's
//! template. The template is the user's own text; its blanks are named in Spanish because the
//! person who edits it reads them.
use chrono::NaiveDate;

use super::status::Via;

/// The blanks a request template may hold, and what fills them.
pub const BLANKS: &[&str] = &[
    "{area}",
    "{titular}",
    "{enlace}",
    "{tema}",
    "{fecha_limite}",
];

/// What fills a template's blanks for one department.
#[derive(Debug, Clone, Default)]
pub struct Filling<'a> {
    /// The department's name.
    pub area: &'a str,
    /// Its head (or the department's name when nobody is recorded).
    pub head: &'a str,
    /// Who sends the information (or the head).
    pub liaison: &'a str,
    pub topic: &'a str,
    /// The due date as the user reads it ("viernes 14 de marzo de 2025").
    pub due: &'a str,
}

/// The text of one request: the template with its blanks filled. A blank with nothing to put
/// in it falls back to the department (so a greeting never reads "Estimado(a) ,").
pub fn fill(template: &str, f: &Filling<'_>) -> String {
    let or = |v: &str, fallback: &str| -> String {
        if v.trim().is_empty() {
            fallback.to_owned()
        } else {
            v.trim().to_owned()
        }
    };
    let head = or(f.head, f.area);
    let liaison = or(f.liaison, &head);
    let values = [
        f.area.trim(),
        head.as_str(),
        liaison.as_str(),
        f.topic.trim(),
        f.due.trim(),
    ];
    // One pass: what fills a blank is never read again as a blank.
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match BLANKS.iter().position(|b| rest.starts_with(b)) {
            Some(i) => {
                out.push_str(values[i]);
                rest = &rest[BLANKS[i].len()..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A request round: one request to every active department, each with the template filled
/// for it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundInput {
    pub topic: String,
    pub sent_on: String,
    pub due_on: String,
    /// The due date as the user reads it, for the `{fecha_limite}` blank.
    pub due_text: String,
    pub channel: Option<Via>,
    /// The template (kept as the office's for the next round).
    pub template: String,
}

/// Whether a pending request is past its due date on `today`.
pub fn overdue(due_on: &str, today: NaiveDate) -> bool {
    NaiveDate::parse_from_str(due_on, "%Y-%m-%d")
        .map(|d| d < today)
        .unwrap_or(false)
}

/// The median of a list of day counts (the mean of the middle two when even); `None` when empty.
pub fn median_days(mut days: Vec<i64>) -> Option<f64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let mid = days.len() / 2;
    Some(if days.len().is_multiple_of(2) {
        (days[mid - 1] + days[mid]) as f64 / 2.0
    } else {
        days[mid] as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_filled_and_empty_blanks_fall_back_to_the_department() {
        let f = Filling {
            area: "Obras Públicas",
            head: "",
            liaison: "",
            topic: "Acciones de marzo",
            due: "viernes 14 de marzo de 2025",
        };
        assert_eq!(
            fill("Estimado(a) {titular}, {enlace}: {tema} antes del {fecha_limite}.", &f),
            "Estimado(a) Obras Públicas, Obras Públicas: Acciones de marzo antes del viernes 14 de marzo de 2025."
        );
        let f = Filling {
            head: "Ing. Rosa Martínez",
            ..f
        };
        assert_eq!(
            fill("{titular} ({area})", &f),
            "Ing. Rosa Martínez (Obras Públicas)"
        );
    }

    #[test]
    fn what_fills_a_blank_is_not_filled_again() {
        let f = Filling {
            area: "Área {titular}",
            head: "",
            liaison: "",
            topic: "{fecha_limite}|{titular}",
            due: "mañana",
        };
        assert_eq!(
            fill("{tema} · {area} · {fecha_limite} · {otro} {", &f),
            "{fecha_limite}|{titular} · Área {titular} · mañana · {otro} {"
        );
    }

    #[test]
    fn overdue_is_strictly_after_the_due_day() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(!overdue("2025-03-06", d("2025-03-06")));
        assert!(overdue("2025-03-05", d("2025-03-06")));
        assert!(!overdue("", d("2025-03-06")));
    }

    #[test]
    fn the_median_of_even_and_odd_lists() {
        assert_eq!(median_days(vec![]), None);
        assert_eq!(median_days(vec![5, 1, 3]), Some(3.0));
        assert_eq!(median_days(vec![4, 1, 3, 2]), Some(2.5));
    }
}
