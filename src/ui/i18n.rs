//! Interface strings in English and French.
//!
//! One struct with a field per string, and one constant per language: a string missing in either
//! language is a compile error, not a blank button. Code labels and definitions come from the
//! codebook (`Localized`), not from here.

use crate::model::Lang;

macro_rules! strings {
    ($($field:ident: $en:expr, $fr:expr;)*) => {
        /// Every string the interface shows, in one language.
        #[derive(Debug)]
        pub struct Tr {
            $(pub $field: &'static str,)*
        }

        /// English.
        pub const EN: Tr = Tr { $($field: $en,)* };
        /// French.
        pub const FR: Tr = Tr { $($field: $fr,)* };
    };
}

strings! {
    app_name: "Normcoder", "Normcoder";
    menu_file: "File", "Fichier";
    new_project: "New project…", "Nouveau projet…";
    open: "Open…", "Ouvrir…";
    open_recent: "Open recent", "Ouvrir un fichier récent";
    no_recent: "No recent projects", "Aucun projet récent";
    open_demo: "Open the demo project", "Ouvrir le projet de démonstration";
    save: "Save", "Enregistrer";
    save_as: "Save as…", "Enregistrer sous…";
    import_documents: "Import documents…", "Importer des documents…";
    close_project: "Close project", "Fermer le projet";
    quit: "Quit", "Quitter";
    menu_edit: "Edit", "Édition";
    undo: "Undo", "Annuler";
    redo: "Redo", "Rétablir";
    find: "Find…", "Rechercher…";
    delete_annotation: "Delete annotation", "Supprimer l’annotation";
    repeat_last_code: "Repeat last code", "Répéter le dernier code";
    next_annotation: "Next annotation", "Annotation suivante";
    previous_annotation: "Previous annotation", "Annotation précédente";
    code_palette: "Code the selection…", "Coder la sélection…";
    menu_view: "View", "Affichage";
    zoom_in: "Zoom in", "Agrandir";
    zoom_out: "Zoom out", "Réduire";
    zoom_reset: "Actual size", "Taille réelle";
    language: "Language", "Langue";
    show_coders: "Show annotations of", "Afficher les annotations de";
    all_coders: "All coders", "Tous les codeurs";
    documents: "Documents", "Documents";
    filter: "Filter", "Filtrer";
    codebook: "Codebook", "Grille de codage";
    search_codes: "Search codes", "Rechercher un code";
    annotation: "Annotation", "Annotation";
    no_annotation_selected: "Click a highlighted passage to see its annotation.", "Cliquez sur un passage surligné pour voir son annotation.";
    codes: "Codes", "Codes";
    add_code: "Add a code", "Ajouter un code";
    remove_code: "Remove this code", "Retirer ce code";
    coder: "Coder", "Codeur";
    memo: "Memo", "Mémo";
    created: "Created", "Créée";
    modified: "Modified", "Modifiée";
    span: "Span", "Empan";
    adjust_span: "Set span to the selection", "Ajuster à la sélection";
    delete: "Delete", "Supprimer";
    quote: "Quote", "Citation";
    no_project: "No project is open.", "Aucun projet ouvert.";
    no_document: "Choose a document in the list on the left.", "Choisissez un document dans la liste à gauche.";
    saved: "Saved", "Enregistré";
    unsaved: "Unsaved changes", "Modifications non enregistrées";
    autosaved: "Recovery copy written", "Copie de secours écrite";
    annotations: "annotations", "annotations";
    selection: "Selection", "Sélection";
    characters: "characters", "caractères";
    search: "Search", "Rechercher";
    all_documents: "all documents", "tous les documents";
    match_case: "Match case", "Respecter la casse";
    match_accents: "Match accents", "Respecter les accents";
    whole_word: "Whole word", "Mot entier";
    previous: "Previous", "Précédent";
    next: "Next", "Suivant";
    close: "Close", "Fermer";
    hits: "hits", "résultats";
    no_hits: "No hits", "Aucun résultat";
    unsaved_title: "Unsaved changes", "Modifications non enregistrées";
    unsaved_question: "Save the changes to this project before closing it?", "Enregistrer les modifications de ce projet avant de le fermer ?";
    discard: "Discard", "Ne pas enregistrer";
    cancel: "Cancel", "Annuler";
    error_title: "Something went wrong", "Une erreur s’est produite";
    ok: "OK", "OK";
    recover_title: "Recover unsaved work?", "Récupérer le travail non enregistré ?";
    recover_question: "A recovery copy newer than the saved project was found (Normcoder may have closed unexpectedly).", "Une copie de secours plus récente que le projet enregistré a été trouvée (Normcoder s’est peut-être fermé inopinément).";
    recover: "Recover", "Récupérer";
    open_saved: "Open the saved version", "Ouvrir la version enregistrée";
    coder_title: "Who is coding?", "Qui code ?";
    coder_question: "Your name is stored with every annotation you make.", "Votre nom est enregistré avec chaque annotation que vous créez.";
    coder_name: "Your name", "Votre nom";
    start_coding: "Start coding", "Commencer à coder";
    nothing_selected: "Select a passage first.", "Sélectionnez d’abord un passage.";
    imported: "imported", "importé(s)";
    skipped: "skipped (already in the project)", "ignoré(s) (déjà dans le projet)";
    failed: "failed", "en échec";
    kind: "Kind", "Type";
    date: "Date", "Date";
    title: "Title", "Titre";
    shortcut: "Shortcut", "Raccourci";
    definition: "Definition", "Définition";
    no_shortcut_code: "No code has this key.", "Aucun code n’a cette touche.";
    // ---- analysis: retrieval, tables, charts, corpus search (issue 6) ----
    menu_analysis: "Analysis", "Analyse";
    retrieval: "Retrieval", "Extraction";
    tables: "Tables", "Tableaux";
    charts: "Charts", "Graphiques";
    corpus_search: "Search the corpus", "Rechercher dans le corpus";
    all_of_codes: "All chosen codes", "Tous les codes choisis";
    any_document: "Any document", "Tout document";
    any_coder: "Any coder", "Tout codeur";
    memo_contains: "Memo contains", "Le mémo contient";
    segments: "segment(s)", "segment(s)";
    export_csv: "Export CSV…", "Exporter en CSV…";
    export_svg: "Export SVG…", "Exporter en SVG…";
    exported: "Exported to", "Exporté vers";
    table: "Table", "Tableau";
    rule: "Rule", "Règle";
    per_code: "Per code", "Par code";
    per_document: "Per document", "Par document";
    per_coder: "Per coder", "Par codeur";
    principle_actor: "Principle × actor", "Principe × acteur";
    cooccurrence: "Code co-occurrence", "Cooccurrence des codes";
    code_document: "Code × document", "Code × document";
    by_year: "By year", "Par année";
    chart: "Chart", "Graphique";
    bar_chart: "Code frequencies", "Fréquence des codes";
    heat_map: "Principle × actor heat map", "Carte de chaleur principe × acteur";
    timeline: "Codes by year", "Codes par année";
    pattern: "Pattern", "Motif";
    regular_expression: "Regular expression", "Expression régulière";
    aliases_of: "Aliases of", "Alias de";
    code_with: "Code with", "Coder avec";
    code_all_hits: "Code all hits", "Coder tous les résultats";
    code_ticked_hits: "Code ticked hits", "Coder les résultats cochés";
    new_annotations: "new", "nouvelle(s)";
    already_coded: "already coded", "déjà codé(s)";
    choose_codes: "Tick at least one code.", "Cochez au moins un code.";
    autocoded: "annotations added (one undo step)", "annotations ajoutées (une seule annulation)";
    rule_same: "same annotation", "même annotation";
    rule_overlap: "overlapping annotations", "annotations qui se chevauchent";
    rule_paragraph: "same paragraph", "même paragraphe";
    // ---- end of analysis strings ----
    // ---- import: batch import, summary, metadata form (issue 4) ----
    import_folder: "Import a folder…", "Importer un dossier…";
    importing: "Importing documents", "Importation des documents";
    listing_files: "Listing the files…", "Recherche des fichiers…";
    cancelling: "Stopping after this file…", "Arrêt après ce fichier…";
    import_cancelled: "Import cancelled: the project was not changed.", "Importation annulée : le projet n’a pas été modifié.";
    import_busy: "An import is already running.", "Une importation est déjà en cours.";
    nothing_to_import: "No document to import.", "Aucun document à importer.";
    import_summary: "Import summary", "Bilan de l’importation";
    skipped_duplicate: "skipped (same text)", "ignoré(s) (même texte)";
    one_undo: "Undo (Ctrl+Z) removes the whole import.", "Annuler (Ctrl+Z) retire toute l’importation.";
    file: "File", "Fichier";
    result: "Result", "Résultat";
    imported_as: "Imported as", "Importé sous";
    duplicate_of_project: "Skipped: same text as the document", "Ignoré : même texte que le document";
    duplicate_in_batch: "Skipped: same text as another file of this import, imported as", "Ignoré : même texte qu’un autre fichier de cette importation, importé sous";
    failed_because: "Failed:", "Échec :";
    ignored_type: "Ignored: not a type of file Normcoder reads", "Ignoré : type de fichier que Normcoder ne lit pas";
    edit_metadata: "Edit metadata…", "Modifier les métadonnées…";
    metadata_title: "Document metadata", "Métadonnées du document";
    date_hint: "YYYY, YYYY-MM or YYYY-MM-DD", "AAAA, AAAA-MM ou AAAA-MM-JJ";
    bad_date: "Write the date as YYYY, YYYY-MM or YYYY-MM-DD (a real day).", "Écrivez la date sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ (un jour qui existe).";
    empty_title: "The title cannot be empty.", "Le titre ne peut pas être vide.";
    unnamed_attribute: "An attribute has a value but no name.", "Un attribut a une valeur mais pas de nom.";
    duplicate_attribute: "Two attributes have the same name:", "Deux attributs portent le même nom :";
    language_code: "Language (ISO code)", "Langue (code ISO)";
    author: "Author or speaker", "Auteur ou orateur";
    institution: "Institution", "Institution";
    origin: "Origin (file or URL)", "Origine (fichier ou URL)";
    attributes: "Attributes", "Attributs";
    attribute_name: "Name", "Nom";
    attribute_value: "Value", "Valeur";
    add_attribute: "Add an attribute", "Ajouter un attribut";
    remove_attribute: "Remove", "Retirer";
    kind_none: "(none)", "(aucun)";
    kind_question: "question", "question";
    kind_answer: "answer", "réponse";
    kind_speech: "speech", "discours";
    kind_article: "article", "article";
    kind_declaration: "declaration", "déclaration";
    kind_report: "report", "rapport";
    kind_resolution: "resolution", "résolution";
    kind_other: "other", "autre";
    // ---- end of import strings ----
}

/// The strings of a language.
#[must_use]
pub fn tr(lang: Lang) -> &'static Tr {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}
