//! Checks on time, once an arrangement's facts and events are read: events
//! that give or take away roles must agree with the facts (and date the
//! facts that give no date of their own), facts stay within their entity's
//! life, two posts do not surely hold one role on the same day, `after`
//! does not go round in a circle, and the timeline has a horizon.

use super::error::{CheckError, Disagreement};
use crate::date::{Boundary, Holding, PartialDate, Period};
use crate::model::{Arrangement, Basis, Entity, EntityId, EventId, EventKind, KnownUntil, Policy, RoleId};
use crate::source::Span;

/// Runs every check on time over a checked arrangement.
pub(super) fn check(arrangement: &mut Arrangement, policy: &Policy, errors: &mut Vec<CheckError>) {
    events_date_the_facts(arrangement, policy, errors);
    facts_within_lives(arrangement, errors);
    one_holder_at_a_time(arrangement, policy, errors);
    after_does_not_loop(arrangement, errors);
    if arrangement.known_until.is_none() {
        arrangement.known_until = latest_date(arrangement).map(|date| KnownUntil { date, stated: false });
    }
}

fn role_key(policy: &Policy, role: RoleId) -> String {
    policy
        .role(role)
        .map_or_else(|| format!("{role:?}"), |role| role.key.clone())
}

/// Appointments and designations give their roles to the post or member
/// they name from their date; vacancies leave them empty from theirs. A
/// `holds` line with no `from` begins at the event that gives the role,
/// and the lines of those who held the role before, with no `until`, end
/// there, so the papers' events and the facts tell one history. An event
/// the facts contradict is an error.
fn events_date_the_facts(arrangement: &mut Arrangement, policy: &Policy, errors: &mut Vec<CheckError>) {
    let mut order: Vec<usize> = (0..arrangement.events.len()).collect();
    // In date order, so that a later event dates what an earlier one left
    // open; undated events cannot date anything.
    order.sort_by_key(|index| arrangement.events.get(*index).and_then(|event| event.date.on));
    for index in order {
        let Some(event) = arrangement.events.get(index).cloned() else {
            continue;
        };
        let gives = match event.kind {
            EventKind::Appointment | EventKind::Designation => true,
            EventKind::Vacancy => false,
            EventKind::Change | EventKind::Review | EventKind::Inspection => continue,
        };
        if event.roles.is_empty() {
            continue;
        }
        let span = event.origin.span;
        if gives && event.concerns.is_none() {
            errors.push(CheckError::EventDisagrees {
                event: event.key.clone(),
                problem: Disagreement::NoHolderNamed,
                span,
                fact: None,
            });
            continue;
        }
        for role in &event.roles {
            let change = RoleChange {
                policy,
                event: &event.key,
                role: *role,
                date: event.date.on,
                span,
            };
            if gives {
                give(arrangement, &change, event.concerns, errors);
            } else {
                vacate(arrangement, &change, errors);
            }
        }
    }
}

/// One role an event gives or takes away: what the event's check needs
/// to know.
struct RoleChange<'a> {
    policy: &'a Policy,
    /// The event's key.
    event: &'a str,
    role: RoleId,
    /// The event's date, if it has one.
    date: Option<PartialDate>,
    /// Where the event is written.
    span: Span,
}

impl RoleChange<'_> {
    /// The event disagreeing with the facts.
    fn disagrees(&self, problem: Disagreement, fact: Option<Span>) -> CheckError {
        CheckError::EventDisagrees {
            event: self.event.to_owned(),
            problem,
            span: self.span,
            fact,
        }
    }
}

/// An appointment or designation gives the role to its holder from its
/// date: the holder's line for the role begins there if it gives no
/// start, must hold then, and whoever held the role before stops there.
fn give(
    arrangement: &mut Arrangement,
    change: &RoleChange<'_>,
    holder: Option<EntityId>,
    errors: &mut Vec<CheckError>,
) {
    let Some(holder) = holder else {
        return;
    };
    let Some(entity) = arrangement.entities.get_mut(holder.index()) else {
        return;
    };
    let lines: Vec<usize> = entity
        .roles
        .iter()
        .enumerate()
        .filter(|(_, line)| line.value == change.role)
        .map(|(index, _)| index)
        .collect();
    if lines.is_empty() {
        errors.push(change.disagrees(
            Disagreement::RoleNotHeld {
                role: role_key(change.policy, change.role),
                entity: entity.key.clone(),
            },
            None,
        ));
        return;
    }
    let Some(date) = change.date else {
        return;
    };
    begin_open_lines(entity, &lines, date);
    if !held_then(entity, &lines, date) {
        errors.push(
            change.disagrees(
                Disagreement::RoleNotHeldThen {
                    role: role_key(change.policy, change.role),
                    entity: entity.key.clone(),
                },
                lines
                    .first()
                    .and_then(|index| entity.roles.get(*index))
                    .map(|line| line.origin.span),
            ),
        );
        return;
    }
    end_earlier_holders(arrangement, holder, change.role, date);
}

