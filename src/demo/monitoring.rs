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
    AnswerInput, ClippingInput, DistributionInput, DraftInput, PublicationInput, QuestionInput,
    Record, VariantInput,
};
use crate::domain::ids::seed_id;
use crate::domain::reach::{Figures, Insights};
use crate::domain::status::{
    Channel, ClippingKind, DraftKind, DraftStatus, QuestionStatus, SendChannel, Tone,
};
use crate::store::seed::DEPARTMENTS;
use crate::store::{Result, Store, Tx};

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

/// What an outlet wrote on its own. `{loc}` is a locality of the municipality.
struct Story {
    topic: &'static str,
    dept: &'static str,
    tone: Tone,
    /// An interview (on the radio or TV), or the outlet's usual kind of piece.
    interview: bool,
    title: &'static str,
    summary: &'static str,
    /// A critical story: what the office answered, and the title of the piece that carried the
    /// answer, when one did.
    response: &'static str,
    piece: &'static str,
}

const fn story(
    topic: &'static str,
    dept: &'static str,
    tone: Tone,
    title: &'static str,
    summary: &'static str,
) -> Story {
    Story {
        topic,
        dept,
        tone,
        interview: false,
        title,
        summary,
        response: "",
        piece: "",
    }
}

const fn interview(
    topic: &'static str,
    dept: &'static str,
    title: &'static str,
    summary: &'static str,
) -> Story {
    Story {
        topic,
        dept,
        tone: Tone::Neutral,
        interview: true,
        title,
        summary,
        response: "",
        piece: "",
    }
}

const fn critical(
    topic: &'static str,
    dept: &'static str,
    title: &'static str,
    summary: &'static str,
    response: &'static str,
    piece: &'static str,
) -> Story {
    Story {
        topic,
        dept,
        tone: Tone::Negative,
        interview: false,
        title,
        summary,
        response,
        piece,
    }
}

