//! Completion: what may follow the cursor in arrangements and in
//! guidance.

use super::*;

fn labels(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["label"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn completion_offers_vocabulary_fields_and_duty_ids() {
    let dir = scratch("completion");
    let uri = uri_in(&dir, "testshire.dcs");
    let mut client = Client::start();
    client.initialize();
    let base = fixed();
    client.open(&uri, &base);
    client.diagnostics(&uri);
    let complete_after = |client: &mut Client, version: &mut i32, insert: &str| -> Vec<String> {
        // The text as being typed, the cursor at its end.
        let text = format!("{base}\n{insert}");
        *version += 1;
        client.change(&uri, *version, &text);
        client.diagnostics(&uri);
        labels(&client.at("textDocument/completion", &uri, end_of(&text)))
    };
    let mut version = 1;
    // Roles a post can hold, after `holds`; after a comma too.
    let roles = complete_after(&mut client, &mut version, "post deputy { title \"Deputy — 🙂\"  holds ");
    assert!(
        roles.contains(&"DCS".to_owned()) && roles.contains(&"ChiefExecutive".to_owned()),
        "{roles:?}"
    );
    assert!(
        !roles.contains(&"LMCS".to_owned()),
        "a post cannot hold LMCS: {roles:?}"
    );
    let roles = complete_after(&mut client, &mut version, "post deputy {\n  holds DCS, ");
    assert!(roles.contains(&"DASS".to_owned()), "{roles:?}");
    // Functions after `responsible_for`.
    let functions = complete_after(&mut client, &mut version, "post deputy {\n  responsible_for ");
    assert!(functions.contains(&"education".to_owned()), "{functions:?}");
    // Kinds of body after `kind`.
    let kinds = complete_after(&mut client, &mut version, "body board {\n  kind ");
    assert!(kinds.contains(&"health_and_wellbeing_board".to_owned()), "{kinds:?}");
    // The fields of a post, with the guidance's relations and attributes.
    let fields = complete_after(&mut client, &mut version, "post deputy {\n  ");
    for field in [
        "title",
        "holds",
        "responsible_for",
        "report_to",
        "tier",
        "politically_restricted",
    ] {
        assert!(fields.contains(&field.to_owned()), "{field} not in {fields:?}");
    }
    assert!(
        !fields.contains(&"portfolio".to_owned()),
        "a member's field: {fields:?}"
    );
    let fields = complete_after(&mut client, &mut version, "member councillor {\n  ");
    assert!(fields.contains(&"portfolio".to_owned()), "{fields:?}");
    // A relation's targets: the council's posts.
    let targets = complete_after(&mut client, &mut version, "post deputy {\n  report_to ");
    assert!(targets.contains(&"chief_executive".to_owned()), "{targets:?}");
    // Evidence: the council's documents.
    let documents = complete_after(&mut client, &mut version, "post deputy {\n  tier 2  per ");
    assert_eq!(documents, vec!["papers_2024".to_owned()]);
    // Duty ids after `answer` and `departure from`; a departure only from
    // what the guidance says "should".
    let answers = complete_after(&mut client, &mut version, "answer ");
    assert!(
        answers.contains(&"local_assurance.specific.senior_management".to_owned()),
        "{answers:?}"
    );
    let departures = complete_after(&mut client, &mut version, "departure from ");
    assert!(
        departures.contains(&"dcs.report_to_chief_executive".to_owned()),
        "{departures:?}"
    );
    assert!(
        !departures.contains(&"dcs.appointed".to_owned()),
        "a must: {departures:?}"
    );
    // A key partly typed, dots and all, is replaced whole.
    let text = format!("{base}\nanswer local_assurance.spe");
    version += 1;
    client.change(&uri, version, &text);
    client.diagnostics(&uri);
    let items = client.at("textDocument/completion", &uri, end_of(&text));
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["label"] == "local_assurance.specific.senior_management")
        .unwrap();
    assert_eq!(slice(&text, &item["textEdit"]["range"]), "local_assurance.spe");
    // Nothing inside a string.
    let inside = complete_after(&mut client, &mut version, "post deputy { title \"holds ");
    assert!(inside.is_empty(), "{inside:?}");
    assert!(client.shutdown().success());
}

#[test]
fn completion_in_guidance_offers_what_a_rule_may_say() {
    let dir = scratch("guidance");
    let uri = uri_in(&dir, "local.dcs");
    let policy = "local_policy testshire_practice extends dfe_2013 {\n  title \"Testshire’s practice — 🙂\"\n  force local_policy\n}\n\nduty testshire.report {\n  cites 2\n  DCS should ";
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, policy);
    client.diagnostics(&uri);
    let end = end_of;
    let starters = labels(&client.at("textDocument/completion", &uri, end(policy)));
    assert!(
        starters.contains(&"report_to".to_owned()) && starters.contains(&"hold".to_owned()),
        "{starters:?}"
    );
    let text = format!("{policy}report_to ");
    client.change(&uri, 2, &text);
    client.diagnostics(&uri);
    let targets = labels(&client.at("textDocument/completion", &uri, end(&text)));
    assert!(targets.contains(&"ChiefExecutive".to_owned()), "{targets:?}");
    let text = format!("{policy}report_to ChiefExecutive\n  cites 2, ");
    client.change(&uri, 3, &text);
    client.diagnostics(&uri);
    let paragraphs = labels(&client.at("textDocument/completion", &uri, end(&text)));
    assert!(
        paragraphs.contains(&"key_points.first_tier".to_owned()),
        "{paragraphs:?}"
    );
    assert!(client.shutdown().success());
}
