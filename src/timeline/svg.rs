//! The timeline as a standalone SVG document, 1123 units wide (A4
//! landscape at 96 dots an inch), drawn top to bottom: the title, the
//! rules' labels, the years, a lane per role with its bars, a row per kind
//! of mark, the verdict strip and the legend. The rules are drawn first, so
//! that they run behind everything.
//!
//! Like the chart, it carries no `<style>`, no script and no external font
//! or image, and its ids are prefixed with the arrangement's id, so it can
//! be embedded in a page. Every colour is doubled by something else: a
//! review's outcome and a verdict are written, a mark's kind names its
//! row, an uncertain end is hatched, a fact not stated has a dashed border.
//! Each bar, mark, rule and segment carries its dates in `data-` attributes
//! for tools and tests. Output is a pure function of the history.

use std::fmt::Write as _;

use super::{Bar, History, Lane, Mark, MarkKind, Moment, Rule, RuleKind, Segment, Strip};
use crate::date::Day;
use crate::eval::VerdictKind;
use crate::model::{EventKind, ReviewOutcome};
use crate::words::timeline as words;

/// The width of the picture: A4 landscape at 96 dots an inch.
const WIDTH: f64 = 1123.0;
/// Space around everything.
const MARGIN: f64 = 20.0;
/// The width of the column of names on the left.
const NAMES: f64 = 230.0;
/// Where the time axis begins.
const PLOT_X: f64 = MARGIN + NAMES;
/// How wide the time axis is.
const PLOT_W: f64 = WIDTH - PLOT_X - MARGIN;
/// The height of a row of bars.
const BAR_ROW: f64 = 24.0;
/// The height of a row of marks or verdicts.
const ROW: f64 = 20.0;
/// The font size of labels.
const SMALL: f64 = 10.0;
/// Text is measured with no font at hand; widths are estimated and widened
/// by this much (as the chart does).
const WIDER: f64 = 1.12;
/// System fonts only: nothing is fetched.
const FONT: &str = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', Roboto, 'Noto Sans', sans-serif";

/// The picture of a history.
pub(super) fn render(history: &History) -> String {
    let mut canvas = Canvas::new(history);
    let mut body = String::new();
    let mut y = 30.0;
    let _ = writeln!(
        body,
        r##"<text x="{}" y="{}" font-size="16" font-weight="bold" fill="#111111">{}</text>"##,
        num(MARGIN),
        num(y),
        xml(&words::title(history))
    );
    y += 12.0;
    y = canvas.rule_labels(&mut body, &history.rules, y);
    let axis = y + 12.0;
    y = canvas.years(&mut body, axis);
    for lane in &history.lanes {
        y = canvas.lane(&mut body, lane, y);
    }
    for kind in MarkKind::ALL {
        let marks: Vec<&Mark> = history.marks.iter().filter(|mark| mark.kind == kind).collect();
        if !marks.is_empty() {
            y = canvas.marks(&mut body, kind, &marks, y);
        }
    }
    y = canvas.strip(&mut body, &history.strip, y);
    let plot_bottom = y;
    y = legend(&mut body, y + 16.0);
    let height = (y + MARGIN).ceil();
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title" font-family="{font}" class="dcsc-timeline" data-from="{from}" data-to="{to}">"#,
        w = num(WIDTH),
        h = num(height),
        id = canvas.id,
        font = xml(FONT),
        from = history.from,
        to = history.to,
    );
    let _ = writeln!(
        out,
        r#"<title id="{}-title">{}</title>"#,
        canvas.id,
        xml(&words::title(history))
    );
    canvas.defs(&mut out);
    let _ = writeln!(
        out,
        r##"<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##,
        num(WIDTH),
        num(height)
    );
    canvas.grid(&mut out, axis, plot_bottom);
    canvas.rules(&mut out, &history.rules, axis, plot_bottom);
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// What every part of the drawing needs: the ids' prefix and the scale.
struct Canvas {
    /// The prefix of every id: `dcsc-timeline-KEY`.
    id: String,
    /// The first day drawn, as a day number.
    from: i64,
    /// The last day drawn.
    to: Day,
    /// How many days are drawn.
    days: f64,
    /// Where each rule's label was put, by rule, for its line.
    rule_rows: Vec<f64>,
}