const STORIES: &[Story] = &[
    story(
        "Obras públicas",
        "obras",
        Tone::Positive,
        "Avanza la pavimentación de la calle principal de {loc}",
        "Reporta el avance de la obra y recoge la opinión de vecinos, que esperan verla terminada antes de las lluvias.",
    ),
    story(
        "Obras públicas",
        "obras",
        Tone::Neutral,
        "Obras Públicas presenta su programa de bacheo",
        "Nota informativa sobre las calles que se atenderán este mes; no menciona el monto de la inversión.",
    ),
    critical(
        "Obras públicas",
        "obras",
        "Vecinos de {loc} se quejan de obra inconclusa",
        "Habitantes señalan que la obra de drenaje lleva semanas detenida y que las zanjas abiertas son un riesgo para los niños.",
        "Obras Públicas aclaró que los trabajos se detuvieron por las lluvias y que se reanudan esta semana; ya se señalizaron las zanjas.",
        "Se reanuda la obra de drenaje en {loc}",
    ),
    critical(
        "Obras públicas",
        "obras",
        "Critican la calidad del pavimento en {loc}",
        "Columna que cuestiona el estado del concreto a pocos meses de entregada la obra y pide revisar la garantía de la constructora.",
        "Se informó que la constructora hará válida la garantía y reparará los tramos dañados sin costo para el municipio.",
        "",
    ),
    story(
        "Agua potable",
        "agua",
        Tone::Positive,
        "Llega el agua entubada a familias de {loc}",
        "Destaca la conclusión del sistema de agua potable y recoge testimonios de familias que antes acarreaban agua del arroyo.",
    ),
    story(
        "Agua potable",
        "agua",
        Tone::Neutral,
        "Dan mantenimiento al pozo que abastece a la cabecera",
        "Avisa que el servicio puede bajar de presión durante dos días por trabajos en el equipo de bombeo.",
    ),
    critical(
        "Agua potable",
        "agua",
        "Una semana sin agua en {loc}, denuncian habitantes",
        "Vecinos afirman que el servicio lleva varios días suspendido y que nadie les ha explicado la causa.",
        "Agua Potable explicó que se dañó la bomba del pozo; se instaló un equipo provisional y se llevan pipas mientras llega la refacción.",
        "Pipas de agua para {loc} mientras se repara la bomba del pozo",
    ),
    critical(
        "Agua potable",
        "agua",
        "Fuga de agua lleva días sin atenderse en {loc}",
        "Nota con fotografías de una fuga en la línea principal; señala que el agua se desperdicia mientras otras colonias no tienen servicio.",
        "La cuadrilla de Agua Potable reparó la fuga al día siguiente y se avisó a los vecinos en la página del Ayuntamiento.",
        "",
    ),
    story(
        "Salud",
        "salud",
        Tone::Positive,
        "Vacunan contra la influenza en comunidades tének",
        "Resalta que las brigadas llegaron a localidades apartadas y que la campaña se explicó también en lengua tének.",
    ),
    story(
        "Salud",
        "salud",
        Tone::Neutral,
        "Inicia campaña de descacharrización para prevenir el dengue",
        "Informa las fechas y las localidades de la campaña y pide sacar los cacharros a la calle el día que pase el camión.",
    ),
    interview(
        "Salud",
        "salud",
        "La directora de Salud explica la jornada de vacunación",
        "En entrevista en cabina explicó las fechas de la jornada y pidió llevar la cartilla de vacunación.",
    ),
    critical(
        "Salud",
        "salud",
        "Faltan medicamentos en la casa de salud de {loc}, acusan pacientes",
        "Pacientes señalan que desde hace semanas no hay medicamento para la presión ni para la diabetes.",
        "Salud Municipal explicó que el abasto depende de los Servicios de Salud del estado y que ya se gestionó una entrega extraordinaria.",
        "Gestiona el Ayuntamiento medicamentos para la casa de salud de {loc}",
    ),
    story(
        "Seguridad",
        "seguridad",
        Tone::Neutral,
        "Refuerzan rondines de Seguridad Pública en la cabecera",
        "Nota sobre el nuevo esquema de vigilancia nocturna, con declaraciones del director de Seguridad Pública.",
    ),
    story(
        "Seguridad",
        "seguridad",
        Tone::Positive,
        "Entregan patrulla nueva a Seguridad Pública",
        "Informa la entrega de una patrulla para atender las localidades de la zona serrana del municipio.",
    ),
    critical(
        "Seguridad",
        "seguridad",
        "Denuncian robos a casas en {loc} y piden más vigilancia",
        "Habitantes aseguran que en el último mes hubo varios robos y que la patrulla casi no pasa por la localidad.",
        "Seguridad Pública acordó con los vecinos rondines diarios y una reunión mensual con el comité de vigilancia.",
        "Seguridad Pública se reúne con vecinos de {loc} y refuerza los rondines",
    ),
    story(
        "DIF",
        "dif",
        Tone::Positive,
        "El DIF entrega aparatos funcionales a personas con discapacidad",
        "Nota con fotografías de la entrega de sillas de ruedas, andaderas y bastones a familias de varias localidades.",
    ),
    story(
        "DIF",
        "dif",
        Tone::Positive,
        "Adultos mayores de {loc} reciben despensas del DIF",
        "Informa la entrega casa por casa y recoge el agradecimiento de las personas beneficiadas.",
    ),
    interview(
        "DIF",
        "dif",
        "Entrevista con la directora del DIF sobre los programas para adultos mayores",
        "Habló de las despensas, la credencial del INAPAM y las terapias de la Unidad Básica de Rehabilitación.",
    ),
    critical(
        "DIF",
        "dif",
        "Madres de familia reclaman el cierre del desayunador escolar de {loc}",
        "Señalan que el desayunador lleva dos semanas sin servicio y que los niños llegan a clases sin desayunar.",
        "El DIF informó que el desayunador cerró por la remodelación de la cocina y reabre el lunes; mientras tanto se entregan raciones frías.",
        "",
    ),
    story(
        "Educación",
        "educacion",
        Tone::Positive,
        "Entregan útiles escolares en escuelas de {loc}",
        "Informa la entrega de paquetes de útiles a alumnos de primaria, con fotografías de la ceremonia en la escuela.",
    ),
    story(
        "Educación",
        "educacion",
        Tone::Neutral,
        "Rehabilitan aulas de la telesecundaria de {loc}",
        "Informa el avance del cambio de techos y baños; la obra concluirá antes del próximo ciclo escolar.",
    ),
    critical(
        "Educación",
        "educacion",
        "Escuela de {loc} sigue esperando la reparación del techo",
        "Padres de familia denuncian que el techo del aula sigue dañado aunque el apoyo se pidió desde el año pasado.",
        "Educación Municipal explicó que la reparación está en el programa de este mes y que la escuela ya tiene fecha de inicio.",
        "",
    ),
    story(
        "Caminos",
        "obras",
        Tone::Positive,
        "Rehabilitan el camino de terracería a {loc}",
        "Destaca que el camino era intransitable en temporada de lluvias y que ahora ya entra el transporte público.",
    ),
    interview(
        "Caminos",
        "obras",
        "Entrevista con el director de Obras Públicas sobre los caminos rurales",
        "El funcionario habló de los caminos que se rehabilitarán este año y del trabajo de la maquinaria municipal.",
    ),
    critical(
        "Caminos",
        "obras",
        "Camino a {loc}, intransitable tras las lluvias",
        "Nota con fotografías de camionetas atascadas; productores afirman que no pueden sacar la naranja.",
        "Obras Públicas envió la motoconformadora y el camino quedó transitable; el revestimiento del tramo más dañado ya está programado.",
        "Maquinaria municipal rehabilita el camino a {loc}",
    ),
    story(
        "Apoyos sociales",
        "desarrollo-social",
        Tone::Positive,
        "Entregan calentadores solares a familias de {loc}",
        "Informa la entrega de calentadores del programa municipal y recoge testimonios de las beneficiarias.",
    ),
    story(
        "Apoyos sociales",
        "desarrollo-social",
        Tone::Neutral,
        "Abren registro para los apoyos de vivienda",
        "Nota con los requisitos y las fechas de registro del programa de láminas y cemento.",
    ),
    critical(
        "Apoyos sociales",
        "desarrollo-social",
        "Critican retraso en la entrega de apoyos de vivienda",
        "Columna que cuestiona que familias registradas hace meses aún no reciben el material prometido.",
        "Desarrollo Social informó que el material llegó esta semana y que la entrega será por localidad, según el calendario publicado.",
        "Calendario de entrega del programa de vivienda",
    ),
    story(
        "Feria y cultura",
        "cultura",
        Tone::Positive,
        "Presentan el programa de la feria patronal de Tampamolón",
        "Nota con los artistas, el jaripeo y las actividades culturales; destaca la participación de danzas tének.",
    ),
    story(
        "Feria y cultura",
        "cultura",
        Tone::Positive,
        "Danzas tradicionales llenan la plaza principal",
        "Crónica del festival con fotografías de las danzas y de la banda municipal.",
    ),
    story(
        "Feria y cultura",
        "cultura",
        Tone::Neutral,
        "Reubicarán a comerciantes durante la feria",
        "Informa la nueva distribución de puestos y el cierre de calles en la cabecera durante las festividades.",
    ),
    critical(
        "Feria y cultura",
        "cultura",
        "Comerciantes, inconformes con las cuotas de la feria",
        "Comerciantes de la cabecera señalan que las cuotas de piso subieron y que no se les consultó.",
        "Tesorería aclaró que las cuotas son las mismas del año pasado y que los comerciantes locales tienen descuento; se publicó el tabulador.",
        "Tabulador de cuotas para comerciantes de la feria",
    ),
];

