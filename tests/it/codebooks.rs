//! The built-in codebooks hold the official wording.

use normcoder::model::{CodeId, Lang};
use normcoder::store::builtin;

#[test]
fn paris_call_has_the_nine_principles_in_both_languages() {
    let book = builtin::codebook(&["paris-call-2018"]).expect("codebook");
    let ids: Vec<String> = book.codes().iter().map(|c| c.id.to_string()).collect();
    assert_eq!(ids, (1..=9).map(|i| format!("pc.{i}")).collect::<Vec<_>>());
    for (i, code) in book.codes().iter().enumerate() {
        assert!(code.label.fr.is_some(), "{} has a French label", code.id);
        assert!(
            code.definition.fr.is_some(),
            "{} has a French definition",
            code.id
        );
        assert!(
            code.source_text.is_some(),
            "{} has the 2018 wording",
            code.id
        );
        let key = char::from_digit(u32::try_from(i + 1).expect("digit"), 10).expect("digit");
        assert_eq!(
            code.shortcut.map(normcoder::model::Shortcut::key),
            Some(key)
        );
    }
    let pc4 = book.code(&CodeId::new("pc.4").expect("id")).expect("pc.4");
    assert_eq!(pc4.label.get(Lang::En), "Defend intellectual property");
    let pc8 = book.code(&CodeId::new("pc.8").expect("id")).expect("pc.8");
    assert_eq!(pc8.label.get(Lang::Fr), "Pas de cyber-riposte privée");
    assert!(
        pc8.aliases
            .iter()
            .any(|a| a.to_lowercase().contains("hack"))
    );
}

#[test]
fn actor_types_and_gge_norms() {
    let actors = builtin::codebook(&["actors"]).expect("actors");
    for id in [
        "actor.state",
        "actor.public-authority",
        "actor.civil-society",
        "actor.company",
        "actor.intl-org",
        "actor.hostile",
        "actor.individual",
    ] {
        assert!(actors.code(&CodeId::new(id).expect("id")).is_some(), "{id}");
    }
    let gge = builtin::codebook(&["un-gge-2015"]).expect("gge");
    assert_eq!(gge.codes().len(), 11);
    assert_eq!(gge.groups()[0].missing_translations, vec!["fr".to_owned()]);
    assert!(gge.codes().iter().all(|c| c.label.fr.is_none()));
    let all = builtin::codebook(&["paris-call-2018", "actors", "un-gge-2015"]).expect("together");
    assert_eq!(all.codes().len(), 9 + 7 + 11);
}

#[test]
fn the_build_check_rejects_broken_codebooks() {
    use normcoder::store::codebook_file::CodebookFile;
    let mut file = builtin::file("paris-call-2018").expect("file");
    assert!(file.problems().is_empty(), "{:?}", file.problems());
    let good = file.clone();
    file.codes[1].id = file.codes[0].id.clone();
    file.codes[2].colour = "red".to_owned();
    file.codes[3].label.fr = None;
    file.codes[4].label.en = " ".to_owned();
    let problems = file.problems();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("duplicate id")));
    assert!(problems.iter().any(|p| p.contains("colour")));
    assert!(problems.iter().any(|p| p.contains("missing French label")));
    assert!(problems.iter().any(|p| p.contains("missing English label")));
    let twice: Vec<(&str, &CodebookFile)> = vec![("a", &good), ("b", &good)];
    assert_eq!(
        normcoder::store::codebook_file::cross_problems(&twice).len(),
        9
    );
}
