//! The diagnostics of lines of accountability and who holds a role, of
//! time (periods, lives and events), and of hidden characters.

use super::super::{phrases, Code, Diagnostic};
use super::also_if;
use crate::check::{Disagreement, OrderInDoubt};
use crate::date::Day;
use crate::model::EntityKind;
use crate::source::Span;

// Lines of accountability and who holds a role.

pub(super) fn reports_to_member(post: &str, member: &str, span: Span, member_span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0201,
        format!("the post `{post}` reports to the member `{member}`"),
    )
    .at(span, "a post's line of accountability leads to another post")
    .also(member_span, "an elected member")
    .note("officers report to officers; members hold them to account through the council's political structures")
    .help("name the post this post reports to, such as the Chief Executive")
}

pub(super) fn reporting_loop(posts: &[String], span: Span, others: &[Span], on: Option<Day>) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(
        Code::E0202,
        format!(
            "the reporting line loops: {} → {}",
            posts.join(" → "),
            posts.first().map_or("", String::as_str)
        ),
    )
    .at(span, "this line closes the loop");
    for other in others {
        diagnostic = diagnostic.also(*other, "part of the loop");
    }
    if let Some(day) = on {
        diagnostic = diagnostic.note(format!("the lines hold together on {day}, by their dates"));
    }
    diagnostic.help("the line of accountability must end at the head of paid service")
}

pub(super) fn wrong_holder(
    role: &str,
    expected: EntityKind,
    found: EntityKind,
    span: Span,
    role_span: Option<Span>,
) -> Diagnostic {
    let (expected, found) = (expected.word(), found.word());
    let diagnostic = Diagnostic::new(Code::E0203, format!("`{role}` is held by a {expected}, not a {found}"))
        .at(span, format!("a {found} cannot hold `{role}`"));
    also_if(diagnostic, role_span, format!("declared `held_by {expected}`"))
}

pub(super) fn shared_role(role: &str, span: Span, other: Span) -> Diagnostic {
    Diagnostic::new(
        Code::W0010,
        format!("two posts or members hold `{role}` on the same days"),
    )
    .at(span, "this holder")
    .also(other, "and this one, at the same time")
    .note("if one replaced the other, end the first line (`until DATE`) where the second begins (`from DATE`)")
    .help("if both really held it at once, the duties on the role will judge it")
}

pub(super) fn may_share_role(role: &str, span: Span, other: Span, doubts: &[OrderInDoubt]) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(
        Code::W0017,
        format!("two posts or members may hold `{role}` on the same days, as the papers leave the order of their dates open"),
    )
    .at(span, "this holder")
    .also(other, "and this one, on days the papers leave open");
    let mut labelled = vec![span, other];
    for doubt in doubts {
        for (at, label) in [
            (doubt.begins_at, "a start whose order the papers leave open"),
            (doubt.stops_at, "an end whose order the papers leave open"),
        ] {
            if !labelled.contains(&at) {
                labelled.push(at);
                diagnostic = diagnostic.also(at, label);
            }
        }
        let (begins, stops) = if doubt.warned_line_begins {
            ("this line", "the other")
        } else {
            ("the other line", "this one")
        };
        diagnostic = diagnostic.note(format!(
            "{begins} begins {}, and {stops} stops {}: the papers do not say which came first",
            phrases::window(doubt.begins),
            phrases::window(doubt.stops)
        ));
    }
    diagnostic.help("if one holder gave way to the next, date the later one's start by the earlier's end (`after EVENT`, or the same date); if the order is truly unknown, the duties on the role are `unknown` where it matters")
}

// Time.

pub(super) fn reversed_period(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0120, "this period ends before it begins")
        .at(span, "`until` is before `from`")
        .note("`until` names when the fact stopped holding; with a day, the first day it no longer held")
        .help("swap the dates, or correct the one that is wrong")
}

pub(super) fn dates_contradict(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0124, "what the papers say of this date cannot all hold")
        .at(span, "this date, with its `after`, `before` or `between`, leaves no day")
        .note("a bound is strict: `after 2015` is from 2016, `after EVENT` a later day than the event's; every event the papers record happened by their end (`known_until`)")
        .help("correct the date or the bound that is wrong")
}

pub(super) fn outside_life(entity: &str, span: Span, life: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0121,
        format!("a fact of `{entity}` is said to hold outside the time `{entity}` existed"),
    )
    .at(span, "this fact's period reaches outside")
    .also(life, "its `exists` gives when it existed")
    .help("correct the fact's period, or the entity's `from` or `until`")
}

/// What the event says against the facts, and how to make them agree.
pub(super) fn disagreement(event: &str, problem: &Disagreement) -> (String, String) {
    match problem {
        Disagreement::RoleNotHeldThen { role, entity } => (
            format!("`{event}` gives `{entity}` the role `{role}`, but its `holds` does not hold then"),
            "correct the event's date, or the period of the `holds` line".to_owned(),
        ),
        Disagreement::RoleStillHeld { role, entity } => (
            format!("`{event}` leaves `{role}` vacant, but `{entity}` surely holds it then"),
            format!("end the line of `{entity}` (`until DATE`) at the vacancy"),
        ),
        Disagreement::NoHolderNamed => (
            format!("`{event}` gives roles to no one"),
            "name the `post` or `member` it gives them to".to_owned(),
        ),
    }
}

pub(super) fn event_disagrees(event: &str, problem: &Disagreement, span: Span, fact: Option<Span>) -> Diagnostic {
    let (message, help) = disagreement(event, problem);
    let diagnostic = Diagnostic::new(Code::E0122, message)
        .at(span, "the event")
        .note("an event that gives or takes away a role must tell the same history as the facts")
        .help(help);
    also_if(diagnostic, fact, "the fact it disagrees with")
}

pub(super) fn event_order_loop(events: &[String], span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0123,
        format!("these events each come after another: {}", events.join(" → ")),
    )
    .at(span, "the `after` that closes the circle")
    .help("one of them must be the first: correct its `after`")
}

// Characters.

pub(super) fn hidden_characters(characters: &[char], span: Span, in_string: bool) -> Diagnostic {
    let named: Vec<String> = characters.iter().map(|c| phrases::hidden_character(*c)).collect();
    let (message, label) = if in_string {
        (
            format!(
                "this text holds characters that act on a terminal or reorder text: {}",
                named.join(", ")
            ),
            "in this text",
        )
    } else {
        (
            format!(
                "this line holds characters that act on a terminal or reorder text, outside any string: {}",
                named.join(", ")
            ),
            "on this line (in a comment, say)",
        )
    };
    Diagnostic::new(Code::W0014, message)
        .at(span, label)
        .note("printed raw, a control character drives the terminal that shows it (ESC begins sequences that rewrite the screen, the window's title or the clipboard), and a bidirectional control makes the text after it read in another order than it is written")
        .note("dcsc shows each as `\\u{…}` in everything it writes, but an editor or another program may not")
        .help("remove them: retype the text, or paste it as plain text; a tab or a line break is fine")
}
