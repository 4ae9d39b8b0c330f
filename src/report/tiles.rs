//! The report's pictures (the governance chart, the timeline picture) as
//! they print: in tiles, each a part of the picture at a scale where its
//! smallest label prints at [`PRINTED_LABEL_POINTS`] or more.
//!
//! A chart is as wide as its widest rank of boxes (Coventry's is 1,760
//! units, Northumberland's nearly 3,000), and an A4 page is 718 CSS
//! pixels wide inside its margins: scaled down to fit, its 10.5-unit
//! labels printed at 2 to 5 pt. Larger type in the picture would not fit
//! its boxes, and no single page holds the picture at a legible scale; so
//! the page shows the picture whole on screen, and prints it as a grid of
//! overlapping tiles, each a page, each drawing the one picture through a
//! window (`<use>` of the whole picture, so it is written once).

use std::fmt::Write as _;

/// The smallest size any label of a picture prints at, in points: a
/// little above the 8 pt a committee's pack needs, so rounding never takes
/// it under.
const PRINTED_LABEL_POINTS: f64 = 8.05;
/// CSS pixels per point.
const PIXELS_PER_POINT: f64 = 96.0 / 72.0;
/// The widest a tile prints, in CSS pixels: an A4 page's width inside the
/// print style's 10 mm margins is 718; the rest is slack.
const TILE_WIDTH: f64 = 712.0;
/// The tallest a tile prints, in CSS pixels: an A4 page's height inside
/// the 12 mm margins is 1,031, less room for the section's heading and
/// the tile's caption.
const TILE_HEIGHT: f64 = 960.0;
/// How much of the picture, in its own units, neighbouring tiles both
/// show, so a box or label cut by a tile's edge is whole in the next.
const OVERLAP: f64 = 60.0;

/// The size of a label whose picture gives it none: the browser's
/// default, 16 px.
const UNSIZED_FONT: f64 = 16.0;

/// A picture's size in its own units and the smallest font size it uses,
/// read from dcsc's own SVG: the root's `viewBox` and every `font-size`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Picture {
    width: f64,
    height: f64,
    smallest_font: f64,
}

impl Picture {
    fn of(svg: &str) -> Option<Picture> {
        let start = svg.find("<svg")?;
        let root = svg.get(start..)?;
        let root = root.get(..root.find('>')?)?;
        let view_box = attribute(root, "viewBox")?;
        let numbers: Vec<f64> = view_box
            .split_whitespace()
            .filter_map(|number| number.parse().ok())
            .collect();
        let [_, _, width, height] = numbers.as_slice() else {
            return None;
        };
        let smallest_font = svg
            .match_indices("font-size=\"")
            .filter_map(|(at, key)| {
                let value = svg.get(at + key.len()..)?;
                value.get(..value.find('"')?)?.parse::<f64>().ok()
            })
            .filter(|size| *size > 0.0)
            .fold(UNSIZED_FONT, f64::min);
        let usable = |value: f64| value.is_finite() && value > 0.0;
        (usable(*width) && usable(*height) && usable(smallest_font)).then_some(Picture {
            width: *width,
            height: *height,
            smallest_font,
        })
    }

    /// The scale the tiles print at: the smallest label at
    /// [`PRINTED_LABEL_POINTS`], and never smaller than the picture as
    /// drawn.
    fn scale(self) -> f64 {
        (PRINTED_LABEL_POINTS * PIXELS_PER_POINT / self.smallest_font).max(1.0)
    }
}

/// The value of `name="…"` in a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let value = tag.get(at..)?;
    value.get(..value.find('"')?)
}

/// How one side of the picture is cut: the tiles' length along it (each
/// the same, no longer than `longest`), and where each starts, the first
/// at 0, the last at the far edge, neighbours sharing [`OVERLAP`] or more.
fn cut(length: f64, longest: f64) -> (f64, Vec<f64>) {
    if length <= longest {
        return (length, vec![0.0]);
    }
    let step = (longest - OVERLAP).max(longest / 2.0);
    // As many tiles as cover the length with at least OVERLAP shared.
    // Charts are bounded in size (see `crate::graph`); the bound only
    // makes sure no picture can make this loop long.
    let mut count = 2u32;
    while f64::from(count - 1) * step + longest < length && count < 1000 {
        count += 1;
    }
    let shared = f64::from(count - 1);
    let window = ((length + shared * OVERLAP) / f64::from(count)).min(longest);
    let starts = (0..count)
        .map(|index| (length - window) * f64::from(index) / shared)
        .collect();
    (window, starts)
}