impl Canvas {
    fn new(history: &History) -> Canvas {
        Canvas {
            id: format!("dcsc-timeline-{}", crate::graph::id_fragment(&history.key)),
            from: history.from.number(),
            to: history.to,
            days: (history.to.number() - history.from.number() + 1).max(1) as f64,
            rule_rows: Vec::new(),
        }
    }

    /// The x of the start of a day, kept within the axis.
    fn x(&self, day: Day) -> f64 {
        let offset = (day.number() - self.from) as f64;
        (PLOT_X + offset / self.days * PLOT_W).clamp(PLOT_X, PLOT_X + PLOT_W)
    }

    /// The x of the end of a day.
    fn x_after(&self, day: Day) -> f64 {
        self.x(day.next())
    }

    /// The hatch pattern and the arrowhead-free markers the picture uses.
    fn defs(&self, out: &mut String) {
        let _ = writeln!(
            out,
            r##"<defs><pattern id="{}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#78909c" stroke-width="2.5"/></pattern></defs>"##,
            self.id
        );
    }

    /// A faint line at each new year, behind everything.
    fn grid(&self, out: &mut String, top: f64, bottom: f64) {
        for year in self.years_drawn() {
            let x = self.x(year);
            let _ = writeln!(
                out,
                r##"<line x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="#eeeeee" stroke-width="1"/>"##,
                x = num(x),
                top = num(top),
                bottom = num(bottom)
            );
        }
    }

    /// The first day of each year within the period.
    fn years_drawn(&self) -> Vec<Day> {
        let first = self.from;
        (Day::from_number(first).year..=self.to.year)
            .map(|year| Day { year, month: 1, day: 1 })
            .filter(|day| day.number() >= first && *day <= self.to)
            .collect()
    }

    /// The axis: a line and each year's number. Returns the y below it.
    fn years(&self, body: &mut String, axis: f64) -> f64 {
        let _ = writeln!(
            body,
            r##"<line class="axis" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="#37474f" stroke-width="1"/>"##,
            num(PLOT_X),
            num(PLOT_X + PLOT_W),
            y = num(axis)
        );
        for year in self.years_drawn() {
            let x = self.x(year);
            let _ = writeln!(
                body,
                r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#37474f"/><text x="{}" y="{}" font-size="{}" fill="#37474f">{}</text>"##,
                num(axis - 4.0),
                num(axis + 4.0),
                num(x + 2.0),
                num(axis - 3.0),
                num(SMALL),
                year.year,
                x = num(x)
            );
        }
        axis + 8.0
    }

    /// The rules' labels, each on the first row where it does not overlap
    /// another. Returns the y below them.
    fn rule_labels(&mut self, body: &mut String, rules: &[Rule], top: f64) -> f64 {
        let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
        for rule in rules {
            let label = words::rule_label(rule);
            let x = self.x(rule.day);
            let width = text_width(&label, SMALL);
            // A label near the right edge is written to the left of its
            // line.
            let start = if x + width + 4.0 > WIDTH - MARGIN {
                x - width - 3.0
            } else {
                x + 3.0
            };
            let row = place(&mut rows, (start, start + width));
            let y = top + 11.0 + row as f64 * 13.0;
            self.rule_rows.push(y);
            let _ = writeln!(
                body,
                r##"<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>"##,
                num(start),
                num(y),
                num(SMALL),
                rule_colour(rule.kind),
                xml(&label)
            );
        }
        top + rows.len() as f64 * 13.0 + 6.0
    }

    /// Each rule as a vertical line from its label to the bottom.
    fn rules(&self, out: &mut String, rules: &[Rule], axis: f64, bottom: f64) {
        for (rule, label_y) in rules.iter().zip(&self.rule_rows) {
            let x = self.x(rule.day);
            let dash = match rule.kind {
                RuleKind::PapersEnd | RuleKind::AsAt => "",
                RuleKind::Guidance | RuleKind::Amendment | RuleKind::Law | RuleKind::LocalPolicy => {
                    r#" stroke-dasharray="5 3""#
                }
            };
            let _ = writeln!(
                out,
                r#"<g class="rule {}" data-key="{}" data-day="{}"><title>{}</title><line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{}" stroke-width="1.5"{dash}/></g>"#,
                rule.kind.name(),
                xml(&rule.key),
                rule.day,
                xml(&words::rule_title(rule)),
                num((*label_y + 3.0).min(axis)),
                num(bottom),
                rule_colour(rule.kind),
                x = num(x),
            );
        }
    }

