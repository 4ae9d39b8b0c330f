//! Time, once an arrangement's facts and events are read: every date it
//! gives becomes an instant of its [`Timeline`], bounded by what the papers
//! write of it (`on 2016-03`, `after split`, `before 2035-06`, `between
//! 2033 and 2035`, `seen 2015-02`) and by the end of the papers, which
//! every recorded event has happened by. Events date the facts they give
//! (`events.rs`); a post first seen already combining a role with others
//! was extended at some date up to then (`extension.rs`). Then the checks:
//! dates that cannot all hold, a period that ends before it begins, a fact
//! outside its entity's life, two posts that surely or possibly hold one
//! role on the same day (`holders.rs`), `after` going round in a circle.

mod dates;
mod events;
mod extension;
mod holders;
mod repeated;

pub(crate) use dates::Dates;

use super::error::CheckError;
use crate::date::{PartialDate, Relative};
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast;
use crate::time::network::{Network, ZERO};

/// The network's node of an instant.
fn node(instant: InstantId) -> usize {
    crate::model::node(instant)
}

/// Builds the timeline from the dates read and runs every check on time
/// over a checked arrangement.
pub(super) fn check(arrangement: &mut Arrangement, policy: &Policy, dates: Dates, errors: &mut Vec<CheckError>) {
    let pending = dates.into_pending();
    let instants = resolve(arrangement, &pending, errors);
    arrangement.timeline = Timeline {
        instants,
        network: Network::default(),
    };
    horizon(arrangement);
    let circling = after_does_not_loop(arrangement, errors);
    let mut network = network_of(arrangement, &circling, errors);
    events::date_the_facts(arrangement, policy, &mut network, errors);
    lines_within_lives(arrangement, &mut network);
    answers_after_what_they_speak_of(arrangement, &mut network);
    same_month_same_change(arrangement, &mut network);
    let extensions = extension::undated(arrangement, policy);
    if !extensions.is_empty() {
        network = network.with_more(extensions.len());
        for extension in extensions {
            let id = InstantId::from_index(arrangement.timeline.instants.len());
            arrangement.timeline.instants.push(extension.instant);
            if let Some(latest) = extension.latest {
                let _ = network.constrain(node(id), ZERO, latest.number());
            }
            // Made while the lines that show it held: before they stopped.
            for until in extension.before {
                let _ = network.constrain(node(id), node(until), -1);
            }
        }
    }
    periods_run_forward(arrangement, &mut network, errors);
    arrangement.timeline.network = network;
    facts_within_lives(arrangement, errors);
    repeated::repeated_lines(arrangement, policy, errors);
    holders::one_holder_at_a_time(arrangement, policy, errors);
}

/// Each instant with the events its bounds name resolved; a name that is
/// no event is an error.
fn resolve(arrangement: &Arrangement, pending: &[dates::Pending], errors: &mut Vec<CheckError>) -> Vec<Instant> {
    let keys: Vec<&str> = arrangement.events.iter().map(|event| event.key.as_str()).collect();
    let event = |name: &ast::Name| -> Option<EventId> {
        keys.iter().position(|key| *key == name.text).map(EventId::from_index)
    };
    for written in pending {
        for anchor in written.after.iter().chain(&written.before) {
            if let ast::Anchor::Event(name) = anchor {
                if event(name).is_none() {
                    errors.push(CheckError::UnknownName {
                        expected: super::error::NameKind::Event,
                        suggestion: crate::suggest::suggest(&name.text, keys.iter().copied()),
                        name: name.text.to_string(),
                        span: name.span,
                    });
                }
            }
        }
    }
    pending.iter().map(|written| dates::resolved(written, &event)).collect()
}

