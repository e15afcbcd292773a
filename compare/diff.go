package compare

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// An OpKind says what an Op does.
type OpKind int

// The kinds of Op.
const (
	Equal  OpKind = iota // words in both wordings
	Delete               // words only in a, the reference
	Insert               // words only in b, the other wording
)

var opKindNames = [...]string{"equal", "delete", "insert"}

// String returns the op's name: "equal", "delete" or "insert".
func (k OpKind) String() string {
	if k >= 0 && int(k) < len(opKindNames) {
		return opKindNames[k]
	}
	return fmt.Sprintf("op(%d)", int(k))
}

// An Op is one run of the word alignment.
type Op struct {
	Kind OpKind
	A    []Token // words of a: set for Equal and Delete
	B    []Token // words of b: set for Equal and Insert, pairwise equal to A for Equal
}

// A Change is what lies between two Equal runs: words Del of a replaced by
// words Ins of b (either may be empty).
type Change struct {
	Del, Ins []Token
	Class    Class    // Elided, Bracketed or Substantive; see classify
	Reasons  []Reason // for a Substantive change: why it may shift meaning
	// Outside is true for words of a before or after everything b quotes:
	// b is a contiguous part of a, and these words are simply not quoted.
	// An Outside change is never a wording change and has Class Identical.
	Outside bool
}

// A WordDiff is the word alignment of two wordings of one quote and what their
// differences mean. A is the reference (the fuller or source wording), B
// the other (the quoted wording).
type WordDiff struct {
	A, B    string
	Ops     []Op
	Changes []Change

	Class    Class    // the most serious Class of the changes; Identical or Cosmetic when there are none
	Severity Severity // High for a Substantive diff with Reasons, Medium for other Substantive ones, else Info
	Reasons  []Reason // union of the changes' Reasons, sorted
	Notes    []string // what an editor may want to know even when nothing is wrong, one line each

	// Partial is true when B quotes a contiguous part of A (there are
	// Outside changes).
	Partial bool

	// Matched is the number of B's words aligned equal to words of A and
	// Words the number of B's words, both counting neither elision marks
	// nor bracketed words (an editor's, not the speaker's).
	Matched, Words int
}

// Containment is the share of B's words that are found, in order, in A:
// Matched/Words, and 1 when B has no words.
func (d WordDiff) Containment() float64 {
	if d.Words == 0 {
		return 1
	}
	return float64(d.Matched) / float64(d.Words)
}

// Changed reports whether d is a wording change (Class Substantive).
func (d WordDiff) Changed() bool { return d.Class == Substantive }

// Diff aligns the words of a (the reference: the fuller or source wording)
// with those of b (the other, quoted wording) and classifies every
// difference.
//
// Words are compared by their normalised forms (see Tokenize, Normalize);
// punctuation is not aligned; two adjacent words on one side whose forms
// join into one word on the other ("anti personnel", "antipersonnel") are
// taken as that word. The alignment is go-diff's Myers diff over one rune
// per distinct word, with no semantic clean-up and no time limit, so it is
// deterministic; it costs O((n+m)·D) for D differing words.
//
// The partial-quote case, b being a contiguous part of a, is not a wording
// change: words of a before the first or after the last word b shares with
// it are Outside changes.
func Diff(a, b string) WordDiff {
	return diffWords(a, b, Words(a), Words(b))
}

// diffWords is Diff of a and b given their Words, wa and wb, which it
// does not change: the WordDiff may share them, so they must not change
// afterwards either.
func diffWords(a, b string, wa, wb []Token) WordDiff {
	sc := diffScratches.Get().(*diffScratch)
	wa = sc.joinSplits(a, wa, wb)
	wb = sc.joinSplits(b, wb, wa)

	ra, rb := sc.toRunes(wa, wb)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	raw := dmp.DiffMainRunes(ra, rb, false)
	sc.done()

	d := WordDiff{A: a, B: b}
	ia, ib := 0, 0
	for _, r := range raw {
		k := utf8.RuneCountInString(r.Text)
		switch r.Type {
		case diffmatchpatch.DiffEqual:
			d.Ops = append(d.Ops, Op{Kind: Equal, A: wa[ia : ia+k], B: wb[ib : ib+k]})
			ia += k
			ib += k
		case diffmatchpatch.DiffDelete:
			d.Ops = append(d.Ops, Op{Kind: Delete, A: wa[ia : ia+k]})
			ia += k
		case diffmatchpatch.DiffInsert:
			d.Ops = append(d.Ops, Op{Kind: Insert, B: wb[ib : ib+k]})
			ib += k
		}
	}
	d.finish(wb)
	return d
}

