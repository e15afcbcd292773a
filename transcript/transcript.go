// Package transcript reads records of speech into turns: who spoke, and the
// byte spans of what they said.
//
// It reads three kinds of file:
//
//   - plain-text transcripts whose turns start with a speaker label
//     ("MILLER:", "Matthew Miller:", "Q:", "MR. MILLER:", "SEN. WARREN (D-MA):");
//   - WebVTT captions, with <v Speaker> voice tags where present;
//   - SubRip (SRT) captions.
//
// In captions without voice tags a speaker label at the start of a cue's
// text, or a ">>" or "- " speaker-change marker, starts a new turn. A press
// release or written statement has no turns; FindStatement recognises one
// and names its issuer, whose words its body is.
//
// Every span indexes Transcript.Text, which is the file's contents
// unchanged, so a position in a turn is a position in the file. Markup
// (caption tags, character references) and short stage directions such as
// "(Laughter.)" or "[inaudible]" are left out of a turn's parts.
//
// The package does not read files, decide whether the words in a turn match
// anything, or merge the repeated text of rolling (roll-up) captions.
//
// # Speaker names
//
// A label is split into a title ("Sen.", "Secretary of State") and a name;
// names written in capitals are title-cased ("MR. MILLER" → title "Mr.",
// name "Miller"). A surname-only label takes the full name when another
// label in the same transcript gives one ("MILLER" after "MATTHEW
// MILLER"). Labels that name a role rather than a person have a Role other
// than Named: questioners ("Q", "REPORTER"), moderators and operators,
// offices with no name ("THE PRESIDENT") and unidentified voices.
package transcript

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"quotecheck/article"
)

// A Format is the kind of file a Transcript was read from.
type Format int

// The formats read.
const (
	Plain  Format = iota // plain text with speaker labels
	WebVTT               // WebVTT captions (.vtt)
	SRT                  // SubRip captions (.srt)
)

var formatNames = [...]string{"text", "webvtt", "srt"}

// String returns the format's name: "text", "webvtt" or "srt".
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// A Role says what a turn's label names.
type Role int

// The roles of a turn's speaker.
const (
	Unlabelled   Role = iota // no label: text before the first turn, or captions with no speaker marks
	Named                    // a person named by the label: "MILLER", "Sen. Elizabeth Warren"
	Questioner               // a questioner: "Q", "QUESTION", "REPORTER", "AUDIENCE MEMBER"
	Moderator                // a moderator, operator, host or announcer
	Office                   // an office with no name: "THE PRESIDENT", "THE CHAIRMAN"
	Unidentified             // a voice the transcript does not name: "UNIDENTIFIED MALE", "A"
)

var roleNames = [...]string{"unlabelled", "named", "questioner", "moderator", "office", "unidentified"}