/// The office's reusable answers beyond the demo's first three: (key, title, topic, body).
const ANSWERS: [(&str, &str, &str, &str); 8] = [
    (
        "agua",
        "Fallas en el servicio de agua",
        "Agua potable",
        "Gracias por avisar. Las fallas en el servicio de agua se reportan a la Dirección de Agua Potable, que manda una cuadrilla a revisar; indíquenos por mensaje privado la localidad y la calle.",
    ),
    (
        "vacunacion",
        "Jornadas de vacunación",
        "Salud",
        "Las jornadas de vacunación se anuncian en esta página con fecha y sede por localidad. En el Centro de Salud de la cabecera se vacuna de lunes a viernes de 8:00 a 14:00 horas.",
    ),
    (
        "apoyos",
        "Requisitos de los apoyos sociales",
        "Apoyos sociales",
        "Para los apoyos de Desarrollo Social se pide identificación oficial, CURP y comprobante de domicilio. Las fechas de registro se publican en esta página.",
    ),
    (
        "baches",
        "Reporte de baches y caminos",
        "Obras públicas",
        "Los baches y los daños en caminos se reportan a Obras Públicas, que los agenda en su programa de trabajo; indíquenos la localidad y un punto de referencia por mensaje privado.",
    ),
    (
        "feria",
        "Programa de la feria",
        "Feria y cultura",
        "El programa de la feria patronal se publica en esta página y en la Casa de la Cultura, donde también se registran los comerciantes.",
    ),
    (
        "dif",
        "Servicios del DIF",
        "DIF",
        "El DIF Municipal atiende de lunes a viernes de 8:00 a 15:00 horas en sus oficinas; las terapias de la Unidad Básica de Rehabilitación son con cita.",
    ),
    (
        "constancias",
        "Constancias de residencia e identidad",
        "Trámites",
        "Las constancias se tramitan en la Secretaría General con identificación oficial y comprobante de domicilio; se entregan el mismo día.",
    ),
    (
        "seguridad",
        "Seguridad y emergencias",
        "Seguridad",
        "Para una emergencia marque al 911. Los reportes de vigilancia se atienden en la Dirección de Seguridad Pública, que programa rondines en las localidades.",
    ),
];

