//! The stable diagnostic codes and their long explanations, for
//! `dcsc explain CODE`.
//!
//! Each example is the fixture file that the test suite runs to prove the
//! example really produces its code, so the explanations cannot drift from
//! the tool.

use std::fmt;

macro_rules! codes {
    ($($code:ident => {
        title: $title:literal,
        meaning: $meaning:literal,
        example: $example:expr,
        fix: $fix:literal $(,)?
    })*) => {
        /// A stable diagnostic code: `E` for errors, `W` for warnings.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $(
                #[doc = $title]
                $code,
            )*
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            /// The code as written (`E0101`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }

            /// The long explanation.
            pub fn explain(self) -> Explanation {
                match self {
                    $(Code::$code => Explanation {
                        code: stringify!($code),
                        title: $title,
                        meaning: $meaning,
                        example: $example,
                        fix: $fix,
                    },)*
                }
            }
        }
    };
}

/// The long form of a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The code.
    pub code: &'static str,
    /// One line.
    pub title: &'static str,
    /// What it means.
    pub meaning: &'static str,
    /// An input that produces it.
    pub example: Example,
    /// How to fix it.
    pub fix: &'static str,
}

/// An example input for a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// A file, by its fixture name and text.
    File(&'static str, &'static str),
    /// A situation that cannot be shown as a text file.
    Described(&'static str),
}

macro_rules! fixture {
    ($name:literal) => {
        Example::File($name, include_str!(concat!("../../tests/fixtures/diagnostics/", $name)))
    };
}

