//! The briefing as one printable page with large type, for a projector at the meeting: no
//! script, no file beside it, every text escaped. The sparkline and the balance are bars drawn
//! with CSS, each with its number written out (a printout in grey still reads).
use super::{
    balance_months, balance_name, balance_note, balance_title, heading, sections, spark_summary,
    Tone,
};
use crate::domain::briefing::Briefing;
use crate::i18n::{lang, number, tf, Lang, Msg};
use crate::interop::bulletin::{html_escape as esc, html_page_start};

const STYLE: &str = "body{font-family:Arial,Helvetica,sans-serif;font-size:22px;line-height:1.35;color:#111;max-width:60em;margin:1em auto;padding:0 1em}\
h1{font-size:1.8em;margin:.2em 0 .6em;border-bottom:3px solid #111}\
h2{font-size:1.25em;margin:1.1em 0 .3em}\
h2 .resumen{font-weight:normal;color:#333}\
section.alerta h2{color:#a00}\
ul{margin:0;padding:0;list-style:none}\
li{margin:.3em 0;display:grid;grid-template-columns:6.5em 1fr;column-gap:.5em}\
.cuando{font-weight:bold;white-space:nowrap}\
.que{min-width:0;overflow-wrap:anywhere}\
.marca{color:#a00;font-weight:bold}.que .marca{white-space:nowrap}\
.marca.quieta{color:#555;font-weight:normal}\
.nota{display:block;color:#444;font-size:.85em}\
.chispa{display:flex;align-items:flex-end;gap:4px;height:4em;margin:1.4em 0 .3em}\
.chispa div{flex:1;background:#246;min-height:1px;position:relative}\
.chispa div span{position:absolute;top:-1.3em;width:100%;text-align:center;font-size:.6em}\
.dias{display:flex;gap:4px;font-size:.55em;color:#444}.dias span{flex:1;text-align:center}\
table{border-collapse:collapse;width:100%}\
td,th{padding:.15em .4em;text-align:left;vertical-align:middle}\
th{font-size:.8em;color:#333}\
td.n{text-align:right;width:2.5em}\
td.b{width:28%}\
.barra{height:.8em;background:#246;display:block}\
.barra.antes{background:#999}\
tr.cero td.area,tr.cero td.n:nth-child(2){color:#a00}\
@page{size:letter;margin:1.5cm}@media print{body{font-size:16px;max-width:none;margin:0}}";

/// The whole page.
pub fn render(b: &Briefing) -> String {
    let title = heading(b);
    let code = match lang() {
        Lang::Es => "es-MX",
        Lang::En => "en",
    };
    let mut out = html_page_start(code, &title, STYLE, true);
    out.push_str(&format!("<h1>{}</h1>\n</header>\n<main>\n", esc(&title)));
    for s in sections(b) {
        let class = if s.alert { " class=\"alerta\"" } else { "" };
        out.push_str(&format!(
            "<section id=\"{}\"{class}>\n<h2>{} <span class=\"resumen\">— {}</span></h2>\n",
            s.id.code(),
            esc(&s.title),
            esc(&s.summary)
        ));
        if !s.items.is_empty() {
            out.push_str("<ul>\n");
            for item in &s.items {
                let flag = if item.flag.is_empty() {
                    String::new()
                } else {
                    let quiet = if item.tone == Tone::Alert {
                        ""
                    } else {
                        " quieta"
                    };
                    format!(" <span class=\"marca{quiet}\">{}</span>", esc(&item.flag))
                };
                let note = if item.note.is_empty() {
                    String::new()
                } else {
                    format!("<span class=\"nota\">{}</span>", esc(&item.note))
                };
                out.push_str(&format!(
                    "<li><span class=\"cuando\">{}</span><span class=\"que\">{}{flag}{note}</span></li>\n",
                    esc(&item.when),
                    esc(&item.text)
                ));
            }
            if s.more > 0 {
                out.push_str(&format!(
                    "<li><span class=\"cuando\"></span><span class=\"que\">{}</span></li>\n",
                    esc(&tf(Msg::BriefMoreItems, &[&number(s.more)]))
                ));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    spark(b, &mut out);
    balance(b, &mut out);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Percent of `max`, at least a sliver for any value above 0.
fn percent(value: u64, max: u64) -> u64 {
    if max == 0 || value == 0 {
        0
    } else {
        (value * 100 / max).max(2)
    }
}

fn spark(b: &Briefing, out: &mut String) {
    let max = b.spark.iter().map(|(_, n)| *n).max().unwrap_or(0);
    out.push_str(&format!(
        "<section id=\"publicaciones\">\n<h2>{}</h2>\n<div class=\"chispa\">",
        esc(&spark_summary(b))
    ));
    for (_, n) in &b.spark {
        out.push_str(&format!(
            "<div style=\"height:{}%\"><span>{}</span></div>",
            percent(*n, max),
            number(*n)
        ));
    }
    out.push_str("</div>\n<div class=\"dias\">");
    for (day, _) in &b.spark {
        out.push_str(&format!(
            "<span>{}</span>",
            esc(&super::short_day(&day.to_string()))
        ));
    }
    out.push_str("</div>\n</section>\n");
}

fn balance(b: &Briefing, out: &mut String) {
    let (this, last) = balance_months(b);
    let max = b.balance_max();
    out.push_str(&format!(
        "<section id=\"balance\">\n<h2>{}</h2>\n<table>\n<tr><th></th><th colspan=\"2\">{}</th><th colspan=\"2\">{}</th></tr>\n",
        esc(&balance_title(b)),
        esc(&this),
        esc(&last)
    ));
    for r in &b.balance {
        let class = if r.this_month == 0 {
            " class=\"cero\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<tr{class}><td class=\"area\">{}</td><td class=\"n\">{}</td><td class=\"b\"><span class=\"barra\" style=\"width:{}%\"></span></td>\
             <td class=\"n\">{}</td><td class=\"b\"><span class=\"barra antes\" style=\"width:{}%\"></span></td></tr>\n",
            esc(balance_name(r)),
            number(r.this_month),
            percent(r.this_month, max),
            number(r.last_month),
            percent(r.last_month, max)
        ));
    }
    out.push_str("</table>\n");
    if let Some(note) = balance_note(b) {
        out.push_str(&format!("<p class=\"marca\">{}</p>\n", esc(&note)));
    }
    out.push_str("</section>\n");
}