/// Where a reply started from.
#[derive(Clone, Copy)]
enum From {
    /// One of the demo's first reusable answers (`data/demo.json`), by its place.
    Listed(usize),
    /// One of [`ANSWERS`], by its place.
    Topic(usize),
    /// Written for the case.
    Own,
}

/// A citizen's question: its topic and department, the reply's start and what was added to
/// it for the case (the whole reply when written for it). `{loc}` is a locality.
struct Asked {
    topic: &'static str,
    dept: &'static str,
    from: From,
    question: &'static str,
    reply: &'static str,
}

const fn asked(
    topic: &'static str,
    dept: &'static str,
    from: From,
    question: &'static str,
    reply: &'static str,
) -> Asked {
    Asked {
        topic,
        dept,
        from,
        question,
        reply,
    }
}

const QUESTIONS: &[Asked] = &[
    asked("Agua potable", "agua", From::Topic(0), "¿Por qué no hay agua en {loc} desde ayer?", "Ya pasamos el reporte de {loc} a la cuadrilla; el servicio se restablece en el transcurso del día."),
    asked("Agua potable", "agua", From::Topic(0), "Hay una fuga de agua en la calle principal de {loc}, ¿a quién le aviso?", "La cuadrilla ya va a revisar la fuga en {loc}."),
    asked("Agua potable", "agua", From::Own, "¿Dónde se paga el agua y hay descuento para adultos mayores?", "El agua se paga en la ventanilla de Agua Potable, en la presidencia; las personas adultas mayores tienen descuento con su credencial del INAPAM."),
    asked("Predial", "tesoreria", From::Listed(1), "¿Todavía hay descuento en el predial?", "Este mes todavía aplica; traiga su último recibo."),
    asked("Predial", "tesoreria", From::Listed(1), "¿Se puede pagar el predial con tarjeta?", "En la caja de Tesorería se acepta tarjeta de débito y de crédito."),
    asked("Predial", "tesoreria", From::Listed(1), "¿Qué necesito para pagar el predial de un terreno?", "Traiga el recibo del año pasado o la clave catastral del terreno."),
    asked("Trámites", "registro-civil", From::Listed(0), "¿A qué hora abre el Registro Civil?", ""),
    asked("Trámites", "registro-civil", From::Listed(0), "¿Qué piden para sacar una copia certificada del acta de nacimiento?", "Para la copia certificada basta con los datos del registro; se entrega el mismo día."),
    asked("Trámites", "registro-civil", From::Listed(0), "¿El Registro Civil abre los sábados?", "Los sábados no hay servicio."),
    asked("Trámites", "secretaria", From::Topic(6), "¿Dónde saco la constancia de residencia?", ""),
    asked("Trámites", "secretaria", From::Topic(6), "¿Qué piden para la constancia de identidad?", "Para la de identidad se piden además dos fotografías tamaño infantil."),
    asked("Alumbrado", "obras", From::Listed(2), "Hay una luminaria fundida frente a la escuela de {loc}, ¿a dónde se reporta?", "Ya quedó registrado el reporte de {loc}."),
    asked("Alumbrado", "obras", From::Listed(2), "¿Cuándo cambian las lámparas de la plaza de {loc}?", "El cambio de luminarias de {loc} está en el programa de este mes."),
    asked("Obras públicas", "obras", From::Topic(3), "¿Cuándo van a tapar los baches de la entrada a {loc}?", "El tramo de la entrada a {loc} ya está en el programa de bacheo."),
    asked("Obras públicas", "obras", From::Own, "¿Para cuándo terminan la pavimentación en {loc}?", "Obras Públicas informa que la pavimentación en {loc} concluye en las próximas semanas, si el clima lo permite."),
    asked("Caminos", "obras", From::Own, "¿Cómo está el camino a {loc} después de la lluvia?", "El camino a {loc} está transitable con precaución; la maquinaria trabaja en el tramo más dañado."),
    asked("Caminos", "obras", From::Topic(3), "¿Cuándo pasa la máquina a arreglar el camino de {loc}?", "La motoconformadora llega a {loc} esta semana."),
    asked("Salud", "salud", From::Topic(1), "¿Cuándo llega la vacuna contra la influenza a {loc}?", "La brigada visita {loc} la próxima semana; avisaremos el día en esta página."),
    asked("Salud", "salud", From::Topic(1), "¿Hay vacunas para niños en el centro de salud?", "Lleve la cartilla de vacunación de la niña o el niño."),
    asked("Salud", "salud", From::Own, "¿Qué día es la vacunación de perros y gatos en {loc}?", "La jornada de vacunación antirrábica en {loc} se anunciará en esta página con su sede y horario."),
    asked("Apoyos sociales", "desarrollo-social", From::Topic(2), "¿Cuándo abren el registro para el apoyo de vivienda?", "El registro abre el próximo mes en la Dirección de Desarrollo Social."),
    asked("Apoyos sociales", "desarrollo-social", From::Topic(2), "¿Qué requisitos piden para los calentadores solares?", "Para los calentadores también se revisa en la vivienda que tenga tinaco."),
    asked("Apoyos sociales", "desarrollo-social", From::Own, "¿Ya salió la lista de beneficiarios de láminas?", "La lista se publica en los estrados de la presidencia y en esta página al cerrar la revisión."),
    asked("Feria y cultura", "cultura", From::Topic(4), "¿Cuándo empieza la feria?", ""),
    asked("Feria y cultura", "cultura", From::Topic(4), "¿Ya está el programa de la feria patronal?", "El programa completo se publica la próxima semana."),
    asked("Feria y cultura", "cultura", From::Topic(4), "¿Dónde se inscriben los puestos para la feria?", "El registro de comerciantes ya está abierto."),
    asked("DIF", "dif", From::Topic(5), "¿Qué días dan terapia en la UBR del DIF?", "Las terapias son de lunes a viernes."),
    asked("DIF", "dif", From::Own, "¿Cómo se tramita la credencial del INAPAM?", "La credencial del INAPAM se tramita en el DIF Municipal con acta de nacimiento, CURP, identificación y dos fotografías."),
    asked("DIF", "dif", From::Topic(5), "¿Hay despensas para adultos mayores en {loc}?", "El padrón de adultos mayores de {loc} se actualiza en la próxima visita del DIF a la localidad."),
    asked("Seguridad", "seguridad", From::Topic(7), "¿Hay patrullaje en {loc} en las noches?", "Pedimos a Seguridad Pública reforzar los rondines nocturnos en {loc}."),
    asked("Seguridad", "seguridad", From::Topic(7), "¿A dónde se reporta un carro abandonado en la calle?", "Un carro abandonado se reporta a Seguridad Pública, que lo revisa y lo retira."),
    asked("Educación", "educacion", From::Own, "¿Cuándo entregan los útiles escolares del municipio?", "Los útiles se entregan escuela por escuela al inicio del ciclo; la dirección de cada escuela avisa la fecha."),
    asked("Educación", "educacion", From::Own, "¿Hay becas municipales para estudiantes de bachillerato?", "La convocatoria de becas municipales sale en agosto y se publica en esta página con sus requisitos."),
];

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

    /// The citizens' questions, day by day: a few each weekday, fewer on weekends, ten times
    /// as many in the benchmark dataset.
    fn question_plan(&self, from: NaiveDate) -> Vec<Planned> {
        let reference = self.opts.reference;
        let rounds = if self.opts.grande { GRANDE_FACTOR } else { 1 };
        // Now, for the demo: the team meets at half past eight.
        let cutoff = reference.and_hms_opt(8, 0, 0).unwrap_or_default();
        let day_before = cutoff - Duration::hours(24);
        let mut plan: Vec<Planned> = Vec::new();
        let mut date = from;
        while date <= reference {
            let d = day_number(date);
            for round in 0..rounds {
                let roll = hash(&[0x7175_6573, d, round]);
                let count = if date == reference {
                    1 + roll % 3
                } else {
                    match date.weekday() {
                        Weekday::Sat | Weekday::Sun => 1 + roll % 3,
                        Weekday::Mon => 3 + roll % 4,
                        _ => 2 + roll % 4,
                    }
                };
                for slot in 0..count {
                    let h = hash(&[0x0061_736b, d, round, slot]);
                    plan.push(Planned::new(h, date, reference, cutoff));
                }
            }
            date += Duration::days(1);
        }
        plan.sort_by_key(|p| (p.asked, p.h));
        // A few older than a day still wait (one not yet routed): a department that has not
        // answered, a question that needs looking into.
        let old_waiting = plan
            .iter()
            .filter(|p| p.asked < day_before && p.fate.waits())
            .count();
        let mut more = 3usize.saturating_sub(old_waiting);
        for p in plan.iter_mut().rev() {
            if more == 0 {
                break;
            }
            if p.asked < day_before && !p.fate.waits() && p.asked > cutoff - Duration::days(4) {
                p.fate = Fate::Waiting;
                p.routed = more != 1;
                more -= 1;
            }
        }
        if !plan
            .iter()
            .any(|p| p.asked < day_before && p.fate.waits() && !p.routed)
        {
            if let Some(p) = plan
                .iter_mut()
                .rev()
                .find(|p| p.asked < day_before && p.fate.waits())
            {
                p.routed = false;
            }
        }
        plan
    }

    /// Writes planned questions, the first of them numbered `first`.
    fn questions(
        &mut self,
        tx: &mut Tx<'_, '_>,
        first: usize,
        plan: &[Planned],
        answers: &[String],
    ) -> Result<()> {
        let reference = self.opts.reference;
        let places = self.places();
        for (n, p) in plan.iter().enumerate() {
            let n = first + n;
            let asked = &QUESTIONS[(p.h % QUESTIONS.len() as u64) as usize];
            let loc = places
                .get(((p.h >> 40) as usize) % places.len().max(1))
                .cloned()
                .unwrap_or_default();
            let id = seed_id("demo-monitoring", &format!("question-{reference}-{n}"));
            let dept = seed_id("department", asked.dept);
            let channel = match (p.h >> 8) % 10 {
                0..=6 => Channel::Facebook,
                7 | 8 => Channel::WhatsApp,
                _ => Channel::Instagram,
            };
            let at = minutes(p.asked);
            tx.set_time(&at);
            let mut q = QuestionInput {
                channel,
                asked_at: at,
                question: asked.question.replace("{loc}", &loc),
                topic: asked.topic.to_owned(),
                department_id: p.routed.then(|| dept.clone()),
                status: QuestionStatus::Open,
                answer_id: None,
                response: String::new(),
                answered_at: String::new(),
            };
            tx.create(Some(&id), &Record::Question(q.clone()))?;
            match p.fate {
                Fate::Waiting => continue,
                Fate::Closed(at) => {
                    tx.set_time(&minutes(at));
                    q.status = QuestionStatus::Closed;
                    q.response = "Pregunta repetida: se respondió en la otra publicación.".into();
                }
                Fate::Answered(at) => {
                    tx.set_time(&minutes(at));
                    let tail = asked.reply.replace("{loc}", &loc);
                    let (answer_id, start) = match asked.from {
                        From::Listed(i) => (
                            self.answers.get(i).cloned(),
                            self.data.answers.get(i).map(|a| a.1.clone()),
                        ),
                        From::Topic(i) => (answers.get(i).cloned(), Some(ANSWERS[i].3.to_owned())),
                        From::Own => (None, None),
                    };
                    q.status = QuestionStatus::Answered;
                    q.department_id = Some(dept);
                    q.answer_id = answer_id;
                    q.response = match start {
                        Some(body) if tail.is_empty() => body,
                        Some(body) => format!("{body} {tail}"),
                        None => tail,
                    };
                }
            }
            tx.update(&id, &Record::Question(q))?;
        }
        Ok(())
    }
}

