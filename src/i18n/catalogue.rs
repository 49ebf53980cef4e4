//! Every message, in es-MX then en. `{}` marks where [`tf`](super::tf) puts its arguments.
use super::Lang;

macro_rules! catalogue {
    ($($key:ident => $es:literal, $en:literal;)+) => {
        /// A message of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),+ }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),+];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Es) => $es, (Msg::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

catalogue! {
    // Tabs and frame.
    TabToday => "Hoy", "Today";
    TabAgenda => "Agenda", "Agenda";
    TabReports => "Reportes", "Reports";
    TabDrafts => "Borradores", "Drafts";
    TabMedia => "Medios", "Media";
    TabArchive => "Archivo", "Archive";
    TooSmall => "Terminal demasiado pequeña (mínimo {}×{})", "Terminal too small (minimum {}×{})";
    StatusDb => "Base: {}", "Database: {}";
    StatusReplica => "Equipo: {}", "Machine: {}";
    StatusUnsynced => "Sin sincronizar: {}", "Not synced: {}";
    HelpTitle => "Ayuda: teclas", "Help: keys";
    HelpClose => "Esc cierra", "Esc closes";
    Empty => "No hay nada que mostrar.", "Nothing to show.";
    Detail => "Detalle", "Detail";
    Nothing => "Nada pendiente.", "Nothing pending.";
    NoCoverage => "Sin cobertura asignada", "No coverage assigned";
    DueOn => "vencía el", "was due";
    Yes => "Sí", "Yes";
    ConsentMissing => "No consta: pedir consentimiento antes de enviar", "Not recorded: ask for consent before sending";
    Chars => "{} caracteres", "{} characters";
    CharsOfLimit => "{} de {} caracteres", "{} of {} characters";
    FilesCount => "{} archivos", "{} files";

    // Hoy.
    TodayAgenda => "Agenda de hoy", "Today's agenda";
    TodayReports => "Reportes por revisar", "Reports to review";
    TodayDrafts => "Borradores por aprobar", "Drafts awaiting approval";
    TodayOwing => "Áreas que deben información", "Departments that owe information";
    TodayPublished => "Publicado ayer", "Published yesterday";

    // List columns.
    ColWhen => "Fecha", "Date";
    ColEvent => "Evento", "Event";
    ColArea => "Área", "Department";
    ColStatus => "Estado", "Status";
    ColReceived => "Recibido", "Received";
    ColReport => "Reporte", "Report";
    ColWritten => "Fecha", "Date";
    ColTitle => "Título", "Title";
    ColKind => "Tipo", "Kind";
    ColName => "Nombre", "Name";
    ColOutlet => "Medio", "Outlet";

    // Detail fields and sections.
    FieldWhen => "Cuándo", "When";
    FieldPlace => "Lugar", "Place";
    FieldArea => "Área", "Department";
    FieldStatus => "Estado", "Status";
    FieldNotes => "Notas", "Notes";
    FDescription => "Descripción", "Description";
    FAllDay => "Todo el día", "All day";
    RepeatNone => "No se repite", "Does not repeat";
    RepeatDaily => "Cada día", "Every day";
    RepeatWeekdays => "De lunes a viernes", "Monday to Friday";
    RepeatWeekly => "Cada semana, el mismo día", "Every week, same day";
    RepeatFortnightly => "Cada dos semanas", "Every two weeks";
    RepeatMonthly => "Cada mes, el mismo día", "Every month, same day";
    FRepeat => "Se repite", "Repeats";
    FRepeatUntil => "Hasta", "Until";
    FExcept => "Excepto", "Except";
    FieldReceived => "Recibido", "Received";
    FieldRequest => "Solicitud", "Request";
    FieldEvent => "Evento", "Event";
    FieldKind => "Tipo", "Kind";
    FieldFolio => "Folio", "Number";
    FieldWritten => "Redactado", "Written";
    FieldAuthor => "Redactó", "Written by";
    FieldCampaign => "Campaña", "Campaign";
    FieldSource => "Origen", "Source";
    FieldOutlet => "Medio", "Outlet";
    FieldRole => "Cargo", "Role";
    FieldCity => "Ciudad", "City";
    FieldEmail => "Correo", "Email";
    FieldPhone => "Teléfono", "Phone";
    FieldConsent => "Consentimiento y aviso de privacidad", "Consent and privacy notice";
    FieldFiles => "Archivos", "Files";
    SecCoverage => "Cobertura", "Coverage";
    SecReports => "Reportes", "Reports";
    SecDrafts => "Borradores", "Drafts";
    SecVariants => "Versiones por red", "Versions per network";
    SecPublications => "Publicaciones", "Publications";
    SecSentTo => "Enviado a medios", "Sent to media";
    SecLists => "Listas", "Lists";
    SecRecentSends => "Envíos recientes", "Recent sends";
    SecInterviews => "Entrevistas solicitadas", "Interview requests";
    SourceReport => "Reporte", "Report";
    SourceEvent => "Evento", "Event";
    KindEvent => "Evento", "Event";
    KindReport => "Reporte", "Report";
    KindPublication => "Publicación", "Publication";

    // Coded values.
    StEventScheduled => "Programado", "Scheduled";
    StEventConfirmed => "Confirmado", "Confirmed";
    StEventCovered => "Realizado", "Done";
    StEventPostponed => "Pospuesto", "Postponed";
    StEventCancelled => "Cancelado", "Cancelled";
    RolePhoto => "Foto", "Photo";
    RoleVideo => "Video", "Video";
    RoleText => "Nota", "Text";
    RoleLive => "Transmisión en vivo", "Live stream";
    RoleDesign => "Diseño", "Design";
    EvKindPublic => "Evento público", "Public event";
    EvKindTour => "Gira", "Tour";
    EvKindInauguration => "Inauguración", "Inauguration";
    EvKindMeeting => "Reunión", "Meeting";
    EvKindCouncil => "Sesión de cabildo", "Council session";
    EvKindCeremony => "Ceremonia cívica", "Civic ceremony";
    EvKindOther => "Otro", "Other";
    StCoveragePending => "Pendiente", "Pending";
    StCoverageAssigned => "Asignada", "Assigned";
    StCoverageCovered => "En curso", "In progress";
    StCoverageDelivered => "Entregada", "Delivered";
    StCoverageCancelled => "Cancelada", "Cancelled";
    StRequestPending => "Pendiente", "Pending";
    StRequestAnswered => "Respondida", "Answered";
    StRequestCancelled => "Cancelada", "Cancelled";
    StReportReceived => "Por revisar", "To review";
    StReportInDraft => "En redacción", "Being written";
    StReportUsed => "Aprovechado", "Used";
    StReportDiscarded => "Descartado", "Discarded";
    StDraftDraft => "Borrador", "Draft";
    StDraftReview => "En revisión", "In review";
    StDraftApproved => "Aprobado", "Approved";
    StDraftPublished => "Publicado", "Published";
    StDraftDiscarded => "Descartado", "Discarded";
    KindPost => "Publicación", "Post";
    KindRelease => "Boletín", "Press release";
    ChFacebook => "Facebook", "Facebook";
    ChX => "X", "X";
    ChInstagram => "Instagram", "Instagram";
    ChWhatsApp => "WhatsApp", "WhatsApp";
    ChWeb => "Sitio web", "Website";
    ChMedia => "Medios", "Media";
    OutNewspaper => "Periódico", "Newspaper";
    OutRadio => "Radio", "Radio";
    OutTv => "Televisión", "Television";
    OutDigital => "Digital", "Online";
    ArcPhotos => "Fotografías", "Photos";
    ArcVideo => "Video", "Video";
    ArcInterview => "Entrevista", "Interview";
    ArcDocument => "Documento", "Document";
    ArcClipping => "Nota de prensa", "Clipping";
    StInterviewRequested => "Solicitada", "Requested";
    StInterviewScheduled => "Programada", "Scheduled";
    StInterviewDone => "Realizada", "Done";
    StInterviewDeclined => "Declinada", "Declined";
    TonePositive => "Positivo", "Positive";
    ToneNeutral => "Neutral", "Neutral";
    ToneNegative => "Negativo", "Negative";
    StQuestionOpen => "Sin responder", "Open";
    StQuestionAnswered => "Respondida", "Answered";

    // Keys.
    GroupGeneral => "General", "General";
    GroupLists => "Listas", "Lists";
    GroupHelp => "En esta ayuda", "In this help";
    KeyDigits => "1-6", "1-6";
    KeyTab => "Tab", "Tab";
    KeyBackTab => "Mayús+Tab", "Shift+Tab";
    KeyUpDown => "↑↓", "↑↓";
    KeyPages => "RePág AvPág", "PgUp PgDn";
    KeyEdges => "Inicio Fin", "Home End";
    KeyHelp => "?", "?";
    KeyQuit => "q", "q";
    KeyCtrlC => "Ctrl+C", "Ctrl+C";
    KeyClose => "Esc", "Esc";
    HelpGoTo => "Pestañas", "Tabs";
    HelpNextTab => "Pestaña siguiente", "Next tab";
    HelpPrevTab => "Pestaña anterior", "Previous tab";
    HelpMove => "Mover", "Move";
    HelpPage => "Página", "Page";
    HelpEdges => "Primero / último", "First / last";
    HelpHelp => "Ayuda", "Help";
    HelpQuit => "Salir", "Quit";
    HelpScroll => "Desplazar", "Scroll";
    HelpCloseHelp => "Cerrar la ayuda", "Close help";

    KeyYes => "s", "y";
    KeyNo => "n", "n";
    HelpQuitAnyway => "Salir sin guardar", "Quit without saving";
    HelpStayOpen => "Seguir aquí", "Stay";
    ConfirmQuit => "Hay texto sin guardar. ¿Salir de todos modos? s = salir sin guardar, n = seguir aquí", "There is unsaved text. Quit anyway? y = quit without saving, n = stay";
    GroupConflicts => "En Conflictos", "In Conflicts";
    GroupEditor => "Al escribir", "While writing";
    KeySync => "s", "s";
    HelpSync => "Sincronizar", "Sync";
    KeyConflicts => "c", "c";
    HelpConflicts => "Conflictos", "Conflicts";
    KeySave => "Ctrl+S", "Ctrl+S";
    HelpSave => "Guardar", "Save";
    HelpCancel => "Cancelar", "Cancel";
    KeyOne => "1", "1";
    KeyTwo => "2", "2";
    KeyEdit => "e", "e";
    HelpKeep => "Conservar el actual", "Keep current";
    HelpTake => "Tomar el otro", "Take the other";
    HelpEditMix => "Escribir una mezcla", "Write a mix";
    HelpCloseConflicts => "Cerrar Conflictos", "Close Conflicts";
    HelpCloseSummary => "Cerrar", "Close";
    EditMixTitle => "Escriba el valor que debe quedar (Ctrl+S guarda, Esc cancela)", "Write the value to keep (Ctrl+S saves, Esc cancels)";
    SyncNoFolderConsole => "Sin carpeta de sincronización: úsela una vez con «prensa sincronizar CARPETA»", "No sync folder yet: use it once with “prensa sync FOLDER”";
    ConflictsTitle => "Conflictos ({})", "Conflicts ({})";
    ConflictCurrent => "Valor actual", "Current value";
    ConflictOther => "De {}, {}", "From {}, {}";
    ConflictNone => "No hay conflictos pendientes.", "No conflicts to review.";
    StatusConflicts => "Conflictos: {} (tecla c)", "Conflicts: {} (key c)";
    StatusLastSync => "Últ. sinc.: {}", "Last sync: {}";
    SyncProgressTitle => "Sincronizando con «{}»", "Syncing with “{}”";
    SummaryTitle => "Sincronización terminada", "Sync finished";
    FieldText => "Texto", "Text";
    FieldDeleted => "Eliminado", "Deleted";

    // Kinds of record.
    RecEvent => "Evento", "Event";
    RecSeries => "Evento que se repite", "Recurring event";
    RecCoverage => "Cobertura", "Coverage";
    RecDepartment => "Área", "Department";
    RecRequest => "Solicitud", "Request";
    RecReport => "Reporte", "Report";
    RecDraft => "Borrador", "Draft";
    RecVariant => "Versión por red", "Network version";
    RecPublication => "Publicación", "Publication";
    RecOutlet => "Medio", "Outlet";
    RecJournalist => "Periodista", "Journalist";
    RecContactList => "Lista", "List";
    RecMember => "Integrante de lista", "List member";
    RecArchiveItem => "Elemento de archivo", "Archive item";
    RecStaff => "Integrante del equipo", "Staff member";
    RecCampaign => "Campaña", "Campaign";
    RecDistribution => "Envío a medios", "Send to media";
    RecInterview => "Entrevista", "Interview";
    RecClipping => "Nota de prensa", "Clipping";
    RecQuestion => "Pregunta", "Question";
    RecAnswer => "Respuesta", "Answer";
    SendEmail => "Correo", "Email";
    No => "No", "No";

    // Fields of the forms.
    FTitle => "Título", "Title";
    FName => "Nombre", "Name";
    FShortName => "Nombre corto", "Short name";
    FHead => "Titular", "Head";
    FDate => "Fecha", "Date";
    FStartTime => "Hora de inicio", "Start time";
    FEndTime => "Hora de término", "End time";
    FLocality => "Localidad", "Locality";
    FPublic => "Evento público", "Public event";
    FStaff => "Quién cubre", "Who covers";
    FActive => "Activa", "Active";
    FSentOn => "Enviada el", "Sent on";
    FDueOn => "Fecha límite", "Due by";
    FTopic => "Tema", "Topic";
    FChannel => "Red o canal", "Network or channel";
    FWebsite => "Sitio web", "Website";
    FConsent => "Dio su consentimiento", "Gave consent";
    FPrivacyOn => "Aviso de privacidad, fecha", "Privacy notice, date";
    FTags => "Etiquetas", "Tags";
    FFrom => "Desde", "From";
    FTo => "Hasta", "To";
    FFolder => "Carpeta", "Folder";
    FTime => "Hora", "Time";

    // What is wrong with a field.
    PRequired => "Es obligatorio.", "Required.";
    PTooLong => "Es demasiado largo (máximo {} caracteres).", "Too long (at most {} characters).";
    PBadDate => "No es una fecha: escriba dd/mm/aaaa, «hoy», «mañana» o un día de la semana.", "Not a date: type dd/mm/yyyy, “today”, “tomorrow” or a weekday.";
    PBadDateTime => "No es una fecha y hora válidas.", "Not a valid date and time.";
    PBadTime => "No es una hora: escriba 10:30, 17 o 5 pm.", "Not a time: type 10:30, 17 or 5 pm.";
    PBeforeStart => "No puede ser antes del inicio.", "Cannot be before the start.";
    PBadEmail => "No es un correo (por ejemplo: nombre@dominio.mx).", "Not an email address (for example: name@domain.com).";
    PMissing => "Ese registro ya no existe: elija otro.", "That record no longer exists: choose another.";
    PBadRule => "No se entiende la repetición (p. ej. «cada semana»).", "The repetition cannot be read (e.g. \"every week\").";
    PNotAllowed => "Ese valor no se permite aquí.", "That value is not allowed here.";

    // Editing: errors the store gives.
    ErrInvalid => "«{}»: {}", "“{}”: {}";
    ErrTransition => "No se puede pasar de «{}» a «{}». Desde «{}» se puede pasar a: {}.", "Cannot move from “{}” to “{}”. From “{}” it can move to: {}.";
    ErrTransitionFinal => "«{}» es definitivo: ya no cambia de estado.", "“{}” is final: it no longer changes status.";
    ErrNoStatus => "Este registro no tiene estado.", "This record has no status.";
    ErrPublishedFinal => "Este borrador ya se publicó: es parte del archivo y no se puede eliminar.", "This draft was published: it is part of the archive and cannot be deleted.";
    ErrAlreadyDecided => "Este conflicto ya lo decidió {} ({}). No se cambió nada.", "This conflict was already decided by {} ({}). Nothing was changed.";

    // Forms.
    TitleNewEvent => "Nuevo evento", "New event";
    TitleNewCoverage => "Nueva cobertura", "New coverage";
    TitleNewDepartment => "Nueva área", "New department";
    TitleNewRequest => "Nueva solicitud de información", "New information request";
    TitleNewReport => "Nuevo reporte", "New report";
    TitleNewDraft => "Nuevo borrador", "New draft";
    TitleNewVariant => "Nueva versión por red", "New network version";
    TitleNewOutlet => "Nuevo medio", "New outlet";
    TitleNewJournalist => "Nuevo periodista", "New journalist";
    TitleNewList => "Nueva lista", "New list";
    TitleNewMember => "Agregar a la lista", "Add to the list";
    TitleNewArchiveItem => "Nuevo elemento de archivo", "New archive item";
    TitleEdit => "Editar: {}", "Edit: {}";
    FormFooter => " Tab campo siguiente · Ctrl+S guarda · Esc cancela ", " Tab next field · Ctrl+S saves · Esc cancels ";
    FormDiscard => "¿Descartar lo escrito? s = descartar, n = seguir escribiendo", "Discard what you typed? y = discard, n = keep writing";
    FormNotSaved => "No se guardó: {}", "Not saved: {}";
    FormFix => "Revise los campos marcados: no se guardó nada.", "Check the marked fields: nothing was saved.";
    HintChoice => "←→ cambia", "←→ changes";
    HintPick => "Enter elige · Supr quita", "Enter picks · Del clears";
    HintToggle => "Espacio cambia", "Space toggles";
    HintTags => "Enter agrega · Supr quita la última", "Enter adds · Del removes the last";
    HintDate => "dd/mm/aaaa, hoy, mañana, lunes…", "dd/mm/yyyy, today, tomorrow, monday…";
    HintTime => "10:30, 17, 5 pm", "10:30, 17, 5 pm";
    PickNone => "(ninguno)", "(none)";
    PickerTitle => "Elegir: {}", "Choose: {}";
    PickerType => "Escriba para filtrar", "Type to filter";
    PickerEmpty => "Nada coincide.", "Nothing matches.";
    FilterTitle => "Filtros", "Filters";
    FilterAll => "(todos)", "(all)";
    FilterLine => "Filtros:", "Filters:";
    FilterClear => "Esc quita", "Esc clears";
    SearchLabel => "Buscar:", "Search:";
    SearchCount => "{} resultados", "{} results";
    SearchOne => "1 resultado", "1 result";
    SearchMany => "más de {} resultados", "more than {} results";
    SearchNone => "sin resultados", "no results";
    SyncFolderTitle => "Carpeta de sincronización", "Sync folder";
    SyncFolderHint => "La memoria USB o la carpeta compartida, por ejemplo E:\\prensa o /media/usb/prensa. Se recordará.", "The USB stick or the shared folder, for example E:\\prensa or /media/usb/prensa. It is remembered.";
    SyncFolderMissing => "Esa carpeta no existe o no es una carpeta: conecte la memoria o revise la ruta.", "That folder does not exist or is not a folder: plug in the stick or check the path.";
    MessageTitle => "Aviso", "Notice";
    StatusMenuTitle => "Cambiar estado: {}", "Change status: {}";
    NotAllowed => "no permitido", "not allowed";
    MenuFooter => " número o Enter elige · Esc cierra ", " number or Enter picks · Esc closes ";

    // What the status bar says after an action.
    DidCreate => "Guardado: {} «{}». u deshace.", "Saved: {} “{}”. u undoes.";
    DidUpdate => "Cambios guardados: «{}». u deshace.", "Changes saved: “{}”. u undoes.";
    DidDelete => "Eliminado: {} «{}». u deshace.", "Deleted: {} “{}”. u undoes.";
    DidStatus => "«{}» ahora está en «{}». u deshace.", "“{}” is now “{}”. u undoes.";
    DidResolve => "Conflicto decidido: {}. u deshace.", "Conflict decided: {}. u undoes.";
    DidUndo => "Deshecho: {}", "Undone: {}";
    DidUndoKept => "Deshecho: {} ({} campos se dejaron como estaban: cambiaron después).", "Undone: {} ({} fields were left as they were: they changed later).";
    UndoNothing => "No hay nada que deshacer en esta sesión.", "Nothing to undo in this session.";
    UndoLabelCreate => "crear {} «{}»", "create {} “{}”";
    UndoLabelUpdate => "cambios a «{}»", "changes to “{}”";
    UndoLabelDelete => "eliminar {} «{}»", "delete {} “{}”";
    UndoLabelStatus => "estado de «{}»", "status of “{}”";
    UndoLabelResolve => "decisión sobre «{}»", "decision on “{}”";
    DidCopy => "Copiado al portapapeles: {}", "Copied to the clipboard: {}";
    NothingSelected => "No hay nada seleccionado.", "Nothing is selected.";
    NothingHere => "Aquí no hay nada que crear: pase a otra pestaña (2 a 6).", "There is nothing to create here: go to another tab (2 to 6).";
    LinkGone => "Ese registro ya no existe.", "That record no longer exists.";
    LinkFiltersCleared => "Se quitaron la búsqueda y los filtros de la lista para mostrarlo.", "The list's search and filters were cleared to show it.";
    BackNothing => "No hay a dónde regresar.", "Nowhere to go back to.";
    ConfirmDelete => "¿Eliminar {} «{}»? s = eliminar, n = no", "Delete {} “{}”? y = delete, n = no";
    ConfirmDeleteChildren => "¿Eliminar {} «{}» y lo que depende de él ({})? s = eliminar, n = no", "Delete {} “{}” and what depends on it ({})? y = delete, n = no";
    ConflictBusy => "Otro programa está usando la base: la decisión no se guardó y sigue pendiente. Intente de nuevo en un momento.", "Another program is using the database: the decision was not saved and is still pending. Try again in a moment.";

    // Keys of lists, details, forms and pickers.
    GroupRecords => "Registros", "Records";
    GroupDetail => "En el detalle", "In the detail";
    GroupSearch => "Al buscar", "While searching";
    GroupForm => "En un formulario", "In a form";
    GroupPicker => "Al elegir de una lista", "In a picker";
    GroupMenu => "En un menú", "In a menu";
    KeyN => "n", "n";
    KeyE => "e", "e";
    KeyD => "d", "d";
    KeyU => "u", "u";
    KeyY => "y", "y";
    KeyM => "m", "m";
    KeySlash => "/", "/";
    KeyF => "f", "f";
    KeyBrackets => "[ ]", "[ ]";
    KeyEnter => "Enter", "Enter";
    KeyBackspace => "Retroceso", "Backspace";
    KeyTabs => "Tab Mayús+Tab", "Tab Shift+Tab";
    KeyLeftRight => "←→", "←→";
    KeySpace => "Espacio", "Space";
    KeyDel => "Supr", "Del";
    KeyDigitsMenu => "1-9", "1-9";
    HelpNew => "Nuevo", "New";
    HelpEdit => "Editar", "Edit";
    HelpDelete => "Eliminar", "Delete";
    HelpUndo => "Deshacer", "Undo";
    HelpCopy => "Copiar", "Copy";
    HelpStatus => "Estado", "Status";
    HelpSearch => "Buscar", "Search";
    HelpFilter => "Filtros", "Filters";
    HelpViews => "Vistas", "Views";
    HelpDetail => "Al detalle", "To the detail";
    HelpBack => "Regresar", "Back";
    HelpOpen => "Abrir", "Open";
    HelpToList => "A la lista", "To the list";
    HelpNewChild => "Agregar", "Add";
    HelpSearchKeep => "Ver resultados", "See the results";
    HelpSearchClear => "Quitar la búsqueda", "Clear the search";
    HelpClearQuery => "Quitar búsqueda o filtros", "Clear search or filters";
    HelpFields => "Campo siguiente / anterior", "Next / previous field";
    HelpChoice => "Cambiar opción", "Change option";
    HelpToggle => "Sí / no", "Yes / no";
    HelpPick => "Elegir de la lista", "Pick from the list";
    HelpClearField => "Quitar lo elegido", "Clear the choice";
    HelpChoose => "Elegir", "Choose";
    HelpMenuPick => "Elegir opción", "Pick an option";
    HelpConfirmYes => "Sí", "Yes";
    HelpConfirmNo => "No", "No";
    SecArchive => "En el archivo", "In the archive";
    SecPending => "Solicitudes pendientes", "Pending requests";
    SecMembers => "Integrantes", "Members";
    SecSends => "Envíos recientes", "Recent sends";
    SecJournalists => "Periodistas", "Journalists";
    FieldTags => "Etiquetas", "Tags";
    FieldHead => "Titular", "Head";
    FieldWebsite => "Sitio web", "Website";
    FieldDue => "Fecha límite", "Due by";
    FieldSent => "Enviada", "Sent";
    FieldActive => "Activa", "Active";
    ViewReports => "Reportes", "Reports";
    ViewRequests => "Solicitudes", "Requests";
    ViewDepartments => "Áreas", "Departments";
    ViewJournalists => "Periodistas", "Journalists";
    ViewOutlets => "Medios", "Outlets";
    ViewLists => "Listas", "Lists";
    ColSent => "Enviada", "Sent";
    ColDue => "Vence", "Due";
    ColSubject => "Asunto", "Subject";
    ColHead => "Titular", "Head";
    ColCity => "Ciudad", "City";
    ColMembers => "Integrantes", "Members";
    ColJournalists => "Periodistas", "Journalists";
    ColDescription => "Descripción", "Description";

    // Errors (the store).
    ErrNotPrensa => "«{}» no es una base de datos de prensa; no se modificó. Indique otro archivo con --db.", "“{}” is not a prensa database; it was not changed. Name another file with --db.";
    ErrNewer => "«{}» es de una versión más reciente de prensa (esquema {}; esta versión entiende hasta {}); no se modificó. Actualice prensa para abrirla.", "“{}” comes from a newer prensa (schema {}; this version understands up to {}); it was not changed. Update prensa to open it.";
    ErrIncomplete => "«{}» está vacía, incompleta o dañada (¿una copia interrumpida?); no se modificó. Vuelva a copiarla desde el original o use un respaldo.", "“{}” is empty, incomplete or damaged (an interrupted copy?); it was not changed. Copy it again from the original or use a backup.";
    ErrNotFound => "No se encontró el registro ({} {}).", "Record not found ({} {}).";
    ErrSchema => "La base de datos no tiene lo que esta versión espera ({}).", "The database lacks what this version expects ({}).";
    ErrIo => "No se pudo leer o escribir «{}»: {}", "Could not read or write “{}”: {}";
    ErrReadOnly => "La base de datos es de solo lectura: no se guardó nada. Revise los permisos del archivo o de la carpeta.", "The database is read-only: nothing was saved. Check the file's or folder's permissions.";
    ErrDiskFull => "El disco está lleno: no se guardó nada. Libere espacio e intente de nuevo.", "The disk is full: nothing was saved. Free some space and try again.";
    ErrBusy => "Otro programa está usando la base de datos; intente de nuevo en un momento.", "Another program is using the database; try again in a moment.";
    ErrCorrupt => "La base de datos está dañada: no se modificó. Use un respaldo.", "The database is damaged: it was not changed. Use a backup.";
    ErrCannotOpen => "No se pudo abrir la base de datos: revise la ruta y los permisos.", "Could not open the database: check the path and permissions.";
    ErrClockAhead => "El reloj del equipo «{}» está adelantado unas {} horas: no se recibió nada de él. Corrija la fecha y hora de ese equipo y vuelva a sincronizar.", "The clock of machine “{}” is about {} hours ahead: nothing was taken from it. Fix that machine's date and time and sync again.";
    ErrSqlite => "Error de la base de datos: {}", "Database error: {}";

    // Sync.
    SyncErrFolder => "La carpeta de sincronización «{}» no existe o no es una carpeta. Conecte la memoria o la unidad de red y revise la ruta.", "The sync folder “{}” does not exist or is not a folder. Plug in the stick or the network drive and check the path.";
    SyncErrManifest => "No se puede leer el manifiesto «{}»: está dañado o es de otra versión. Bórrelo de la carpeta; su equipo lo escribirá de nuevo al sincronizar. No se modificó nada.", "Cannot read the manifest “{}”: it is damaged or from another version. Delete it from the folder; its machine will write it again when it syncs. Nothing was changed.";
    SyncErrMissing => "Falta «{}» o cambió mientras se leía (¿otro equipo está sincronizando?). Intente de nuevo en un momento. No se modificó nada.", "“{}” is missing or changed while being read (is another machine syncing?). Try again in a moment. Nothing was changed.";
    SyncErrMismatch => "«{}» no coincide con su manifiesto (copia incompleta o dañada). No se modificó nada; sincronice de nuevo desde el equipo que lo escribió.", "“{}” does not match its manifest (an incomplete or damaged copy). Nothing was changed; sync again from the machine that wrote it.";
    SyncErrDamaged => "«{}» se rechazó: {} No se modificó nada.", "“{}” was refused: {} Nothing was changed.";
    SyncErrSameReplica => "«{}» usa la misma identidad que esta base: alguien copió el archivo de la base a mano a otro equipo. No se modificó nada; en ese equipo cree una base nueva y sincronice desde la carpeta.", "“{}” uses this database's identity: the database file was copied by hand to another machine. Nothing was changed; on that machine create a new database and sync from the folder.";
    SyncErrRead => "No se pudo leer «{}»: {}. No se modificó nada.", "Could not read “{}”: {}. Nothing was changed.";
    SyncErrWrite => "No se pudo escribir en «{}»: {} (¿solo lectura o sin espacio?). La base de este equipo quedó como estaba.", "Could not write to “{}”: {} (read-only or full?). This machine's database was left as it was.";
    SyncErrWriteVerify => "Lo escrito en «{}» no se leyó igual (¿memoria dañada?). Se descartó; la base de este equipo quedó como estaba.", "What was written to “{}” did not read back the same (a failing stick?). It was discarded; this machine's database was left as it was.";
    SyncStepRead => "Leyendo la carpeta", "Reading the folder";
    SyncStepCopy => "Copiando y revisando", "Copying and checking";
    SyncStepBackup => "Respaldando", "Backing up";
    SyncStepMerge => "Combinando cambios", "Merging changes";
    SyncStepPublish => "Publicando este equipo", "Publishing this machine";
    SyncStepMedia => "Copiando multimedia", "Copying media";

    SyncHeader => "Sincronización con «{}»:", "Sync with “{}”:";
    SyncDryHeader => "Revisión (no se escribió nada) de la sincronización con «{}»:", "Review (nothing was written) of the sync with “{}”:";
    SyncMachines => "  equipos encontrados: {}", "  machines found: {}";
    SyncNoMachines => "ninguno todavía", "none yet";
    SyncReceived => "  cambios recibidos: {}", "  changes received: {}";
    SyncSent => "  cambios enviados: {}", "  changes sent: {}";
    SyncConflicts => "  conflictos nuevos: {}", "  new conflicts: {}";
    SyncMedia => "  multimedia: {} archivos enviados, {} recibidos", "  media: {} files sent, {} received";
    SyncNoFolder => "Indique la carpeta de sincronización (la memoria USB o la carpeta compartida): prensa sincronizar CARPETA. Se recordará para la próxima vez.", "Name the sync folder (the USB stick or the shared folder): prensa sync FOLDER. It is remembered for next time.";
    DriveNetwork => "«{}» está en una unidad de red: SQLite no es confiable ahí y la base podría dañarse, así que no se abrió. Use una base en este equipo y use «{}» como carpeta de sincronización.", "“{}” is on a network drive: SQLite is not reliable there and the database could be damaged, so it was not opened. Use a database on this machine and “{}” as the sync folder.";
    DriveRemovable => "«{}» está en una unidad extraíble (memoria USB): no es confiable para trabajar directo, así que no se abrió. Use una base en este equipo y use «{}» como carpeta de sincronización.", "“{}” is on a removable drive (USB stick): not reliable to work on directly, so it was not opened. Use a database on this machine and “{}” as the sync folder.";
    DriveOffer => "¿Usar «{}» como carpeta de sincronización de este equipo? [s/N]", "Use “{}” as this machine's sync folder? [y/N]";
    DriveSaved => "Listo: se guardó. Abra prensa normalmente y sincronice con «prensa sincronizar».", "Done: saved. Open prensa as usual and sync with “prensa sync”.";

    // Command line.
    CliAbout => "Consola de redacción para Comunicación Social: agenda, reportes, borradores, medios y archivo en un solo archivo.", "Newsroom console for a municipal press office: agenda, reports, drafts, media and archive in one file.";
    CliDb => "Base de datos a usar (por omisión, la de este equipo en su carpeta de datos)", "Database to use (default: this machine's, in its data folder)";
    CliDemo => "Abre la consola sobre una copia temporal nueva de los datos de demostración", "Opens the console on a fresh temporary copy of the demo data";
    CliLang => "Idioma: es (español) o en (inglés)", "Language: es (Spanish) or en (English)";
    CliHelp => "Muestra esta ayuda", "Shows this help";
    CliVersion => "Muestra la versión", "Shows the version";
    CliDemoCmd => "Escribe los datos de demostración en una base nueva (--db RUTA)", "Writes the demo data into a new database (--db PATH)";
    CliGrande => "Escribe el conjunto grande para pruebas de rendimiento", "Writes the large benchmark dataset";
    CliFecha => "Fecha de referencia, AAAA-MM-DD (por omisión, hoy)", "Reference date, YYYY-MM-DD (default: today)";
    CliOptions => "Opciones", "Options";
    CliSyncCmd => "Sincroniza con la carpeta compartida o la memoria USB (por omisión, la última usada)", "Syncs with the shared folder or USB stick (default: the last one used)";
    CliSyncFolder => "Carpeta de sincronización", "Sync folder";
    CliSyncDry => "Muestra lo que haría sin escribir nada", "Shows what it would do without writing anything";
    CliFormat => "Formato de salida: texto o json", "Output format: texto (text) or json";
    CliUsage => "Uso:", "Usage:";
    CliCommands => "Comandos", "Commands";
    UsageError => "uso incorrecto: {}", "wrong usage: {}";
    UsageUnknownArg => "opción desconocida «{}»", "unknown option “{}”";
    UsageInvalidValue => "valor no válido para {}", "invalid value for {}";
    UsageMissing => "falta un argumento obligatorio", "a required argument is missing";
    UsageUnknownCommand => "comando desconocido «{}»", "unknown command “{}”";
    UsageOther => "argumentos no válidos", "invalid arguments";
    UsageHint => "Consulte «prensa --help».", "See “prensa --help”.";
    UsageDemoNeedsDb => "«prensa demo» necesita --db RUTA (el archivo nuevo donde escribir la demostración)", "“prensa demo” needs --db PATH (the new file to write the demo into)";
    DemoRefuse => "«{}» ya contiene datos; «prensa demo» solo escribe en un archivo nuevo o vacío. Indique otra ruta.", "“{}” already holds data; “prensa demo” only writes into a new or empty file. Name another path.";
    DemoDone => "Datos de demostración escritos en «{}»: {} eventos, {} reportes, {} borradores, {} periodistas, {} elementos de archivo ({} s).", "Demo data written to “{}”: {} events, {} reports, {} drafts, {} journalists, {} archive items ({} s).";
    DemoPreparing => "Preparando los datos de demostración…", "Preparing the demo data…";
    DemoProgress => "Escribiendo demostración", "Writing demo";
    ErrorPrefix => "prensa: {}", "prensa: {}";
    NoDataDir => "No se encontró la carpeta de datos de este usuario; indique la base con --db RUTA.", "No data folder was found for this user; name the database with --db PATH.";
    ConfigBroken => "aviso: no se pudo leer la configuración «{}»; se usan los valores por omisión.", "warning: could not read the configuration “{}”; using defaults.";
    TerminalError => "No se pudo usar la terminal: {}", "Could not use the terminal: {}";
    TermDumb => "La terminal «{}» no puede mover el cursor, así que la consola no puede dibujarse. Ábrala en una terminal como Windows Terminal, xterm o la de su sistema (o con TERM=xterm-256color); los comandos como «prensa sincronizar» funcionan en cualquiera.", "The terminal “{}” cannot move the cursor, so the console cannot be drawn. Open it in a terminal such as Windows Terminal, xterm or your system's (or with TERM=xterm-256color); commands such as “prensa sync” work in any.";

    // Faults (storage and sync).
    ErrDamagedBackup => "«{}» está dañada o incompleta y no se pudo reparar; no se modificó. Cierre prensa y ponga en su lugar una copia del respaldo más reciente, «{}», que está en la carpeta «{}».", "“{}” is damaged or incomplete and could not be repaired; it was not changed. Close prensa and put in its place a copy of the newest backup, “{}”, in the folder “{}”.";
    IoNotFound => "no existe", "it does not exist";
    IoPermission => "no tiene permiso", "permission denied";
    IoReadOnly => "la unidad es de solo lectura", "the drive is read-only";
    IoFull => "no queda espacio en la unidad", "the drive is full";
    IoLoop => "la ruta da vueltas entre enlaces simbólicos (o tiene demasiados enlaces)", "the path loops through symbolic links (or has too many links)";
    IoIsDir => "es una carpeta, no un archivo", "it is a folder, not a file";
    IoNotDir => "una parte de la ruta no es una carpeta", "part of the path is not a folder";
    IoExists => "ya existe", "it already exists";
    IoBusy => "otro programa lo está usando", "another program is using it";
    IoBadName => "el nombre no es válido", "the name is not valid";
    IoTooLarge => "el archivo es demasiado grande para la unidad", "the file is too large for the drive";
    IoBadData => "se leyó incompleto o dañado", "it read back incomplete or damaged";
    IoGone => "la unidad dejó de responder (¿se desconectó?)", "the drive stopped answering (was it disconnected?)";
    IoOther => "error del sistema (código {})", "system error (code {})";
    IoUnknown => "error del sistema", "system error";
    PeerMissing => "Falta «{}», que publicó el equipo «{}»: no se recibió nada de ese equipo. Sincronice de nuevo en ese equipo para que vuelva a publicar sus archivos.", "“{}”, published by machine “{}”, is missing: nothing was taken from that machine. Sync again on that machine so that it publishes its files again.";
    PeerMismatch => "«{}» no coincide con su manifiesto (copia incompleta o dañada): no se recibió nada del equipo «{}». Sincronice de nuevo en ese equipo para que vuelva a publicar sus archivos.", "“{}” does not match its manifest (an incomplete or damaged copy): nothing was taken from machine “{}”. Sync again on that machine so that it publishes its files again.";
    PeerManifest => "No se puede leer el manifiesto «{}» (está dañado o es de otra versión): se omitió. Bórrelo de la carpeta; el equipo que lo escribió lo publicará de nuevo al sincronizar.", "Cannot read the manifest “{}” (damaged or from another version): it was skipped. Delete it from the folder; the machine that wrote it publishes it again when it syncs.";
    PeerRead => "No se pudo leer «{}» ({}): no se recibió nada del equipo «{}». Revise la memoria o la unidad de red y sincronice de nuevo.", "Could not read “{}” ({}): nothing was taken from machine “{}”. Check the stick or the network drive and sync again.";
    PeerForeign => "«{}» se rechazó: no es un archivo de prensa; no se recibió nada del equipo «{}». Borre de la carpeta los archivos que empiezan por «{}» y sincronice de nuevo en ese equipo.", "“{}” was refused: it is not a prensa file; nothing was taken from machine “{}”. Delete the files starting with “{}” from the folder and sync again on that machine.";
    PeerNewer => "«{}» es de una versión más reciente de prensa (esquema {}; esta entiende hasta {}): no se recibió nada del equipo «{}». Actualice prensa en este equipo y sincronice de nuevo.", "“{}” comes from a newer prensa (schema {}; this one understands up to {}): nothing was taken from machine “{}”. Update prensa on this machine and sync again.";
    PeerBroken => "«{}» se rechazó: está incompleto o dañado; no se recibió nada del equipo «{}». Sincronice de nuevo en ese equipo; si sigue igual, borre de la carpeta los archivos que empiezan por «{}».", "“{}” was refused: it is incomplete or damaged; nothing was taken from machine “{}”. Sync again on that machine; if it stays the same, delete the files starting with “{}” from the folder.";
    PeerSchema => "Los cambios del equipo «{}» usan datos que esta versión de prensa no conoce ({}): no se recibió nada de él. Actualice prensa en este equipo y sincronice de nuevo.", "The changes of machine “{}” use data this version of prensa does not know ({}): nothing was taken from it. Update prensa on this machine and sync again.";
    SyncSkipped => "  omitidos: {}", "  skipped: {}";
    SyncSkippedItem => "    - {}", "    - {}";
    SyncSkippedExit => "la sincronización terminó, pero se omitieron {} de los archivos de la carpeta (vea la lista); lo demás se combinó y este equipo se publicó.", "the sync finished, but {} of the folder's files were skipped (see the list); everything else was merged and this machine was published.";
    ErrNotAFile => "«{}» no es un archivo de base de datos (es una carpeta, una tubería o un dispositivo); no se abrió. Indique un archivo con --db.", "“{}” is not a database file (it is a folder, a pipe or a device); it was not opened. Name a file with --db.";
    ErrConflictTarget => "El conflicto {} señala un dato que esta versión de prensa no conoce ({}.{}): no se aplicó nada. Puede venir de un equipo con otra versión; actualice prensa.", "Conflict {} points at data this version of prensa does not know ({}.{}): nothing was applied. It may come from a machine with another version; update prensa.";
    DbMissingAsk => "No existe una base de datos en «{}». ¿Crear ahí una base nueva, vacía? [s/N]", "There is no database at “{}”. Create a new, empty one there? [y/N]";
    DbMissingDeclined => "No se creó nada. Revise la ruta de --db.", "Nothing was created. Check the --db path.";
    DbMissingNoTerminal => "No existe una base de datos en «{}» y no se creó ninguna (¿un error al escribir la ruta?). Para crear una nueva ahí, ejecute «prensa --db RUTA» en una terminal y confirme; para probar, «prensa demo --db RUTA» escribe la demostración.", "There is no database at “{}” and none was created (a typo in the path?). To create a new one there, run “prensa --db PATH” in a terminal and confirm; to try prensa, “prensa demo --db PATH” writes the demo.";
    DbMissingCommand => "No existe una base de datos en «{}»: no se hizo nada. Revise la ruta de --db; una base nueva se crea abriendo la consola («prensa --db RUTA») en una terminal.", "There is no database at “{}”: nothing was done. Check the --db path; a new database is created by opening the console (“prensa --db PATH”) in a terminal.";
    CliYes => "Confirma por adelantado, sin preguntar (para guiones)", "Confirms in advance, without asking (for scripts)";
    ErrDiskIo => "No se pudo leer o escribir en el disco (¿una unidad dañada o desconectada?): no se guardó nada. Revise la unidad e intente de nuevo.", "Could not read from or write to the disk (a failing or disconnected drive?): nothing was saved. Check the drive and try again.";
    SyncNewIdentity => "  «{}» (equipo «{}») publica con la identidad de esta base: uno de los dos archivos es una copia del otro, o esta base se restauró de un respaldo. Esta base tomó una identidad nueva (…{}) y conserva todos sus datos; no se perdió ningún cambio.", "  “{}” (machine “{}”) publishes under this database's identity: one of the two files is a copy of the other, or this database was restored from a backup. This database took a new identity (…{}) and keeps all its data; no change was lost.";
    SyncNewIdentityDry => "  «{}» (equipo «{}») publica con la identidad de esta base: al sincronizar, esta base tomará una identidad nueva y conservará todos sus datos. Esa parte no se contó en esta revisión.", "  “{}” (machine “{}”) publishes under this database's identity: when it syncs, this database takes a new identity and keeps all its data. That part was not counted in this review.";
    PeerSameIdentity => "«{}» y «{}» publican con una misma identidad (un archivo de base copiado a mano): no se recibió nada de ellos por ahora, para no mezclar sus cambios. Se recibirán cuando el equipo «{}» o el otro sincronicen con esta versión de prensa, que les da identidades distintas.", "“{}” and “{}” publish under one identity (a database file copied by hand): nothing was taken from them for now, so as not to mix their changes. They are taken once machine “{}” or the other syncs with this version of prensa, which gives them different identities.";
    ErrDamagedNoBackup => "«{}» está dañada o incompleta y no se pudo reparar; no se modificó. No hay respaldos de ella en la carpeta «{}»: use una copia que tenga en otro lugar, o cree una base nueva y sincronice desde la carpeta de sincronización.", "“{}” is damaged or incomplete and could not be repaired; it was not changed. The folder “{}” holds no backup of it: use a copy you keep elsewhere, or create a new database and sync from the sync folder.";

    // Importing and exporting (interop).
    ImportFrom => "Archivo: {}", "File: {}";
    ImportCounts => "Nuevos: {} · actualizados: {} · sin cambios: {} · omitidos: {}", "New: {} · updated: {} · unchanged: {} · skipped: {}";
    ImportListNew => "Se agregarán:", "To be added:";
    ImportListUpdated => "Se actualizarán:", "To be updated:";
    ImportListSkipped => "Se omitirán:", "To be skipped:";
    ImportItem => "  - {}", "  - {}";
    ImportMore => "  … y {} más", "  … and {} more";
    ImportSkippedAt => "  - {}, línea {}: «{}»: {}", "  - {}, line {}: “{}”: {}";
    ImportSkipped => "  - «{}»: {}", "  - “{}”: {}";
    ImportNotice => "Aviso: {}", "Notice: {}";
    ImportAsk => "¿Importar? Se escribirá todo o nada. [s/N]", "Import? Everything is written, or nothing. [y/N]";
    ImportNoTerminal => "No se escribió nada. Para importar, repita el comando con --si.", "Nothing was written. To import, run the command again with --si.";
    ImportDeclined => "No se importó nada.", "Nothing was imported.";
    ImportNothing => "No hay nada nuevo que importar: la agenda ya está al día.", "Nothing new to import: the agenda is already up to date.";
    ImportDone => "Importado: {} nuevos, {} actualizados.", "Imported: {} new, {} updated.";
    ImportRefused => "Se rechazó «{}»: {}. No se escribió nada.", "“{}” was refused: {}. Nothing was written.";
    IcalBroken => "{}", "{}";
    IcalBrokenAt => "línea {}: {}", "line {}: {}";
    IcalTooLarge => "«{}» mide {} bytes: es demasiado grande para ser un calendario", "“{}” is {} bytes: too large to be a calendar";
    IcalNotCalendar => "no es un calendario iCalendar (falta BEGIN:VCALENDAR)", "it is not an iCalendar calendar (BEGIN:VCALENDAR is missing)";
    IcalUnterminated => "el bloque {} empieza y no termina (falta su END)", "the {} block begins and never ends (its END is missing)";
    IcalBadEnd => "se esperaba el fin de {} y se encontró el de {}", "the end of {} was expected and that of {} was found";
    IcalUnclosed => "el bloque {} que empieza en la línea {} no termina; se leyó lo que contiene", "the {} block that begins on line {} never ends; what it holds was read";
    IcalTooMany => "tiene demasiados componentes", "it has too many components";
    IcalUntitled => "(sin título)", "(untitled)";
    IcalNoStart => "no tiene fecha de inicio (DTSTART)", "it has no start date (DTSTART)";
    IcalBadStart => "su fecha de inicio (DTSTART) no es una fecha válida", "its start (DTSTART) is not a valid date";
    IcalBadEnd2 => "su fecha de término (DTEND) no es una fecha válida", "its end (DTEND) is not a valid date";
    IcalBadRecurrenceId => "su RECURRENCE-ID no es una fecha válida", "its RECURRENCE-ID is not a valid date";
    IcalRuleTooOften => "se repite cada hora, minuto o segundo; la agenda solo admite repeticiones diarias, semanales, mensuales o anuales", "it repeats every hour, minute or second; the agenda only takes daily, weekly, monthly or yearly repeats";
    IcalBadRule => "su regla de repetición no se entiende: {}", "its repeat rule cannot be understood: {}";
    IcalUnknownZone => "la zona horaria «{}» (línea {}) no se reconoce: sus horas se tomaron como de la zona de la oficina", "the time zone “{}” (line {}) is not known: its times were taken as the office's zone";
    IcalNoSeries => "cambia una repetición de una serie que no está en el archivo ni en la agenda", "it changes one occurrence of a series that is neither in the file nor in the agenda";
    IcalNoOccurrence => "cambia la repetición del {} que la serie no tiene", "it changes the occurrence of {}, which the series does not have";
    IcalOccurrenceDeleted => "cambia la repetición del {}, que se eliminó de la agenda", "it changes the occurrence of {}, which was deleted from the agenda";
    IcalDuplicate => "repite el UID de otro evento del archivo (línea {})", "it repeats the UID of another event of the file (line {})";
    IcalRefusedByStore => "la agenda no lo acepta: {}", "the agenda does not accept it: {}";
    ExportDone => "Exportados {} eventos a «{}».", "Exported {} events to “{}”.";
    ExportBadDate => "{} «{}» no es una fecha: escriba AAAA-MM-DD, dd/mm/aaaa, «6 de marzo» u «hoy»", "{} “{}” is not a date: write YYYY-MM-DD, dd/mm/yyyy, “6 de marzo” or “hoy”";
    ExportBadRange => "--hasta ({}) es antes de --desde ({})", "--hasta ({}) is before --desde ({})";
    CliImportCmd => "Importa datos de un archivo (agenda: un calendario .ics), con vista previa", "Imports data from a file (agenda: an .ics calendar), with a preview";
    CliExportCmd => "Exporta datos a un archivo (agenda: un calendario .ics)", "Exports data to a file (agenda: an .ics calendar)";
    CliIcsFile => "El archivo .ics a importar", "The .ics file to import";
    CliFrom => "Primer día: AAAA-MM-DD, dd/mm/aaaa, «6 de marzo», «hoy»…", "First day: YYYY-MM-DD, dd/mm/yyyy, “6 de marzo”, “hoy”…";
    CliTo => "Último día (incluido), en las mismas formas", "Last day (included), in the same forms";
    CliOut => "Archivo a escribir", "File to write";
    CliAgenda => "La agenda (eventos)", "The agenda (events)";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for m in Msg::ALL {
            assert!(!m.text(Lang::Es).is_empty(), "{m:?}");
            assert!(!m.text(Lang::En).is_empty(), "{m:?}");
            let es = m.text(Lang::Es).matches("{}").count();
            let en = m.text(Lang::En).matches("{}").count();
            assert_eq!(es, en, "{m:?} placeholders differ");
        }
    }
}