/// Where the papers stop: the stated `known_until`, else the latest date
/// the arrangements give (the papers are then taken as complete up to
/// it, and no further; `known_until unknown`: never).
fn horizon(arrangement: &mut Arrangement) {
    let latest = latest_date(arrangement);
    match arrangement.known_until {
        Some(KnownUntil { date: Some(date), .. }) => arrangement.papers_end = Some(date.last_day()),
        Some(KnownUntil { date: None, .. }) => arrangement.papers_end = latest.map(PartialDate::last_day),
        None => {
            arrangement.known_until = latest.map(|date| KnownUntil {
                date: Some(date),
                stated: false,
            });
            arrangement.papers_end = latest.map(PartialDate::last_day);
        }
    }
}

/// The latest date the arrangements give: of an instant, an answer's
/// document, a departure.
fn latest_date(arrangement: &Arrangement) -> Option<PartialDate> {
    let mut dates: Vec<PartialDate> = Vec::new();
    for instant in &arrangement.timeline.instants {
        dates.extend(instant.written.date);
        dates.extend(instant.written.seen);
        for anchor in instant.written.after.iter().chain(&instant.written.before) {
            if let Anchor::Date(date) = anchor {
                dates.push(*date);
            }
        }
    }
    dates.extend(arrangement.documents.iter().filter_map(|document| document.date));
    dates.extend(arrangement.departures.iter().filter_map(|departure| departure.approved));
    dates.into_iter().max_by_key(|date| date.last_day())
}

/// The network of what the papers write of each instant: its date, its
/// bounds, and for a recorded event, the end of the papers. A bound that
/// contradicts the others is an error at the instant.
fn network_of(arrangement: &Arrangement, circling: &[EventId], errors: &mut Vec<CheckError>) -> Network {
    let instants = &arrangement.timeline.instants;
    let mut network = Network::new(instants.len());
    let mut contradicted: Vec<Span> = Vec::new();
    let mut add = |network: &mut Network, later: usize, earlier: usize, gap: i64, span: Span| {
        if network.constrain(later, earlier, gap).is_err() && !contradicted.contains(&span) {
            contradicted.push(span);
        }
    };
    let at_event = |event: EventId| arrangement.event(event).map(|event| node(event.at));
    for (index, instant) in instants.iter().enumerate() {
        let here = node(InstantId::from_index(index));
        let span = instant.span;
        if let Some(date) = instant.written.date {
            add(&mut network, here, ZERO, date.last_day().number(), span);
            add(&mut network, ZERO, here, -date.first_day().number(), span);
        }
        if let Some(seen) = instant.written.seen {
            match instant.owner {
                // Held on some day of the date seen: begun by its last
                // day, stopped after its first.
                Owner::Fact { end: End::Stop, .. } | Owner::Life { end: End::Stop, .. } => {
                    add(&mut network, ZERO, here, -(seen.first_day().number() + 1), span);
                }
                _ => add(&mut network, here, ZERO, seen.last_day().number(), span),
            }
        }
        for anchor in &instant.written.after {
            match anchor {
                // After a date: after every day of it.
                Anchor::Date(date) => add(&mut network, ZERO, here, -(date.last_day().number() + 1), span),
                // After an event: on a later day. Papers that say one
                // thing came after another mean a later meeting or
                // decision; the same day would leave which came first to
                // a doubt no paper can settle.
                // An `after` in a circle has no day to take (E0123 says so).
                Anchor::Event(event) if circling.contains(event) => {}
                Anchor::Event(event) => {
                    if let Some(event) = at_event(*event) {
                        add(&mut network, event, here, -1, span);
                    }
                }
            }
        }
        for anchor in &instant.written.before {
            match anchor {
                Anchor::Date(date) => add(&mut network, here, ZERO, date.first_day().number() - 1, span),
                // Before an event: on an earlier day.
                Anchor::Event(event) => {
                    if let Some(event) = at_event(*event) {
                        add(&mut network, here, event, -1, span);
                    }
                }
            }
        }
    }
    papers_bound_events(arrangement, &mut network);
    for span in contradicted {
        errors.push(CheckError::DatesContradict { span });
    }
    network
}

