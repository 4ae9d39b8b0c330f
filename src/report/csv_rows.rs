//! The report as CSV: one row per verdict, for a spreadsheet or another
//! tool. The columns are the assurance table's, then what a spreadsheet
//! filters on (duty id, section, modality, Barnet's type and focus, whether
//! action is needed). The `csv` crate does the quoting, so commas, quotes
//! and line breaks inside a cell survive a round trip.

use super::{Document, ReportError};

/// The header row, in column order.
const HEADERS: [&str; 11] = [
    super::ASSURANCE_COLUMNS[0],
    super::ASSURANCE_COLUMNS[1],
    super::ASSURANCE_COLUMNS[2],
    super::ASSURANCE_COLUMNS[3],
    super::ASSURANCE_COLUMNS[4],
    "Duty",
    "Section",
    "Modality",
    "Type of responsibility",
    "Focus",
    "Needs action",
];

impl Document {
    /// One row per verdict, after a header row; UTF-8, written with the
    /// `csv` crate. Verdicts are given by name (`not_applicable`), as in
    /// the JSON output, so a spreadsheet can filter on them; the
    /// explanation keeps its lines as line breaks inside the cell.
    pub fn to_csv(&self) -> Result<String, ReportError> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(HEADERS)?;
        for section in &self.sections {
            for row in &section.rows {
                writer.write_record([
                    row.reference.as_str(),
                    row.requirement_cell().as_str(),
                    row.response.as_deref().unwrap_or(""),
                    row.verdict.name(),
                    row.explanation_lines().join("\n").as_str(),
                    row.duty.as_str(),
                    section.title.as_str(),
                    row.modality,
                    row.kind_of_responsibility.as_deref().unwrap_or(""),
                    row.focus.as_deref().unwrap_or(""),
                    if row.verdict.needs_action() { "yes" } else { "no" },
                ])?;
            }
        }
        let bytes = writer
            .into_inner()
            .map_err(|error| ReportError::Flush(error.error().to_string()))?;
        String::from_utf8(bytes).map_err(ReportError::Encoding)
    }
}