/// The holder's lines that give no start begin at the event.
fn begin_open_lines(entity: &mut Entity, lines: &[usize], date: PartialDate) {
    for index in lines {
        if let Some(line) = entity.roles.get_mut(*index) {
            if line.during.from.is_none() && !ends_by(line.during, date) {
                line.during.from = Some(Boundary::On(date));
            }
        }
    }
}

/// Whether one of the holder's lines may hold on the event's date.
fn held_then(entity: &Entity, lines: &[usize], date: PartialDate) -> bool {
    lines.iter().any(|index| {
        entity
            .roles
            .get(*index)
            .is_some_and(|line| line.during.holds_at(date.last_day()).possible())
    })
}

/// Whoever surely held the role just before, with no end given, stops
/// here.
fn end_earlier_holders(arrangement: &mut Arrangement, holder: EntityId, role: RoleId, date: PartialDate) {
    let before = date.first_day().previous();
    for (other, entity) in arrangement.entities.iter_mut().enumerate() {
        if other == holder.index() {
            continue;
        }
        let alive = entity.exists_at(before);
        for line in entity.roles.iter_mut().filter(|line| line.value == role) {
            if line.during.until.is_none() && alive.and(line.holds_at(before)) == Holding::Yes {
                line.during.until = Some(Boundary::On(date));
            }
        }
    }
}

/// A vacancy leaves the role empty from its date: every line for it with
/// no end stops there, and none may surely hold after.
fn vacate(arrangement: &mut Arrangement, change: &RoleChange<'_>, errors: &mut Vec<CheckError>) {
    let Some(date) = change.date else {
        return;
    };
    let role = change.role;
    let before = date.first_day().previous();
    for entity in &mut arrangement.entities {
        let alive = entity.exists_at(before);
        for line in entity.roles.iter_mut().filter(|line| line.value == role) {
            if line.during.until.is_none() && alive.and(line.holds_at(before)) == Holding::Yes {
                line.during.until = Some(Boundary::On(date));
            }
        }
    }
    for entity in &arrangement.entities {
        for line in entity.roles.iter().filter(|line| line.value == role) {
            if entity.fact_at(line, date.last_day()) == Holding::Yes {
                errors.push(change.disagrees(
                    Disagreement::RoleStillHeld {
                        role: role_key(change.policy, role),
                        entity: entity.key.clone(),
                    },
                    Some(line.origin.span),
                ));
            }
        }
    }
}

/// Whether a period surely ended by the date.
fn ends_by(period: Period, date: PartialDate) -> bool {
    match period.until {
        Some(Boundary::On(until)) => until.last_day() <= date.first_day(),
        Some(Boundary::Unknown) | None => false,
    }
}

/// A fact's own period may not reach outside its entity's life.
fn facts_within_lives(arrangement: &Arrangement, errors: &mut Vec<CheckError>) {
    for entity in &arrangement.entities {
        if entity.life.is_always() {
            continue;
        }
        let mut periods: Vec<(Period, Span)> = Vec::new();
        periods.extend(entity.roles.iter().map(|fact| (fact.during, fact.origin.span)));
        periods.extend(entity.functions.iter().map(|fact| (fact.during, fact.origin.span)));
        periods.extend(entity.relations.iter().map(|(_, fact)| (fact.during, fact.origin.span)));
        periods.extend(
            entity
                .attributes
                .iter()
                .map(|(_, fact)| (fact.during, fact.origin.span)),
        );
        for (period, span) in periods {
            let early = match (period.from, entity.life.from) {
                (Some(Boundary::On(from)), Some(Boundary::On(born))) => from.last_day() < born.first_day(),
                _ => false,
            };
            let late = match (period.until, entity.life.until) {
                (Some(Boundary::On(until)), Some(Boundary::On(gone))) => until.first_day() > gone.last_day(),
                _ => false,
            };
            if early || late {
                errors.push(CheckError::OutsideLife {
                    entity: entity.key.clone(),
                    span,
                    life: entity.span,
                });
            }
        }
    }
}

