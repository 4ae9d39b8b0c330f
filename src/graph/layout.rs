//! Where each box of the SVG chart goes.
//!
//! The layered (Sugiyama) layout comes from the `rust-sugiyama` crate: it
//! ranks the boxes, orders each rank to cut crossings and computes x
//! coordinates that respect each box's width, which is what an org chart
//! needs, and it leaves the drawing to us, so styling, escaping and
//! accessibility stay in dcsc's hands. (`layout-rs` draws whole SVGs itself
//! and can panic on odd input; Graphviz would be a run-time dependency.)
//!
//! The crate is fed only what it is known to handle: a graph with no
//! loops, no repeated edges and no edge to itself (we break cycles
//! ourselves, deterministically, before it sees them), of a bounded size
//! counting the bends it adds to long lines, and only the boxes that have a
//! line at all. It runs on a thread of its own with a time limit, so a
//! panic or a ranking that never ends cannot reach the caller; its answer
//! is checked (every box placed once, finite coordinates). Should it fail,
//! or the chart be too large for it, a simple layered layout of our own
//! (ranks by longest path, one barycentre pass) takes over, so no
//! arrangement can make the chart panic or hang.

use std::collections::BTreeMap;

/// Horizontal space between neighbouring boxes.
pub(super) const H_GAP: f64 = 40.0;
/// Vertical space between ranks: room for the org chart's bus lines and
/// for line labels.
pub(super) const V_GAP: f64 = 84.0;
/// Space between separate groups of boxes.
const GROUP_GAP: f64 = 64.0;
/// Room above the boxes that have no line, for their caption.
pub(super) const UNLINKED_CAPTION: f64 = 34.0;
/// Above this many boxes with lines, plus the bends the crate would add
/// for lines that cross ranks, the crate is not asked: its ranking and
/// crossing reduction are polynomial and recursive, and a chart that large
/// is read by search, not by eye.
const CRATE_LIMIT: usize = 1200;
/// How long the crate may take before its answer is given up for ours. Far
/// above what any chart within `CRATE_LIMIT` takes (well under a second):
/// only a ranking that never ends (network simplex can cycle in theory)
/// would reach it.
const CRATE_TIME: std::time::Duration = std::time::Duration::from_secs(20);

/// A box on the chart: top-left corner and size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// The horizontal centre.
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// Where every box goes.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Layout {
    /// One box per node, in node order.
    pub boxes: Vec<Rect>,
    /// The top of each box's rank (boxes of a rank are top-aligned), for
    /// the org chart's bus lines.
    pub rank_tops: Vec<f64>,
    /// The width and height of everything, from (0, 0).
    pub width: f64,
    /// See `width`.
    pub height: f64,
    /// Where the caption of the boxes with no line goes, if there are any.
    pub unlinked_caption: Option<f64>,
    /// Which layout placed the boxes with lines (for tests and comments).
    pub engine: Engine,
}

/// Which layout placed the boxes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Engine {
    /// No box had a line.
    #[default]
    None,
    /// rust-sugiyama.
    Sugiyama,
    /// dcsc's own layered layout.
    Fallback,
}

/// Lays out boxes of the given sizes joined by `edges` (upper, lower):
/// the boxes with a line in layered groups, then those with none in rows
/// below.
pub(super) fn layout(sizes: &[(f64, f64)], edges: &[(usize, usize)]) -> Layout {
    let count = sizes.len();
    let dag = acyclic(count, edges);
    let mut linked = vec![false; count];
    for (upper, lower) in &dag {
        for index in [upper, lower] {
            if let Some(flag) = linked.get_mut(*index) {
                *flag = true;
            }
        }
    }
    let is_linked = |index: &usize| linked.get(*index).copied().unwrap_or(false);
    let linked_nodes: Vec<usize> = (0..count).filter(is_linked).collect();
    let unlinked: Vec<usize> = (0..count).filter(|index| !is_linked(index)).collect();
    let mut layout = Layout {
        boxes: sizes
            .iter()
            .map(|(w, h)| Rect {
                x: 0.0,
                y: 0.0,
                w: *w,
                h: *h,
            })
            .collect(),
        rank_tops: vec![0.0; count],
        ..Layout::default()
    };
    if !linked_nodes.is_empty() {
        let (groups, engine) = match sugiyama(sizes, &linked_nodes, &dag) {
            Some(groups) => (groups, Engine::Sugiyama),
            None => (fallback(sizes, &linked_nodes, &dag), Engine::Fallback),
        };
        layout.engine = engine;
        layout.place_groups(sizes, groups);
    }
    if !unlinked.is_empty() {
        layout.place_unlinked(&unlinked, !linked_nodes.is_empty());
    }
    layout
}