// joinRuns returns the tokens of run followed by those of more. When run
// is empty it is more itself, capped so that appending to it copies.
func joinRuns(run, more []Token) []Token {
	switch {
	case len(more) == 0:
		return run
	case len(run) == 0:
		return more[:len(more):len(more)]
	}
	return append(slices.Clip(run), more...)
}

// finish groups the ops into changes and classifies them.
func (d *WordDiff) finish(wb []Token) {
	firstEq, lastEq := -1, -1
	for i, op := range d.Ops {
		if op.Kind == Equal {
			if firstEq < 0 {
				firstEq = i
			}
			lastEq = i
		}
	}
	for i := 0; i < len(d.Ops); {
		if d.Ops[i].Kind == Equal {
			i++
			continue
		}
		j := i
		var c Change
		for j < len(d.Ops) && d.Ops[j].Kind != Equal {
			c.Del = joinRuns(c.Del, d.Ops[j].A)
			c.Ins = joinRuns(c.Ins, d.Ops[j].B)
			j++
		}
		edge := firstEq >= 0 && (j <= firstEq || i > lastEq)
		if edge && len(c.Ins) == 0 {
			c.Outside = true
			d.Partial = true
		} else {
			c.Class = classify(c.Del, c.Ins)
			if c.Class == Substantive {
				c.Reasons = Reasons(c.Del, c.Ins)
			}
		}
		d.Changes = append(d.Changes, c)
		i = j
	}

	for _, t := range wb {
		if t.Kind != Elision && t.Bracket == 0 {
			d.Words++
		}
	}
	for _, op := range d.Ops {
		if op.Kind == Equal {
			for _, t := range op.B {
				if t.Kind != Elision && t.Bracket == 0 {
					d.Matched++
				}
			}
		}
	}

	seen := map[Reason]bool{}
	for _, c := range d.Changes {
		if c.Outside {
			continue
		}
		d.Class = max(d.Class, c.Class)
		for _, r := range c.Reasons {
			seen[r] = true
		}
	}
	for r := Negation; r <= Modality; r++ {
		if seen[r] {
			d.Reasons = append(d.Reasons, r)
		}
	}
	if d.Class == Identical && !d.sameText() {
		d.Class = Cosmetic
	}
	switch {
	case d.Class == Substantive && len(d.Reasons) > 0:
		d.Severity = High
	case d.Class == Substantive:
		d.Severity = Medium
	}
	d.Notes = d.notes()
}

// sameText reports whether the aligned parts of A and B are the same
// characters, apart from runs of spaces and punctuation around them.
func (d *WordDiff) sameText() bool {
	ra, rb := d.region()
	return sameCollapsed(ra, rb)
}

// region returns the parts of A and B from their first to their last
// aligned equal word; the whole texts when there is none.
func (d *WordDiff) region() (string, string) {
	var first, last *Op
	for i := range d.Ops {
		if d.Ops[i].Kind == Equal {
			if first == nil {
				first = &d.Ops[i]
			}
			last = &d.Ops[i]
		}
	}
	if first == nil {
		return d.A, d.B
	}
	sa, ea := first.A[0].Span.Start, last.A[len(last.A)-1].Span.End
	sb, eb := first.B[0].Span.Start, last.B[len(last.B)-1].Span.End
	if !d.Partial {
		sa, ea, sb, eb = 0, len(d.A), 0, len(d.B)
	}
	return d.A[sa:ea], d.B[sb:eb]
}

// collapse trims punctuation and space from both ends of s and turns runs
// of space into one space.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(trimEnds(s), isSpaceRune), " ")
}

// trimEnds trims punctuation and space from both ends of s.
func trimEnds(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !isWordRune(r) && r != '…' && r != '$' && r != '%' })
}

