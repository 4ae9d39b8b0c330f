//! The interval core: time as the papers give it, every date an interval
//! of doubt.
//!
//! A council's papers date things exactly, to a month or a year, not at all
//! ("on a date not given"), or only relative to each other ("after the
//! restructure", "before June 2035", "between 2033 and 2035"). Each such
//! date is an instant somewhere in an interval of days; what the papers
//! say of every instant and of their order is a set of difference
//! constraints ([`network`]). A verdict that depends on when something
//! happened is decided over every choice of dates the constraints allow
//! ([`worlds`]): the same answer everywhere decides it; different answers
//! leave it unknown, naming the question that divides them.
//!
//! Nothing here knows councils or duties: the model gives each instant its
//! meaning ([`crate::model::Timeline`]), and evaluation asks its questions
//! ([`crate::eval`]).

pub mod network;
pub mod worlds;