    /// A lane: its role's name, and its bars on as many rows as keep them
    /// and their labels apart. Returns the y below it.
    fn lane(&self, body: &mut String, lane: &Lane, top: f64) -> f64 {
        let (fill, stroke) = lane_colours(&lane.role);
        let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut drawn = String::new();
        for bar in &lane.bars {
            let span = self.bar_span(bar);
            let label = words::bar_label(bar);
            let extent = (span.0, span.3.max(span.0 + text_width(&label, 11.0) + 8.0));
            let row = place(&mut rows, extent);
            let y = top + 4.0 + row as f64 * BAR_ROW;
            self.bar(&mut drawn, bar, lane, span, y, (fill, stroke));
        }
        let height = rows.len().max(1) as f64 * BAR_ROW + 8.0;
        let _ = writeln!(
            body,
            r##"<g class="lane" data-role="{}"><rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="0.25"/><text x="{}" y="{}" font-size="11" font-weight="bold" fill="{stroke}">{}</text>"##,
            xml(&lane.role),
            num(MARGIN),
            num(top),
            num(WIDTH - 2.0 * MARGIN),
            num(height),
            fill,
            num(MARGIN + 4.0),
            num(top + 16.0),
            xml(&fit(&lane.title, NAMES - 8.0, 11.0)),
        );
        if lane.bars.is_empty() {
            let _ = writeln!(
                body,
                r##"<text x="{}" y="{}" font-size="{}" font-style="italic" fill="#555555">{}</text>"##,
                num(PLOT_X + 4.0),
                num(top + 18.0),
                num(SMALL),
                xml(words::NO_HOLDER)
            );
        }
        body.push_str(&drawn);
        body.push_str("</g>\n");
        top + height
    }

    /// A bar's four x positions: earliest and latest start, earliest and
    /// latest end. An open start is the axis's start, an open end its end.
    fn bar_span(&self, bar: &Bar) -> (f64, f64, f64, f64) {
        let left = PLOT_X;
        let right = PLOT_X + PLOT_W;
        let (start_early, start_late) = if bar.start.given {
            let early = bar.start.earliest.map_or(left, |day| self.x(day));
            (early, bar.start.latest.map_or(early, |day| self.x(day)))
        } else {
            (left, left)
        };
        let (end_early, end_late) = if bar.end.given {
            let late = bar.end.latest.map_or(right, |day| self.x(day));
            (bar.end.earliest.map_or(late, |day| self.x(day)), late)
        } else {
            (right, right)
        };
        (
            start_early,
            start_late,
            end_early.max(start_early),
            end_late.max(start_early),
        )
    }

    /// One bar: solid where the papers say it surely held, hatched where
    /// an end may lie.
    fn bar(&self, out: &mut String, bar: &Bar, lane: &Lane, span: (f64, f64, f64, f64), y: f64, colours: (&str, &str)) {
        let (fill, stroke) = colours;
        let (start_early, start_late, end_early, end_late) = span;
        let dash = if words::basis(bar.basis).is_some() {
            r#" stroke-dasharray="4 2""#
        } else {
            ""
        };
        let _ = writeln!(
            out,
            r#"<g class="bar" data-entity="{}" data-role="{}" data-basis="{}" data-start="{}" data-end="{}"><title>{}</title>"#,
            xml(&bar.entity),
            xml(&lane.role),
            words::basis(bar.basis).unwrap_or("stated"),
            bounds(bar.start),
            bounds(bar.end),
            xml(&words::bar_title(bar, &lane.title)),
        );
        let height = BAR_ROW - 6.0;
        let rect = |out: &mut String, class: &str, from: f64, to: f64, paint: &str| {
            if to - from >= 0.5 {
                let _ = writeln!(
                    out,
                    r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" fill="{paint}" stroke="{stroke}" stroke-width="1.2"{dash}/>"#,
                    num(from),
                    num(y),
                    num(to - from),
                    num(height),
                );
            }
        };
        let hatch = format!("url(#{}-hatch)", self.id);
        if end_early > start_late {
            rect(out, "uncertain", start_early, start_late, &hatch);
            rect(out, "held", start_late, end_early, fill);
            rect(out, "uncertain", end_early, end_late, &hatch);
        } else {
            rect(out, "uncertain", start_early, end_late, &hatch);
        }
        let _ = writeln!(
            out,
            r##"<text x="{}" y="{}" font-size="11" fill="#111111">{}</text></g>"##,
            num(start_early + 4.0),
            num(y + 13.0),
            xml(&words::bar_label(bar)),
        );
    }

