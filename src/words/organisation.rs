//! The words for organisations beside the council and the ties to them:
//! what sort an organisation is and who owns it, who provides a service,
//! who employs a post, whom a post is seconded from. Verdicts, reports
//! and charts all name them through these.

use super::names::Wording;
use super::{and_list, lower_first};
use crate::model::{EntityId, OrganisationKind, Ownership, Party, Seconded, Secondment, Share, Ties};

/// An organisation's sort as a noun with its article: "a company".
pub fn organisation_kind(kind: OrganisationKind) -> &'static str {
    match kind {
        OrganisationKind::Company => "a company",
        OrganisationKind::Trust => "a trust",
        OrganisationKind::Mutual => "a mutual",
        OrganisationKind::PartnerBody => "a partner body",
        OrganisationKind::ExternalProvider => "an external provider",
        OrganisationKind::Council => "a council",
    }
}

/// The title of a chart's line from an organisation to a service it runs.
pub fn runs_title() -> &'static str {
    "runs"
}

/// The title of a chart's line from an organisation to a post it employs.
pub fn employs_title() -> &'static str {
    "employs"
}

impl Wording<'_> {
    /// Who a party is, as a provider: "the council itself (in house)",
    /// "an external provider the papers do not name", or the
    /// organisation's name.
    pub fn provider(&self, party: Party) -> String {
        match party {
            Party::Council => "the council itself (in house)".to_owned(),
            Party::External => "an external provider the papers do not name".to_owned(),
            Party::Organisation(id) => self.label(id),
        }
    }

    /// Who a party is, as an employer or owner: "the council", or the
    /// organisation's name.
    pub fn employer(&self, party: Party) -> String {
        match party {
            Party::Council => "the council".to_owned(),
            Party::External => "an external provider".to_owned(),
            Party::Organisation(id) => self.label(id),
        }
    }

    /// What an organisation is, as its papers give it: "a company wholly
    /// owned by the council"; `None` where they give neither its sort
    /// nor its owners.
    pub fn organisation_nature(&self, organisation: EntityId) -> Option<String> {
        let ties = &self.arrangement.entity(organisation)?.ties();
        let sort = ties.kind.map_or("an organisation", organisation_kind);
        let owners = self.owners(ties);
        match (ties.kind, owners) {
            (None, None) => None,
            (Some(_) | None, Some(owners)) => Some(format!("{sort} {owners}")),
            (Some(_), None) => Some(sort.to_owned()),
        }
    }

    /// "wholly owned by the council", "partly owned by the council and
    /// Neighbour Council".
    fn owners(&self, ties: &Ties) -> Option<String> {
        let named = |share: Share| {
            ties.owners
                .iter()
                .filter(|line| line.value.share == share)
                .map(|line: &crate::model::Stated<Ownership>| self.employer(line.value.owner))
                .collect::<Vec<_>>()
        };
        let whole = named(Share::Whole);
        let part = named(Share::Part);
        let mut phrases = Vec::new();
        if !whole.is_empty() {
            phrases.push(format!("wholly owned by {}", and_list(&whole)));
        }
        if !part.is_empty() {
            phrases.push(format!("partly owned by {}", and_list(&part)));
        }
        (!phrases.is_empty()).then(|| and_list(&phrases))
    }

    /// An organisation named with what it is: "Test Family Services Ltd
    /// (a company wholly owned by the council)".
    pub fn organisation(&self, organisation: EntityId) -> String {
        match self.organisation_nature(organisation) {
            Some(nature) => format!("{} ({nature})", self.label(organisation)),
            None => self.label(organisation),
        }
    }

    /// "runs Children's social care": what a provider line says, as a
    /// verb phrase of its provider.
    pub fn runs(&self, service: EntityId) -> String {
        format!("runs {}", lower_first(&self.label(service)))
    }

    /// "employs the Director of Family Services".
    pub fn employs(&self, post: EntityId) -> String {
        format!("employs the {}", self.label(post))
    }

    /// "seconded from Neighbour Council, where the same officer is
    /// Director of Children's Services": a secondment, with the roles the
    /// officer holds at the other council where the papers give them.
    pub fn seconded(&self, post: EntityId, secondment: Secondment) -> String {
        let way = match secondment.seconded {
            Seconded::From => "seconded from",
            Seconded::To => "seconded to",
        };
        let council = secondment.council;
        let roles = self
            .arrangement
            .entity(post)
            .map(|entity| {
                entity
                    .ties()
                    .roles_there
                    .iter()
                    .map(|role| self.role(*role))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let days = self
            .arrangement
            .entity(post)
            .and_then(|entity| entity.ties().days_a_week)
            .map(|days| format!(" ({days} days a week here)"))
            .unwrap_or_default();
        if roles.is_empty() {
            format!("{way} {}{days}", self.label(council))
        } else {
            format!(
                "{way} {}, where the same officer is {}{days}",
                self.label(council),
                and_list(&roles)
            )
        }
    }
}