codes! {
    E0001 => {
        title: "a file cannot be read",
        meaning: "The path does not exist, is a directory, or cannot be opened.",
        example: Example::Described("dcsc check no-such-file.dcs"),
        fix: "Give the path of a .dcs (or .json arrangements) file that exists.",
    }
    E0002 => {
        title: "a file is not UTF-8 text",
        meaning: "dcsc reads UTF-8 text. The file has a byte sequence that is not UTF-8, which usually means it was saved in another encoding (Windows-1252, Latin-1) or is not a text file.",
        example: Example::Described("A file saved as Windows-1252 containing a curly apostrophe (byte 0x92)."),
        fix: "Save the file as UTF-8. A byte order mark at the start is accepted and ignored.",
    }
    E0003 => {
        title: "a file contains a NUL byte",
        meaning: "Text files do not contain NUL bytes. The file is binary, or was saved as UTF-16.",
        example: Example::Described("A file saved as UTF-16 by a word processor."),
        fix: "Save the file as UTF-8 text.",
    }
    E0004 => {
        title: "the text does not fit the language",
        meaning: "At the place shown, dcsc expected one of the things listed and found something else. Fields are written `name value` with no `=` or `:`; several values are separated by commas.",
        example: fixture!("E0004.dcs"),
        fix: "Write what the message says was expected. docs/language.md shows every construct.",
    }
    E0005 => {
        title: "a string is never closed",
        meaning: "A quoted string starts but no closing quotation mark follows before the end of the file.",
        example: fixture!("E0005.dcs"),
        fix: "Add the closing `\"`. Inside a string, write `\\\"` for a quotation mark.",
    }
    E0006 => {
        title: "a comment is never closed",
        meaning: "A `/*` comment has no `*/`, so the rest of the file would be a comment.",
        example: fixture!("E0006.dcs"),
        fix: "Close the comment with `*/`, or use `//` comments, which end at the end of the line.",
    }
    E0007 => {
        title: "a brace is never closed",
        meaning: "An item's `{` has no matching `}`. The other items of the file are still checked.",
        example: fixture!("E0007.dcs"),
        fix: "Add the `}` that ends the item.",
    }
    E0008 => {
        title: "brackets nest too deep",
        meaning: "Parentheses or braces nest more than 128 deep. dcsc refuses such input so that no file can exhaust its stack.",
        example: fixture!("E0008.dcs"),
        fix: "Remove needless parentheses; long conditions read better as flat lists joined by `and` or `or`.",
    }
    E0009 => {
        title: "a file declares nothing",
        meaning: "The file is empty, or holds only comments.",
        example: fixture!("E0009.dcs"),
        fix: "Start a guidance file with `guidance NAME { … }` and an arrangements file with `arrangements NAME { … }`.",
    }
    E0010 => {
        title: "a date does not exist",
        meaning: "Dates are a year (`2013`), a month (`2016-03`) or a day (`2016-03-01`), and must exist in the calendar.",
        example: fixture!("E0010.dcs"),
        fix: "Correct the date. If only the month is known, write the month alone.",
    }
    E0011 => {
        title: "a number is too large",
        meaning: "Numbers in dcsc count things like officer tiers and months; this one is too large to be meant.",
        example: fixture!("E0011.dcs"),
        fix: "Correct the number.",
    }
    E0012 => {
        title: "a string has an unknown escape",
        meaning: "Inside strings a backslash starts an escape: `\\\"`, `\\\\`, `\\n` or `\\t`. Any other character after a backslash is an error, so that a stray backslash is noticed.",
        example: fixture!("E0012.dcs"),
        fix: "Write apostrophes as they are (`'`), and a backslash as `\\\\`.",
    }
    E0013 => {
        title: "a period is not usable",
        meaning: "A period such as `every 12 months` must be between 1 month and 100 years.",
        example: fixture!("E0013.dcs"),
        fix: "Give the period the policy really sets.",
    }
    E0014 => {
        title: "a JSON arrangements file is invalid",
        meaning: "The file is not valid JSON, or does not have the shape described in docs/json-arrangements.md.",
        example: fixture!("E0014.json"),
        fix: "Correct the JSON at the place shown.",
    }
    E0015 => {
        title: "an output file cannot be written",
        meaning: "The file named with `-o` could not be written: its folder does not exist, it is a directory, or permission is denied. Nothing was written, and an existing file of that name is left as it was. A device or pipe named with `-o` (not a regular file) is written in place, so it may have received part of the output.",
        example: Example::Described("dcsc report council.dcs --format html -o no/such/folder/report.html"),
        fix: "Name a file in a folder that exists and that you may write to.",
    }
    E0016 => {
        title: "an input is too large",
        meaning: "dcsc reads at most 64 MiB from any input: a file, a device, a pipe or standard input. No guidance or arrangements file is anywhere near that size, so a larger input is a mistake (a wrong file, or a device such as /dev/zero that never ends), and dcsc stops reading at the limit rather than fill memory.",
        example: Example::Described("dcsc check /dev/zero"),
        fix: "Give the .dcs or .json file itself.",
    }
    E0017 => {
        title: "an output file is one of the inputs",
        meaning: "The file named with `-o` is one of the files read: by the same name, by another path, or through a link. Writing the report or chart there would replace the input, so dcsc refuses and writes nothing; the input is unchanged.",
        example: Example::Described("dcsc report council.dcs --format markdown -o council.dcs"),
        fix: "Name another file with `-o`.",
    }
    E0018 => {
        title: "standard output cannot be written",
        meaning: "Writing to standard output failed, for example because it goes to a full disk or to /dev/full. What was printed is incomplete, so dcsc exits with status 2 even if the verdicts were good. A closed pipe (`dcsc verify … | head`) is not this error: dcsc stops writing and exits as it would have.",
        example: Example::Described("dcsc verify council.dcs > /dev/full"),
        fix: "Make room on the disk standard output goes to, or send it elsewhere.",
    }
    E0019 => {
        title: "a shared file's path is refused",
        meaning: "An arrangements header names a file of shared posts with `shares`, and the path is absolute, leaves the folder of the file that names it (by `..` or through a link), or is an address. Shared files are named relative to the file that shares them and must be inside its folder, so a folder of councils can be moved or sent whole and dcsc reads nothing it was not handed. dcsc never fetches anything.",
        example: Example::Described("arrangements warwickshire { council \"Warwickshire County Council\"  shares \"/home/me/joint.dcs\" }"),
        fix: "Put the shared file in the folder of the councils' files (or below it) and name it relative to them: `shares \"joint.dcs\"`.",
    }
    E0020 => {
        title: "text outside any item",
        meaning: "A file is a list of items, each `KIND NAME { … }`. Text was found after the `}` that closes an item and before the next item starts: most often a `}` too many that ends the item early, so its remaining lines fall outside it. The item is read up to that `}`; the text after it is not read.",
        example: fixture!("E0020.dcs"),
        fix: "Remove the `}` that closes the item early, or move the lines into an item.",
    }
    E0301 => {
        title: "the command line is not understood",
        meaning: "The words after `dcsc` do not fit its commands and options: an unknown option, a missing value, a date that is not a date, a format it does not write. Nothing was read or written, and dcsc exits with status 2.",
        example: Example::Described("dcsc verify council.dcs --as-at 2019-13-01"),
        fix: "Run `dcsc help` or `dcsc help COMMAND` for what each command takes.",
    }
    E0302 => {
        title: "no arrangements were given",
        meaning: "`verify`, `report` and `graph` evaluate a council's arrangements, and every file given was guidance or a local policy.",
        example: Example::Described("dcsc verify policies/dfe_2013.dcs"),
        fix: "Name at least one file that starts `arrangements NAME { … }` (or a JSON arrangements file).",
    }
    E0303 => {
        title: "a report, chart or timeline of several councils",
        meaning: "A committee report, a governance chart and a timeline are each of one council's arrangements; several were given: files that each hold a council's arrangements, or a folder of councils (each file and sub-folder a council). A folder of councils is refused before any council is checked, naming the first few.",
        example: Example::Described("dcsc report examples/coventry.dcs examples/northumberland/arrangements.dcs --format markdown"),
        fix: "Run the command once for each council, naming its file or its folder (`dcsc report examples/barnet --format html`). For every council of a folder at once, `dcsc verify FOLDER --summary` writes the sector's table.",
    }
    E0304 => {
        title: "nothing by that name to explain",
        meaning: "`dcsc explain` takes a diagnostic code (E0101), a duty or question id (dcs.report_to_chief_executive) or a paragraph key (2, key_points.first_tier) of the guidance, and what was given is none of them.",
        example: Example::Described("dcsc explain dcs.report_to_chief"),
        fix: "Give a code, a duty or question id, or a paragraph key; the message suggests the nearest.",
    }
    E0305 => {
        title: "diff needs two sides",
        meaning: "`dcsc diff` compares the same councils two ways: under two sets of guidance at one date (`--from-policy FILE… --to-policy FILE…`, either side may be the embedded guidance, given as no files), or at two dates (`--from DATE --to DATE`). It was given neither, one date without the other, or both ways at once.",
        example: Example::Described("dcsc diff examples/coventry.dcs --from 2016-06-30"),
        fix: "Give `--to` with `--from`, or the policy files of both sides.",
    }
    E0306 => {
        title: "standard input given with folders",
        meaning: "`dcsc verify` reads the councils of folders twice: once to check every council before any is verified, then again to verify each in turn, so that a run holds one council at a time. Standard input and a FIFO can be read only once, so they cannot be verified in the same run as folders.",
        example: Example::Described("cat coventry.dcs | dcsc verify examples -"),
        fix: "Save the input to a file and give that, or verify it in a run of its own.",
    }
    E0307 => {
        title: "no tests were found",
        meaning: "`dcsc test` runs the `test NAME { … }` items of the files it is given, and of the `.dcs` files below the folders it is given (hidden folders and `target` are skipped). None of them holds a test.",
        example: Example::Described("dcsc test examples/coventry.dcs"),
        fix: "Name the files or folders that hold the tests, like `dcsc test policies/tests`.",
    }
    E0308 => {
        title: "the server cannot start",
        meaning: "`dcsc serve` reads the councils under the paths it is given and listens on an address of this machine. A path is not there or cannot be read, or the address cannot be listened on (another program has the port, or the address is not this machine's). Nothing was served, and dcsc exits with status 2.",
        example: Example::Described("dcsc serve no/such/folder"),
        fix: "Give folders or files of councils that exist, and a free port (`--port 0` picks one and prints the address).",
    }
    E0309 => {
        title: "a file given as guidance is a council's",
        meaning: "A file given with `--policy` is read as the guidance (or local policy) to verify councils against. Its header says it is a council's arrangements or a file of posts several councils share, which would otherwise have been verified as one more council. Nothing was verified, and dcsc exits with status 2.",
        example: Example::Described("dcsc verify examples/coventry.dcs --policy examples/northumberland/arrangements.dcs"),
        fix: "Give guidance or a local policy with `--policy`, and the council's files without it.",
    }
    E0099 => {
        title: "an internal error",
        meaning: "dcsc met a situation its own code did not expect. This is a bug in dcsc, not in your file.",
        example: Example::Described("No known input produces this."),
        fix: "Report it with the file that caused it.",
    }
    E0101 => {
        title: "an unknown name",
        meaning: "A role, function, kind of body, relation, attribute, paragraph, duty, document, post, member or event is used but never declared. Names are case-sensitive.",
        example: fixture!("E0101.dcs"),
        fix: "Use a declared name (the message suggests the nearest one), or declare it.",
    }
    E0102 => {
        title: "an id is declared twice",
        meaning: "Two declarations of the same kind share an id, so references to it would be ambiguous. The message points at both.",
        example: fixture!("E0102.dcs"),
        fix: "Give each a different id, or remove the duplicate.",
    }
    E0103 => {
        title: "a name of the wrong kind",
        meaning: "A relation, role or attribute is used with something it does not apply to: for example `report_to` relates posts to posts, but `LMCS` is a role held by members.",
        example: fixture!("E0103.dcs"),
        fix: "Use a name of the kind the relation or attribute is declared for.",
    }
    E0104 => {
        title: "a value of the wrong type",
        meaning: "A field or attribute is given a value of another type than it is declared with: `tier` takes a whole number, `politically_restricted` takes `yes` or `no`.",
        example: fixture!("E0104.dcs"),
        fix: "Write a value of the declared type.",
    }
    E0105 => {
        title: "a duty cites no paragraph",
        meaning: "Every duty and question must say which paragraphs of the guidance it encodes, so every verdict can quote its source.",
        example: fixture!("E0105.dcs"),
        fix: "Add `cites` with the paragraph keys.",
    }
    E0106 => {
        title: "two duties contradict each other",
        meaning: "One duty requires what another forbids (`must` beside `must not` of the same thing) for the same subject, and their conditions can both hold.",
        example: fixture!("E0106.dcs"),
        fix: "Correct the modality of one, or give them conditions that exclude each other.",
    }
    E0107 => {
        title: "an unknown field",
        meaning: "The item has no field of this name. Entity fields are the built-in ones (title, holder, name, holds, responsible_for, kind, source, note) and the relations and attributes the guidance declares.",
        example: fixture!("E0107.dcs"),
        fix: "Use the field suggested, or one from docs/language.md.",
    }
    E0108 => {
        title: "a required field is missing",
        meaning: "The item needs this field to mean anything: an arrangements header needs `council`, a paragraph needs `section`, `words` and (unless not at hand) `text`, a departure needs `reasons`.",
        example: fixture!("E0108.dcs"),
        fix: "Add the field.",
    }
    E0109 => {
        title: "a field is given twice",
        meaning: "Each field appears once per item; the second would silently replace the first. In a JSON arrangements file, each key appears once per object.",
        example: fixture!("E0109.dcs"),
        fix: "Give several values on one line separated by commas: `holds DCS, DASS`.",
    }
    E0110 => {
        title: "a file has no header, or more than one",
        meaning: "Every file starts with one header: `guidance`, `local_policy` or `arrangements`. It says what the file is.",
        example: fixture!("E0110.dcs"),
        fix: "Add the header, or split the file in two.",
    }
    E0111 => {
        title: "an item in the wrong kind of file",
        meaning: "Guidance files declare vocabulary, paragraphs, duties and questions; arrangement files declare posts, members, bodies, services, events, answers and departures.",
        example: fixture!("E0111.dcs"),
        fix: "Move the item to a file of the right kind. A council's own policy goes in a `local_policy` file that extends the guidance.",
    }
    E0112 => {
        title: "a duty has no rule, or too many",
        meaning: "A duty has exactly one rule (`SUBJECT MODALITY PREDICATE`); a question has none.",
        example: fixture!("E0112.dcs"),
        fix: "Write the one rule, or split two rules into two duties.",
    }
    E0113 => {
        title: "a tag value that is not declared",
        meaning: "Tag keys declare the values they take, so that classifications stay consistent across the guidance.",
        example: fixture!("E0113.dcs"),
        fix: "Use a declared value, or add the value to the `tag_key`.",
    }
    E0114 => {
        title: "a departure from a `must` duty",
        meaning: "Only `should` duties may be departed from with recorded reasons: they are guidance authorities must have regard to. A `must` is the law.",
        example: fixture!("E0114.dcs"),
        fix: "Remove the departure and meet the duty.",
    }
    E0115 => {
        title: "a value outside a fixed set",
        meaning: "Some fields take one of a few words: a council's `kind`, its `governance`, an attribute's `type`.",
        example: fixture!("E0115.dcs"),
        fix: "Use one of the words listed.",
    }
    E0116 => {
        title: "something said in the wrong place",
        meaning: "A predicate or entry that cannot apply here: a timeline duty (`review after each change`) said of a post instead of the council, a body predicate said of a post, a rule inside an answer.",
        example: fixture!("E0116.dcs"),
        fix: "Say it of the right subject, or move it to the right item.",
    }
    E0117 => {
        title: "guidance editions that dates cannot tell apart",
        meaning: "Given several guidance editions, dcsc evaluates against the one in force as at the date of verification. Two editions with the same `in_force` date, or one with none, leave that choice open.",
        example: Example::Described("dcsc check a.dcs b.dcs, two files each starting `guidance NAME { … }` with no `in_force` date."),
        fix: "Give each edition its `in_force` date (and `supersedes` for the one it replaces), or give one edition at a time.",
    }
    E0118 => {
        title: "no guidance edition in force as at the date",
        meaning: "No edition read (those of the guidance built into dcsc, or those named with --policy) had come into force by the date verified as at. Verifying then would judge the council by guidance that did not yet exist.",
        example: Example::Described("dcsc verify council.dcs --as-at 2011-06-30 (the earliest embedded edition, of 2012, came into force in April 2012)"),
        fix: "Verify as at a later date, or give the edition that was in force then.",
    }
    E0120 => {
        title: "a period that ends before it begins",
        meaning: "A fact's `from … until …` (or an entity's `from` and `until`) ends before it begins. `until` names when the fact stopped holding: with a day, the first day it no longer held.",
        example: fixture!("E0120.dcs"),
        fix: "Swap the dates, or correct the one that is wrong.",
    }
    E0121 => {
        title: "a fact outside its entity's life",
        meaning: "A post, member, body or service says when it existed (`exists from … until …`), and one of its facts is said to hold before it existed or after it ended.",
        example: fixture!("E0121.dcs"),
        fix: "Correct the fact's period or the entity's.",
    }
    E0122 => {
        title: "an event the facts do not bear out",
        meaning: "An appointment or designation gives a post or member a role from its date: a `holds` line with no `from` begins at the event, a post with no line for the role is given one, and a former holder's open line ends there; a `holds` line that surely begins later, or ends before, says otherwise. A vacancy leaves a role empty: no one may surely hold it then.",
        example: fixture!("E0122.dcs"),
        fix: "Make the facts and the event tell one history: add the role to `holds`, or correct a date.",
    }
    E0123 => {
        title: "events that each come after another",
        meaning: "Events whose dates are not known may be placed `after` another event; followed round, these `after`s form a circle, so none of them is first.",
        example: fixture!("E0123.dcs"),
        fix: "Correct the `after` of one of them.",
    }
    E0124 => {
        title: "dates that cannot all hold",
        meaning: "A date the arrangements give is bounded by what else they say: its own date, `after` and `before` a date or an event, `between … and …`, the end of the papers for every event they record. Here no day meets them all: an event `on 2015 after x` where `x` is in 2016, say. A bound is strict: `after 2015` means from 2016, and `after EVENT` a later day than the event's.",
        example: fixture!("E0124.dcs"),
        fix: "Correct the date or the bound that is wrong.",
    }
    E0125 => {
        title: "the same value twice",
        meaning: "A list names the same role, function or event twice (`holds DCS, DCS`), or two lines of the same fact overlap in time.",
        example: fixture!("E0125.dcs"),
        fix: "Remove one, or give each line the period over which it held.",
    }
    E0126 => {
        title: "a file named by `shares` is not a shared file",
        meaning: "`shares` names a file of posts, members and bodies that several councils share, which starts with `shared NAME { … }`. The file named starts with another header (guidance, a local policy, or another council's arrangements), or has none.",
        example: Example::Described("arrangements coventry { council \"Coventry City Council\"  shares \"warwickshire.dcs\" } (where warwickshire.dcs is another council's arrangements)"),
        fix: "Move what the councils share into a file of its own that starts `shared NAME { … }`, and name that file.",
    }
    E0130 => {
        title: "an expectation names no such verdict, reason or missing fact",
        meaning: "A test's `expect DUTY VERDICT` names one of the nine verdicts (or `not_in_force`, for a duty that is not in the guidance in force at the test's date); `because` names a kind of reason and `missing` kinds of missing fact, as the JSON output spells them. The word written is none of them.",
        example: fixture!("E0130.dcs"),
        fix: "Use a name from the list the message gives (the nearest is suggested); `dcsc verify --format json` shows the kinds a verdict has.",
    }
    E0131 => {
        title: "a test expects nothing",
        meaning: "A `test` has no `expect` entry, so it could never fail: it would pass whatever the guidance or the arrangements said.",
        example: fixture!("E0131.dcs"),
        fix: "Say what verdict a duty should have: `expect dcs.first_tier pass`.",
    }
    E0132 => {
        title: "a test has no arrangements to start from",
        meaning: "A `test` verifies arrangements: the files it names with `given`, or, without `given`, the arrangements written in its own file. It names none, and its file has no `arrangements` header.",
        example: fixture!("E0132.dcs"),
        fix: "Name the council's files with `given \"council.dcs\"`, or write the arrangements in the test's file.",
    }
    E0133 => {
        title: "a test's given file cannot be read",
        meaning: "A test names a file with `given`, relative to the folder of the test's own file, and the file cannot be read: it does not exist, is a folder, or may not be read.",
        example: Example::Described("test x { given \"no_such_council.dcs\"  as_at 2017  expect dcs.appointed pass }"),
        fix: "Name a file that exists, relative to the test's file.",
    }
    E0134 => {
        title: "a test changes something that is not arrangements",
        meaning: "A test's `set`, `add`, `unset` and `drop` change the arrangements it starts from: their header, documents, posts, members, bodies, services, events, answers and departures. A test never changes the guidance it tests (a duty, a paragraph, a role): to test a revision of the guidance, run the tests against the revised files with `--policy`.",
        example: fixture!("E0134.dcs"),
        fix: "Change an item of the arrangements, or test a revised guidance file with `dcsc test --policy FILE`.",
    }
    E0135 => {
        title: "a test changes an item or field that is not there",
        meaning: "A test's change names an item its arrangements do not declare (`set post directr …`), or `unset`s a field the item does not have. The test cannot run, because what it means to test is not what it would test.",
        example: Example::Described("test x { as_at 2017  set post directr report_to chief_executive  expect dcs.report_to_chief_executive pass } (where the post is `director`)"),
        fix: "Name an item the arrangements declare, or `add` a field the item does not have yet.",
    }
    E0136 => {
        title: "a test's arrangements are not one council's",
        meaning: "A test verifies one council's arrangements, and the files it starts from hold several councils' (or none).",
        example: Example::Described("test x { given \"coventry.dcs\", \"barnet.dcs\"  as_at 2017  expect dcs.appointed pass }"),
        fix: "Give one council's files with `given`, and write a test for each council.",
    }
    E0137 => {
        title: "a citation names a sentence its paragraph does not have",
        meaning: "A `cites` value can say which sentences of the paragraph the item encodes (`cites 2 (sentences 1, 3)`). Sentences are numbered from 1, split where a full stop, question mark, exclamation mark or ellipsis (with any closing quotation marks) comes before a word starting with a capital letter; a stop inside an abbreviation (`e.g.`) ends none. A number of 0, or past the paragraph's last sentence, names nothing, and coverage would count what is not there.",
        example: fixture!("E0137.dcs"),
        fix: "Read the paragraph's words (`dcsc explain PARAGRAPH`) and name the sentences the item encodes, or write `(context)` if it encodes none.",
    }
    E0138 => {
        title: "a citation names sentences of a paragraph whose words are not at hand",
        meaning: "A paragraph whose words are not at hand (`words not_at_hand \"why\"`) has no sentences to name: what it says cannot be known, so no item can be said to encode any part of it.",
        example: fixture!("E0138.dcs"),
        fix: "Cite the paragraph as `(context)`, or whole; either way coverage lists it apart and never counts it.",
    }
    E0139 => {
        title: "only a citation says which sentences it encodes",
        meaning: "`(sentences 1, 3)` and `(context)` follow a paragraph's key in a duty's, question's or law's `cites`, to say which sentences of it the item encodes. After the value of any other field they mean nothing.",
        example: Example::Described("duty dcs.appointed { title \"The DCS\" (context)  cites 1  exactly one post must hold DCS }"),
        fix: "Remove the selection, or write it after the paragraph's key in `cites`.",
    }
    E0140 => {
        title: "the dates of an Act, amendment or local policy cannot be",
        meaning: "An Act (`force statute`), an amendment, an edition of another guidance (`series`) or a local policy says when it applies, and the dates given cannot be right or are not enough: enacted after it came into force; in force without `commencement` (the instrument that commenced it) or `commencement_not_at_hand` (why that is not at hand); both of those; `enacted` on guidance, which is issued; withdrawn before it was adopted; or neither `in_force` nor `enacted`.",
        example: fixture!("E0140.dcs"),
        fix: "Give the dates the sources give, with the commencement instrument or why it is not at hand. An Act passed and awaiting commencement gives `enacted` and no `in_force`.",
    }
    E0141 => {
        title: "the guidance restates what is its own, not the law's",
        meaning: "A paragraph's `restates` names a duty, question or law, so that the law's verdict also cites the guidance's words. What it names must stand beside the guidance (an Act, or another guidance), not be one of the guidance's own duties, which cite their paragraphs with `cites`.",
        example: fixture!("E0141.dcs"),
        fix: "Cite the paragraph from the guidance's own duty with `cites`, or name a duty or law of an Act.",
    }
    E0150 => {
        title: "`in_turns` on a line that is not a role's",
        meaning: "`in_turns \"…\"` says that a role is held by turns: the post or member holds it on some days, another holder by turns on the others (`holds DCS in_turns \"weeks 1 and 3 of each month\"`). Only a `holds` line gives a role, so on any other line it would say nothing.",
        example: fixture!("E0150.dcs"),
        fix: "Put `in_turns` on the `holds` line of the role held by turns, or remove it.",
    }
    E0151 => {
        title: "a local policy names its own vocabulary as the national",
        meaning: "A local policy may declare roles, functions, kinds of body, relations, attributes and tag keys of the council's own, which its arrangements then use and its duties read. A name the guidance, the law beside it or an amendment already declares (of any kind) would be read as theirs, or hide theirs, so it is refused.",
        example: fixture!("E0151.dcs"),
        fix: "Give the local item a name of its own.",
    }
    E0152 => {
        title: "a secondment names an organisation that is not a council",
        meaning: "`seconded_from` on a post says the officer holding it is seconded from another council, declared as an `organisation` whose `kind` is `council`. While the secondment lasts the officer answers to both councils, which the guidance's joint-appointment questions read. A company, trust or other organisation is an employer (`employer`), not a council an officer is seconded from.",
        example: fixture!("E0152.dcs"),
        fix: "Give the organisation `kind council`, or write `employer NAME` where the post is employed by a company or trust.",
    }
    E0201 => {
        title: "a post reports to a member",
        meaning: "Officers' lines of accountability lead to other officers, ending at the head of paid service; elected members hold officers to account through the council, not as their line managers.",
        example: fixture!("E0201.dcs"),
        fix: "Name the post this post reports to.",
    }
    E0202 => {
        title: "a reporting line loops",
        meaning: "Following `report_to` from this post comes back to it, so the line never reaches the head of paid service.",
        example: fixture!("E0202.dcs"),
        fix: "Correct the reporting line that closes the loop.",
    }
    E0203 => {
        title: "a role held by the wrong kind of holder",
        meaning: "Officer roles (DCS, DASS, Chief Executive) are held by posts; member roles (LMCS, Leader) are held by elected members.",
        example: fixture!("E0203.dcs"),
        fix: "Give the role to a post (or member) of the right kind.",
    }
    W0001 => {
        title: "vocabulary no duty uses",
        meaning: "A role, function, kind of body, relation, attribute, tag key or document is declared in guidance but no duty or question uses it, so no verdict can depend on it.",
        example: fixture!("W0001.dcs"),
        fix: "Use it in a duty, or remove it.",
    }
    W0010 => {
        title: "two holders of one role at the same time",
        meaning: "Two posts or members surely hold the same role on the same days, by the dates of their `holds` lines. The papers more often leave out when one holder gave way to the next than mean two holders at once; if they do mean it, the duties on the role judge it.",
        example: fixture!("W0010.dcs"),
        fix: "End the first line where the second begins (`until DATE` and `from DATE`).",
    }
    W0011 => {
        title: "a shared file no council shares",
        meaning: "A file starting `shared NAME { … }` was given, but no arrangements given name it with `shares`. Its posts, members and bodies are checked only as part of a council's arrangements (they may refer to that council's own posts), so nothing in it was checked.",
        example: fixture!("W0011.dcs"),
        fix: "Give the arrangements of a council that shares it, with `shares \"FILE\"` in their header.",
    }
    W0012 => {
        title: "arrangements verified against an edition they do not answer to",
        meaning: "The arrangements' `answers_to` names guidance editions, and the edition in force as at the date verified is not among them: a council's 2013 paper verified as at 2012, say, or a 2012 paper as at 2014. The arrangements are verified against the edition in force, as the law would judge them then; answers and departures that name duties that edition does not have are left out.",
        example: Example::Described("dcsc verify examples/coventry.dcs --as-at 2012-06-30 (Coventry answers to dfe_2013; dfe_2012 was in force then)"),
        fix: "Nothing, if the date is the one meant: this is what comparing editions over time looks like. Otherwise verify as at a date when the edition the arrangements answer to was in force.",
    }
    W0013 => {
        title: "a local policy cites words an amendment changes",
        meaning: "A duty or question of a local policy cites a paragraph of the guidance whose words an amendment replaces or repeals from a date. The local policy was written against the earlier words; answers and departures given against them are shown as stale once the amendment takes effect for the council.",
        example: Example::Described("tests/fixtures/revisions/partners_practice.dcs, whose question cites the safeguarding partners' definition that the Health and Care Act 2022 changed"),
        fix: "Read the local policy against the new words, and update it if its meaning has changed.",
    }
    W0014 => {
        title: "text that acts on a terminal or reorders text",
        meaning: "A string or name in a .dcs or JSON file (or, in a .dcs file, a comment) holds a control character or a bidirectional control: a C0 control other than tab and line feed (ESC, BEL, a carriage return on its own…), DEL, a C1 control, or one of the embeddings, overrides and isolates U+202A to U+202E and U+2066 to U+2069. Printed raw, ESC begins sequences that recolour or rewrite the terminal, retitle its window or (OSC 52) write the clipboard, and a right-to-left override makes what follows it read backwards, so a name or a comment can read differently from what it says. dcsc never prints them raw: every output (the terminal, diagnostics, JSON, Markdown, HTML, CSV and the charts) shows each as `\\u{…}`, its code point in hex, and JSON writes it as a JSON escape. A JSON file's `\\u001b` is the character it stands for, and is warned about too. Tab and line feed are not: strings write them as `\\t` and `\\n`.",
        example: fixture!("W0014.json"),
        fix: "Remove the characters: retype the text, or paste it as plain text.",
    }
    W0015 => {
        title: "a file in a folder of councils is no council",
        meaning: "A folder holding one arrangements file is that council's folder, read whole; any other folder is a folder of councils, each .dcs or .json file and each sub-folder in it one council. This one holds no arrangements: guidance, a local policy or a shared file that no council in its place shares, so it was not verified. A local policy applies only to the council in whose folder it is; a shared file is read with the councils that name it in `shares`.",
        example: Example::Described("a folder holding coventry.dcs and a local_policy.dcs of its own beside it, rather than in a folder with the council that answers to it"),
        fix: "Move the file into the folder of the council it belongs to, give guidance with `--policy`, or remove it from the folder.",
    }
    W0016 => {
        title: "an answer to another edition's question",
        meaning: "An answer or departure names a duty or question that the guidance edition checked against does not have, but another edition given does: a 2012 answer kept in a file read against the 2013 edition, say. It is left out of this verification. The arrangements do not answer to that edition (`answers_to`), so it is said here; had they named it, the answer would be left out silently and count when verifying as at a date that edition was in force.",
        example: fixture!("W0016.dcs"),
        fix: "If the council did answer that edition, add it to `answers_to`; if the answer was meant for this edition, give it this edition's key (`dcsc explain KEY` shows what each edition asks).",
    }
    W0017 => {
        title: "two holders of one role, possibly at the same time",
        meaning: "Two posts or members may hold the same role on the same days: their `holds` lines, dated by the papers and by the appointments, designations and vacancies that give and end them, surely share no day only in some orders of dates the papers leave open (a new post's undated designation that may come before the old post's vacancy, say). The notes name each date in doubt with the days the papers allow it. Where the order matters, the duties on the role are `unknown`, never `fail`: some orders give two holders, others one.",
        example: fixture!("W0017.dcs"),
        fix: "If one holder gave way to the next, say so: date the later line's start by the earlier one's end (the same date, or `after EVENT`). If the papers really do not say, leave it: the verdicts name the doubt.",
    }
    W0018 => {
        title: "a file with other names was replaced",
        meaning: "`fmt` and `-o` write a new file and rename it over the old one, so a file is never left half written. A file with other names (hard links) is a file those names share: the name given now holds the new text, and the other names still hold the old.",
        example: Example::Described("ln report.md copy.md; dcsc report examples/coventry.dcs --as-at 2017-06-01 --format markdown -o report.md"),
        fix: "If the other names should follow, link them again (`ln -f report.md copy.md`); to keep one file under several names, use symbolic links, which dcsc follows and keeps.",
    }
    W0019 => {
        title: "a file that is not dcsc input, passed over",
        meaning: "A folder given holds files that are neither .dcs files nor JSON arrangements (whose top level names `\"arrangements\"`): notes, a saved `--format json` or SARIF output, a report. They are passed over, named in one warning, rather than read as councils and reported as broken ones.",
        example: Example::Described("dcsc verify examples (examples/README.md is passed over)"),
        fix: "Nothing, if they are meant to be there; move saved outputs and notes out of the councils' folders to silence it.",
    }
    W0023 => {
        title: "a file of tests that says it is not one, passed over",
        meaning: "`dcsc test` searches a folder for the `.dcs` files holding `test` items, asking each file's lines, not its parse, so a test file that does not check is still read and its errors reported (exit 2). A file that holds tests and has a line `// dcsc test: skip` says it is not a test file: a deliberately broken example (this repository's examples of the errors a test can have), say. A folder's search passes it over, named in one warning; named on the command line, it is read as any file named is.",
        example: Example::Described("dcsc test tests/fixtures/diagnostics (E0130.dcs, E0131.dcs, E0132.dcs and E0134.dcs are passed over)"),
        fix: "Nothing, if the files are meant not to check; to run a file's tests, name it, or remove its `// dcsc test: skip` line.",
    }
    W0002 => {
        title: "a paragraph no duty encodes",
        meaning: "A paragraph of the guidance is not cited by any duty or question: that part of the guidance is not checked. `dcsc coverage` lists them all.",
        example: fixture!("W0002.dcs"),
        fix: "Encode it with a duty or question that cites it.",
    }
}

impl Code {
    /// Reads a code as written, in any case.
    pub fn parse(text: &str) -> Option<Code> {
        let upper = text.to_ascii_uppercase();
        Code::ALL.iter().copied().find(|code| code.as_str() == upper)
    }

    /// Whether this code is a warning.
    pub fn is_warning(self) -> bool {
        self.as_str().starts_with('W')
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", self.code, self.title)?;
        writeln!(f)?;
        writeln!(f, "{}", self.meaning)?;
        writeln!(f)?;
        match self.example {
            Example::File(name, text) => {
                writeln!(f, "Example ({name}):")?;
                writeln!(f)?;
                // A fixture may hold the characters its code is about.
                for line in crate::visible::escape(text).lines() {
                    writeln!(f, "    {line}")?;
                }
            }
            Example::Described(text) => {
                writeln!(f, "Example:")?;
                writeln!(f)?;
                writeln!(f, "    {text}")?;
            }
        }
        writeln!(f)?;
        write!(f, "How to fix it: {}", self.fix)
    }
}