// String returns the role's name in lower case: "named", "questioner", ….
func (r Role) String() string {
	if r >= 0 && int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

// A Transcript is a record of speech, split into turns.
type Transcript struct {
	Source string // path as given by the caller
	Format Format

	// Text is the file's contents unchanged; every span indexes it.
	Text string

	// Turns are the turns in order. Text before the first labelled turn
	// (a title, a date line) is a turn whose Role is Unlabelled.
	Turns []Turn
}

// A Turn is what one speaker said without interruption.
type Turn struct {
	// Speaker is the speaker's name without title, title-cased when the
	// label was in capitals ("Matthew Miller", "Warren"); for a role, the
	// label as written, title-cased ("Q", "Moderator", "The President");
	// empty when Role is Unlabelled.
	Speaker string
	Title   string       // title or office from the label ("Sen.", "Secretary of State"); empty if none
	Role    Role         // what the label names
	Label   article.Span // the label in Text (for a voice tag, the name inside it); zero if none

	// Parts are the spoken words in order. Joining each part's Text,
	// separated by a space where Break is set, gives what was said.
	Parts []Part

	// Start and End are the time of the turn's first cue and the end of
	// its last, for captions; zero for plain text.
	Start, End time.Duration
}

// A Part is a run of spoken words in a turn.
type Part struct {
	Span article.Span // the bytes of Transcript.Text the words come from
	// Text is the words with markup removed and character references
	// decoded; usually the same as the bytes of Span.
	Text string
	// Break is set when a space separates this part from the one before:
	// they were on different lines or cues, or white space or a removed
	// stage direction lay between them. It is set on a turn's first part.
	Break bool
}

// Words returns what was said in the turn: the parts joined as their Break
// fields say.
func (t *Turn) Words() string {
	var b strings.Builder
	for i, p := range t.Parts {
		if i > 0 && p.Break {
			b.WriteByte(' ')
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// Speakers returns the distinct speakers of named turns, in order of first
// appearance.
func (t *Transcript) Speakers() []string {
	seen := map[string]bool{}
	var out []string
	for _, tu := range t.Turns {
		if tu.Role == Named && !seen[tu.Speaker] {
			seen[tu.Speaker] = true
			out = append(out, tu.Speaker)
		}
	}
	return out
}

// A Problem is something wrong with the input that the parser worked
// around, such as a caption cue with an unreadable timing line.
type Problem struct {
	Pos int    // byte offset in Transcript.Text
	Msg string // what was wrong and what was done about it
}

// ErrNotTranscript is returned by Parse for plain text in which too few
// lines start with a speaker label to read it as a transcript.
var ErrNotTranscript = errors.New("not a transcript: too few lines start with a speaker label")

// Parse reads a transcript in the format Detect finds for name and data.
// It returns ErrNotTranscript for text that is not one, and article's
// ErrBinary, ErrEncode, ErrEmpty or ErrTooLong (via article.FromText's
// checks) for data that is not readable text.
func Parse(name string, data []byte) (*Transcript, []Problem, error) {
	if _, err := article.FromText(name, data); err != nil {
		return nil, nil, err
	}
	f, ok := Detect(name, data)
	if !ok {
		return nil, nil, fmt.Errorf("%s: %w", name, ErrNotTranscript)
	}
	t, probs := ParseFormat(name, string(data), f)
	return t, probs, nil
}

// ParseFormat reads text as a transcript in format f, whatever it looks
// like. It never fails: what it cannot read it reports as problems.
func ParseFormat(name, text string, f Format) (*Transcript, []Problem) {
	t := &Transcript{Source: name, Format: f, Text: text}
	var probs []Problem
	switch f {
	case WebVTT, SRT:
		probs = parseCaptions(t)
	default:
		probs = parsePlain(t)
	}
	resolveNames(t)
	return t, probs
}

// Detect reports the format of a file of speech from its name and contents,
// and whether it is one. A name ending in .vtt or .srt, or contents that
// start like WebVTT or SubRip captions, are captions. Plain text is a
// transcript when at least two lines, and at least a third of its non-blank
// lines, start with a speaker label (the rest are the continuation
// paragraphs of long turns, titles and date lines).
func Detect(name string, data []byte) (Format, bool) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".vtt"):
		return WebVTT, true
	case strings.HasSuffix(lower, ".srt"):
		return SRT, true
	}
	text := string(data)
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.HasPrefix(text, "WEBVTT") {
		return WebVTT, true
	}
	if looksLikeSRT(text) {
		return SRT, true
	}
	labelled, nonblank := countLabels(text)
	return Plain, labelled >= 2 && 3*labelled >= nonblank
}

// looksLikeSRT reports whether text starts with a SubRip cue: a number on
// its own line followed by a timing line.
func looksLikeSRT(text string) bool {
	lines := strings.SplitN(strings.TrimLeft(text, " \t\r\n"), "\n", 3)
	if len(lines) < 2 {
		return false
	}
	num := strings.TrimSpace(lines[0])
	if num == "" || strings.Trim(num, "0123456789") != "" {
		return false
	}
	_, _, ok := parseTiming(strings.TrimSpace(lines[1]))
	return ok
}

// A line is a line of Text: [Start, End) excludes the line break and a
// trailing carriage return.
type line struct{ Start, End int }

// splitLines returns every line of text, blank ones included.
func splitLines(text string) []line {
	var out []line
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		next := 0
		if end < 0 {
			end = len(text)
			next = end + 1
		} else {
			end += start
			next = end + 1
		}
		e := end
		if e > start && text[e-1] == '\r' {
			e--
		}
		out = append(out, line{start, e})
		start = next
		if start > len(text) {
			break
		}
	}
	return out
}