/// Every event the papers record as having happened had happened by the
/// time they stop, unless its own date puts it later; an answer given on a
/// date the papers do not give, likewise.
fn papers_bound_events(arrangement: &Arrangement, network: &mut Network) {
    let Some(end) = arrangement.papers_end else {
        return;
    };
    let mut bounded: Vec<InstantId> = arrangement
        .events
        .iter()
        .filter(|event| event.status.happened())
        .map(|event| event.at)
        .collect();
    bounded.extend(arrangement.answers.iter().map(|answer| answer.given));
    for instant in bounded {
        // An instant surely after the papers' end keeps its own date.
        if network
            .earliest(node(instant))
            .is_none_or(|earliest| earliest <= end.number())
        {
            let _ = network.constrain(node(instant), ZERO, end.number());
        }
    }
}

/// A line's end comes after its start; a period that cannot is an error.
fn periods_run_forward(arrangement: &Arrangement, network: &mut Network, errors: &mut Vec<CheckError>) {
    // Read in place, not gathered first: a large council has several
    // periods for each of its posts.
    let periods = arrangement.entities.iter().flat_map(|entity| {
        std::iter::once(entity.life)
            .chain(entity.roles.iter().map(|fact| fact.during))
            .chain(entity.functions.iter().map(|fact| fact.during))
            .chain(entity.relations.iter().map(|(_, fact)| fact.during))
            .chain(entity.attributes.iter().map(|(_, fact)| fact.during))
    });
    let mut reported: Vec<Span> = Vec::new();
    for period in periods {
        if let (Some(from), Some(until)) = (period.from, period.until) {
            // Both ends are read from one clause, which each instant keeps.
            let span = arrangement
                .timeline
                .instant(until)
                .map_or(arrangement.span, |instant| instant.span);
            if network.constrain(node(from), node(until), -1).is_err() && !reported.contains(&span) {
                reported.push(span);
                errors.push(CheckError::ReversedPeriod { span });
            }
        }
    }
}

/// A fact's period may not reach surely outside its entity's life.
fn facts_within_lives(arrangement: &Arrangement, errors: &mut Vec<CheckError>) {
    let timeline = &arrangement.timeline;
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
            let early = matches!((period.from, entity.life.from), (Some(from), Some(born)) if timeline.order(from, born) == Relative::Before);
            let late = matches!((period.until, entity.life.until), (Some(until), Some(gone)) if timeline.order(until, gone) == Relative::After);
            if early || late {
                errors.push(CheckError::OutsideLife {
                    entity: entity.key.to_string(),
                    span,
                    life: entity.span,
                });
            }
        }
    }
}

/// Every line of an entity's facts holds within its life (an open end of
/// a line is the life's, as the evaluator reads it), and a written end is
/// bounded by the life's in the network (a post that existed from April 2015 and was
/// appointed to on 1 April 2015 came into being by then). A line dated
/// surely outside its life is left for E0121 to report.
fn lines_within_lives(arrangement: &Arrangement, network: &mut Network) {
    for entity in &arrangement.entities {
        let life = entity.life;
        if life.is_always() {
            continue;
        }
        let mut bound = |during: Period| {
            if let (Some(from), Some(born)) = (during.from, life.from) {
                let _ = network.constrain(node(born), node(from), 0);
            }
            if let (Some(until), Some(gone)) = (during.until, life.until) {
                let _ = network.constrain(node(until), node(gone), 0);
            }
        };
        entity.roles.iter().for_each(|line| bound(line.during));
        entity.functions.iter().for_each(|line| bound(line.during));
        entity.relations.iter().for_each(|(_, line)| bound(line.during));
        entity.attributes.iter().for_each(|(_, line)| bound(line.during));
        if let Some(line) = &entity.body_kind {
            bound(line.during);
        }
    }
}

