//! One entity may not state the same fact twice over the same days: two
//! lines of one attribute (`tier 1`, `tier 2`), title, holder's name or
//! `other_functions` that surely hold together (E0109), or one role held
//! twice (E0125). Lines whose periods may follow
//! one another, or whose ends the papers leave `unknown`, are a history,
//! not a repetition.

use super::within;
use crate::check::error::CheckError;
use crate::model::{Arrangement, Entity, Period, Policy, Timeline};
use crate::source::Span;

/// Reports every line that repeats an earlier one of its entity.
pub(super) fn repeated_lines(arrangement: &Arrangement, policy: &Policy, errors: &mut Vec<CheckError>) {
    let timeline = &arrangement.timeline;
    for entity in &arrangement.entities {
        let together = |one: Period, other: Period| surely_together(timeline, entity, one, other);
        for (index, (attribute, line)) in entity.attributes.iter().enumerate() {
            let earlier = entity
                .attributes
                .iter()
                .take(index)
                .find(|(other, earlier)| other == attribute && together(earlier.during, line.during));
            if let (Some((_, earlier)), Some(declared)) = (earlier, policy.attribute(*attribute)) {
                errors.push(CheckError::RepeatedField {
                    field: declared.key.clone(),
                    span: name_span(line.origin.span, &declared.key),
                    first: earlier.origin.span,
                });
            }
        }
        for (index, line) in entity.described.iter().enumerate() {
            let earlier = entity
                .described
                .iter()
                .take(index)
                .find(|earlier| earlier.value.same_fact(&line.value) && together(earlier.during, line.during));
            if let Some(earlier) = earlier {
                let field = line.value.field(entity.kind);
                errors.push(CheckError::RepeatedField {
                    field: field.to_owned(),
                    span: name_span(line.origin.span, field),
                    first: earlier.origin.span,
                });
            }
        }
        for (index, line) in entity.roles.iter().enumerate() {
            let earlier = entity
                .roles
                .iter()
                .take(index)
                .find(|earlier| earlier.value == line.value && together(earlier.during, line.during));
            if let (Some(earlier), Some(role)) = (earlier, policy.role(line.value)) {
                errors.push(CheckError::RepeatedValue {
                    value: role.key.clone(),
                    span: line.origin.span,
                    first: earlier.origin.span,
                });
            }
        }
    }
}

/// The field's name, which opens its line.
fn name_span(line: Span, name: &str) -> Span {
    Span {
        end: line.start.saturating_add(u32::try_from(name.len()).unwrap_or(0)),
        ..line
    }
}

/// Whether two lines of one entity surely hold on some day together: each
/// surely begins before the other stops (an open end is the entity's
/// life's, and a life without that end is no bound). An end written
/// `unknown` decides nothing.
fn surely_together(timeline: &Timeline, entity: &Entity, one: Period, other: Period) -> bool {
    let says_nothing = |period: Period| {
        period.ends().any(|end| {
            timeline
                .instant(end)
                .is_some_and(|instant| instant.written.says_nothing())
        })
    };
    if says_nothing(one) || says_nothing(other) {
        return false;
    }
    let (one, other) = (within(one, entity.life), within(other, entity.life));
    let begins_before = |period: Period, stop: Period| match (period.from, stop.until) {
        (_, None) | (None, Some(_)) => true,
        (Some(from), Some(until)) => timeline.surely_before(from, until),
    };
    begins_before(one, other) && begins_before(other, one)
}
