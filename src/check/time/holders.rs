//! One holder of a role at a time. Two posts or members that surely hold
//! one role on the same day are W0010; two whose lines the papers' doubt
//! about dates lets share a day (a new post's undated designation that may
//! come before the old post's vacancy) are W0017, naming the dates in
//! doubt. Both are warnings: the papers more often leave out when one
//! holder gave way to the next than mean two holders at once, and where
//! they do, the duties on the role judge it (as `unknown` where only some
//! orders of the dates give two holders).

use super::{node, within, CheckError};
use crate::check::{OrderInDoubt, Window};
use crate::model::*;
use crate::source::Span;

/// One line of a role, within its holder's life.
struct RoleLine {
    entity: usize,
    period: Period,
    span: Span,
    /// Held by turns with the role's other holders by turns: on any one
    /// day one of them holds it.
    by_turns: bool,
}

/// Warns of two posts or members that surely (W0010) or possibly (W0017)
/// hold one role on the same day, pointing at both lines.
pub(super) fn one_holder_at_a_time(arrangement: &Arrangement, policy: &Policy, errors: &mut Vec<CheckError>) {
    let timeline = &arrangement.timeline;
    for (role_index, role) in policy.roles.iter().enumerate() {
        let id = RoleId::from_index(role_index);
        let lines: Vec<RoleLine> = arrangement
            .entities
            .iter()
            .enumerate()
            .flat_map(|(index, entity)| {
                entity
                    .roles
                    .iter()
                    .enumerate()
                    .filter(move |(_, line)| line.value == id && !line.basis.in_doubt())
                    .map(move |(line_index, line)| RoleLine {
                        entity: index,
                        period: within(line.during, entity.life),
                        span: line.origin.span,
                        by_turns: entity.turns_of(line_index).is_some(),
                    })
            })
            .collect();
        for (position, line) in lines.iter().enumerate() {
            let earlier = lines.iter().take(position).filter(|other| {
                other.entity != line.entity
                    && !(line.by_turns && other.by_turns)
                    && !(line.period.is_always() && other.period.is_always())
            });
            let mut surely = None;
            let mut possibly = None;
            for other in earlier {
                if timeline.surely_overlap(line.period, other.period) {
                    surely = Some(other);
                    break;
                }
                if possibly.is_none() {
                    possibly =
                        may_share_a_day(timeline, line.period, other.period, line.span).map(|doubts| (other, doubts));
                }
            }
            if let Some(other) = surely {
                errors.push(CheckError::SharedRole {
                    role: role.key.clone(),
                    span: line.span,
                    other: other.span,
                });
            } else if let Some((other, doubts)) = possibly {
                errors.push(CheckError::MaySharedRole {
                    role: role.key.clone(),
                    span: line.span,
                    other: other.span,
                    doubts,
                });
            }
        }
    }
}

/// Whether two lines the papers do not surely put on one day may still
/// share one, and if so the questions of order left open: each must begin
/// before the other stops, and the network must allow both at once.
fn may_share_a_day(timeline: &Timeline, line: Period, other: Period, fallback: Span) -> Option<Vec<OrderInDoubt>> {
    let network = &timeline.network;
    // (warned line begins?, the beginning instant, the stopping instant)
    let conditions: Vec<(bool, InstantId, InstantId)> =
        [(true, line.from, other.until), (false, other.from, line.until)]
            .into_iter()
            .filter_map(|(warned, from, until)| Some((warned, from?, until?)))
            .collect();
    let open: Vec<&(bool, InstantId, InstantId)> = conditions
        .iter()
        .filter(|(_, from, until)| !network.entails(node(*from), node(*until), -1))
        .collect();
    // `from - until <= -1`: it began on a day before the other stopped.
    let constraint = |(_, from, until): &(bool, InstantId, InstantId)| (node(*from), node(*until), -1);
    let allowed = match open.as_slice() {
        [] => return None,
        [one] => network.allows_both(constraint(one), constraint(one)),
        [one, two, ..] => network.allows_both(constraint(one), constraint(two)),
    };
    let window = |instant: InstantId| Window {
        earliest: network.earliest(node(instant)).map(crate::date::Day::from_number),
        latest: network.latest(node(instant)).map(crate::date::Day::from_number),
    };
    allowed.then(|| {
        open.iter()
            .map(|(warned, from, until)| OrderInDoubt {
                warned_line_begins: *warned,
                begins: window(*from),
                begins_at: timeline.instant(*from).map_or(fallback, |instant| instant.span),
                stops: window(*until),
                stops_at: timeline.instant(*until).map_or(fallback, |instant| instant.span),
            })
            .collect()
    })
}