/// An undated answer that speaks of an entity (`about company`) was given
/// once the entity existed: its date is bounded below by the entity's
/// start. A date the papers write is left as written: given surely before
/// the entity existed, the answer answers nothing, and where the order is
/// in doubt the verdict is unknown (the evaluator skips an answer given
/// before what it speaks of, in the runs where it was).
fn answers_after_what_they_speak_of(arrangement: &Arrangement, network: &mut Network) {
    for answer in &arrangement.answers {
        let undated = arrangement
            .timeline
            .instant(answer.given)
            .is_some_and(|instant| !instant.written.stated);
        if !undated {
            continue;
        }
        for entity in &answer.about {
            let Some(born) = arrangement.entity(*entity).and_then(|found| found.life.from) else {
                continue;
            };
            if network.allows(node(born), node(answer.given), 0) {
                let _ = network.constrain(node(born), node(answer.given), 0);
            }
        }
    }
}

/// Ends of lines the papers date to the same month or year are one day
/// when they belong to one post or member (`responsible_for … until
/// 2024-04` and `responsible_for … from 2024-04`), or hand one role from
/// one holder to the next (`holds DCS until 2020-06`, `holds DCS from
/// 2020-06`): papers that give one month for both mean one change, not two
/// changes in an order nobody recorded.
fn same_month_same_change(arrangement: &Arrangement, network: &mut Network) {
    let instants = &arrangement.timeline.instants;
    // (instant, entity, role given or ended, which end, which line), for
    // each end of a line dated only to a month or year.
    let mut ends: Vec<(InstantId, EntityId, Option<RoleId>, End, usize)> = Vec::new();
    let mut lines = 0;
    for (index, entity) in arrangement.entities.iter().enumerate() {
        let id = EntityId::from_index(index);
        let mut add = |period: Period, role: Option<RoleId>| {
            lines += 1;
            for (end, instant) in [(End::Start, period.from), (End::Stop, period.until)] {
                let partial = instant
                    .and_then(|instant| instants.get(instant.index()))
                    .and_then(|found| found.written.plain_date())
                    .is_some_and(|date| date.is_partial());
                if let (Some(instant), true) = (instant, partial) {
                    ends.push((instant, id, role, end, lines));
                }
            }
        };
        entity.roles.iter().for_each(|line| add(line.during, Some(line.value)));
        entity.functions.iter().for_each(|line| add(line.during, None));
        entity.relations.iter().for_each(|(_, line)| add(line.during, None));
        entity.attributes.iter().for_each(|(_, line)| add(line.during, None));
    }
    let written = |instant: InstantId| {
        instants
            .get(instant.index())
            .and_then(|found| found.written.plain_date())
    };
    for (position, (one, entity, role, end, line)) in ends.iter().enumerate() {
        for (other, other_entity, other_role, other_end, other_line) in ends.iter().skip(position + 1) {
            let hand_over = role.is_some() && role == other_role && end != other_end;
            let related = line != other_line && (entity == other_entity || hand_over);
            if related && one != other && written(*one) == written(*other) {
                let _ = network.constrain(node(*one), node(*other), 0);
                let _ = network.constrain(node(*other), node(*one), 0);
            }
        }
    }
}

/// A fact's period within its entity's life: where the fact's own end is
/// open, the life's end stands for it.
pub(super) fn within(period: Period, life: Period) -> Period {
    Period {
        from: period.from.or(life.from),
        until: period.until.or(life.until),
    }
}

/// `after` links must not go round: each event is known to follow the
/// one it names, so a circle has no first. Gives the events in circles.
fn after_does_not_loop(arrangement: &Arrangement, errors: &mut Vec<CheckError>) -> Vec<EventId> {
    let mut circling: Vec<EventId> = Vec::new();
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
                    circling.extend(circle.iter().map(|member| EventId::from_index(*member)));
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
                .and_then(|event| event.after)
                .map(EventId::index);
        }
    }
    circling
}
