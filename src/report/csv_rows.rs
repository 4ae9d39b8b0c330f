//! The report as CSV: one row per verdict, for a spreadsheet or another
//! tool. The columns are the assurance table's, then the evidence, then
//! what a spreadsheet filters on (duty id, section, modality, Barnet's type
//! and focus, whether action is needed). The `csv` crate does the quoting, so commas, quotes
//! and line breaks inside a cell survive a round trip.

use super::{Document, ReportError};

/// The columns after the assurance table's, before the policy's
/// classifications: where the evidence is (which the other formats print
/// under the response), then what a spreadsheet filters on.
const FILTER_COLUMNS: [&str; 4] = ["Evidence", "Duty", "Section", "Modality"];

/// What a spreadsheet reads as "this file is UTF-8".
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The last column.
const NEEDS_ACTION_COLUMN: &str = "Needs action";

impl Document {
    /// One row per verdict, after a header row; UTF-8 starting with a
    /// byte-order mark (without one, a spreadsheet opening the file reads
    /// it in the machine's own code page and garbles ’ and –), written
    /// with the `csv` crate. Verdicts are given by name (`not_applicable`), as in
    /// the JSON output, so a spreadsheet can filter on them, and a permission
    /// by whether it is used (`permission_used`), never as `pass`; the
    /// explanation keeps its lines as line breaks inside the cell.
    pub fn to_csv(&self) -> Result<String, ReportError> {
        let mut writer = csv::Writer::from_writer(BYTE_ORDER_MARK.as_bytes().to_vec());
        let mut headers: Vec<&str> = super::ASSURANCE_COLUMNS.to_vec();
        headers.extend(FILTER_COLUMNS);
        headers.extend(self.classifications.iter().map(String::as_str));
        headers.push(NEEDS_ACTION_COLUMN);
        writer.write_record(headers.iter().map(|cell| crate::visible::escape(cell).into_owned()))?;
        for section in &self.sections {
            for row in &section.rows {
                let requirement = row.requirement_cell();
                let explanation = row.explanation_lines().join("\n");
                let evidence = row.evidence_lines(&self.documents).join("\n");
                let mut record: Vec<&str> = vec![
                    row.reference.as_deref().unwrap_or(""),
                    requirement.as_str(),
                    row.response.as_deref().unwrap_or(""),
                    row.standing.name(),
                    explanation.as_str(),
                    evidence.as_str(),
                    row.duty.as_str(),
                    section.title.as_str(),
                    row.modality,
                ];
                record.extend(row.classification.iter().map(|value| value.as_deref().unwrap_or("")));
                record.push(if row.standing.needs_action() { "yes" } else { "no" });
                // A spreadsheet shows a control character as nothing, or
                // acts on it; each is shown instead (see `crate::visible`).
                writer.write_record(record.iter().map(|cell| crate::visible::escape(cell).into_owned()))?;
            }
        }
        let bytes = writer
            .into_inner()
            .map_err(|error| ReportError::Flush(error.error().to_string()))?;
        String::from_utf8(bytes).map_err(ReportError::Encoding)
    }
}
