//! Reading files from disk into the source map, refusing what cannot be
//! text, and the guidance embedded in the binary.

use std::path::Path;

use crate::source::{FileId, Origin, SourceMap, Span};
use crate::syntax::SyntaxError;

/// Files larger than this are refused: no guidance or arrangement is
/// anywhere near it, and it keeps offsets within `u32`.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The guidance compiled into the binary: the default policy.
pub const EMBEDDED_POLICIES: &[(&str, &str)] = &[("policies/dfe_2013.dcs", include_str!("../policies/dfe_2013.dcs"))];

/// Reads a file into the source map. A file that is not UTF-8 is still
/// added (with replacement characters) so the error can show it.
pub fn read(sources: &mut SourceMap, path: &Path) -> Result<FileId, SyntaxError> {
    let name = path.display().to_string();
    let unreadable = |reason: String| SyntaxError::Unreadable {
        path: name.clone(),
        reason,
    };
    let metadata = std::fs::metadata(path).map_err(|error| unreadable(describe_io(&error)))?;
    if metadata.is_dir() {
        return Err(unreadable("it is a directory".to_owned()));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(unreadable(format!(
            "it is {} bytes, larger than the {MAX_FILE_BYTES}-byte limit",
            metadata.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|error| unreadable(describe_io(&error)))?;
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(sources.add(Origin::Path(name), text)),
        Err(error) => {
            let lossy = String::from_utf8_lossy(&bytes);
            let id = sources.add(Origin::Path(name), &lossy);
            // The text up to the first bad byte is unchanged by the lossy
            // conversion, so the offset holds (less a byte order mark).
            let bom = usize::from(bytes.starts_with(&[0xEF, 0xBB, 0xBF])) * 3;
            let offset = error.valid_up_to().saturating_sub(bom);
            Err(SyntaxError::InvalidUtf8 {
                span: Span::new(id, offset, offset + 1),
            })
        }
    }
}

/// Adds the embedded guidance to the source map.
pub fn embedded(sources: &mut SourceMap) -> Vec<FileId> {
    EMBEDDED_POLICIES
        .iter()
        .map(|(name, text)| sources.add(Origin::Embedded((*name).to_owned()), text))
        .collect()
}

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}