    /// A row (or rows) of marks of one kind. Returns the y below it.
    /// Answers given on the same span of days are drawn as one mark that
    /// counts them.
    fn marks(&self, body: &mut String, kind: MarkKind, marks: &[&Mark], top: f64) -> f64 {
        let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut drawn = String::new();
        for group in grouped(kind, marks) {
            let Some(first) = group.first() else {
                continue;
            };
            let (early, late) = self.mark_span(first.at);
            let middle = (early + late) / 2.0;
            let label = match group.len() {
                1 => words::mark_label(first),
                count => words::answers(count),
            };
            let width = text_width(&label, SMALL);
            let after = late.max(middle + 6.0) + 3.0;
            // A label that would run off the picture is written before
            // its mark, or, where that would run into the names, as far
            // right as it fits.
            let before = early.min(middle - 6.0) - 3.0 - width;
            let label_x = if after + width <= WIDTH - MARGIN {
                after
            } else if before >= PLOT_X {
                before
            } else {
                (WIDTH - MARGIN - width).max(PLOT_X)
            };
            let extent = (early.min(label_x) - 4.0, late.max(label_x + width) + 4.0);
            let row = place(&mut rows, extent);
            let y = top + 10.0 + row as f64 * ROW;
            self.mark(&mut drawn, &group, (early, middle, late), y, (label_x, &label));
        }
        let height = rows.len().max(1) as f64 * ROW;
        let _ = writeln!(
            body,
            r##"<g class="marks" data-kind="{}"><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#e0e0e0"/><text x="{}" y="{}" font-size="11" font-weight="bold" fill="#37474f">{}</text>"##,
            kind.name(),
            num(MARGIN),
            num(top),
            num(WIDTH - MARGIN),
            num(top),
            num(MARGIN + 4.0),
            num(top + 14.0),
            xml(words::row(kind)),
        );
        body.push_str(&drawn);
        body.push_str("</g>\n");
        top + height
    }

    /// The x of a mark's earliest and latest day (the whole of each day).
    fn mark_span(&self, at: Moment) -> (f64, f64) {
        let early = at.earliest.map_or(PLOT_X, |day| self.x(day));
        let late = at.latest.map_or(PLOT_X + PLOT_W, |day| self.x_after(day));
        (early, late.max(early))
    }