// sameCollapsed reports whether collapse(a) == collapse(b), without
// making either: whether their ends trimmed, they hold the same runs of
// non-space characters.
func sameCollapsed(a, b string) bool {
	a, b = trimEnds(a), trimEnds(b)
	for {
		var fa, fb string
		fa, a = nextField(a)
		fb, b = nextField(b)
		if fa != fb {
			return false
		}
		if fa == "" {
			return true
		}
	}
}

// nextField returns the first run of non-space characters of s, empty
// when there is none, and the rest of s after it.
func nextField(s string) (field, rest string) {
	s = strings.TrimLeftFunc(s, isSpaceRune)
	if end := strings.IndexFunc(s, isSpaceRune); end >= 0 {
		return s[:end], s[end:]
	}
	return s, ""
}

// notes describes the harmless differences in one line each.
func (d *WordDiff) notes() []string {
	var out []string
	if d.Partial {
		out = append(out, fmt.Sprintf("partial: quotes %d of the fuller wording's %d words", d.Matched, countWords(d.Ops)))
	}
	for _, c := range d.Changes {
		switch {
		case c.Outside:
		case c.Class == Elided && len(c.Del) > 0 && !hasElision(c.Del):
			out = append(out, fmt.Sprintf("elided: %q", joinText(d.A, c.Del)))
		case c.Class == Elided && len(c.Ins) > 0 && !hasElision(c.Ins):
			out = append(out, fmt.Sprintf("elided in the reference: %q", joinText(d.B, c.Ins)))
		case c.Class == Elided:
			out = append(out, "ellipsis where nothing is omitted")
		case c.Class == Bracketed && bracketOnly(c.Ins):
			out = append(out, fmt.Sprintf("bracketed: %q stands for %q", joinText(d.B, c.Ins), joinText(d.A, c.Del)))
		case c.Class == Bracketed:
			out = append(out, fmt.Sprintf("bracketed in the reference: %q stands for %q", joinText(d.A, c.Del), joinText(d.B, c.Ins)))
		}
	}
	var cosmetic []string
	seen := map[string]bool{}
	for _, op := range d.Ops {
		if op.Kind != Equal {
			continue
		}
		for i := range op.A {
			ta, tb := op.A[i].Text, op.B[i].Text
			if ta == tb || op.A[i].Kind == Elision {
				continue
			}
			if strings.EqualFold(ta, tb) && (op.A[i].Initial || op.B[i].Initial) {
				continue // a capital that starts a sentence
			}
			pair := ta + " / " + tb
			if !seen[pair] {
				seen[pair] = true
				cosmetic = append(cosmetic, pair)
			}
		}
	}
	if len(cosmetic) > 0 {
		const most = 4
		more := ""
		if len(cosmetic) > most {
			more = fmt.Sprintf(" and %d more", len(cosmetic)-most)
			cosmetic = cosmetic[:most]
		}
		out = append(out, "cosmetic: "+strings.Join(cosmetic, ", ")+more)
	}
	return out
}

func countWords(ops []Op) int {
	n := 0
	for _, op := range ops {
		for _, t := range op.A {
			if t.Kind != Elision && t.Bracket == 0 {
				n++
			}
		}
	}
	return n
}

// joinText returns the text of s from the first to the last of ts.
func joinText(s string, ts []Token) string {
	if len(ts) == 0 {
		return ""
	}
	return s[ts[0].Span.Start:ts[len(ts)-1].Span.End]
}

// String renders the diff as words with [-removed-] and {+added+} markup:
// removed words are in A but not B, added words in B but not A. Equal
// runs are shown as A writes them.
func (d WordDiff) String() string {
	return d.Format(func(s string) string { return "[-" + s + "-]" }, func(s string) string { return "{+" + s + "+}" })
}

