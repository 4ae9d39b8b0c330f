//! The governance chart: posts and their reporting lines from the Chief
//! Executive down, members and their portfolios, bodies and who sits on or
//! chairs them, statutory roles marked, and reporting lines a verdict flags
//! drawn so the eye finds them. Rendered as DOT, Mermaid or SVG (laid out by
//! dcsc itself, no Graphviz needed).
//!
//! [`chart`] reads the checked model and the verdicts once into a [`Chart`]
//! (nodes and edges in a fixed order, text already cleaned); the three
//! renderers only draw it, so the formats cannot disagree about what the
//! chart says.

mod dot;
mod layout;
mod lines;
mod mermaid;
mod style;
mod svg;
mod text;
mod ties;

use crate::date::{Day, Holding};
use crate::eval::{Verdict, VerdictKind};
use crate::model::{Arrangement, Basis, Entity, EntityId, EntityKind, Period, Policy, RelationId};
use crate::Assessment;
use lines::Lines;

/// The chart of one arrangement: nodes and edges, in a deterministic order.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    title: String,
    key: String,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    relations: Vec<RelationStyle>,
    reporting_title: String,
    /// The titles of the roles the guidance is about (the DCS and the
    /// LMCS), for the legend.
    principal_roles: Vec<String>,
}

/// What a node of the chart stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// An officer post.
    Post,
    /// An elected member.
    Member,
    /// A board, committee or partnership.
    Body,
    /// An organisation beside the council that runs a service or employs
    /// a post (drawn where the guidance reads it).
    Organisation,
    /// A service an organisation beside the council runs.
    Service,
}

/// A post, member or body on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The entity's id in the council's file.
    pub key: String,
    /// Post, member or body.
    pub kind: NodeKind,
    /// Its title (cleaned: line breaks kept, control characters gone).
    pub title: String,
    /// The person holding the post, or the member's name, if stated.
    pub person: Option<String>,
    /// A member's portfolio, if stated.
    pub portfolio: Option<String>,
    /// A body's kind, in the guidance's words.
    pub body_kind: Option<String>,
    /// The roles held, by title ("Director of Children's Services"), in
    /// the order stated: what the chart prints.
    pub roles: Vec<String>,
    /// The same roles by id (`DCS`), for tools; never printed.
    pub role_keys: Vec<String>,
    /// Whether it holds DCS or LMCS, and is drawn with a strong border.
    pub statutory: bool,
    /// Whether it comes from a file the council shares with others.
    pub shared: bool,
}

/// What a line of the chart stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// A line of accountability (a relation declared `hierarchy yes`, such
    /// as `report_to`): `from` is the manager, `to` the post that reports.
    Reporting,
    /// Any other relation (`member_of`, `chair_of`…): `from` is the entity
    /// the relation is stated on, `to` its target. The number is the
    /// relation's place in [`Chart::relation_titles`], which fixes its style.
    Relation(usize),
}

/// A verdict that flags a reporting line: a duty whose verdict needs
/// attention consulted the line that states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    /// The duty's key (`dcs.report_to_chief_executive`), for tools.
    pub duty: String,
    /// The duty's title, which the line's label prints.
    pub title: String,
    /// Its verdict.
    pub verdict: VerdictKind,
}

/// A line between two nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Index into [`Chart::nodes`]: the manager for a reporting line, the
    /// entity the relation is stated on otherwise.
    pub from: usize,
    /// Index into [`Chart::nodes`]: the post that reports, or the relation's
    /// target.
    pub to: usize,
    /// Reporting line or other relation.
    pub kind: EdgeKind,
    /// The verdicts that flag it (reporting lines only), in verdict order.
    pub flags: Vec<Flag>,
    /// What the papers leave open of it at the chart's date, if anything:
    /// "inferred", "possibly", "perhaps, at this date".
    pub doubt: Option<&'static str>,
}

impl Edge {
    /// Whether a verdict flags it.
    pub fn is_flagged(&self) -> bool {
        !self.flags.is_empty()
    }

    /// The label of a flagged line: "flagged: TITLE OF THE DUTY (VERDICT);
    /// …".
    pub fn flag_label(&self) -> Option<String> {
        if self.flags.is_empty() {
            return None;
        }
        let parts: Vec<String> = self.flags.iter().map(Flag::words).collect();
        Some(format!("flagged: {}", parts.join("; ")))
    }
}