    /// One mark (or answers given on the same days): its symbol at the
    /// middle of its span, a whisker across the span when that is wider
    /// than a few days, and its label.
    fn mark(
        &self,
        out: &mut String,
        group: &[&Mark],
        (early, middle, late): (f64, f64, f64),
        y: f64,
        (label_x, label): (f64, &str),
    ) {
        let Some(mark) = group.first() else {
            return;
        };
        let colour = mark_colour(mark);
        let outcome = mark.outcome.map_or("", ReviewOutcome::word);
        let keys: Vec<&str> = group.iter().map(|mark| mark.key.as_str()).collect();
        let titles: Vec<String> = group.iter().map(|mark| words::mark_title(mark)).collect();
        let _ = writeln!(
            out,
            r#"<g class="mark {kind}" data-key="{}" data-kind="{kind}" data-outcome="{outcome}" data-status="{}" data-at="{}"><title>{}</title>"#,
            xml(&keys.join(" ")),
            mark.status.word(),
            bounds(mark.at),
            xml(&titles.join(" ")),
            kind = mark.kind.name(),
        );
        if late - early > 4.0 {
            let _ = writeln!(
                out,
                r#"<line class="whisker" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{colour}" stroke-width="1.5"/><line x1="{e}" y1="{}" x2="{e}" y2="{}" stroke="{colour}"/><line x1="{l}" y1="{}" x2="{l}" y2="{}" stroke="{colour}"/>"#,
                num(early),
                num(late),
                num(y - 3.0),
                num(y + 3.0),
                num(y - 3.0),
                num(y + 3.0),
                y = num(y),
                e = num(early),
                l = num(late),
            );
        }
        let happened = mark.status.happened();
        let paint = if happened { colour } else { "#ffffff" };
        let dash = if happened { "" } else { r#" stroke-dasharray="2 1""# };
        let shape = symbol(mark.kind, middle, y);
        let _ = writeln!(
            out,
            r#"<path d="{shape}" fill="{paint}" stroke="{colour}" stroke-width="1.5"{dash}/>"#
        );
        if !label.is_empty() {
            let _ = writeln!(
                out,
                r##"<text x="{}" y="{}" font-size="{}" fill="#111111">{}</text>"##,
                num(label_x),
                num(y + 3.5),
                num(SMALL),
                xml(label)
            );
        }
        out.push_str("</g>\n");
    }

    /// The verdict strip: a heading, then a row per duty. Returns the y
    /// below it.
    fn strip(&self, body: &mut String, strips: &[Strip], top: f64) -> f64 {
        let _ = writeln!(
            body,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#37474f"/><text x="{}" y="{}" font-size="12" font-weight="bold" fill="#111111">{}</text>"##,
            num(MARGIN),
            num(top + 4.0),
            num(WIDTH - MARGIN),
            num(top + 4.0),
            num(MARGIN + 4.0),
            num(top + 20.0),
            xml(words::STRIP_HEADING),
        );
        let mut y = top + 28.0;
        if strips.is_empty() {
            let _ = writeln!(
                body,
                r##"<text x="{}" y="{}" font-size="{}" font-style="italic" fill="#555555">{}</text>"##,
                num(PLOT_X + 4.0),
                num(y + 12.0),
                num(SMALL),
                xml(words::NO_CHANGES)
            );
            return y + ROW;
        }
        for strip in strips {
            self.strip_row(body, strip, y);
            y += ROW;
        }
        y
    }

    /// One duty's verdicts, a segment per stretch, each with its verdict
    /// written in it when it fits (and always in its tooltip).
    fn strip_row(&self, body: &mut String, strip: &Strip, y: f64) {
        let _ = writeln!(
            body,
            r##"<g class="strip" data-duty="{}"><text x="{}" y="{}" font-size="{}" fill="#111111">{}</text>"##,
            xml(&strip.duty),
            num(MARGIN + 4.0),
            num(y + 12.5),
            num(SMALL),
            xml(&fit(&strip.duty, NAMES - 8.0, SMALL)),
        );
        for segment in &strip.segments {
            self.segment(body, strip, segment, y);
        }
        body.push_str("</g>\n");
    }

    fn segment(&self, body: &mut String, strip: &Strip, segment: &Segment, y: f64) {
        let from = self.x(segment.from);
        let to = self.x_after(segment.to);
        let words_in = words::segment_words(segment.verdict);
        let verdict = segment.verdict.map_or("not_in_force", VerdictKind::name);
        let _ = writeln!(
            body,
            r##"<g class="segment" data-verdict="{verdict}" data-from="{}" data-to="{}"><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#757575" stroke-width="0.6"/><text x="{}" y="{}" font-size="9.5" fill="#111111">{}</text></g>"##,
            segment.from,
            segment.to,
            xml(&words::segment_title(strip, segment)),
            num(from),
            num(y + 2.0),
            num((to - from).max(0.5)),
            num(ROW - 4.0),
            verdict_colour(segment.verdict),
            num(from + 3.0),
            num(y + 13.0),
            xml(&fit(&words_in, to - from - 5.0, 9.5)),
        );
    }
}

/// The legend: each sign and what it means, the review outcomes' colours
/// with their names. Returns the y below it.
fn legend(body: &mut String, top: f64) -> f64 {
    let mut y = top;
    let mut x = MARGIN;
    let _ = write!(body, r#"<g class="legend">"#);
    for outcome in ReviewOutcome::ALL {
        let colour = outcome_colour(outcome);
        let label = format!("Review: {}", crate::words::outcome_label(outcome));
        let _ = write!(
            body,
            r##"<path d="{}" fill="{colour}" stroke="{colour}"/><text x="{}" y="{}" font-size="{}" fill="#111111">{}</text>"##,
            symbol(MarkKind::Event(EventKind::Review), x + 5.0, y),
            num(x + 14.0),
            num(y + 3.5),
            num(SMALL),
            xml(&label)
        );
        x += 26.0 + text_width(&label, SMALL);
    }
    y += 18.0;
    x = MARGIN;
    for (sign, meaning) in words::LEGEND {
        let sample = match sign {
            "hatched" => format!(
                r##"<rect x="{}" y="{}" width="16" height="10" fill="#b0bec5" stroke="#37474f"/>"##,
                num(x),
                num(y - 5.0)
            ),
            "dashed" => format!(
                r##"<rect x="{}" y="{}" width="16" height="10" fill="#ffffff" stroke="#37474f" stroke-dasharray="4 2"/>"##,
                num(x),
                num(y - 5.0)
            ),
            "whisker" => format!(
                r##"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="#37474f" stroke-width="1.5"/>"##,
                num(x),
                num(x + 16.0),
                y = num(y)
            ),
            _ => format!(
                r##"<path d="{}" fill="#ffffff" stroke="#37474f" stroke-dasharray="2 1"/>"##,
                symbol(MarkKind::Event(EventKind::Appointment), x + 8.0, y)
            ),
        };
        body.push_str(&sample);
        let _ = write!(
            body,
            r##"<text x="{}" y="{}" font-size="{}" fill="#111111">{}</text>"##,
            num(x + 22.0),
            num(y + 3.5),
            num(SMALL),
            xml(meaning)
        );
        x += 40.0 + text_width(meaning, SMALL);
        if x > WIDTH - 300.0 {
            x = MARGIN;
            y += 16.0;
        }
    }
    body.push_str("</g>\n");
    y + 8.0
}

/// The marks of a row, each alone, except answers given on the same span
/// of days, which are drawn together.
fn grouped<'a>(kind: MarkKind, marks: &[&'a Mark]) -> Vec<Vec<&'a Mark>> {
    let mut groups: Vec<Vec<&'a Mark>> = Vec::new();
    for mark in marks {
        let together = match kind {
            MarkKind::Answer => groups
                .iter_mut()
                .find(|group| group.first().is_some_and(|first| first.at == mark.at)),
            MarkKind::Event(_) => None,
        };
        match together {
            Some(group) => group.push(mark),
            None => groups.push(vec![mark]),
        }
    }
    groups
}

