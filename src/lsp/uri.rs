//! Document addresses: files on disk, the guidance embedded in the binary,
//! and anything else an editor may open (an unsaved buffer).
//!
//! The embedded guidance is served as read-only documents under the scheme
//! [`EMBEDDED_SCHEME`]: `dcsc-embedded:///policies/dfe_2013.dcs` is the
//! file `policies/dfe_2013.dcs` of [`crate::load::EMBEDDED_POLICIES`]. An
//! editor fetches the text with the `dcsc/embeddedSource` request (see
//! docs/editor.md).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::load::EMBEDDED_POLICIES;

/// The URI scheme of the guidance embedded in the binary.
pub const EMBEDDED_SCHEME: &str = "dcsc-embedded";

/// What a document URI names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Address {
    /// A file on disk.
    File(PathBuf),
    /// One of [`EMBEDDED_POLICIES`], by its name (`policies/dfe_2013.dcs`).
    Embedded(&'static str),
    /// Anything else (`untitled:Untitled-1`): read alone, named by its URI.
    Other(String),
}

impl Address {
    /// Reads a URI. Never fails: what is not a file or embedded guidance
    /// is [`Address::Other`].
    pub fn parse(uri: &str) -> Address {
        if let Some(rest) = strip_scheme(uri, EMBEDDED_SCHEME) {
            // `dcsc-embedded:///policies/x.dcs` and `dcsc-embedded:/policies/x.dcs`
            // (as VS Code writes a URI without authority) are the same.
            let name = rest.trim_start_matches('/');
            if let Some((embedded, _)) = EMBEDDED_POLICIES.iter().find(|(embedded, _)| *embedded == name) {
                return Address::Embedded(embedded);
            }
            return Address::Other(uri.to_owned());
        }
        if let Some(rest) = strip_scheme(uri, "file") {
            // `file:///home/x` or `file://localhost/home/x`; a query or
            // fragment is no part of a path.
            let rest = rest.split(['?', '#']).next().unwrap_or("");
            let path = match rest.strip_prefix("//") {
                Some(authority_and_path) => match authority_and_path.find('/') {
                    Some(slash) => {
                        let (authority, path) = authority_and_path.split_at(slash);
                        if !(authority.is_empty() || authority.eq_ignore_ascii_case("localhost")) {
                            return Address::Other(uri.to_owned());
                        }
                        path
                    }
                    None => return Address::Other(uri.to_owned()),
                },
                None => rest,
            };
            let Some(decoded) = percent_decode(path) else {
                return Address::Other(uri.to_owned());
            };
            // `/C:/Users/…` on Windows is the path `C:/Users/…`.
            let decoded = match decoded.as_bytes() {
                [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() && cfg!(windows) => {
                    decoded.get(1..).unwrap_or("").to_owned()
                }
                _ => decoded,
            };
            return Address::File(PathBuf::from(decoded));
        }
        Address::Other(uri.to_owned())
    }

    /// The URI of this address.
    pub fn uri(&self) -> String {
        match self {
            Address::File(path) => file_uri(path),
            Address::Embedded(name) => embedded_uri(name),
            Address::Other(uri) => uri.clone(),
        }
    }
}

/// The URI of an embedded guidance file (`policies/dfe_2013.dcs`).
pub fn embedded_uri(name: &str) -> String {
    format!("{EMBEDDED_SCHEME}:///{name}")
}

/// The text of an embedded guidance file by its URI.
pub fn embedded_text(uri: &str) -> Option<&'static str> {
    match Address::parse(uri) {
        Address::Embedded(name) => EMBEDDED_POLICIES
            .iter()
            .find(|(embedded, _)| *embedded == name)
            .map(|(_, text)| *text),
        Address::File(_) | Address::Other(_) => None,
    }
}

/// The `file://` URI of a path; a relative path is taken from the current
/// folder.
pub fn file_uri(path: &Path) -> String {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|folder| folder.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(char::from(byte));
        } else if byte == b':' && cfg!(windows) {
            uri.push(':');
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri
}

/// What follows `SCHEME:` in a URI, the scheme compared without case.
fn strip_scheme<'a>(uri: &'a str, scheme: &str) -> Option<&'a str> {
    let (head, rest) = uri.split_once(':')?;
    head.eq_ignore_ascii_case(scheme).then_some(rest)
}

/// Decodes `%XX` escapes; `None` if an escape is malformed or the result is
/// not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let high = bytes.get(index + 1).and_then(|digit| char::from(*digit).to_digit(16))?;
            let low = bytes.get(index + 2).and_then(|digit| char::from(*digit).to_digit(16))?;
            out.push(u8::try_from(high * 16 + low).ok()?);
            index += 3;
        } else {
            out.push(byte);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip_with_escapes() {
        let path = PathBuf::from("/tmp/Council files/coventry’s.dcs");
        let uri = file_uri(&path);
        assert_eq!(uri, "file:///tmp/Council%20files/coventry%E2%80%99s.dcs");
        assert_eq!(Address::parse(&uri), Address::File(path));
        assert_eq!(
            Address::parse("file://localhost/tmp/a.dcs"),
            Address::File(PathBuf::from("/tmp/a.dcs"))
        );
    }

    #[test]
    fn embedded_uris_with_or_without_an_authority() {
        let uri = embedded_uri("policies/dfe_2013.dcs");
        assert_eq!(uri, "dcsc-embedded:///policies/dfe_2013.dcs");
        assert_eq!(Address::parse(&uri), Address::Embedded("policies/dfe_2013.dcs"));
        assert_eq!(
            Address::parse("dcsc-embedded:/policies/dfe_2013.dcs"),
            Address::Embedded("policies/dfe_2013.dcs")
        );
        assert!(embedded_text(&uri).is_some_and(|text| text.contains("guidance dfe_2013")));
        assert_eq!(embedded_text("dcsc-embedded:///policies/none.dcs"), None);
    }

    #[test]
    fn anything_else_is_read_alone() {
        for uri in [
            "untitled:Untitled-1",
            "file://server/share/a.dcs",
            "file:///bad%zz",
            "",
            "::",
        ] {
            assert!(matches!(Address::parse(uri), Address::Other(_)), "{uri}");
        }
    }
}
