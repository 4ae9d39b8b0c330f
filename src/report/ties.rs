//! The report's organisations beside the council: each organisation a
//! verdict read (a service it runs, a post it employs, a post seconded
//! from or to it, as at the date), what it is, and which duties and
//! questions read it. Built from the verdicts' facts, so the report shows
//! an organisation exactly where the guidance reads it.

use std::fmt::Write as _;

use crate::eval::Fact;
use crate::model::{EntityId, Party};
use crate::words::Wording;
use crate::Assessment;

use super::markdown::inline;

/// One organisation as the report shows it.
#[derive(Clone, Debug)]
pub(super) struct TieEntry {
    /// Its name, with what it is ("Test Family Services Ltd (a company
    /// wholly owned by the council)").
    pub(super) organisation: String,
    /// What ties it to the council's arrangements as at the date, each a
    /// sentence ("runs children's social care").
    pub(super) ties: Vec<String>,
    /// The keys of the duties and questions that read it.
    pub(super) read_by: Vec<String>,
}

/// The columns of the table.
pub(super) const TIE_COLUMNS: [&str; 3] = ["Organisation", "As at the date", "Read by"];

/// Every organisation a verdict's facts tie to the arrangements, in the
/// order the verdicts first cite them.
pub(super) fn ties(report: &Assessment<'_>) -> Vec<TieEntry> {
    let words = Wording::new(report.policy, report.arrangement);
    let mut found: Vec<(EntityId, TieEntry)> = Vec::new();
    for verdict in report.verdicts {
        let key = report
            .policy
            .duty(verdict.duty)
            .map_or_else(String::new, |duty| duty.key.clone());
        for used in &verdict.facts {
            let (organisation, tie) = match &used.fact {
                Fact::Provider {
                    service,
                    party: Party::Organisation(organisation),
                } => (*organisation, words.runs(*service)),
                Fact::Employer {
                    post,
                    party: Party::Organisation(organisation),
                } => (*organisation, words.employs(*post)),
                Fact::Secondment { post, secondment } => (
                    secondment.council,
                    format!("{}: {}", words.label(*post), words.seconded(*post, *secondment)),
                ),
                _ => continue,
            };
            let at = match found.iter().position(|(id, _)| *id == organisation) {
                Some(at) => at,
                None => {
                    found.push((
                        organisation,
                        TieEntry {
                            organisation: words.organisation(organisation),
                            ties: Vec::new(),
                            read_by: Vec::new(),
                        },
                    ));
                    found.len() - 1
                }
            };
            if let Some((_, entry)) = found.get_mut(at) {
                if !entry.ties.contains(&tie) {
                    entry.ties.push(tie);
                }
                if !entry.read_by.contains(&key) {
                    entry.read_by.push(key.clone());
                }
            }
        }
    }
    found.into_iter().map(|(_, entry)| entry).collect()
}

/// The Markdown section, where there is anything to show.
pub(super) fn markdown(entries: &[TieEntry], out: &mut String) {
    if entries.is_empty() {
        return;
    }
    out.push_str("## Organisations beside the council\n\n");
    out.push_str(&intro());
    out.push_str("\n\n");
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|entry| {
            vec![
                inline(&entry.organisation),
                entry
                    .ties
                    .iter()
                    .map(|tie| inline(tie))
                    .collect::<Vec<_>>()
                    .join("<br>"),
                inline(&entry.read_by.join(", ")),
            ]
        })
        .collect();
    super::markdown::table(out, &TIE_COLUMNS, &rows);
}

/// The HTML section, where there is anything to show.
pub(super) fn html(entries: &[TieEntry], out: &mut String) {
    if entries.is_empty() {
        return;
    }
    let escape = super::html::escape;
    let _ = writeln!(
        out,
        "<section id=\"organisations\">\n<h2>Organisations beside the council</h2>\n<p>{}</p>",
        escape(&intro())
    );
    out.push_str("<table id=\"organisations-table\">\n<thead><tr>");
    for column in TIE_COLUMNS {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(column));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for entry in entries {
        let ties: Vec<String> = entry.ties.iter().map(|tie| escape(tie)).collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&entry.organisation),
            ties.join("<br>"),
            escape(&entry.read_by.join(", "))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn intro() -> String {
    "The companies, trusts, providers and other councils that run the council's services, employ its officers or share them by secondment, as at the date, where a duty or question of the guidance reads them.".to_owned()
}
