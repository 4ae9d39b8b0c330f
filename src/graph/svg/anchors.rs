//! Where the relation lines of the SVG chart leave and enter their boxes:
//! on the sides facing each other, spread along a side in the order of
//! their other ends, beside the centre a reporting line takes.

use std::collections::BTreeMap;

use crate::graph::layout::Rect;
use crate::graph::{Chart, EdgeKind};

/// A side of a box that a relation line leaves or enters by.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

/// Where a relation line starts and ends, and whether it runs vertically.
#[derive(Clone, Copy)]
pub(super) struct Anchor {
    pub(super) start: (f64, f64),
    pub(super) end: (f64, f64),
    pub(super) vertical: bool,
}

/// One end of a relation line on a side of a box.
#[derive(Clone, Copy)]
struct LineEnd {
    /// The x of the line's other end: the order of the ends along the side.
    other_x: f64,
    /// The line, by edge index.
    edge: usize,
    /// Whether this is where the line starts.
    is_start: bool,
}

/// The ends of relation lines on each side of each box (by node index).
type EndsBySide = BTreeMap<(usize, Side), Vec<LineEnd>>;

/// Which side of each box's centre is taken by a reporting line: the
/// bottom of a manager, the top of a report. Other lines attach beside.
struct Centres {
    bottom: Vec<bool>,
    top: Vec<bool>,
}

impl Centres {
    fn of(chart: &Chart, boxes: &[Rect]) -> Centres {
        let mut centres = Centres {
            bottom: vec![false; boxes.len()],
            top: vec![false; boxes.len()],
        };
        for edge in chart.edges.iter().filter(|edge| edge.kind == EdgeKind::Reporting) {
            if let Some(flag) = centres.bottom.get_mut(edge.from) {
                *flag = true;
            }
            if let Some(flag) = centres.top.get_mut(edge.to) {
                *flag = true;
            }
        }
        centres
    }

    /// Whether a reporting line takes the centre of this side of a box.
    fn taken(&self, node: usize, side: Side) -> bool {
        match side {
            Side::Bottom => self.bottom.get(node).copied().unwrap_or(false),
            Side::Top => self.top.get(node).copied().unwrap_or(false),
            Side::Left | Side::Right => false,
        }
    }
}

/// Where each relation line (by edge index) starts and ends, and whether
/// it runs vertically. Lines leaving or entering one side of a box are
/// spread along it in the order of their other ends, so they do not
/// cross each other there; where a reporting line takes the side's centre,
/// they keep to either side of it.
pub(super) fn relation_anchors(chart: &Chart, boxes: &[Rect]) -> Vec<Option<Anchor>> {
    let centres = Centres::of(chart, boxes);
    let (plan, sides) = sides_of_lines(chart, boxes);
    let mut starts: Vec<Option<(f64, f64)>> = vec![None; chart.edges.len()];
    let mut ends: Vec<Option<(f64, f64)>> = vec![None; chart.edges.len()];
    for ((node, side), mut list) in sides {
        let Some(rect) = boxes.get(node) else {
            continue;
        };
        list.sort_by(|a, b| a.other_x.total_cmp(&b.other_x).then(a.edge.cmp(&b.edge)));
        let centre_taken = centres.taken(node, side);
        for (place, end) in list.iter().enumerate() {
            let point = point_on_side(rect, side, &list, centre_taken, (place, end));
            let target = if end.is_start {
                starts.get_mut(end.edge)
            } else {
                ends.get_mut(end.edge)
            };
            if let Some(slot) = target {
                *slot = Some(point);
            }
        }
    }
    plan.iter()
        .enumerate()
        .map(|(index, vertical)| {
            Some(Anchor {
                start: starts.get(index).copied()??,
                end: ends.get(index).copied()??,
                vertical: (*vertical)?,
            })
        })
        .collect()
}

/// The sides each relation line leaves and enters by, facing the other
/// box: whether each line (by edge index) runs vertically, and the ends
/// on each side of each box.
fn sides_of_lines(chart: &Chart, boxes: &[Rect]) -> (Vec<Option<bool>>, EndsBySide) {
    let mut sides = EndsBySide::new();
    let mut plan: Vec<Option<bool>> = vec![None; chart.edges.len()];
    for (index, edge) in chart.edges.iter().enumerate() {
        if edge.kind == EdgeKind::Reporting {
            continue;
        }
        let (Some(from), Some(to)) = (boxes.get(edge.from), boxes.get(edge.to)) else {
            continue;
        };
        let (start, end, vertical) = if from.bottom() <= to.y {
            (Side::Bottom, Side::Top, true)
        } else if to.bottom() <= from.y {
            (Side::Top, Side::Bottom, true)
        } else if from.cx() <= to.cx() {
            (Side::Right, Side::Left, false)
        } else {
            (Side::Left, Side::Right, false)
        };
        if let Some(slot) = plan.get_mut(index) {
            *slot = Some(vertical);
        }
        sides.entry((edge.from, start)).or_default().push(LineEnd {
            other_x: to.cx(),
            edge: index,
            is_start: true,
        });
        sides.entry((edge.to, end)).or_default().push(LineEnd {
            other_x: from.cx(),
            edge: index,
            is_start: false,
        });
    }
    (plan, sides)
}

/// Where one of the line ends on a side of a box goes: the `place`th of
/// `list`, the ends on that side in order.
fn point_on_side(
    rect: &Rect,
    side: Side,
    list: &[LineEnd],
    centre_taken: bool,
    (place, end): (usize, &LineEnd),
) -> (f64, f64) {
    let count = list.len() as f64;
    let place = place as f64;
    match side {
        Side::Top | Side::Bottom => {
            let fraction = if centre_taken {
                // Left of the centre for lines going left, right for lines
                // going right.
                let left = list.iter().filter(|end| end.other_x < rect.cx()).count() as f64;
                if end.other_x < rect.cx() {
                    0.14 + 0.26 * (place + 0.5) / left.max(1.0)
                } else {
                    0.6 + 0.26 * (place - left + 0.5) / (count - left).max(1.0)
                }
            } else {
                0.2 + 0.6 * (place + 0.5) / count
            };
            let y = if side == Side::Top { rect.y } else { rect.bottom() };
            (rect.x + rect.w * fraction, y)
        }
        Side::Left | Side::Right => {
            let y = rect.y + rect.h * (0.25 + 0.5 * (place + 0.5) / count);
            let x = if side == Side::Left { rect.x } else { rect.x + rect.w };
            (x, y)
        }
    }
}