impl Layout {
    /// Places the groups of boxes with lines left to right, in the order
    /// of their first node (the head of paid service's first),
    /// top-aligned.
    fn place_groups(&mut self, sizes: &[(f64, f64)], groups: Vec<Group>) {
        let mut x = 0.0;
        for group in groups {
            let left = group
                .iter()
                .map(|(index, cx, _)| cx - size(sizes, *index).0 / 2.0)
                .fold(f64::INFINITY, f64::min);
            let right = group
                .iter()
                .map(|(index, cx, _)| cx + size(sizes, *index).0 / 2.0)
                .fold(f64::NEG_INFINITY, f64::max);
            // Boxes of one rank share a centre line; align their tops to
            // the tallest box's top.
            let mut rank_top: BTreeMap<i64, f64> = BTreeMap::new();
            for (index, _, cy) in &group {
                let top = cy - size(sizes, *index).1 / 2.0;
                let entry = rank_top.entry(rank_key(*cy)).or_insert(top);
                *entry = entry.min(top);
            }
            let first_top = rank_top.values().copied().fold(f64::INFINITY, f64::min);
            for (index, cx, cy) in &group {
                let top = rank_top.get(&rank_key(*cy)).copied().unwrap_or(*cy) - first_top;
                if let Some(rect) = self.boxes.get_mut(*index) {
                    rect.x = x + (cx - rect.w / 2.0 - left);
                    rect.y = top;
                    self.width = self.width.max(rect.x + rect.w);
                    self.height = self.height.max(rect.bottom());
                }
                if let Some(slot) = self.rank_tops.get_mut(*index) {
                    *slot = top;
                }
            }
            x += (right - left) + GROUP_GAP;
        }
    }

    /// Places the boxes with no line in rows below the rest, under a
    /// caption, as wide as the chart (or a few boxes wide if the chart is
    /// narrow).
    fn place_unlinked(&mut self, unlinked: &[usize], below_linked: bool) {
        let row_width = self.width.max(900.0);
        let caption = if below_linked {
            self.height + GROUP_GAP / 2.0
        } else {
            0.0
        };
        self.unlinked_caption = Some(caption);
        let mut x = 0.0;
        let mut y = caption + UNLINKED_CAPTION;
        let mut row_height: f64 = 0.0;
        for index in unlinked {
            let Some(rect) = self.boxes.get_mut(*index) else {
                continue;
            };
            if x > 0.0 && x + rect.w > row_width {
                x = 0.0;
                y += row_height + H_GAP;
                row_height = 0.0;
            }
            rect.x = x;
            rect.y = y;
            if let Some(slot) = self.rank_tops.get_mut(*index) {
                *slot = y;
            }
            x += rect.w + H_GAP;
            row_height = row_height.max(rect.h);
            self.width = self.width.max(rect.x + rect.w);
            self.height = self.height.max(rect.bottom());
        }
    }
}

/// The size of box `index`.
fn size(sizes: &[(f64, f64)], index: usize) -> (f64, f64) {
    sizes.get(index).copied().unwrap_or((0.0, 0.0))
}

/// A key grouping the boxes of one rank (their centres share a y).
fn rank_key(y: f64) -> i64 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "truncation is wanted: centres of one rank are computed identically"
    )]
    let key = (y * 4.0).round() as i64;
    key
}

