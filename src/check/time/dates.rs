//! The dates an arrangement gives, as they are read: each written date (a
//! fact line's `from` or `until`, an entity's life, an event's `on`, an
//! answer's `given`) becomes an instant as it is met, with what it dates;
//! the events it names are resolved once every event is known, and the
//! bounds it states become constraints in [`super::network_of`].

use std::cell::RefCell;

use crate::date::PartialDate;
use crate::model::{Anchor, Instant, InstantId, Owner, Period, Written};
use crate::source::Span;
use crate::syntax::ast;

/// A date as written, its events not yet resolved.
#[derive(Clone, Debug)]
pub(crate) struct Pending {
    /// The date given, if any.
    pub date: Option<PartialDate>,
    /// What it comes after, as written.
    pub after: Vec<ast::Anchor>,
    /// What it comes before, as written.
    pub before: Vec<ast::Anchor>,
    /// Whether it was written at all.
    pub stated: bool,
    /// The date of a `seen` line this is an end of.
    pub seen: Option<PartialDate>,
    /// What it dates.
    pub owner: Owner,
    /// Where it is written.
    pub span: Span,
}

/// The instants of one arrangement, allocated as the reader meets them.
#[derive(Debug, Default)]
pub(crate) struct Dates {
    pending: RefCell<Vec<Pending>>,
}

impl Dates {
    /// An instant for a date as written.
    pub fn when(&self, when: &ast::When, owner: Owner) -> InstantId {
        self.push(Pending {
            date: when.date.and_then(|value| value.date),
            after: when.after.clone(),
            before: when.before.clone(),
            stated: true,
            seen: None,
            owner,
            span: when.span,
        })
    }

    /// An instant not written where it is used: on a date known from
    /// elsewhere (an answer's document's date, the day the law ended a kind
    /// of body), or (`None`) not dated at all, bounded only by what the
    /// check learns (an event, the end of the papers).
    pub fn not_written(&self, date: Option<PartialDate>, owner: Owner, span: Span) -> InstantId {
        self.push(Pending {
            date,
            after: Vec::new(),
            before: Vec::new(),
            stated: false,
            seen: None,
            owner,
            span,
        })
    }

    fn push(&self, pending: Pending) -> InstantId {
        let mut list = self.pending.borrow_mut();
        list.push(pending);
        InstantId::from_index(list.len() - 1)
    }

    /// The period a line's `from`/`until` (or `seen`) gives: an instant for
    /// each end written, shown at the period's clause (so that a period
    /// that runs backwards is pointed at whole). `seen D` is two instants,
    /// a start on or before D and an end after it.
    pub fn period(&self, written: Option<&ast::WrittenPeriod>, owner: impl Fn(crate::model::End) -> Owner) -> Period {
        use crate::model::End;
        let Some(written) = written else {
            return Period::ALWAYS;
        };
        let line = written.span;
        if let Some(seen) = written.seen {
            let Some(date) = seen.date else {
                return Period::ALWAYS;
            };
            let end = |which: End| {
                self.push(Pending {
                    date: None,
                    after: Vec::new(),
                    before: Vec::new(),
                    stated: true,
                    seen: Some(date),
                    owner: owner(which),
                    span: line,
                })
            };
            return Period {
                from: Some(end(End::Start)),
                until: Some(end(End::Stop)),
            };
        }
        let end = |when: &ast::When, which: End| {
            self.when(
                &ast::When {
                    span: line,
                    ..when.clone()
                },
                owner(which),
            )
        };
        Period {
            from: written.from.as_ref().map(|when| end(when, End::Start)),
            until: written.until.as_ref().map(|when| end(when, End::Stop)),
        }
    }

    /// Every instant read, in id order.
    pub fn into_pending(self) -> Vec<Pending> {
        self.pending.into_inner()
    }
}

/// An instant with its events resolved.
pub(crate) fn resolved(pending: &Pending, events: &impl Fn(&ast::Name) -> Option<crate::model::EventId>) -> Instant {
    let anchor = |anchor: &ast::Anchor| match anchor {
        ast::Anchor::Date(value) => value.date.map(Anchor::Date),
        ast::Anchor::Event(name) => events(name).map(Anchor::Event),
    };
    Instant {
        written: Written {
            date: pending.date,
            after: pending.after.iter().filter_map(anchor).collect(),
            before: pending.before.iter().filter_map(anchor).collect(),
            stated: pending.stated,
            seen: pending.seen,
        },
        owner: pending.owner,
        span: pending.span,
    }
}
