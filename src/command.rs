//! What can be wrong with a command itself, apart from the files it reads:
//! a command line that cannot be read, no arrangements to verify, a report
//! asked of several councils, nothing by the name given to `explain`. The
//! commands ([`crate::run`]) and the command line find these;
//! [`crate::diagnostics::from_command`] words them, so
//! they reach the user coded, on standard error or as JSON, like every
//! other problem.

/// A problem with the command as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandError {
    /// The command line does not fit the commands and options dcsc has.
    CommandLine {
        /// What the argument parser said, first line.
        message: String,
        /// Its further lines (the usage).
        details: Vec<String>,
    },
    /// `verify`, `report` or `graph` was given no arrangements file (only
    /// guidance or local policies).
    NoArrangements,
    /// `report`, `graph` or `timeline` was given more than one council's
    /// arrangements.
    SeveralCouncils {
        /// The command: `report`, `graph` or `timeline`.
        command: &'static str,
        /// How many were given.
        given: usize,
        /// The councils, as shown: each a file or a council's folder when
        /// they were told apart before reading them (a folder of
        /// councils, or files each a council's), else the file of each
        /// council's arrangements.
        councils: Vec<String>,
    },
    /// `explain` was given something that is not a code, duty, question or
    /// paragraph.
    NothingToExplain {
        /// What was asked.
        topic: String,
        /// The closest code, duty or paragraph key, if one is close.
        suggestion: Option<String>,
    },
    /// `diff` was not given two sides to compare.
    DiffSides {
        /// What was wrong.
        problem: DiffProblem,
    },
    /// `test` found no tests in the paths given.
    NoTests {
        /// The paths searched, as given.
        searched: Vec<String>,
        /// What `--filter` asked the tests' names to hold, if given.
        filter: Option<String>,
    },
    /// `verify` was given folders of councils and a file that can be read
    /// only once (standard input, a FIFO), which cannot be read again to
    /// verify after every council is checked.
    FilesAndFolders,
    /// Files among the councils that are not dcsc input (not `.dcs` or
    /// `.json`, or JSON that is not arrangements), passed over: a
    /// warning, said once for them all.
    NotInput {
        /// The files, as shown.
        paths: Vec<String>,
    },
    /// Files holding tests, in a folder `test` searched, that say they are
    /// not test files (`// dcsc test: skip`), passed over: a warning, said
    /// once for them all.
    NotTests {
        /// The files, as shown.
        paths: Vec<String>,
    },
    /// A file or sub-folder in a folder of councils holds no arrangements,
    /// so it is no council (a warning: the others are verified).
    NotACouncil {
        /// The file or sub-folder, as shown.
        path: String,
    },
    /// `serve` cannot start: a path given is not there or not readable,
    /// or the address cannot be listened on.
    CannotServe {
        /// Why, in words.
        reason: String,
    },
    /// A document could not be produced in the format asked for.
    CannotRender {
        /// The format.
        format: &'static str,
        /// Why, as the writer said.
        reason: String,
    },
}

/// What is wrong with the sides `diff` was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffProblem {
    /// Neither two sets of guidance nor two dates.
    NoSides,
    /// `--from` without `--to`, or the other way round.
    OneDate,
    /// Both ways of comparing at once.
    BothWays,
}