impl Flag {
    /// "The DCS reports directly to the Chief Executive (unexplained)".
    fn words(&self) -> String {
        format!("{} ({})", self.title, crate::words::verdict_words(self.verdict))
    }
}

impl Edge {
    /// The label of a flagged line in lines, each flag starting a line of
    /// its own, for the three formats.
    fn flag_lines(&self) -> Vec<String> {
        self.flags
            .iter()
            .enumerate()
            .flat_map(|(index, flag)| {
                let words = if index == 0 {
                    format!("flagged: {}", flag.words())
                } else {
                    flag.words()
                };
                text::wrap(&words, text::FLAG_WIDTH, 3)
            })
            .take(8)
            .chain(self.doubt.map(|doubt| format!("({doubt})")))
            .collect()
    }
}

/// A relation drawn on the chart, other than a reporting line.
#[derive(Clone, Debug, PartialEq)]
struct RelationStyle {
    key: String,
    title: String,
    /// Whether its target is a body: such lines are laid out with the body
    /// below; lines between posts and members (`accountable_to`) with the
    /// target above, as accountability reads.
    downward: bool,
}

impl Chart {
    /// The chart's title: "Governance chart: COUNCIL, as at DATE (…)".
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The posts, members and bodies: posts and members from the head of
    /// paid service down, each followed by those who report to it, then
    /// the rest in file order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The lines: reporting lines first, then the other relations, each in
    /// node order.
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    /// The titles of the relations drawn besides reporting lines, in the
    /// guidance's order ("is a member of", "chairs").
    pub fn relation_titles(&self) -> Vec<&str> {
        self.relations.iter().map(|relation| relation.title.as_str()).collect()
    }

    /// What the thick border means, for the legends: "holds Director of
    /// Children's Services or Lead Member for Children's Services".
    fn principal_words(&self) -> String {
        match self.principal_roles.as_slice() {
            [] => "holds a statutory role the guidance is about".to_owned(),
            [one] => format!("holds {one}"),
            [init @ .., last] => format!("holds {} or {last}", init.join(", ")),
        }
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Graphviz DOT text.
    pub fn to_dot(&self) -> String {
        // Labels are shown safe as they are cleaned; this makes sure of it
        // for the whole text.
        crate::visible::escape_owned(dot::render(self))
    }

    /// Mermaid flowchart text (```mermaid fences NOT included).
    pub fn to_mermaid(&self) -> String {
        crate::visible::escape_owned(mermaid::render(self))
    }

    /// A standalone SVG document (starts with `<svg`, has xmlns, a
    /// `<title>`, and width/height/viewBox), suitable for embedding inline
    /// in HTML.
    pub fn to_svg(&self) -> String {
        crate::visible::escape_owned(svg::render(self))
    }

    fn relation_title(&self, edge: &Edge) -> &str {
        match edge.kind {
            EdgeKind::Reporting => &self.reporting_title,
            EdgeKind::Relation(index) => self
                .relations
                .get(index)
                .map_or("is related to", |relation| relation.title.as_str()),
        }
    }

    /// What the chart holds, counted: "6 posts", "2 members", "4 bodies"
    /// and, if any, "1 flagged reporting line".
    fn counts(&self) -> Vec<String> {
        let count = |kind: NodeKind| self.nodes.iter().filter(|node| node.kind == kind).count();
        let plural = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
        let flagged = self.edges.iter().filter(|edge| edge.is_flagged()).count();
        let mut parts = vec![
            plural(count(NodeKind::Post), "post", "posts"),
            plural(count(NodeKind::Member), "member", "members"),
            plural(count(NodeKind::Body), "body", "bodies"),
        ];
        for (kind, one, many) in [
            (NodeKind::Organisation, "organisation", "organisations"),
            (NodeKind::Service, "service", "services"),
        ] {
            if count(kind) > 0 {
                parts.push(plural(count(kind), one, many));
            }
        }
        if flagged > 0 {
            parts.push(plural(flagged, "flagged reporting line", "flagged reporting lines"));
        }
        parts
    }

    /// The label of a relation's line: its title, and what the papers
    /// leave open of it ("is a member of (inferred)").
    pub(crate) fn line_label(&self, edge: &Edge) -> String {
        match edge.doubt {
            Some(doubt) => format!("{} ({doubt})", self.relation_title(edge)),
            None => self.relation_title(edge).to_owned(),
        }
    }

    /// Whether a line is laid out with `from` above `to`.
    fn downward(&self, edge: &Edge) -> bool {
        match edge.kind {
            EdgeKind::Reporting => true,
            EdgeKind::Relation(index) => self.relations.get(index).is_none_or(|relation| relation.downward),
        }
    }

    /// The lines of a node's label, shared by the three formats.
    fn label(&self, node: &Node) -> Vec<LabelLine> {
        let mut lines: Vec<LabelLine> = text::wrap(&node.title, text::TITLE_WIDTH, text::MAX_TITLE_LINES)
            .into_iter()
            .map(|line| LabelLine {
                text: line,
                style: LineStyle::Title,
            })
            .collect();
        if lines.is_empty() {
            lines.push(LabelLine {
                text: node.key.clone(),
                style: LineStyle::Title,
            });
        }
        let details = [
            node.shared.then(|| "Shared with other councils".to_owned()),
            node.person.clone(),
            node.portfolio
                .as_ref()
                .map(|portfolio| format!("Portfolio: {portfolio}")),
            node.body_kind.clone(),
        ];
        for detail in details.into_iter().flatten() {
            lines.extend(
                text::wrap(&detail, text::DETAIL_WIDTH, text::MAX_DETAIL_LINES)
                    .into_iter()
                    .map(|line| LabelLine {
                        text: line,
                        style: LineStyle::Detail,
                    }),
            );
        }
        // The roles by their titles: a reader of the chart need not know
        // that DASS is the Director of Adult Social Services.
        if !node.roles.is_empty() {
            let roles = format!("Holds: {}", crate::words::and_list(&node.roles));
            lines.extend(
                text::wrap(&roles, text::DETAIL_WIDTH, text::MAX_DETAIL_LINES)
                    .into_iter()
                    .map(|line| LabelLine {
                        text: line,
                        style: LineStyle::Roles,
                    }),
            );
        }
        lines
    }
}

/// One line of a node's label.
#[derive(Clone, Debug, PartialEq)]
struct LabelLine {
    text: String,
    style: LineStyle,
}

/// How a label line is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineStyle {
    /// The title, in bold.
    Title,
    /// The holder, portfolio or kind of body, smaller.
    Detail,
    /// A role held, by its title.
    Roles,
}

