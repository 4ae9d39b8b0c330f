//! The governance chart: posts and their reporting lines from the Chief
//! Executive down, members and their portfolios, bodies and who sits on or
//! chairs them, statutory roles marked, and reporting lines a verdict flags
//! drawn so the eye finds them. Rendered as DOT, Mermaid or SVG (laid out by
//! dcsc itself, no Graphviz needed).
