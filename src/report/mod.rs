//! Assurance reports a committee can read: front matter, summary, the
//! assurance table in the councils' own shape and in Barnet's, the
//! departures register and the timeline, as Markdown, HTML or CSV.
