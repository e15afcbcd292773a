// Package compare aligns wordings of the same quote word by word, says
// what their differences mean, and audits a batch of articles for quotes
// that more than one outlet carries.
//
// It does not find quotes (see package attrib), read files or print
// anything: it takes articles and quotes and returns values, which
// cmd/quotecheck loads and package report renders.
//
// # Words
//
// Tokenize splits quoted text into Tokens: words, numbers, elision marks
// and punctuation, each with its byte Span in the text, its text as
// written and a normalised form (Normalize). Normalisation is the list of
// named Transforms: fold case, fold quote marks and apostrophes, fold
// dashes, join hyphens (anti-personnel = antipersonnel), US/UK spelling
// (defence = defense, armoured = armored: a table and -our/-ise/-yse rules)
// and number words (four = 4). Punctuation is never aligned. An ellipsis
// ("...", "…", ". . .", "[...]") is one Elision token; words in square
// brackets or parentheses carry the number of their bracketed insertion.
//
// # Differences
//
// Diff(a, b) aligns reference wording a (the fuller or source wording)
// with b (the quoted wording): a Myers diff over one rune per distinct
// normalised word, with adjacent words joined when they spell one word of
// the other side ("anti personnel" = "antipersonnel"). The WordDiff holds
// the Ops (Equal, Delete, Insert runs of Tokens), the Changes between
// equal runs, and a Class for each and for the whole:
//
//   - Identical, Cosmetic: the same words; no finding;
//   - Elided: an ellipsis stands for words the other version prints;
//   - Bracketed: a bracketed insertion stands for at most MaxBracketed words;
//   - Substantive: words added, dropped or changed.
//
// Words of a before or after everything b quotes are Outside changes: a
// fragment quoted from a fuller statement is not a wording change.
// Reasons marks the substantive changes that may shift meaning
// (Negation, Numeric, Date, Name, Modality); a WordDiff's Severity is High
// with a reason, Medium without, Info when nothing is substantive.
// WordDiff.String renders [-removed-] and {+added+} words.
//
// Locate (or NewPassage and Passage.Locate, to index a long text once)
// finds the window of a long passage that best holds a quote: it anchors
// on the quote's rarest words and aligns only quote-sized windows, and
// scores the window by containment, the share of the quote's words
// matched in order.
//
// # Audit
//
// Run audits a Batch (articles and the quotes found in each) and returns
// an Audit: the Groups of quotes more than one article carries, each with
// a reference wording and every member's WordDiff against it, the
// canonical Speaker of every attributed quote, and the Findings, most
// severe first. Grouping never compares all pairs: wordings are indexed by
// word shingles, shingles held by too many wordings are dropped, and only
// wordings sharing a shingle are aligned; see groupQuotes and Options for
// the thresholds.
//
// Each kind of finding is a Check (Name, Doc, Run), run in turn over a
// Pass, as analysis.Analyzer is: Wording, Attribution, Context and
// Unconfirmed, listed in Checks. Severity is a typed enum (Info, Low,
// Medium, High) that is also a flag.Value.
package compare