/// What became of a question by the reference morning.
#[derive(Clone, Copy)]
enum Fate {
    Answered(NaiveDateTime),
    Closed(NaiveDateTime),
    Waiting,
}

impl Fate {
    fn waits(self) -> bool {
        matches!(self, Fate::Waiting)
    }
}

/// A question to write: when it was asked, whether it was routed on arrival, its fate.
struct Planned {
    h: u64,
    asked: NaiveDateTime,
    routed: bool,
    fate: Fate,
}

impl Planned {
    fn new(h: u64, date: NaiveDate, reference: NaiveDate, cutoff: NaiveDateTime) -> Planned {
        // People write from early morning to late at night; on the reference day, before the
        // team arrives.
        let hour = if date == reference {
            6 + (h >> 12) % 2
        } else {
            7 + (h >> 12) % 16
        } as u32;
        let asked = date
            .and_hms_opt(hour, ((h >> 16) % 60) as u32, 0)
            .unwrap_or_default();
        let roll = (h >> 24) % 100;
        let delay = match roll {
            // Looked into by its department first: a day or more.
            0..=5 => Duration::hours(30 + ((h >> 32) % 30) as i64),
            6..=37 => Duration::hours(3 + ((h >> 32) % 26) as i64),
            _ => Duration::minutes(20 + ((h >> 32) % 160) as i64),
        };
        let at = office_time(asked + delay, h >> 48);
        let fate = if at > cutoff {
            Fate::Waiting
        } else if roll >= 96 {
            Fate::Closed(at)
        } else {
            Fate::Answered(at)
        };
        Planned {
            h,
            asked,
            routed: !(h >> 36).is_multiple_of(3),
            fate,
        }
    }
}