/// Builds the chart from the arrangement's entities and relations; the
/// verdicts flag the reporting lines they consulted. Each step below is
/// one part of what the chart says: who reports to whom, the order of the
/// nodes, the verdicts that flag lines, the lines, and the relations'
/// styles.
pub fn chart(assessment: &Assessment<'_>) -> Chart {
    let policy = assessment.policy;
    // The arrangements as they stood at the chart's date: posts, members
    // and bodies that existed then, the roles, lines and holders of then;
    // what may or may not have held then keeps its period, and is marked.
    let arrangement = &assessment.arrangement.at(assessment.as_at);
    let day = assessment.as_at;
    let reports = Reports::of(policy, arrangement, day);
    let drawn = ties::ties(policy, arrangement);
    let order = node_order(arrangement, &reports, &drawn, day);
    let nodes: Vec<Node> = order
        .iter()
        .filter_map(|index| Some((EntityId::from_index(*index), arrangement.entities.get(*index)?)))
        .map(|(id, entity)| node(policy, arrangement, id, entity))
        .collect();
    let flagging = flagging(policy, assessment.verdicts);
    let mut lines = Lines::between(policy, arrangement, &order, &flagging);
    lines.ties(policy, &order, &drawn);
    let (edges, relations) = lines.into_edges(policy);
    let reporting_title = policy
        .relations
        .iter()
        .find(|relation| relation.hierarchy)
        .map_or_else(|| "reports to".to_owned(), |relation| text::one_line(&relation.title));

    Chart {
        // A chart is the state as at its date, like every verdict beside
        // it, and says so.
        title: format!(
            "Governance chart: {}, {}",
            text::one_line(assessment.arrangement.council_name()),
            assessment.dated()
        ),
        key: text::id_fragment(&arrangement.key),
        nodes,
        edges,
        relations,
        reporting_title,
        principal_roles: policy
            .roles
            .iter()
            .filter(|role| role.principal)
            .map(|role| text::one_line(&role.title))
            .collect(),
    }
}