// trim returns [start, end) of text without white space at either end.
func trim(text string, start, end int) (int, int) {
	sp := article.TrimSpan(text, start, end)
	if sp.Len() == 0 {
		return end, end
	}
	return sp.Start, sp.End
}

// A builder collects turns and parts in order.
type builder struct {
	t       *Transcript
	pending bool // a break is owed before the next part
}

// start begins a new turn.
func (b *builder) start(l label, span article.Span, at time.Duration) {
	b.t.Turns = append(b.t.Turns, Turn{
		Speaker: l.name, Title: l.title, Role: l.role, Label: span, Start: at, End: at,
	})
	b.pending = true
}

// cur returns the turn being built, starting an unlabelled one if none is.
func (b *builder) cur() *Turn {
	if len(b.t.Turns) == 0 {
		b.start(label{}, article.Span{}, 0)
	}
	return &b.t.Turns[len(b.t.Turns)-1]
}

// brk records that the next part is separated from the last by a space.
func (b *builder) brk() { b.pending = true }

// add appends the words of Text[start:end] to the current turn, leaving out
// short stage directions in parentheses or brackets.
func (b *builder) add(start, end int) {
	text := b.t.Text
	runs, trailing := speechRuns(text, start, end)
	for _, s := range runs {
		if s.gap {
			b.pending = true
		}
		b.part(article.Span{Start: s.start, End: s.end}, text[s.start:s.end])
	}
	if trailing {
		b.pending = true
	}
}

// part appends one part with the given text.
func (b *builder) part(span article.Span, text string) {
	if text == "" {
		return
	}
	tu := b.cur()
	brk := b.pending || len(tu.Parts) == 0
	tu.Parts = append(tu.Parts, Part{Span: span, Text: text, Break: brk})
	b.pending = false
}

// A run is a stretch of speech between stage directions; gap is set when
// something was removed or white space lay before it.
type run struct {
	start, end int
	gap        bool
}

// maxDirection is the longest parenthesis or bracket, in bytes, that is
// taken for a stage direction ("(Laughter.)", "[inaudible]", "(D-MA)")
// and left out of speech.
const maxDirection = 80

// speechRuns splits Text[start:end] around short parenthesised or
// bracketed stage directions and trims each run of white space. A run
// that starts after removed text or white space has gap set; trailing
// reports removed text or white space after the last run.
func speechRuns(text string, start, end int) (runs []run, trailing bool) {
	gap := false
	runStart := start
	flush := func(e int) {
		s, e2 := trim(text, runStart, e)
		if s < e2 {
			runs = append(runs, run{s, e2, gap || s > runStart})
			gap = e2 < e
		} else if e > runStart {
			gap = true
		}
	}
	for i := start; i < end; {
		c := text[i]
		if c == '(' || c == '[' {
			closer := byte(')')
			if c == '[' {
				closer = ']'
			}
			j := strings.IndexByte(text[i+1:end], closer)
			if j >= 0 && j+2 <= maxDirection && !strings.ContainsAny(text[i+1:i+1+j], "([") {
				flush(i)
				gap = true
				i += j + 2
				runStart = i
				continue
			}
		}
		i++
	}
	flush(end)
	return runs, gap
}
