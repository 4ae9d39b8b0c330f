//! Events and facts tell one history. An appointment or designation gives
//! its roles at its instant: the `holds` line it gives begins there (a
//! line written without `from` takes the event's instant; one written with
//! a `from` that may be the event's day is the same instant; a post with
//! no line for the role is given one by the event). A vacancy ends the
//! open line of whoever held the role. And whoever held the role before an
//! event gave it to another holder stops there: a line left open ends at
//! the event, and one written `until unknown` ends by it. Nothing is
//! copied: a line and the event that dates it share one instant, so a doubt
//! about the event's date is the same doubt about the line's.

use super::{node, CheckError};
use crate::check::error::Disagreement;
use crate::model::*;
use crate::source::Span;
use crate::time::network::Network;

/// Whether the network puts `first` on or before `second`.
fn not_after(network: &Network, first: InstantId, second: InstantId) -> bool {
    network.entails(node(first), node(second), 0)
}

/// Whether the network puts `first` surely after `second`.
fn surely_after(network: &Network, first: InstantId, second: InstantId) -> bool {
    network.entails(node(second), node(first), -1)
}

/// Makes two instants one day: each on or before the other.
fn unify(network: &mut Network, one: InstantId, other: InstantId) -> bool {
    network.constrain(node(one), node(other), 0).is_ok() && network.constrain(node(other), node(one), 0).is_ok()
}

/// Whether an instant's date is not written (an end left `unknown`, or
/// known only by bounds): the papers leave it to what else they say.
fn undated(instants: &[Instant], id: InstantId) -> bool {
    instants
        .get(id.index())
        .is_some_and(|instant| instant.written.date.is_none() && instant.written.seen.is_none())
}

/// One event giving or taking away one role.
struct RoleEvent<'a> {
    event: &'a Event,
    role: RoleId,
}

impl RoleEvent<'_> {
    fn disagrees(&self, problem: Disagreement, fact: Option<Span>) -> CheckError {
        CheckError::EventDisagrees {
            event: self.event.key.clone(),
            problem,
            span: self.event.origin.span,
            fact,
        }
    }
}

/// Dates the facts by the events, in three passes: the lines each event
/// gives begin at it; vacancies end the lines they empty; every earlier
/// holder's open line ends where the role is given to another.
pub(super) fn date_the_facts(
    arrangement: &mut Arrangement,
    policy: &Policy,
    network: &mut Network,
    errors: &mut Vec<CheckError>,
) {
    let events = arrangement.events.clone();
    let instants = arrangement.timeline.instants.clone();
    let role_key = |role: RoleId| {
        policy
            .role(role)
            .map_or_else(|| format!("{role:?}"), |role| role.key.clone())
    };
    for event in events.iter().filter(|event| gives(event)) {
        if event.concerns.is_empty() && !event.roles.is_empty() {
            errors.push(CheckError::EventDisagrees {
                event: event.key.clone(),
                problem: Disagreement::NoHolderNamed,
                span: event.origin.span,
                fact: None,
            });
            continue;
        }
        for role in &event.roles {
            for holder in &event.concerns {
                let given = RoleEvent { event, role: *role };
                if let Some(error) = begin(arrangement, network, &given, *holder, &role_key) {
                    errors.push(error);
                }
            }
        }
    }
    for event in events.iter().filter(|event| event.kind == EventKind::Vacancy) {
        for role in &event.roles {
            let vacancy = RoleEvent { event, role: *role };
            errors.extend(vacate(arrangement, network, &instants, &vacancy, &role_key));
        }
    }
    let mut giving: Vec<&Event> = events.iter().filter(|event| gives(event)).collect();
    giving.sort_by_key(|event| network.earliest(node(event.at)));
    for event in giving {
        for role in &event.roles {
            end_earlier_holders(arrangement, network, &instants, event, *role);
        }
    }
}

/// Whether an event gives roles (an appointment or designation that has
/// happened; a proposal gives nothing).
fn gives(event: &Event) -> bool {
    matches!(event.kind, EventKind::Appointment | EventKind::Designation) && event.status.happened()
}