/// Text on one line, cleaned as the chart cleans it (for the timeline
/// picture, which draws the same names).
pub(crate) fn one_line(text: &str) -> String {
    text::one_line(text)
}

/// Text escaped for XML content and attributes, as the chart escapes it.
pub(crate) fn xml(text: &str) -> String {
    text::xml(text)
}

/// The width in ems a line of text takes, as the chart estimates it.
pub(crate) fn ems(text: &str) -> f64 {
    text::ems(text)
}

/// An id fragment safe in XML ids, as the chart derives it.
pub(crate) fn id_fragment(text: &str) -> String {
    text::id_fragment(text)
}

/// Whether an entity is drawn: posts, members and bodies, not services.
/// A post, member or body that existed at the chart's date (or may have).
fn charted(arrangement: &Arrangement, entity: &Entity, day: Day) -> bool {
    let drawn = match entity.kind {
        EntityKind::Post | EntityKind::Member | EntityKind::Body => true,
        EntityKind::Service | EntityKind::Organisation => false,
    };
    drawn && entity.exists_at(&arrangement.timeline, day) != Holding::No
}

/// Whether a relation is a line of accountability (declared `hierarchy
/// yes`).
fn is_hierarchy(policy: &Policy, relation: RelationId) -> bool {
    policy
        .relations
        .get(relation.index())
        .is_some_and(|declared| declared.hierarchy)
}

/// Who reports to whom on the chart, by entity index.
struct Reports {
    /// Each entity's reports (those whose line of accountability leads to
    /// it), in file order: the children of the org chart.
    children: Vec<Vec<usize>>,
    /// Whether each entity's line of accountability leads to another on
    /// the chart.
    has_manager: Vec<bool>,
}

impl Reports {
    fn of(policy: &Policy, arrangement: &Arrangement, day: Day) -> Reports {
        let is_charted = |id: EntityId| {
            arrangement
                .entity(id)
                .is_some_and(|entity| charted(arrangement, entity, day))
        };
        let count = arrangement.entities.len();
        let mut reports = Reports {
            children: vec![Vec::new(); count],
            has_manager: vec![false; count],
        };
        for (index, entity) in arrangement.entities.iter().enumerate() {
            if !charted(arrangement, entity, day) {
                continue;
            }
            for (relation, fact) in &entity.relations {
                if !is_hierarchy(policy, *relation) {
                    continue;
                }
                for target in &fact.value {
                    if target.index() != index && is_charted(*target) {
                        if let Some(children) = reports.children.get_mut(target.index()) {
                            if !children.contains(&index) {
                                children.push(index);
                            }
                        }
                        if let Some(flag) = reports.has_manager.get_mut(index) {
                            *flag = true;
                        }
                    }
                }
            }
        }
        reports
    }
}

/// The order of nodes, as entity indices: from the head of paid service
/// (posts that report to no one) down, depth first, so each manager is
/// followed by its reports; members and bodies after; anything left (a
/// loop the checker would have refused) in file order.
fn node_order(arrangement: &Arrangement, reports: &Reports, drawn: &[ties::Drawn], day: Day) -> Vec<usize> {
    let count = arrangement.entities.len();
    let charted = |arrangement: &Arrangement, entity: &Entity, day: Day| {
        let index = arrangement
            .entities
            .iter()
            .position(|other| std::ptr::eq(other, entity))
            .unwrap_or(count);
        charted(arrangement, entity, day) || ties::tied(drawn, EntityId::from_index(index), entity)
    };
    let kind_rank = |entity: &Entity| match entity.kind {
        EntityKind::Post => 0,
        EntityKind::Member => 1,
        EntityKind::Body | EntityKind::Service | EntityKind::Organisation => 2,
    };
    let mut roots: Vec<usize> = (0..count)
        .filter(|index| {
            arrangement.entities.get(*index).is_some_and(|entity| {
                charted(arrangement, entity, day) && !reports.has_manager.get(*index).copied().unwrap_or(false)
            })
        })
        .collect();
    roots.sort_by_key(|index| (arrangement.entities.get(*index).map_or(3, kind_rank), *index));
    let rest = (0..count).filter(|index| {
        arrangement
            .entities
            .get(*index)
            .is_some_and(|entity| charted(arrangement, entity, day))
    });
    let mut order: Vec<usize> = Vec::new();
    let mut visited = vec![false; count];
    for start in roots.into_iter().chain(rest) {
        // Depth first without recursion, so no depth of hierarchy can
        // overflow the stack.
        let mut stack = vec![start];
        while let Some(index) = stack.pop() {
            match visited.get_mut(index) {
                Some(seen) if !*seen => *seen = true,
                _ => continue,
            }
            order.push(index);
            if let Some(children) = reports.children.get(index) {
                stack.extend(children.iter().rev().copied());
            }
        }
    }
    order
}