/// The picture `svg` embedded for the screen, with `id` on its root so
/// the tiles can draw it, followed by its tiles for print, each captioned
/// "`name`, part N of M". A picture whose size cannot be read is
/// embedded alone, printed scaled to the page.
pub(super) fn picture(out: &mut String, svg: &str, id: &str, name: &str) {
    let Some(picture) = Picture::of(svg) else {
        out.push_str(svg);
        return;
    };
    // Written around the picture, not into a copy of it: a large
    // council's chart is tens of megabytes.
    out.push_str("<div class=\"picture-whole\">");
    match svg.split_once("<svg") {
        Some((before, after)) => {
            let _ = write!(out, "{before}<svg id=\"{id}\"");
            out.push_str(after);
        }
        None => out.push_str(svg),
    }
    out.push_str("</div>\n");
    let scale = picture.scale();
    let (window_width, columns) = cut(picture.width, TILE_WIDTH / scale);
    let (window_height, rows) = cut(picture.height, TILE_HEIGHT / scale);
    let count = columns.len() * rows.len();
    out.push_str("<div class=\"picture-tiles\" aria-hidden=\"true\">\n");
    let mut part = 0;
    for y in &rows {
        for x in &columns {
            part += 1;
            let _ = writeln!(
                out,
                "<div class=\"tile\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x:.1} {y:.1} {window_width:.1} {window_height:.1}\" width=\"{:.1}\" height=\"{:.1}\"><use href=\"#{id}\"/></svg>{}</div>",
                window_width * scale,
                window_height * scale,
                if count > 1 {
                    format!(
                        "<p class=\"tile-caption\">{}, part {part} of {count}{}</p>",
                        super::html::escape(name),
                        if part == 1 { " (left to right, then down)" } else { "" }
                    )
                } else {
                    String::new()
                },
            );
        }
    }
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::{cut, Picture, OVERLAP};

    #[test]
    fn a_picture_is_read_from_its_root_and_its_smallest_font() {
        let svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"x\" width=\"1760\" height=\"867\" viewBox=\"0 0 1760 867\" font-size=\"12\"><text font-size=\"10.5\">a</text></svg>";
        assert_eq!(
            Picture::of(svg),
            Some(Picture {
                width: 1760.0,
                height: 867.0,
                smallest_font: 10.5
            })
        );
        assert_eq!(Picture::of("<svg width=\"1\">"), None);
        assert_eq!(
            Picture::of("<svg viewBox=\"0 0 120 40\"><text>DCS</text></svg>").map(|picture| picture.smallest_font),
            Some(16.0)
        );
    }

    #[test]
    fn the_smallest_label_prints_above_eight_points() {
        let picture = Picture {
            width: 100.0,
            height: 100.0,
            smallest_font: 10.5,
        };
        let points = picture.smallest_font * picture.scale() * 0.75;
        assert!((points - 8.05).abs() < 1e-9, "{points}");
        let large = Picture {
            smallest_font: 40.0,
            ..picture
        };
        assert!((large.scale() - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn tiles_cover_the_picture_and_overlap() {
        assert_eq!(cut(500.0, 600.0), (500.0, vec![0.0]));
        for (length, longest) in [(1760.0, 650.0), (2980.0, 650.0), (700.0, 650.0), (9000.0, 648.6)] {
            let (window, tiles) = cut(length, longest);
            assert!(window <= longest);
            assert_eq!(tiles.first(), Some(&0.0));
            assert!((tiles.last().copied().unwrap_or_default() + window - length).abs() < 1e-9);
            for pair in tiles.windows(2) {
                let [left, right] = pair else { continue };
                assert!(left + window - right >= OVERLAP - 1e-9, "{length} {longest}: {tiles:?}");
            }
        }
        // Coventry's chart, 1,760 units wide, at the scale its 10.5-unit
        // labels need: three tiles.
        assert_eq!(cut(1760.0, 712.0 / 1.0222).1.len(), 3);
    }
}
