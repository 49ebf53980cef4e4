//! The office's monitoring in the demo: what the region's media published about the
//! municipality, and the citizens' questions on the office's pages, over the quarter up to the
//! reference date (over the whole span, ten times as many, in the benchmark dataset).
//!
//! Written after every other record, with ids of their own, and varied by the day and a small
//! hash — never by the demo's random sequence: the rest of the demo is the same with or
//! without them. The outlets pick up some of the office's published releases and not others
//! (each at its own rate), and report on their own: mostly good or neutral news, about one
//! clipping in seven critical. The office answered most of the critical ones, some with a piece
//! of its own; the latest still wait. Questions are answered within hours, or a day or two
//! when a department has to say, mostly from a reusable answer edited for the case; the last
//! evening's wait, and a few older ones too.
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Weekday};

use super::{day, stamp, Gen};
use crate::domain::edit::{
    AnswerInput, ClippingInput, DistributionInput, DraftInput, PublicationInput, Record,
    VariantInput,
};
use crate::domain::ids::seed_id;
use crate::domain::reach::{Figures, Insights};
use crate::domain::status::{Channel, ClippingKind, DraftKind, DraftStatus, SendChannel, Tone};
use crate::store::seed::DEPARTMENTS;
use crate::store::{Result, Store, Tx};

mod questions;
mod texts;
use texts::{Story, ANSWERS, STORIES};

/// Weeks of monitoring in the realistic demo.
const WEEKS: i64 = 13;
/// How many times the realistic rates the benchmark dataset has.
const GRANDE_FACTOR: u64 = 10;
/// Questions written in one transaction.
const QUESTIONS_A_BATCH: usize = 2_000;
/// Releases picked up a week in the benchmark dataset (its releases are sampled to give it).
const GRANDE_PICK_UPS_A_WEEK: u64 = 37;

/// The share (percent) of the office's releases each outlet of the demo's list picks up, in
/// the list's order: the local radio reads nearly all of them, the state daily none.
const PICK_UP: [u64; 12] = [20, 70, 40, 10, 30, 20, 15, 0, 25, 0, 5, 0];

/// How often each outlet of the demo's list writes about the municipality on its own.
const OWN: [u64; 12] = [4, 4, 4, 2, 3, 2, 3, 1, 3, 1, 2, 2];

/// A published release of the office: id, title, day it came out, its department.
struct Release {
    id: String,
    title: String,
    on: NaiveDate,
    dept: String,
}

/// A clipping to write.
struct Clip {
    on: NaiveDate,
    /// Its place among the day's clippings.
    order: u64,
    outlet: usize,
    kind: ClippingKind,
    title: String,
    summary: String,
    topic: String,
    dept: Option<String>,
    tone: Tone,
    quoted: Option<String>,
    /// The story it tells, when the outlet wrote it on its own, and where.
    story: Option<usize>,
    loc: String,
}