/// The verdicts that flag the reporting lines they consulted, each with
/// its flag: those that find the arrangement departs from a duty. An
/// `unknown` verdict is about a fact not stated, not about the lines it
/// happened to read, so it flags nothing.
fn flagging<'v>(policy: &Policy, verdicts: &'v [Verdict]) -> Vec<(&'v Verdict, Flag)> {
    verdicts
        .iter()
        .filter(|verdict| verdict.kind().flags_lines())
        .map(|verdict| {
            (
                verdict,
                Flag {
                    duty: policy
                        .duty(verdict.duty)
                        .map_or_else(|| format!("{:?}", verdict.duty), |duty| duty.key.clone()),
                    title: policy.duty(verdict.duty).map_or_else(
                        || "a duty of the guidance".to_owned(),
                        |duty| {
                            text::one_line(duty.title.as_deref().unwrap_or(match &duty.kind {
                                crate::model::DutyKind::Rule { text, .. } => text,
                                crate::model::DutyKind::Question { asks, .. } => asks,
                            }))
                        },
                    ),
                    verdict: verdict.kind(),
                },
            )
        })
        .collect()
}

/// What the papers leave open of a fact at the chart's date, as a chart
/// marks it: how they know it, or, for a fact the state as at the date
/// keeps with its period, that it may not hold then.
fn doubt(basis: Basis, during: Period) -> Option<&'static str> {
    match basis {
        Basis::Inferred => Some("inferred"),
        Basis::Possibly => Some("possibly"),
        Basis::Suggested => Some("suggested"),
        Basis::Proposed => Some("proposed"),
        Basis::Stated if !during.is_always() => Some("perhaps, at this date"),
        Basis::Stated => None,
    }
}

/// One entity as a node.
fn node(policy: &Policy, arrangement: &Arrangement, id: EntityId, entity: &Entity) -> Node {
    let kind = match entity.kind {
        EntityKind::Member => NodeKind::Member,
        EntityKind::Body => NodeKind::Body,
        EntityKind::Post => NodeKind::Post,
        EntityKind::Organisation => NodeKind::Organisation,
        EntityKind::Service => NodeKind::Service,
    };
    let held: Vec<(&crate::model::Role, Option<&'static str>)> = entity
        .roles
        .iter()
        .filter_map(|fact| {
            policy
                .role(fact.value)
                .map(|role| (role, doubt(fact.basis, fact.during)))
        })
        .collect();
    let roles: Vec<&crate::model::Role> = held.iter().map(|(role, _)| *role).collect();
    let title = text::clean(entity.label());
    let portfolio = entity
        .portfolio
        .as_deref()
        .map(text::clean)
        .filter(|portfolio| !portfolio.is_empty());
    // The kind of body, unless it only repeats the body's title; what an
    // organisation is ("a company wholly owned by the council").
    let nature = crate::words::Wording::new(policy, arrangement).organisation_nature(id);
    let body_kind = entity
        .body_kind
        .as_ref()
        .and_then(|fact| policy.body_kinds.get(fact.value.index()))
        .map(|kind| text::clean(&kind.title))
        .or(nature.map(|nature| text::clean(&crate::words::capitalise(&nature))))
        .filter(|kind| !kind.is_empty() && !kind.eq_ignore_ascii_case(&title));
    Node {
        key: entity.key.to_string(),
        kind,
        person: entity
            .person
            .as_deref()
            .map(text::clean)
            .filter(|person| !person.is_empty()),
        portfolio,
        body_kind,
        statutory: roles.iter().any(|role| role.principal),
        roles: held
            .iter()
            .map(|(role, doubt)| match doubt {
                Some(doubt) => format!("{} ({doubt})", text::one_line(&role.title)),
                None => text::one_line(&role.title),
            })
            .collect(),
        // A post, member or body from a file the council shares with
        // others is one office of several councils.
        shared: entity.span.file != arrangement.file,
        role_keys: roles.iter().map(|role| role.key.clone()).collect(),
        title,
    }
}
