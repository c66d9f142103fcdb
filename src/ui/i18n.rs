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
    decimal_separator: ".", ",";
    menu_file: "File", "Fichier";
    open_recent: "Open recent", "Ouvrir un fichier récent";
    no_recent: "No recent projects", "Aucun projet récent";
    menu_edit: "Edit", "Édition";
    find: "Find…", "Rechercher…";
    code_palette: "Code the selection…", "Coder la sélection…";
    menu_view: "View", "Affichage";
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
    all_of_codes: "All chosen codes", "Tous les codes choisis";
    any_document: "Any document", "Tout document";
    any_coder: "Any coder", "Tout codeur";
    memo_contains: "Memo contains", "Le mémo contient";
    any_kind: "Any kind", "Tout type";
    doc_language: "Language of the text", "Langue du texte";
    any_language: "Any language", "Toute langue";
    date_from: "Dated from", "Daté du";
    date_to: "to", "au";
    date_format_hint: "YYYY, YYYY-MM or YYYY-MM-DD", "AAAA, AAAA-MM ou AAAA-MM-JJ";
    invalid_date: "not a date (YYYY, YYYY-MM or YYYY-MM-DD): ignored", "date invalide (AAAA, AAAA-MM ou AAAA-MM-JJ) : ignorée";
    attribute: "Attribute", "Attribut";
    any_attribute: "Any attribute", "Tout attribut";
    attribute_equals: "equals", "vaut";
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
    // ---- exchange: File ▸ Export…, REFI-QDA import (issue 5) ----
    export_title: "Export", "Exporter";
    export_format: "Format", "Format";
    export_button: "Export…", "Exporter…";
    export_options: "Options", "Options";
    export_bom: "UTF-8 byte-order mark (for Excel)", "Marque d’ordre d’octets UTF-8 (pour Excel)";
    export_what: "Will export:", "Sera exporté :";
    export_documents_n: "document(s)", "document(s)";
    export_codings_n: "coding(s)", "codage(s)";
    export_coders_n: "coder(s)", "codeur(s)";
    export_busy: "Exporting…", "Export en cours…";
    importing_busy: "Importing…", "Import en cours…";
    export_tick_document: "Tick at least one document.", "Cochez au moins un document.";
    export_tick_code: "Tick at least one code.", "Cochez au moins un code.";
    export_all: "All", "Tout";
    export_none: "None", "Aucun";
    export_files: "file(s)", "fichier(s)";
    export_folder_note: "This format writes a folder: you will choose it.", "Ce format écrit un dossier : vous le choisirez.";
    format_qdpx: "REFI-QDA project, for ATLAS.ti, MAXQDA, NVivo, QualCoder", "Projet REFI-QDA, pour ATLAS.ti, MAXQDA, NVivo, QualCoder";
    format_qdc: "REFI-QDA codebook alone", "Grille de codage REFI-QDA seule";
    format_csv: "One row per coding and code, for pandas, R or a spreadsheet", "Une ligne par codage et par code, pour pandas, R ou un tableur";
    format_matrix_csv: "Code × document counts", "Effectifs code × document";
    format_jsonl: "JSON Lines folder, for NLP pipelines", "Dossier JSON Lines, pour le traitement automatique des langues";
    format_brat: "brat standoff folder (.txt and .ann per document)", "Dossier brat standoff (.txt et .ann par document)";
    format_web_annotation: "W3C Web Annotation (JSON-LD)", "W3C Web Annotation (JSON-LD)";
    format_html: "Self-contained HTML report, to project or print", "Rapport HTML autonome, à projeter ou imprimer";
    lost_qdpx: "Not carried by REFI-QDA: French labels and definitions, shortcuts, aliases.", "Non transmis par REFI-QDA : libellés et définitions en français, raccourcis, alias.";
    lost_qdc: "The codebook only: no documents, no codings.", "La grille seule : ni documents ni codages.";
    lost_csv: "No full texts (quotes only), no definitions.", "Ni textes complets (citations seulement) ni définitions.";
    lost_matrix_csv: "Counts only: no positions, quotes, coders or memos.", "Effectifs seulement : ni positions, ni citations, ni codeurs, ni mémos.";
    lost_jsonl: "Everything is carried (texts, codings, codebook, coders).", "Tout est transmis (textes, codages, grille, codeurs).";
    lost_brat: "brat has no coder or date field: export one coder at a time to keep coders apart.", "brat n’a ni codeur ni date : exportez un codeur à la fois pour les distinguer.";
    lost_web_annotation: "No codebook definitions: codes are carried as their ids.", "Pas de définitions : les codes sont transmis par leur identifiant.";
    lost_html: "A report to read: other tools cannot import it.", "Un rapport à lire : les autres logiciels ne peuvent pas l’importer.";
    report_title: "Import report", "Rapport d’import";
    report_imported: "Imported:", "Importé :";
    report_groups: "group(s)", "groupe(s)";
    report_codes: "code(s)", "code(s)";
    report_warnings: "Carried with a change", "Transmis avec une modification";
    report_not_carried: "Not carried", "Non transmis";
    report_all_carried: "Everything in the file was carried.", "Tout le contenu du fichier a été transmis.";
    report_nothing_new: "Nothing new: the project already has every code of this codebook.", "Rien de nouveau : le projet contient déjà tous les codes de cette grille.";
    qdc_undo_hint: "One undo step (Ctrl+Z) removes what was added.", "Une seule annulation (Ctrl+Z) retire ce qui a été ajouté.";
    busy: "Please wait: another export or import is running.", "Patientez : un autre export ou import est en cours.";
    worker_stopped: "The export or import stopped unexpectedly.", "L’export ou l’import s’est arrêté inopinément.";
    // ---- end of exchange strings ----
    // ---- team: agreement, disagreements, seminar, merge (issue 7) ----
    menu_team: "Team", "Équipe";
    colon: ":", "\u{a0}:";
    quote_open: "“", "«\u{a0}";
    quote_close: "”", "\u{a0}»";
    disagreements: "Disagreements", "Désaccords";
    merging: "Merging…", "Fusion en cours…";
    // ---- the in-window file picker, when the desktop has no file chooser (issue 15) ----
    pick_open_project: "Open a project", "Ouvrir un projet";
    pick_save_project: "Save the project as", "Enregistrer le projet sous";
    pick_new_project: "Create a new project", "Créer un nouveau projet";
    pick_documents: "Import documents", "Importer des documents";
    pick_document_folder: "Import the documents of a folder", "Importer les documents d’un dossier";
    pick_export_file: "Export to a file", "Exporter vers un fichier";
    pick_export_folder: "Export into a folder", "Exporter dans un dossier";
    pick_save_text: "Save the export as", "Enregistrer l’export sous";
    pick_qdpx: "Import a REFI-QDA project (.qdpx)", "Importer un projet REFI-QDA (.qdpx)";
    pick_qdpx_target: "Save the imported project as", "Enregistrer le projet importé sous";
    pick_qdc: "Import a REFI-QDA codebook (.qdc)", "Importer une grille REFI-QDA (.qdc)";
    pick_merge_inputs: "Choose the coders’ projects to merge", "Choisir les projets des codeurs à fusionner";
    pick_merge_output: "Save the merged project as", "Enregistrer le projet fusionné sous";
    pick_projects: "Normcoder projects", "Projets Normcoder";
    pick_folders_only: "Folders only", "Dossiers seulement";
    pick_places: "Folders", "Dossiers";
    pick_shows: "Shows", "Affiche";
    pick_home: "Home", "Dossier personnel";
    pick_open: "Open", "Ouvrir";
    pick_choose: "Choose", "Choisir";
    pick_save: "Save", "Enregistrer";
    pick_file_label: "File:", "Fichier :";
    pick_parent: "Parent folder", "Dossier parent";
    pick_refresh: "Refresh", "Actualiser";
    pick_hidden: "Show hidden files", "Afficher les fichiers cachés";
    pick_several_hint: "Ctrl+click or Shift+click to choose several.", "Ctrl+clic ou Maj+clic pour en choisir plusieurs.";
    pick_path_hint: "Type a folder or a file in the field at the top, then Enter.", "Tapez un dossier ou un fichier dans le champ du haut, puis Entrée.";
    merge_report: "Merge report", "Rapport de fusion";
    merge_need_two: "Choose at least two project files to merge.", "Choisissez au moins deux fichiers de projet à fusionner.";
    merge_failed: "The projects could not be merged", "Les projets n’ont pas pu être fusionnés";
    merged_into: "Merged into", "Fusionné dans";
    merge_output_is_input: "is one of the files to merge; choose another output file", "est l’un des fichiers à fusionner ; choisissez un autre fichier de sortie";
    annotations_in_two_files: "annotations in two files", "annotations dans deux fichiers";
    merge_rename_hint: "If they are two different people, the coder of the later file can be renamed (for example alice-2) and the files merged. If it is the same person, cancel and rename one coder first.", "S’il s’agit de deux personnes différentes, le codeur du fichier suivant peut être renommé (par exemple alice-2) avant la fusion. S’il s’agit de la même personne, annulez et renommez d’abord l’un des codeurs.";
    merge_rename: "Rename and merge", "Renommer et fusionner";
    becomes: "becomes", "devient";
    merged_files: "Files merged", "Fichiers fusionnés";
    documents_only_in: "Documents found in one file only", "Documents présents dans un seul fichier";
    documents_renamed: "Documents matched by their text under another id", "Documents reconnus par leur texte sous un autre identifiant";
    codes_only_in: "Codes found in one file only", "Codes présents dans un seul fichier";
    codes_differing: "Codes whose label or definition differs (the first file’s kept)", "Codes dont le libellé ou la définition diffère (celui du premier fichier est gardé)";
    coders_renamed: "Coders renamed", "Codeurs renommés";
    annotations_by_coder: "Annotations per coder", "Annotations par codeur";
    annotation_ids_changed: "Annotations given a new id", "Annotations ayant reçu un nouvel identifiant";
    none: "none", "aucun";
    coders: "Coders", "Codeurs";
    unit: "Unit", "Unité";
    unit_char: "character", "caractère";
    unit_sentence: "sentence", "phrase";
    unit_paragraph: "paragraph", "paragraphe";
    confidence_interval: "Bootstrap 95 % interval for α", "Intervalle de confiance à 95 % pour α (bootstrap)";
    computing: "Computing…", "Calcul en cours…";
    undefined: "undefined", "indéfini";
    code: "Code", "Code";
    pooled: "(pooled)", "(ensemble)";
    percent_all: "% all units", "% de toutes les unités";
    percent_coded: "% coded units", "% des unités codées";
    units: "Units", "Unités";
    units_coded: "coded", "codées";
    measured: "Measured", "Mesuré";
    unit_is: "unit", "unité";
    units_compared: "units compared", "unités comparées";
    codes_compared: "codes compared", "codes comparés";
    excluded: "Excluded", "Exclu";
    excluded_document: "document", "document";
    no_annotation_by: "no annotation by", "aucune annotation de";
    not_selected: "not selected", "non sélectionné";
    excluded_codes: "codes not used by these coders in these documents", "codes non utilisés par ces codeurs dans ces documents";
    excluded_coders: "coders not compared", "codeurs non comparés";
    bootstrap_note: "bootstrap replicates, seed", "tirages bootstrap, graine";
    document: "Document", "Document";
    consensus_coder: "Consensus coder", "Codeur de consensus";
    consensus_name: "name", "nom";
    place_of: "place", "endroit";
    no_disagreement: "No disagreement among these coders in this document.", "Aucun désaccord entre ces codeurs dans ce document.";
    kind_boundary: "different boundaries", "limites différentes";
    kind_different_code: "different code", "code différent";
    kind_some_only: "coded by some only", "codé par certains seulement";
    accept_coding_of: "Accept the coding of", "Accepter le codage de";
    accepted: "Consensus updated (one undo step)", "Consensus mis à jour (une seule annulation)";
    consensus_is_compared: "The consensus coder cannot be one of the coders compared.", "Le codeur de consensus ne peut pas être l’un des codeurs comparés.";
    choose_two_coders: "Tick at least two coders.", "Cochez au moins deux codeurs.";
    reference_coder: "Reference coder (teacher)", "Codeur de référence (enseignant)";
    student: "Student", "Étudiant";
    of_coded_units: "of coded units", "des unités codées";
    missed: "Passages missed", "Passages manqués";
    extra: "Passages coded in addition", "Passages codés en plus";
    save_html_report: "Save HTML report…", "Enregistrer le rapport HTML…";
    legend: "Lanes under the text, one per coder", "Une bande par codeur sous le texte";
    // ---- end of team strings ----
    // ---- import: batch import, summary, metadata form (issue 4) ----
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
    import_warning: "Warning:", "Attention\u{a0}:";
    // ---- end of import strings ----
    annotation_one: "annotation", "annotation";
    empty_project: "This project has no document yet. Import documents with Ctrl+I (File > Import documents…) or drop files and folders on this window.", "Ce projet n’a encore aucun document. Importez des documents avec Ctrl+I (Fichier > Importer des documents…) ou déposez des fichiers et des dossiers sur cette fenêtre.";
    reading_width: "Reading width", "Largeur de lecture";
    whole_width: "The whole width", "Toute la largeur";
    not_a_project_title: "Not a Normcoder project", "Pas un projet Normcoder";
    not_a_project: "is not a Normcoder project: it looks like", "n’est pas un projet Normcoder\u{a0}: cela ressemble à";
    not_a_project_open_first: "To code it, open or create a project, then import it (Ctrl+I).", "Pour le coder, ouvrez ou créez un projet, puis importez-le (Ctrl+I).";
    import_into_project: "Import it into this project", "L’importer dans ce projet";
    autosave_failed: "The recovery copy could not be written:", "La copie de secours n’a pas pu être écrite\u{a0}:";
    save_failed_title: "Not saved", "Non enregistré";
    could_not_save: "Could not save", "Impossible d’enregistrer";
    save_denied: "this folder or this file may not be written to (read-only, or another user's). Save it elsewhere with Save as….", "ce dossier ou ce fichier n’accepte pas l’écriture (lecture seule, ou à un autre utilisateur). Enregistrez-le ailleurs avec Enregistrer sous….";
    save_read_only_disk: "the disk is read-only. Save it elsewhere with Save as….", "le disque est en lecture seule. Enregistrez-le ailleurs avec Enregistrer sous….";
    save_disk_full: "the disk is full. Free some space, or save it elsewhere with Save as….", "le disque est plein. Libérez de la place, ou enregistrez-le ailleurs avec Enregistrer sous….";
    save_folder_gone: "its folder no longer exists. Save it elsewhere with Save as….", "son dossier n’existe plus. Enregistrez-le ailleurs avec Enregistrer sous….";
    save_other: "the system refused (details below). Try Save as… elsewhere.", "le système a refusé (détails ci-dessous). Essayez Enregistrer sous… ailleurs.";
    work_still_open: "Your work is still open and nothing was lost; the file on disk is unchanged.", "Votre travail est toujours ouvert et rien n’est perdu\u{a0}; le fichier sur le disque n’a pas changé.";
    details: "Details", "Détails";
    rename_document: "Rename…", "Renommer…";
    remove_document: "Remove document…", "Retirer le document…";
    remove_document_title: "Remove this document?", "Retirer ce document\u{a0}?";
    remove_document_with: "Annotations removed with it:", "Annotations retirées avec lui\u{a0}:";
    remove_document_undo: "Edit > Undo (Ctrl+Z) brings it back with its annotations.", "Édition > Annuler (Ctrl+Z) le rétablit avec ses annotations.";
    remove: "Remove", "Retirer";
    digit_keys_hint: "Digit keys work on the number row, with or without Shift (on AZERTY too), and on the keypad.", "Les touches chiffres marchent sur la rangée des chiffres, avec ou sans Maj (en AZERTY aussi), et sur le pavé numérique.";
}