/// SplitMix64's finaliser: the demo's variety without its random sequence.
fn mix(z: u64) -> u64 {
    let mut z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn hash(parts: &[u64]) -> u64 {
    parts.iter().fold(0x6d6f_6e69_746f_7265, |h, p| mix(h ^ p))
}

/// FNV-1a of a text (a release's id).
fn hash_text(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn day_number(date: NaiveDate) -> u64 {
    date.num_days_from_ce().max(0) as u64
}

fn minutes(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// The first moment at or after `t` when the office answers its pages: weekdays 8:00 to
/// 19:00, Saturdays 9:00 to 14:00, Sundays 10:00 to 13:00 (on guard); a message of the night is read in the morning, a few
/// minutes after opening.
fn office_time(t: NaiveDateTime, salt: u64) -> NaiveDateTime {
    let mut t = t;
    for _ in 0..8 {
        let hours = match t.date().weekday() {
            Weekday::Sun => Some((10, 13)),
            Weekday::Sat => Some((9, 14)),
            _ => Some((8, 19)),
        };
        if let Some((open, close)) = hours {
            if t.hour() < open {
                let opening = t.date().and_hms_opt(open, 0, 0).unwrap_or(t);
                return opening + Duration::minutes(5 + (salt % 50) as i64);
            }
            if t.hour() < close {
                return t;
            }
        }
        t = (t.date() + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .unwrap_or(t + Duration::days(1));
    }
    t
}

/// The department a topic's answer comes from, by its key.
fn topic_of(key: &str) -> &'static str {
    match key {
        "obras" => "Obras públicas",
        "agua" => "Agua potable",
        "salud" => "Salud",
        "seguridad" => "Seguridad",
        "dif" => "DIF",
        "educacion" => "Educación",
        "desarrollo-social" => "Apoyos sociales",
        "cultura" => "Feria y cultura",
        "deporte" => "Deporte",
        "proteccion-civil" => "Protección civil",
        "asuntos-indigenas" => "Comunidades tének",
        "mujer" => "Mujeres",
        "agropecuario" => "Campo",
        "ecologia" => "Medio ambiente",
        "tesoreria" => "Predial",
        "registro-civil" | "secretaria" => "Trámites",
        _ => "Gobierno municipal",
    }
}

/// A link's last part, from a title: `Llega el agua a La Lima` is `llega-el-agua-a-la-lima`.
fn slug(title: &str) -> String {
    crate::domain::text::fold(title)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(9)
        .collect::<Vec<_>>()
        .join("-")
}

impl Gen {
    /// The quarter's clippings and questions (the whole span's, in the benchmark dataset),
    /// and the reusable answers they start from.
    pub(super) fn monitoring(&mut self, store: &mut Store, start: NaiveDate) -> Result<()> {
        let reference = self.opts.reference;
        let from = if self.opts.grande {
            start
        } else {
            reference - Duration::weeks(WEEKS) + Duration::days(1)
        };
        let (answers, _) = store.batch("demo.monitoring", |tx| {
            let now = tx.time().to_owned();
            let answers = self.topic_answers(tx, from)?;
            self.clippings(tx, from)?;
            tx.set_time(&now);
            Ok(answers)
        })?;
        store.batch("demo.insights", |tx| {
            let now = tx.time().to_owned();
            self.insights(tx, reference - Duration::weeks(WEEKS) + Duration::days(1))?;
            tx.set_time(&now);
            Ok(())
        })?;
        // The questions a few thousand at a time (the benchmark dataset has tens of thousands).
        let plan = self.question_plan(from);
        for (n, chunk) in plan.chunks(QUESTIONS_A_BATCH).enumerate() {
            store.batch("demo.questions", |tx| {
                let now = tx.time().to_owned();
                self.questions(tx, n * QUESTIONS_A_BATCH, chunk, &answers)?;
                tx.set_time(&now);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// What Meta's insights said of the quarter's posts on Facebook and Instagram, read a week
    /// after each went out (as an import of the page's CSV leaves them): a release reaches more
    /// than a post; a few posts travel far.
    fn insights(&self, tx: &mut Tx<'_, '_>, from: NaiveDate) -> Result<()> {
        let reference = self.opts.reference;
        let posts: Vec<(String, String, String, String)> = {
            let mut stmt = tx.reader().prepare(
                "SELECT p.id, p.channel, p.published_at, coalesce(d.kind, '')
                 FROM publications p LEFT JOIN drafts d ON d.id = p.draft_id
                 WHERE p.deleted_at IS NULL AND p.channel IN ('facebook', 'instagram')
                   AND p.published_at >= ?1 AND p.published_at < ?2
                 ORDER BY p.published_at, p.id",
            )?;
            let rows = stmt.query_map([day(from), day(reference)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, channel, at, kind) in posts {
            let h = hash(&[hash_text(&id), 0x0072_6561_6368]);
            let base: i64 = match (kind.as_str(), channel.as_str()) {
                ("release", "facebook") => 2_400,
                (_, "facebook") => 1_200,
                _ => 500,
            };
            // One in twelve travels far.
            let far = if h.is_multiple_of(12) { 6 } else { 1 };
            let reach = (base + (h >> 8) as i64 % base) * far;
            let reactions = reach * (2 + (h >> 20) as i64 % 6) / 100;
            let figures = Figures {
                reach: Some(reach),
                reactions: Some(reactions),
                comments: Some(reactions / (4 + (h >> 28) as i64 % 5)),
                shares: Some(reactions / (3 + (h >> 32) as i64 % 4)),
            };
            let read = at
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(|d| (d + Duration::days(7)).min(reference))
                .unwrap_or(reference);
            tx.set_time(&stamp(read, 9, 0));
            tx.set_insights(
                &id,
                &Insights {
                    post_id: String::new(),
                    figures,
                },
            )?;
        }
        Ok(())
    }

    fn topic_answers(&mut self, tx: &mut Tx<'_, '_>, from: NaiveDate) -> Result<Vec<String>> {
        let reference = self.opts.reference;
        tx.set_time(&stamp(from - Duration::days(1), 12, 0));
        let mut ids = Vec::new();
        for (key, title, topic, body) in ANSWERS {
            let id = seed_id("demo-monitoring", &format!("answer-{key}-{reference}"));
            let answer = AnswerInput {
                title: title.to_owned(),
                body: body.to_owned(),
                topic: topic.to_owned(),
            };
            tx.create(Some(&id), &Record::Answer(answer))?;
            ids.push(id);
        }
        Ok(ids)
    }

    /// The office's releases published from `from` on (a few days before, for the outlets
    /// that print them later), in the order they came out.
    fn releases(&self, tx: &Tx<'_, '_>, from: NaiveDate) -> Result<Vec<Release>> {
        let since = day(from - Duration::days(3));
        let mut stmt = tx.reader().prepare(
            "SELECT d.id, d.title, substr(min(p.published_at), 1, 10), min(p.department_id)
             FROM drafts d JOIN publications p ON p.draft_id = d.id AND p.deleted_at IS NULL
             WHERE d.kind = 'release' AND d.status = 'published' AND d.deleted_at IS NULL
             GROUP BY d.id HAVING substr(min(p.published_at), 1, 10) >= ?1
             ORDER BY 3, 1",
        )?;
        let rows = stmt.query_map([since], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut releases = Vec::new();
        for row in rows {
            let (id, title, on, dept) = row?;
            let Ok(on) = NaiveDate::parse_from_str(&on, "%Y-%m-%d") else {
                continue;
            };
            releases.push(Release {
                id,
                title,
                on,
                dept: dept.unwrap_or_default(),
            });
        }
        Ok(releases)
    }

    /// The localities a story or a question can name (the seat is "la cabecera").
    fn places(&self) -> Vec<String> {
        let all = &self.data.localities;
        if all.len() > 1 {
            all[1..].to_vec()
        } else {
            all.clone()
        }
    }

    fn clippings(&mut self, tx: &mut Tx<'_, '_>, from: NaiveDate) -> Result<()> {
        let reference = self.opts.reference;
        if self.outlets.is_empty() {
            return Ok(());
        }
        let releases = self.releases(tx, from)?;
        let mut clips = self.pick_ups(&releases, from);
        clips.extend(self.own_stories(from));
        clips.sort_by_key(|c| (c.on, c.order));
        self.latest_critical(&mut clips);
        clips.sort_by_key(|c| (c.on, c.order));
        // The latest critical ones still wait for the office's answer: two, or three when the
        // third is of the last ten days.
        let critical: Vec<usize> = (0..clips.len())
            .filter(|i| clips[*i].tone == Tone::Negative)
            .collect();
        let waiting = match critical.len() {
            n if n >= 3 && (reference - clips[critical[n - 3]].on).num_days() <= 10 => 3,
            n => n.min(2),
        };
        let unanswered: Vec<usize> = critical[critical.len() - waiting..].to_vec();
        for (n, clip) in clips.iter().enumerate() {
            let h = hash(&[0x636c_6970, day_number(clip.on), clip.order]);
            let (outlet_id, website) = {
                let o = &self.outlets[clip.outlet];
                (o.id.clone(), o.website.clone())
            };
            let id = seed_id("demo-monitoring", &format!("clipping-{reference}-{n}"));
            let section = match clip.kind {
                ClippingKind::News => "noticias",
                ClippingKind::Opinion => "opinion",
                ClippingKind::Interview => "entrevistas",
                ClippingKind::Social => "publicaciones",
                ClippingKind::Broadcast => "noticiero",
            };
            let url = format!(
                "{}/{section}/{}-{:05}",
                website,
                slug(&clip.title),
                h % 100_000
            );
            let hour = if clip.on == reference {
                7
            } else {
                9 + (h >> 20) % 8
            } as u32;
            tx.set_time(&stamp(clip.on, hour, ((h >> 24) % 60) as u32));
            let mut input = ClippingInput {
                outlet_id: Some(outlet_id),
                kind: clip.kind,
                title: clip.title.clone(),
                url,
                published_on: day(clip.on),
                tone: clip.tone,
                summary: clip.summary.clone(),
                topic: clip.topic.clone(),
                department_id: clip.dept.clone(),
                quoted_id: clip.quoted.clone(),
                response: String::new(),
                draft_id: None,
            };
            tx.create(Some(&id), &Record::Clipping(input.clone()))?;
            // The office's answer to a critical one: on the day, or the next; most of them.
            let Some(story) = clip.story.map(|s| &STORIES[s]) else {
                continue;
            };
            if clip.tone != Tone::Negative || unanswered.contains(&n) || (h >> 32) % 100 >= 88 {
                continue;
            }
            let answered_on = (clip.on + Duration::days(((h >> 40) % 2) as i64)).min(reference);
            tx.set_time(&stamp(answered_on, 11, ((h >> 44) % 50) as u32));
            input.response = story.response.to_owned();
            if !story.piece.is_empty() && (h >> 48) % 100 < 60 {
                let piece = story.piece.replace("{loc}", &clip.loc);
                let release = (h >> 56).is_multiple_of(3);
                input.draft_id =
                    Some(self.response_piece(tx, n, answered_on, &piece, story, release)?);
            }
            tx.update(&id, &Record::Clipping(input))?;
        }
        Ok(())
    }

    /// The releases the outlets picked up: each outlet at its rate, the radio on the day, the
    /// papers a day or two later. The benchmark dataset samples its many releases to ten times
    /// the realistic weekly rate, among the copies of each outlet.
    fn pick_ups(&self, releases: &[Release], from: NaiveDate) -> Vec<Clip> {
        let reference = self.opts.reference;
        let base = self.data.outlets.len().min(PICK_UP.len()).max(1);
        let copies = (self.outlets.len() / base).max(1) as u64;
        let keep = if self.opts.grande {
            let weeks = ((reference - from).num_days() / 7).max(1) as u64;
            let expected = releases.len() as u64 * PICK_UP.iter().sum::<u64>() / 100;
            (1000 * GRANDE_PICK_UPS_A_WEEK * weeks / expected.max(1)).clamp(1, 1000)
        } else {
            1000
        };
        let mut clips = Vec::new();
        for release in releases {
            let r = hash_text(&release.id);
            if hash(&[0x6b65_6570, r]) % 1000 >= keep {
                continue;
            }
            let copy = (r >> 8) % copies;
            for (j, rate) in PICK_UP.iter().enumerate().take(base) {
                let h = hash(&[0x7069_636b, r, j as u64]);
                if h % 100 >= *rate {
                    continue;
                }
                let outlet = copy as usize * base + j;
                let Some(o) = self.outlets.get(outlet) else {
                    continue;
                };
                let lag = match o.kind.as_str() {
                    "radio" | "tv" => 0,
                    "digital" => (h >> 8) % 2,
                    _ => 1 + (h >> 8) % 2,
                };
                let on = release.on + Duration::days(lag as i64);
                if on < from || on > reference {
                    continue;
                }
                let v = (h >> 16) as usize;
                let (kind, title, summary) = match o.kind.as_str() {
                    "radio" | "tv" => (
                        ClippingKind::Broadcast,
                        format!(
                            "{}: {}",
                            ["Noticiero matutino", "Resumen informativo"][v % 2],
                            release.title
                        ),
                        [
                            "El conductor leyó el boletín del Ayuntamiento en el noticiero de la mañana y lo comentó de manera favorable.",
                            "Se mencionó en el resumen de noticias regionales, con la información del boletín municipal.",
                        ][(v >> 4) % 2],
                    ),
                    "digital" if (v >> 8) % 10 < 3 => (
                        ClippingKind::Social,
                        release.title.clone(),
                        [
                            "Compartió el boletín en su página de Facebook; la publicación tuvo comentarios favorables de habitantes del municipio.",
                            "Publicación breve en redes con la foto principal del boletín y el enlace a la nota completa.",
                        ][(v >> 4) % 2],
                    ),
                    _ => (
                        ClippingKind::News,
                        match v % 3 {
                            0 => release.title.clone(),
                            1 => format!("Tampamolón: {}", release.title),
                            _ => format!("Tampamolón Corona | {}", release.title),
                        },
                        [
                            "Retoma el boletín del Ayuntamiento casi sin cambios y agrega las fotografías que compartió Comunicación Social.",
                            "Nota breve con base en el boletín municipal; cita las cifras de la actividad y la localidad donde se realizó.",
                            "Publica la información del boletín y la completa con declaraciones de vecinos que asistieron.",
                        ][(v >> 4) % 3],
                    ),
                };
                let key = DEPARTMENTS
                    .iter()
                    .map(|(k, _, _)| *k)
                    .find(|k| seed_id("department", k) == release.dept)
                    .unwrap_or("presidencia");
                clips.push(Clip {
                    on,
                    order: h >> 12,
                    outlet,
                    kind,
                    title,
                    summary: summary.to_owned(),
                    topic: topic_of(key).to_owned(),
                    dept: (!release.dept.is_empty()).then(|| release.dept.clone()),
                    tone: if (h >> 24) % 10 < 6 {
                        Tone::Positive
                    } else {
                        Tone::Neutral
                    },
                    quoted: Some(release.id.clone()),
                    story: None,
                    loc: String::new(),
                });
            }
        }
        clips
    }

    /// What the outlets wrote on their own: a couple of pieces a week (twenty in the
    /// benchmark dataset), one in three critical.
    fn own_stories(&self, from: NaiveDate) -> Vec<Clip> {
        let reference = self.opts.reference;
        let rounds = if self.opts.grande { GRANDE_FACTOR } else { 1 };
        let places = self.places();
        let mut clips = Vec::new();
        let mut date = from;
        while date <= reference {
            let d = day_number(date);
            for round in 0..rounds {
                let roll = hash(&[0x006f_776e, d, round]) % 100;
                let count = match date.weekday() {
                    Weekday::Sat | Weekday::Sun => u64::from(roll < 12),
                    _ => u64::from(roll < 40) + u64::from(roll < 5),
                };
                for slot in 0..count {
                    let h = hash(&[0x7374_6f72, d, round, slot]);
                    clips.push(self.own_story(date, h, &places));
                }
            }
            date += Duration::days(1);
        }
        clips
    }

    fn own_story(&self, on: NaiveDate, h: u64, places: &[String]) -> Clip {
        let tone = match h % 100 {
            0..=24 => Tone::Negative,
            25..=59 => Tone::Neutral,
            _ => Tone::Positive,
        };
        self.own_story_of(on, h, tone, places)
    }

    fn own_story_of(&self, on: NaiveDate, h: u64, tone: Tone, places: &[String]) -> Clip {
        let told: Vec<usize> = (0..STORIES.len())
            .filter(|i| STORIES[*i].tone == tone)
            .collect();
        let index = told[((h >> 8) as usize) % told.len()];
        let story = &STORIES[index];
        let on_air: Vec<usize> = (0..self.outlets.len())
            .filter(|o| matches!(self.outlets[*o].kind.as_str(), "radio" | "tv"))
            .collect();
        let outlet = if story.interview && !on_air.is_empty() {
            on_air[((h >> 20) as usize) % on_air.len()]
        } else {
            // The papers and sites of the nearby towns write more about the municipality
            // than the state's daily or the far stations.
            let weights: Vec<u64> = (0..self.outlets.len())
                .map(|o| OWN[o % OWN.len()])
                .collect();
            let mut pick = (h >> 20) % weights.iter().sum::<u64>().max(1);
            weights
                .iter()
                .position(|w| {
                    let here = pick < *w;
                    pick = pick.saturating_sub(*w);
                    here
                })
                .unwrap_or(0)
        };
        let v = (h >> 32) % 10;
        let kind = match (story.interview, self.outlets[outlet].kind.as_str()) {
            (true, _) => ClippingKind::Interview,
            (_, "radio" | "tv") => ClippingKind::Broadcast,
            (_, "newspaper") if tone == Tone::Negative && v < 5 => ClippingKind::Opinion,
            (_, "digital") if v < 3 => ClippingKind::Social,
            _ => ClippingKind::News,
        };
        let loc = places
            .get(((h >> 40) as usize) % places.len().max(1))
            .cloned()
            .unwrap_or_default();
        Clip {
            on,
            order: h >> 12,
            outlet,
            kind,
            title: story.title.replace("{loc}", &loc),
            summary: story.summary.replace("{loc}", &loc),
            topic: story.topic.to_owned(),
            dept: Some(seed_id("department", story.dept)),
            tone: story.tone,
            quoted: None,
            story: Some(index),
            loc,
        }
    }

    /// At least two critical clippings in the last week, so that the latest still waiting for
    /// an answer are recent: added when the days' own stories gave fewer.
    fn latest_critical(&self, clips: &mut Vec<Clip>) {
        let reference = self.opts.reference;
        let week = reference - Duration::days(6);
        let places = self.places();
        let mut recent = clips
            .iter()
            .filter(|c| c.tone == Tone::Negative && c.on >= week)
            .count();
        let mut back = 1;
        while recent < 2 {
            let on = reference - Duration::days(back);
            let h = hash(&[0x6c61_7465, day_number(on)]);
            clips.push(self.own_story_of(on, h, Tone::Negative, &places));
            recent += 1;
            back += 2;
        }
    }

    /// The office's own piece answering a critical clipping, written, approved and published
    /// as the demo's other pieces are.
    fn response_piece(
        &mut self,
        tx: &mut Tx<'_, '_>,
        n: usize,
        on: NaiveDate,
        title: &str,
        story: &Story,
        release: bool,
    ) -> Result<String> {
        let reference = self.opts.reference;
        let key = |what: &str| seed_id("demo-monitoring", &format!("{what}-{reference}-{n}"));
        let id = key("piece");
        let body = format!(
            "El Ayuntamiento de Tampamolón Corona informa: {} #TampamolónCorona",
            story.response
        );
        let draft = DraftInput {
            kind: if release {
                DraftKind::Release
            } else {
                DraftKind::Post
            },
            status: DraftStatus::Published,
            topic: story.topic.to_owned(),
            author_id: self.staff.get(3).cloned(),
            approved_by: self
                .data
                .staff
                .first()
                .map(|s| s.0.clone())
                .unwrap_or_default(),
            approved_at: stamp(on, 12, 10),
            ..DraftInput::new(title, &body, &stamp(on, 11, 30))
        };
        tx.create(Some(&id), &Record::Draft(draft))?;
        self.counts.drafts += 1;
        let variant = VariantInput::new(&id, Channel::Facebook, &body);
        tx.create(Some(&key("variant")), &Record::Variant(variant))?;
        let published = stamp(on, 12, 30);
        let mut channels = vec![Channel::Facebook];
        if release {
            channels.push(Channel::Web);
        }
        for channel in channels {
            let pid = key(&format!("publication-{}", channel.code()));
            let publication = PublicationInput {
                draft_id: id.clone(),
                channel,
                published_at: published.clone(),
                url: format!(
                    "https://{}.ejemplo.mx/tampamolon/{}",
                    channel.code(),
                    &pid[pid.len() - 8..]
                ),
            };
            tx.create(Some(&pid), &Record::Publication(publication))?;
        }
        if release {
            if let Some(list) = self.lists.first().cloned() {
                let send = DistributionInput {
                    draft_id: id.clone(),
                    list_id: list,
                    sent_at: published,
                    channel: SendChannel::Email,
                    notes: String::new(),
                };
                tx.create(Some(&key("distribution")), &Record::Distribution(send))?;
            }
        }
        Ok(id)
    }
}
