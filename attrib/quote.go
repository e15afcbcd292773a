// Package attrib finds the quotations in a news article and who they are
// attributed to.
//
// Find scans each paragraph of an article.Article for quoted spans (straight,
// curly, single, guillemet marks), decides each span's Kind (a statement of
// reported speech, a fragment quoted inside the writer's own sentence, or a
// scare-quoted term or title), and attributes it to a speaker from the cue
// around it ("X said", "said X", "according to X", a colon introducer, a dash
// credit, the sentence before), resolving pronouns and short names within
// the article.
//
// It does not compare quotes across articles (see package compare) and does
// not read files (see package article).
package attrib

import "quotecheck/article"

// A Kind says what a quoted span is.
type Kind int

// The kinds of quoted span.
const (
	Statement Kind = iota // reported speech: a clause or more
	Fragment              // a few quoted words inside the writer's own sentence
	Term                  // a scare-quoted label or a title of a work
)

var kindNames = [...]string{"statement", "fragment", "term"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// A SpeakerKind says what sort of source a speaker is.
type SpeakerKind int

// The kinds of speaker.
const (
	NoSpeaker    SpeakerKind = iota // unattributed
	Person                          // a named person
	Unnamed                         // an unnamed source: "a U.S. official"
	Organization                    // a body: "the agency", "Amnesty International"
)

var speakerKindNames = [...]string{"none", "person", "unnamed", "organization"}

func (k SpeakerKind) String() string {
	if int(k) < len(speakerKindNames) {
		return speakerKindNames[k]
	}
	return "unknown"
}

// A Quote is one quoted span and its attribution.
type Quote struct {
	Words     article.Span // the words inside the marks
	Outer     article.Span // the words with their marks
	Paragraph int          // index into Article.Paragraphs of the opening mark
	Kind      Kind

	// Speaker is the speaker's fullest name in the article ("Matthew
	// Miller"), an unnamed source as written ("two unnamed US officials"),
	// or an organisation ("the Defense Security Cooperation Agency"); empty
	// when unattributed.
	Speaker      string
	SpeakerTitle string       // "State Department spokesperson"; empty if none given
	SpeakerKind  SpeakerKind  // NoSpeaker when Speaker is empty
	SpeakerSpan  article.Span // the mention the attribution was read from (may be a pronoun); zero if none
	Cue          string       // the cue as written: "said", "according to", ":"; empty if none
	CueSpan      article.Span // zero if none
	Via          string       // an outlet relaying the quote ("The Washington Post"); empty if none
}

// A Problem is something wrong with the input that Find worked around,
// such as a quotation mark that never closes.
type Problem struct {
	Pos int    // byte offset in Article.Text
	Msg string // what was wrong and what was done about it
}