/// The strings of a language.
#[must_use]
pub fn tr(lang: Lang) -> &'static Tr {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// `n` and the noun in the right number: English makes 1 singular, French 0 and 1 (« 0
/// annotation », « 1 annotation », « 2 annotations »).
#[must_use]
pub fn count(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let singular = match lang {
        Lang::En => n == 1,
        Lang::Fr => n < 2,
    };
    format!("{n} {}", if singular { one } else { many })
}

/// `n annotations`, in the right number.
#[must_use]
pub fn annotations(lang: Lang, n: usize) -> String {
    let t = tr(lang);
    count(lang, n, t.annotation_one, t.annotations)
}

#[cfg(test)]
mod tests {
    use super::annotations;
    use crate::model::Lang;

    #[test]
    fn one_annotation_is_singular_and_french_zero_too() {
        assert_eq!(annotations(Lang::En, 1), "1 annotation");
        assert_eq!(annotations(Lang::En, 0), "0 annotations");
        assert_eq!(annotations(Lang::En, 2), "2 annotations");
        assert_eq!(annotations(Lang::Fr, 0), "0 annotation");
        assert_eq!(annotations(Lang::Fr, 1), "1 annotation");
        assert_eq!(annotations(Lang::Fr, 3), "3 annotations");
    }
}