/// The earliest and latest day of a moment, for `data-` attributes:
/// `2016-03-01/2016-03-31`, `open` for an end the papers leave open, an
/// empty side for an unbounded one.
fn bounds(moment: Moment) -> String {
    if !moment.given {
        return "open".to_owned();
    }
    let side = |day: Option<Day>| day.map_or_else(String::new, |day| day.to_string());
    format!("{}/{}", side(moment.earliest), side(moment.latest))
}

/// The first row in which `extent` overlaps nothing placed, which it is
/// then placed in (a new row if none).
fn place(rows: &mut Vec<Vec<(f64, f64)>>, extent: (f64, f64)) -> usize {
    let free = rows
        .iter()
        .position(|row| row.iter().all(|taken| extent.1 <= taken.0 || taken.1 <= extent.0));
    match free.and_then(|index| rows.get_mut(index).map(|row| (index, row))) {
        Some((index, row)) => {
            row.push(extent);
            index
        }
        None => {
            rows.push(vec![extent]);
            rows.len() - 1
        }
    }
}

/// A symbol's path, centred on `(x, y)`: each kind of mark its own shape.
fn symbol(kind: MarkKind, x: f64, y: f64) -> String {
    let (x, y) = (num(x), num(y));
    match kind {
        MarkKind::Event(EventKind::Appointment) => {
            format!("M {x} {y} m -5 0 a 5 5 0 1 0 10 0 a 5 5 0 1 0 -10 0 z")
        }
        MarkKind::Event(EventKind::Designation) => format!("M {x} {y} m 0 -6 l 6 6 l -6 6 l -6 -6 z"),
        MarkKind::Event(EventKind::Vacancy) => format!("M {x} {y} m -5 -5 l 10 10 m 0 -10 l -10 10 m 3 -5 l 4 0"),
        MarkKind::Event(EventKind::Change) => format!("M {x} {y} m 0 -6 l 6 10 l -12 0 z"),
        MarkKind::Event(EventKind::Review) => format!("M {x} {y} m -5 -5 l 10 0 l 0 10 l -10 0 z"),
        MarkKind::Event(EventKind::Inspection) => format!("M {x} {y} m 0 6 l 6 -10 l -12 0 z"),
        MarkKind::Answer => format!("M {x} {y} m -3.5 0 a 3.5 3.5 0 1 0 7 0 a 3.5 3.5 0 1 0 -7 0 z"),
    }
}