// Format renders the diff as String does, with removed and added runs
// wrapped by the given functions (to colour them, say).
func (d WordDiff) Format(removed, added func(string) string) string {
	var b strings.Builder
	endA, endB := -1, -1 // byte offsets after the last run shown, in A and B
	for _, op := range d.Ops {
		var s string
		gap := true
		switch op.Kind {
		case Equal:
			s = joinText(d.A, op.A)
			gap = spaced(d.A, endA, op.A[0].Span.Start)
		case Delete:
			s = removed(joinText(d.A, op.A))
			gap = spaced(d.A, endA, op.A[0].Span.Start)
		case Insert:
			s = added(joinText(d.B, op.B))
			gap = spaced(d.B, endB, op.B[0].Span.Start)
		}
		if b.Len() > 0 && gap {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		if len(op.A) > 0 {
			endA = op.A[len(op.A)-1].Span.End
		}
		if len(op.B) > 0 {
			endB = op.B[len(op.B)-1].Span.End
		}
	}
	return b.String()
}

// spaced reports whether the words of s ending at from and starting at to
// are written apart; true when from is unknown (-1).
func spaced(s string, from, to int) bool {
	if from < 0 || from > to {
		return true
	}
	return from < to
}

// A diffScratch holds what diffWords needs only while it runs, for the
// next diff to use again: go-diff keeps none of it.
type diffScratch struct {
	forms  map[string]bool // joinSplits'
	ids    map[string]rune // toRunes'
	ra, rb []rune
}

var diffScratches = sync.Pool{New: func() any {
	return &diffScratch{forms: map[string]bool{}, ids: map[string]rune{}}
}}

// diffScratchWords is the most words a diffScratch's maps keep room for
// once done: clearing a map costs what it once held.
const diffScratchWords = 1 << 10

// done hands sc back to diffScratches, with ids empty (joinSplits clears
// forms itself, as it runs twice a diff).
func (sc *diffScratch) done() {
	if len(sc.forms) > diffScratchWords {
		sc.forms = map[string]bool{}
	}
	if len(sc.ids) > diffScratchWords {
		sc.ids = map[string]rune{}
	}
	clear(sc.ids)
	diffScratches.Put(sc)
}

// joinSplits joins adjacent words of side (taken from text s) whose
// normalised forms concatenate to a word of other: "anti personnel"
// against "antipersonnel", "land mines" against "landmines".
func (sc *diffScratch) joinSplits(s string, side, other []Token) []Token {
	if len(side) < 2 || len(other) == 0 {
		return side
	}
	forms := sc.forms
	clear(forms)
	for _, t := range other {
		if t.Kind == Word {
			forms[t.Norm] = true
		}
	}
	var out []Token // nil until a join: side itself is returned when nothing joins
	for i := 0; i < len(side); i++ {
		t := side[i]
		if i+1 < len(side) && t.Kind == Word && side[i+1].Kind == Word && !forms[t.Norm] {
			u := side[i+1]
			if joined := t.Norm + u.Norm; forms[joined] && onlySpaceOrDash(s[t.Span.End:u.Span.Start]) {
				if out == nil {
					out = append(make([]Token, 0, len(side)), side[:i]...)
				}
				t.Norm = joined
				t.Span.End = u.Span.End
				t.Text = s[t.Span.Start:t.Span.End]
				if t.Bracket != u.Bracket {
					t.Bracket = 0
				}
				out = append(out, t)
				i++
				continue
			}
		}
		if out != nil {
			out = append(out, t)
		}
	}
	if out == nil {
		return side
	}
	return out
}

func onlySpaceOrDash(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !isDash(r) {
			return false
		}
	}
	return true
}

// toRunes maps each distinct normalised word to one rune, so go-diff's
// character diff becomes a word diff. Runes skip the surrogate range,
// which does not survive go-diff's string conversions.
func (sc *diffScratch) toRunes(a, b []Token) ([]rune, []rune) {
	conv := func(out []rune, ts []Token) []rune {
		out = out[:0]
		for _, t := range ts {
			r, ok := sc.ids[t.Norm]
			if !ok {
				r = runeFor(len(sc.ids))
				sc.ids[t.Norm] = r
			}
			out = append(out, r)
		}
		return out
	}
	sc.ra, sc.rb = conv(sc.ra, a), conv(sc.rb, b)
	return sc.ra, sc.rb
}

// runeFor returns the rune standing for the n-th distinct word.
func runeFor(n int) rune {
	r := rune(n + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	if r > unicode.MaxRune {
		r = unicode.MaxRune // beyond a million distinct words: share the last rune
	}
	return r
}