/// The line an event gives begins at it: the line written without `from`,
/// or the one whose `from` may be the event's day (made the same instant),
/// or a line the event adds; a line already holding then is left as it is.
/// A line that surely begins after the event, with none to give, is an
/// error.
fn begin(
    arrangement: &mut Arrangement,
    network: &mut Network,
    given: &RoleEvent<'_>,
    holder: EntityId,
    role_key: &impl Fn(RoleId) -> String,
) -> Option<CheckError> {
    let at = given.event.at;
    let entity = arrangement.entities.get_mut(holder.index())?;
    let entity_key = entity.key.to_string();
    let lines: Vec<usize> = (0..entity.roles.len())
        .filter(|index| entity.roles.get(*index).is_some_and(|line| line.value == given.role))
        .collect();
    let ends_by =
        |line: &Stated<RoleId>, network: &Network| line.during.until.is_some_and(|until| not_after(network, until, at));
    // A line with no start that may still hold after the event: it begins
    // there.
    if let Some(line) = lines
        .iter()
        .filter_map(|index| entity.roles.get(*index))
        .position(|line| line.during.from.is_none() && !ends_by(line, network))
        .and_then(|position| lines.get(position))
        .and_then(|index| entity.roles.get_mut(*index))
    {
        line.during.from = Some(at);
        return None;
    }
    // A line whose written start may be the event's day: the same instant.
    for index in &lines {
        let Some(line) = entity.roles.get(*index) else {
            continue;
        };
        let Some(from) = line.during.from else {
            continue;
        };
        if !surely_after(network, from, at) && !surely_after(network, at, from) {
            if unify(network, from, at) {
                return None;
            }
            return Some(given.disagrees(
                Disagreement::RoleNotHeldThen {
                    role: role_key(given.role),
                    entity: entity_key,
                },
                Some(line.origin.span),
            ));
        }
    }
    // A line already holding at the event: the event confirms it.
    let holding = lines
        .iter()
        .filter_map(|index| entity.roles.get(*index))
        .any(|line| line.during.from.is_none_or(|from| not_after(network, from, at)) && !ends_by(line, network));
    if holding {
        return None;
    }
    // A line that begins surely after the event, and none the event can
    // be: the facts say the role came later.
    if let Some(later) = lines
        .iter()
        .filter_map(|index| entity.roles.get(*index))
        .find(|line| line.during.from.is_some_and(|from| surely_after(network, from, at)))
    {
        return Some(given.disagrees(
            Disagreement::RoleNotHeldThen {
                role: role_key(given.role),
                entity: entity_key,
            },
            Some(later.origin.span),
        ));
    }
    // No line for the role, or only ones that ended before: the event
    // gives one, from its instant.
    entity.roles.push(Stated {
        value: given.role,
        origin: given.event.origin.clone(),
        during: Period {
            from: Some(at),
            until: None,
        },
        basis: Basis::Stated,
    });
    None
}

/// Whether a line is open at its end: not ended, or ended on a day the
/// papers do not give.
fn open_end(instants: &[Instant], line: &Stated<RoleId>) -> bool {
    line.during.until.is_none_or(|until| undated(instants, until))
}

/// Ends a line at an event: a line left open ends there; one whose end is
/// undated ends by it.
fn end_at(network: &mut Network, instants: &[Instant], line: &mut Stated<RoleId>, at: InstantId) {
    match line.during.until {
        None => line.during.until = Some(at),
        Some(until) if undated(instants, until) => {
            let _ = network.constrain(node(until), node(at), 0);
        }
        Some(_) => {}
    }
}

/// A vacancy ends the open lines of the role it empties (of the post or
/// member it names, if it names one), and a line whose written end may be
/// its day is the same instant. A line that surely still holds on the day
/// is an error.
fn vacate(
    arrangement: &mut Arrangement,
    network: &mut Network,
    instants: &[Instant],
    vacancy: &RoleEvent<'_>,
    role_key: &impl Fn(RoleId) -> String,
) -> Vec<CheckError> {
    let at = vacancy.event.at;
    for (index, entity) in arrangement.entities.iter_mut().enumerate() {
        if !vacancy.event.concerns.is_empty() && !vacancy.event.concerns.contains(&EntityId::from_index(index)) {
            continue;
        }
        for line in entity.roles.iter_mut().filter(|line| line.value == vacancy.role) {
            if line.basis.in_doubt() || line.during.from.is_some_and(|from| surely_after(network, from, at)) {
                continue;
            }
            match line.during.until {
                Some(until) if !undated(instants, until) => {
                    if !surely_after(network, until, at) && !surely_after(network, at, until) {
                        unify(network, until, at);
                    }
                }
                _ => end_at(network, instants, line, at),
            }
        }
    }
    let mut errors = Vec::new();
    for entity in &arrangement.entities {
        for line in entity.roles.iter().filter(|line| line.value == vacancy.role) {
            let begun = line.during.from.is_none_or(|from| not_after(network, from, at));
            let goes_on = line.during.until.is_none_or(|until| surely_after(network, until, at));
            if begun && goes_on && !line.basis.in_doubt() {
                errors.push(vacancy.disagrees(
                    Disagreement::RoleStillHeld {
                        role: role_key(vacancy.role),
                        entity: entity.key.to_string(),
                    },
                    Some(line.origin.span),
                ));
            }
        }
    }
    errors
}

/// Whoever held a role before an event gave it to another stops there: a
/// line of another post or member that surely began before the event, and
/// is open, ends at it (unless the post itself was gone by then).
fn end_earlier_holders(
    arrangement: &mut Arrangement,
    network: &mut Network,
    instants: &[Instant],
    event: &Event,
    role: RoleId,
) {
    let at = event.at;
    for (index, entity) in arrangement.entities.iter_mut().enumerate() {
        // A post gone a day or more before the event holds nothing then:
        // its life closed its lines already.
        let gone = entity
            .life
            .until
            .is_some_and(|gone| network.entails(node(gone), node(at), -1));
        let born = entity.life.from;
        if gone || event.concerns.contains(&EntityId::from_index(index)) {
            continue;
        }
        for line in entity.roles.iter_mut().filter(|line| line.value == role) {
            // A line with no start of its own began with its post.
            let began_before = line
                .during
                .from
                .or(born)
                .is_none_or(|from| from != at && not_after(network, from, at));
            if began_before && !line.basis.in_doubt() && open_end(instants, line) {
                end_at(network, instants, line, at);
            }
        }
    }
}
