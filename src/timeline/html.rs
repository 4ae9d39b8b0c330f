//! `dcsc timeline --format html`: the picture in a self-contained page
//! (inline CSS, no script, nothing fetched), set for A4 landscape.

use std::fmt::Write as _;

use super::History;
use crate::words::timeline as words;

/// The page around the picture `svg`.
pub(super) fn render(history: &History, svg: &str) -> String {
    let title = crate::graph::xml(&words::title(history));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<figure>\n{svg}<figcaption>{}</figcaption>\n</figure>\n</body>\n</html>\n",
        crate::graph::xml(words::CAPTION)
    );
    out
}

/// The page's style: the picture as wide as the page, the page A4
/// landscape.
const STYLE: &str = "body { font-family: 'Segoe UI', Helvetica, Arial, sans-serif; margin: 1.5rem; color: #111; }
h1 { font-size: 1.3rem; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.85rem; color: #444; margin-top: 0.5rem; }
@page { size: A4 landscape; margin: 10mm; }
@media print { body { margin: 0; } h1 { font-size: 14pt; } figure svg { max-height: 180mm; } }
";