/// Two posts or members that surely hold one role on the same day: a
/// warning, pointing at both lines, because the papers more often leave
/// out when one holder gave way to the next than mean two holders at once
/// (which the guidance's own duties then judge).
fn one_holder_at_a_time(arrangement: &Arrangement, policy: &Policy, errors: &mut Vec<CheckError>) {
    for (role_index, _) in policy.roles.iter().enumerate() {
        let role = RoleId::from_index(role_index);
        let lines: Vec<(usize, Period, Span)> = arrangement
            .entities
            .iter()
            .enumerate()
            .flat_map(|(index, entity)| {
                entity
                    .roles
                    .iter()
                    .filter(move |line| line.value == role && line.basis != Basis::Possibly)
                    .map(move |line| (index, line.during.within(entity.life), line.origin.span))
            })
            .collect();
        // Only dated lines: two undated holders are a standing arrangement
        // the duties judge, not a gap in the record.
        for (position, (entity, period, span)) in lines.iter().enumerate() {
            let earlier = lines.iter().take(position).find(|(other, other_period, _)| {
                other != entity
                    && !(period.is_always() && other_period.is_always())
                    && period.surely_overlaps(*other_period)
            });
            if let Some((_, _, other)) = earlier {
                errors.push(CheckError::SharedRole {
                    role: role_key(policy, role),
                    span: *span,
                    other: *other,
                });
            }
        }
    }
}

/// `after` links must not go round: each event is known to follow the
/// one it names, so a circle has no first.
fn after_does_not_loop(arrangement: &Arrangement, errors: &mut Vec<CheckError>) {
    let count = arrangement.events.len();
    let mut reported = vec![false; count];
    for start in 0..count {
        let mut seen: Vec<usize> = Vec::new();
        let mut current = Some(start);
        while let Some(index) = current {
            if seen.contains(&index) {
                let first = seen.iter().position(|member| *member == index).unwrap_or(0);
                let circle: Vec<usize> = seen.get(first..).unwrap_or_default().to_vec();
                if !circle
                    .iter()
                    .any(|member| reported.get(*member).copied().unwrap_or(true))
                {
                    for member in &circle {
                        if let Some(flag) = reported.get_mut(*member) {
                            *flag = true;
                        }
                    }
                    let events: Vec<String> = circle
                        .iter()
                        .filter_map(|member| arrangement.events.get(*member))
                        .map(|event| event.key.clone())
                        .collect();
                    let span = arrangement
                        .events
                        .get(index)
                        .map_or(arrangement.span, |event| event.origin.span);
                    errors.push(CheckError::EventOrderLoop { events, span });
                }
                break;
            }
            seen.push(index);
            // Walks are at most as long as the timeline.
            if seen.len() > count {
                break;
            }
            current = arrangement
                .events
                .get(index)
                .and_then(|event| event.date.after)
                .map(EventId::index);
        }
    }
}

/// The latest date the arrangements mention: of an event, an answer, a
/// departure or a fact's period. Without `known_until`, the timeline is
/// taken as complete up to it, and no further.
fn latest_date(arrangement: &Arrangement) -> Option<PartialDate> {
    let mut dates: Vec<PartialDate> = Vec::new();
    dates.extend(arrangement.events.iter().filter_map(|event| event.date.on));
    dates.extend(arrangement.answers.iter().filter_map(|answer| answer.given));
    dates.extend(arrangement.departures.iter().filter_map(|departure| departure.approved));
    for entity in &arrangement.entities {
        dates.extend(entity.life.boundaries());
        dates.extend(entity.roles.iter().flat_map(|fact| fact.during.boundaries()));
        dates.extend(entity.functions.iter().flat_map(|fact| fact.during.boundaries()));
        dates.extend(entity.relations.iter().flat_map(|(_, fact)| fact.during.boundaries()));
        dates.extend(entity.attributes.iter().flat_map(|(_, fact)| fact.during.boundaries()));
    }
    dates.into_iter().max_by_key(|date| date.last_day())
}