/// The edges without loops, repeats or edges to themselves: a depth-first
/// search from each node in order drops every edge that leads back to a
/// node on the current path. Deterministic, and iterative so that no depth
/// overflows the stack.
fn acyclic(count: usize, edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (upper, lower) in edges {
        if upper == lower || *lower >= count {
            continue;
        }
        if let Some(targets) = out.get_mut(*upper) {
            if !targets.contains(lower) {
                targets.push(*lower);
            }
        }
    }
    // 0 = not seen, 1 = on the path, 2 = done.
    let mut state = vec![0u8; count];
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for start in 0..count {
        if state.get(start).copied() != Some(0) {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        if let Some(slot) = state.get_mut(start) {
            *slot = 1;
        }
        while let Some((node, next)) = stack.pop() {
            let target = out.get(node).and_then(|targets| targets.get(next)).copied();
            match target {
                Some(target) => {
                    stack.push((node, next + 1));
                    match state.get(target).copied() {
                        Some(0) => {
                            kept.push((node, target));
                            if let Some(slot) = state.get_mut(target) {
                                *slot = 1;
                            }
                            stack.push((target, 0));
                        }
                        // Done already: a cross edge, which makes no loop.
                        Some(2) => kept.push((node, target)),
                        // On the path: this edge closes a loop; drop it.
                        _ => {}
                    }
                }
                None => {
                    if let Some(slot) = state.get_mut(node) {
                        *slot = 2;
                    }
                }
            }
        }
    }
    kept.sort_unstable();
    kept
}

/// A group of boxes laid out together: (node, centre x, centre y).
type Group = Vec<(usize, f64, f64)>;

/// What the crate returns: for each connected part, each vertex's place
/// in the list it was given and its centre, then the part's size.
type CrateLayouts = Vec<(Vec<(usize, (f64, f64))>, f64, f64)>;

/// The crate's layout of the linked boxes, one group per connected part,
/// ordered by their first node; `None` if it is not asked or fails.
fn sugiyama(sizes: &[(f64, f64)], linked: &[usize], dag: &[(usize, usize)]) -> Option<Vec<Group>> {
    if too_large_for_crate(sizes.len(), linked, dag) {
        return None;
    }
    // The crate numbers vertices by their place in the list it is given.
    let mut local: BTreeMap<usize, u32> = BTreeMap::new();
    let mut vertices: Vec<(u32, (f64, f64))> = Vec::new();
    for (place, index) in linked.iter().enumerate() {
        let id = u32::try_from(place).ok()?;
        local.insert(*index, id);
        let (w, h) = size(sizes, *index);
        // The gaps are part of each vertex's size, so the crate keeps them.
        vertices.push((id, (w + H_GAP, h + V_GAP)));
    }
    // Given in reverse: the crate's first ordering walks each vertex's
    // edges newest first, so this keeps a manager's reports in file order.
    let edges: Vec<(u32, u32)> = dag
        .iter()
        .rev()
        .filter_map(|(upper, lower)| Some((*local.get(upper)?, *local.get(lower)?)))
        .collect();
    groups_of(run_crate(vertices, edges)?, linked)
}

/// Whether the crate would have too much to do: each line crossing ranks
/// gets a bend point per rank crossed. The longest-path ranking bounds the
/// crate's (which minimises the total length of lines), so this bounds
/// the work.
fn too_large_for_crate(count: usize, linked: &[usize], dag: &[(usize, usize)]) -> bool {
    let ranks = longest_path_ranks(count, linked, dag);
    let bends: usize = dag
        .iter()
        .map(|(upper, lower)| {
            let span = rank_of(&ranks, *lower).saturating_sub(rank_of(&ranks, *upper));
            span.saturating_sub(1)
        })
        .sum();
    linked.len().saturating_add(bends) > CRATE_LIMIT
}

/// Runs the crate on a thread of its own: if it panics, the channel closes
/// and we fall back at once; if it never ends, we stop waiting. A big
/// stack, as the crate recurses once per rank.
fn run_crate(vertices: Vec<(u32, (f64, f64))>, edges: Vec<(u32, u32)>) -> Option<CrateLayouts> {
    let config = rust_sugiyama::configure::Config {
        minimum_length: 1,
        // Our gaps are already in the sizes.
        vertex_spacing: 0.0,
        dummy_vertices: true,
        // A lane for lines that cross a rank, so they miss the boxes.
        dummy_size: H_GAP,
        ranking_type: rust_sugiyama::configure::RankingType::MinimizeEdgeLength,
        c_minimization: rust_sugiyama::configure::CrossingMinimization::Barycenter,
        transpose: true,
    };
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("dcsc-chart-layout".to_owned())
        .stack_size(32 * 1024 * 1024)
        .spawn(move || {
            let layout = rust_sugiyama::from_vertices_and_edges(&vertices, &edges, &config);
            // The receiver is gone only if it stopped waiting.
            sender.send(layout).ok();
        })
        .ok()?;
    receiver.recv_timeout(CRATE_TIME).ok()
}

/// The crate's answer as groups of our nodes, checked: every box placed
/// once, at finite coordinates; `None` otherwise.
fn groups_of(result: CrateLayouts, linked: &[usize]) -> Option<Vec<Group>> {
    let mut placed = vec![false; linked.len()];
    let mut groups: Vec<Group> = Vec::new();
    for (positions, _, _) in result {
        let mut group: Group = Vec::new();
        for (id, (x, y)) in positions {
            if !x.is_finite() || !y.is_finite() {
                return None;
            }
            let seen = placed.get_mut(id)?;
            if *seen {
                return None;
            }
            *seen = true;
            group.push((*linked.get(id)?, x, y));
        }
        // The crate returns each group's vertices in hash order.
        group.sort_by_key(|(index, _, _)| *index);
        if !group.is_empty() {
            groups.push(group);
        }
    }
    if placed.iter().any(|seen| !seen) {
        return None;
    }
    groups.sort_by_key(|group| group.first().map_or(usize::MAX, |(index, _, _)| *index));
    Some(groups)
}

/// The rank of each node by longest path from the top: 0 for a node with
/// no line from above, else one more than its lowest upper neighbour
/// (edges relaxed in topological order, Kahn's algorithm); then each node
/// with no line from above is moved down to just above its highest lower
/// neighbour (a member sits above the board it is on, not at the top of a
/// long chart), which only shortens lines.
fn longest_path_ranks(count: usize, linked: &[usize], dag: &[(usize, usize)]) -> Vec<usize> {
    let mut indegree = vec![0usize; count];
    let mut below: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (upper, lower) in dag {
        if let Some(degree) = indegree.get_mut(*lower) {
            *degree += 1;
        }
        if let Some(list) = below.get_mut(*upper) {
            list.push(*lower);
        }
    }
    let mut rank = vec![0usize; count];
    let mut queue: std::collections::VecDeque<usize> = linked
        .iter()
        .copied()
        .filter(|index| indegree.get(*index).copied() == Some(0))
        .collect();
    let mut order: Vec<usize> = Vec::new();
    while let Some(node) = queue.pop_front() {
        order.push(node);
        let here = rank_of(&rank, node);
        for lower in below.get(node).map(Vec::as_slice).unwrap_or_default() {
            if let Some(slot) = rank.get_mut(*lower) {
                *slot = (*slot).max(here + 1);
            }
            if let Some(degree) = indegree.get_mut(*lower) {
                *degree = degree.saturating_sub(1);
                if *degree == 0 {
                    queue.push_back(*lower);
                }
            }
        }
    }
    let mut has_upper = vec![false; count];
    for (_, lower) in dag {
        if let Some(flag) = has_upper.get_mut(*lower) {
            *flag = true;
        }
    }
    for node in order.iter().rev() {
        if has_upper.get(*node).copied().unwrap_or(true) {
            continue;
        }
        let lowest_fit = below
            .get(*node)
            .and_then(|lowers| lowers.iter().map(|lower| rank_of(&rank, *lower)).min());
        if let (Some(fit), Some(slot)) = (lowest_fit, rank.get_mut(*node)) {
            *slot = fit.saturating_sub(1).max(*slot);
        }
    }
    rank
}

/// A node's rank, 0 if out of range.
fn rank_of(ranks: &[usize], index: usize) -> usize {
    ranks.get(index).copied().unwrap_or(0)
}

/// dcsc's own layered layout: ranks by longest path from the top, each
/// rank ordered once by the mean place of its boxes' upper neighbours, and
/// packed left to right around a common centre. One group.
fn fallback(sizes: &[(f64, f64)], linked: &[usize], dag: &[(usize, usize)]) -> Vec<Group> {
    let count = sizes.len();
    let rank = longest_path_ranks(count, linked, dag);
    let mut above: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (upper, lower) in dag {
        if let Some(list) = above.get_mut(*lower) {
            list.push(*upper);
        }
    }
    let depth = linked
        .iter()
        .filter_map(|index| rank.get(*index))
        .copied()
        .max()
        .unwrap_or(0);
    let mut ranks: Vec<Vec<usize>> = vec![Vec::new(); depth + 1];
    for index in linked {
        if let Some(list) = rank.get(*index).and_then(|rank| ranks.get_mut(*rank)) {
            list.push(*index);
        }
    }
    let mut place = vec![0.0f64; count];
    let mut group: Group = Vec::new();
    let mut y = 0.0;
    for row in &mut ranks {
        if row.is_empty() {
            continue;
        }
        // Order by the mean place of the boxes above, then by node order.
        let key = |index: &usize| -> f64 {
            let uppers = above.get(*index).map(Vec::as_slice).unwrap_or_default();
            if uppers.is_empty() {
                f64::MAX
            } else {
                #[expect(
                    clippy::cast_precision_loss,
                    reason = "a box has far fewer than 2^52 neighbours above"
                )]
                let count = uppers.len() as f64;
                uppers
                    .iter()
                    .map(|upper| place.get(*upper).copied().unwrap_or(0.0))
                    .sum::<f64>()
                    / count
            }
        };
        let mut keyed: Vec<(f64, usize)> = row.iter().map(|index| (key(index), *index)).collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        *row = keyed.into_iter().map(|(_, index)| index).collect();
        let total: f64 = row.iter().map(|index| size(sizes, *index).0 + H_GAP).sum();
        let tallest = row.iter().map(|index| size(sizes, *index).1).fold(0.0, f64::max);
        let mut x = -total / 2.0;
        for index in row.iter() {
            let (w, _) = size(sizes, *index);
            let cx = x + (w + H_GAP) / 2.0;
            if let Some(slot) = place.get_mut(*index) {
                *slot = cx;
            }
            group.push((*index, cx, y + tallest / 2.0));
            x += w + H_GAP;
        }
        y += tallest + V_GAP;
    }
    group.sort_by_key(|(index, _, _)| *index);
    vec![group]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_repeats_and_self_edges_are_dropped() {
        let dag = acyclic(3, &[(0, 1), (1, 2), (2, 0), (0, 1), (1, 1), (0, 9)]);
        assert_eq!(dag, vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn boxes_of_a_rank_are_top_aligned_and_do_not_overlap() {
        let sizes = vec![(120.0, 40.0), (150.0, 60.0), (130.0, 40.0), (100.0, 30.0)];
        let layout = layout(&sizes, &[(0, 1), (0, 2)]);
        assert_eq!(layout.engine, Engine::Sugiyama);
        assert_eq!(layout.boxes.len(), 4, "four boxes");
        let [top, left, right, lone] = layout.boxes[..] else {
            return;
        };
        assert!(left.y > top.bottom());
        assert_eq!(left.y, right.y);
        assert!(left.x + left.w <= right.x || right.x + right.w <= left.x);
        assert!(lone.y > left.bottom().max(right.bottom()));
        assert!(layout.unlinked_caption.is_some());
    }

    #[test]
    fn long_lines_that_would_bend_too_often_go_to_the_fallback() {
        // A chain of 300 boxes, each also joined to one box at the bottom:
        // tens of thousands of bends for the crate.
        let count = 301;
        let sizes = vec![(120.0, 40.0); count];
        let mut edges: Vec<(usize, usize)> = (1..300).map(|index| (index - 1, index)).collect();
        edges.extend((0..300).map(|index| (index, 300)));
        let started = std::time::Instant::now();
        let layout = layout(&sizes, &edges);
        assert_eq!(layout.engine, Engine::Fallback);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        let bottom = layout.boxes[300];
        assert!(layout.boxes[..300].iter().all(|rect| rect.bottom() < bottom.y));
    }

    #[test]
    fn the_fallback_places_every_box_without_overlap() {
        let sizes = vec![(100.0, 40.0); 6];
        let dag = acyclic(6, &[(0, 1), (0, 2), (1, 3), (2, 4), (0, 4)]);
        let linked: Vec<usize> = (0..5).collect();
        let groups = fallback(&sizes, &linked, &dag);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].len(), 5);
        for (a, ax, ay) in &groups[0] {
            for (b, bx, by) in &groups[0] {
                if a != b && ay == by {
                    assert!((ax - bx).abs() >= 100.0);
                }
            }
        }
    }
}
