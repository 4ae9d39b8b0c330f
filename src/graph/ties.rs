//! The chart's organisations beside the council and the services they
//! run: drawn where a question of the guidance reads them (`reads
//! providers, employers`), as at the chart's date, each with a line to
//! the service it runs ("runs") or the post it employs ("employs").

use super::{doubt, RelationStyle};
use crate::model::{Arrangement, Entity, EntityId, EntityKind, Party, Policy, Reading, Stated};

/// A line from an organisation to what it is tied to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tie {
    /// It runs a service.
    Runs,
    /// It employs a post.
    Employs,
}

impl Tie {
    /// The tie's place among the chart's relations: after every relation
    /// of the guidance, so that its style never takes one of theirs.
    pub(super) fn id(self, policy: &Policy) -> usize {
        policy.relations.len()
            + match self {
                Tie::Runs => 0,
                Tie::Employs => 1,
            }
    }

    /// The tie drawn at a relation's place, if the place is a tie's.
    pub(super) fn at(policy: &Policy, id: usize) -> Option<Tie> {
        [Tie::Runs, Tie::Employs].into_iter().find(|tie| tie.id(policy) == id)
    }

    /// How its line is drawn: below the organisation, titled in words.
    pub(super) fn style(self) -> RelationStyle {
        let (key, title) = match self {
            Tie::Runs => ("provider", crate::words::runs_title()),
            Tie::Employs => ("employer", crate::words::employs_title()),
        };
        RelationStyle {
            key: key.to_owned(),
            title: title.to_owned(),
            downward: true,
        }
    }
}

/// One tie drawn: organisation, what it is tied to, how, and what the
/// papers leave open of it.
pub(super) type Drawn = (EntityId, EntityId, Tie, Option<&'static str>);

/// The ties the guidance reads that may hold as at the chart's date (the
/// arrangement is the state then): each service an organisation runs and
/// each post one employs.
pub(super) fn ties(policy: &Policy, arrangement: &Arrangement) -> Vec<Drawn> {
    let read = |wanted: Reading| {
        policy.duties.iter().any(|duty| match &duty.kind {
            crate::model::DutyKind::Question { reads, .. } => reads.contains(&wanted),
            crate::model::DutyKind::Rule { .. } => false,
        })
    };
    let (providers, employers) = (read(Reading::Providers), read(Reading::Employers));
    let mut drawn = Vec::new();
    for (index, entity) in arrangement.entities.iter().enumerate() {
        let id = EntityId::from_index(index);
        let lines: (&[Stated<Party>], Tie) = match entity.kind {
            EntityKind::Service if providers => (&entity.ties().providers, Tie::Runs),
            EntityKind::Post if employers => (&entity.ties().employers, Tie::Employs),
            EntityKind::Service
            | EntityKind::Post
            | EntityKind::Member
            | EntityKind::Body
            | EntityKind::Organisation => continue,
        };
        for line in lines.0 {
            if let Party::Organisation(organisation) = line.value {
                drawn.push((organisation, id, lines.1, doubt(line.basis, line.during)));
            }
        }
    }
    drawn
}

/// Whether an organisation or a service is drawn: one of the ties drawn
/// leads from or to it. Posts, members and bodies are drawn anyway.
pub(super) fn tied(drawn: &[Drawn], id: EntityId, entity: &Entity) -> bool {
    match entity.kind {
        EntityKind::Organisation => drawn.iter().any(|(organisation, ..)| *organisation == id),
        EntityKind::Service => drawn.iter().any(|(_, to, tie, _)| *to == id && *tie == Tie::Runs),
        EntityKind::Post | EntityKind::Member | EntityKind::Body => false,
    }
}
