//! What the demo's monitoring says, in the office's own words: the stories the region's
//! outlets write on their own (critical ones with the office's answer), the reusable answers
//! beyond the demo's first three, and the questions citizens ask with the replies given.
use crate::domain::status::Tone;

/// What an outlet wrote on its own. `{loc}` is a locality of the municipality.
pub(super) struct Story {
    pub(super) topic: &'static str,
    pub(super) dept: &'static str,
    pub(super) tone: Tone,
    /// An interview (on the radio or TV), or the outlet's usual kind of piece.
    pub(super) interview: bool,
    pub(super) title: &'static str,
    pub(super) summary: &'static str,
    /// A critical story: what the office answered, and the title of the piece that carried the
    /// answer, when one did.
    pub(super) response: &'static str,
    pub(super) piece: &'static str,
}

pub(super) const fn story(
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

pub(super) const fn interview(
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

pub(super) const fn critical(
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

pub(super) const STORIES: &[Story] = &[
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
pub(super) const ANSWERS: [(&str, &str, &str, &str); 8] = [
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
pub(super) enum From {
    /// One of the demo's first reusable answers (`data/demo.json`), by its place.
    Listed(usize),
    /// One of [`ANSWERS`], by its place.
    Topic(usize),
    /// Written for the case.
    Own,
}

/// A citizen's question: its topic and department, the reply's start and what was added to
/// it for the case (the whole reply when written for it). `{loc}` is a locality.
pub(super) struct Asked {
    pub(super) topic: &'static str,
    pub(super) dept: &'static str,
    pub(super) from: From,
    pub(super) question: &'static str,
    pub(super) reply: &'static str,
}

pub(super) const fn asked(
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

pub(super) const QUESTIONS: &[Asked] = &[
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