/// A mark's colour: a review's by its outcome, the rest by kind.
fn mark_colour(mark: &Mark) -> &'static str {
    match mark.kind {
        MarkKind::Event(EventKind::Review) => outcome_colour(mark.outcome.unwrap_or(ReviewOutcome::Unknown)),
        MarkKind::Event(EventKind::Appointment) => "#0b3d91",
        MarkKind::Event(EventKind::Designation) => "#5e3c99",
        MarkKind::Event(EventKind::Vacancy) => "#6d4c41",
        MarkKind::Event(EventKind::Change) => "#b35806",
        MarkKind::Event(EventKind::Inspection) => "#01665e",
        MarkKind::Answer => "#546e7a",
    }
}

/// A review outcome's colour (its label is always written beside it).
fn outcome_colour(outcome: ReviewOutcome) -> &'static str {
    match outcome {
        ReviewOutcome::Assured => "#1b7837",
        ReviewOutcome::NotAssured => "#c00000",
        ReviewOutcome::Deferred => "#e08214",
        ReviewOutcome::Noted => "#4575b4",
        // Concluded, but whether assured is not quoted: a darker grey than
        // no conclusion at all.
        ReviewOutcome::NotQuoted => "#616161",
        ReviewOutcome::Unknown => "#9e9e9e",
    }
}

/// A verdict's fill (its words are written in it).
fn verdict_colour(verdict: Option<VerdictKind>) -> &'static str {
    match verdict {
        None => "#ffffff",
        Some(VerdictKind::Pass) => "#c7e9c0",
        Some(VerdictKind::Fail) => "#f4b6b0",
        Some(VerdictKind::Unexplained) => "#fdd0a2",
        Some(VerdictKind::Unknown) => "#e0e0e0",
        Some(VerdictKind::Missing) => "#e7d4e8",
        Some(VerdictKind::Stale) => "#f6e8c3",
        Some(VerdictKind::Departure) => "#c6dbef",
        Some(VerdictKind::Answered) => "#c7eae5",
        Some(VerdictKind::NotApplicable) => "#f5f5f5",
    }
}

/// A rule's colour.
fn rule_colour(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::Guidance => "#0b3d91",
        RuleKind::Amendment => "#5e3c99",
        RuleKind::Law => "#6d4c41",
        RuleKind::LocalPolicy => "#01665e",
        RuleKind::PapersEnd => "#c00000",
        RuleKind::AsAt => "#111111",
    }
}

/// A lane's fill and border, by its role.
fn lane_colours(role: &str) -> (&'static str, &'static str) {
    match role {
        "DCS" => ("#cfe0fb", "#0b3d91"),
        "LMCS" => ("#e6dcf5", "#5e3c99"),
        "DASS" => ("#d8efe0", "#2e7d32"),
        _ => ("#eceff1", "#37474f"),
    }
}

/// The estimated width of a line of text at a font size.
fn text_width(text: &str, size: f64) -> f64 {
    crate::graph::ems(text) * size * WIDER
}

/// Text cut to a width, ending in "…" when cut; empty when not even one
/// character fits.
fn fit(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut kept = String::new();
    for c in text.chars() {
        let candidate = format!("{kept}{c}…");
        if text_width(&candidate, size) > width {
            break;
        }
        kept.push(c);
    }
    if kept.is_empty() {
        String::new()
    } else {
        format!("{kept}…")
    }
}

/// Text escaped for XML.
fn xml(text: &str) -> String {
    crate::graph::xml(text)
}

/// A number for SVG: one decimal, no "-0", no trailing ".0".
fn num(value: f64) -> String {
    if !value.is_finite() || value.abs() < 0.05 {
        return "0".to_owned();
    }
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}
