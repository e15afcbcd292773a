package polnear

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"quotecheck/article"
	"quotecheck/attrib"
)

// A Finder finds the quotes in an article: attrib.Find, or a stand-in in
// tests.
type Finder func(*article.Article) ([]attrib.Quote, []attrib.Problem)

// A Class says what sort of mistake an Item records.
type Class int

// The classes of mistake.
const (
	Missed       Class = iota // a gold quote that no found quote matches
	WrongSpeaker              // a found gold quote whose speaker does not agree with its gold source
	Extra                     // a found quote that overlaps no gold quote
)

var classNames = [...]string{"missed", "speaker", "extra"}

// String returns the class's name as the polnear-eval command's -show flag
// takes it: "missed", "speaker" or "extra".
func (c Class) String() string {
	if c >= 0 && int(c) < len(classNames) {
		return classNames[c]
	}
	return "unknown"
}

// ParseClass returns the Class named s, as String gives it.
func ParseClass(s string) (Class, bool) {
	for i, n := range classNames {
		if s == n {
			return Class(i), true
		}
	}
	return 0, false
}

// An Item is one mistake of the finder, for the listing.
type Item struct {
	Class Class
	Case  *Case
	Gold  *Gold // the gold quote; nil for Extra

	// Quote is the found quote: the match for WrongSpeaker, the extra
	// quote for Extra, and for Missed the quote overlapping the gold quote
	// most (nil if none overlaps it).
	Quote *attrib.Quote

	// Overlap is, for Missed, the share of the longer of Gold.Words and
	// Quote.Words that they have in common: below one half.
	Overlap float64
}

// A Result holds the figures of a run of the finder over the corpus and
// its mistakes.
type Result struct {
	Articles int // articles scored
	Quoting  int // gold relations whose content holds a quotation
	Stray    int // relations whose content holds a double mark that is part of no quotation

	Gold           int // gold quotes
	GoldWithSource int // gold quotes with at least one gold source

	Quotes   int                 // quotes the finder returned
	ByKind   map[attrib.Kind]int // quotes the finder returned, by Kind
	Problems int                 // problems the finder reported

	Found       int                 // gold quotes matched by a found quote
	FoundByKind map[attrib.Kind]int // gold quotes matched, by the Kind of the matching quote
	Partial     int                 // missed gold quotes that a found quote overlaps, but by less than half

	SpeakerChecked int // found gold quotes with a gold source
	SpeakerRight   int // of those, the ones whose speaker agrees (see SpeakerAgrees)
	WrongPronoun   int // of the wrong ones, those whose gold sources are all pronouns

	NoSource        int // found gold quotes with no gold source
	NoSourceSpeaker int // of those, the ones the finder gave a speaker anyway

	Statements       int // found quotes of Kind Statement
	StatementsOnGold int // of those, the ones that overlap a gold quote

	Items []Item // the mistakes, article by article: those about gold quotes in text order, then the extra quotes
}

// Recall returns the share of gold quotes found.
func (r *Result) Recall() float64 { return ratio(r.Found, r.Gold) }

// SpeakerAccuracy returns the share of found gold quotes with a gold source
// whose speaker agrees with it.
func (r *Result) SpeakerAccuracy() float64 { return ratio(r.SpeakerRight, r.SpeakerChecked) }

// StatementPrecision returns the share of found statements that overlap a
// gold quote. It is rough: the corpus does not annotate scare quotes,
// titles or quotations that are not attributed, so some statements that
// overlap nothing are right.
func (r *Result) StatementPrecision() float64 { return ratio(r.StatementsOnGold, r.Statements) }

func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Matches reports whether a found quote's words w match a gold quote's
// words g: they share at least half of the longer of the two.
func Matches(w, g article.Span) bool {
	return enough(matchShare(w, g))
}

// enough reports whether share, a matchShare, makes a match.
func enough(share float64) bool { return share >= 0.5 }

// matchShare returns the bytes w and g share as a share of the longer.
func matchShare(w, g article.Span) float64 {
	return ratio(overlap(w, g), max(w.Len(), g.Len()))
}

// Score runs find over each case and scores what it returns against the
// case's gold quotes.
//
// Each gold quote is matched by the found quote sharing the largest part of
// the longer of the two spans, when that part is at least one half (see
// Matches). A found gold quote with gold sources has its speaker checked
// with SpeakerAgrees. A found quote is extra when its words overlap no gold
// quote at all.
func Score(cases []*Case, find Finder) *Result {
	r := &Result{ByKind: map[attrib.Kind]int{}, FoundByKind: map[attrib.Kind]int{}}
	for _, c := range cases {
		quotes, problems := find(c.Article)
		r.Articles++
		r.Quoting += c.Quoting
		r.Stray += len(c.Stray)
		r.Quotes += len(quotes)
		r.Problems += len(problems)
		for _, q := range quotes {
			r.ByKind[q.Kind]++
		}
		for gi := range c.Gold {
			g := &c.Gold[gi]
			r.Gold++
			if len(g.Sources) > 0 {
				r.GoldWithSource++
			}
			best, share := -1, 0.0
			for qi, q := range quotes {
				if s := matchShare(q.Words, g.Words); s > share {
					best, share = qi, s
				}
			}
			if !enough(share) {
				it := Item{Class: Missed, Case: c, Gold: g, Overlap: share}
				if best >= 0 {
					it.Quote = &quotes[best]
					r.Partial++
				}
				r.Items = append(r.Items, it)
				continue
			}
			q := &quotes[best]
			r.Found++
			r.FoundByKind[q.Kind]++
			switch {
			case len(g.Sources) == 0:
				r.NoSource++
				if q.Speaker != "" {
					r.NoSourceSpeaker++
				}
			case SpeakerAgrees(*q, g.Sources):
				r.SpeakerChecked++
				r.SpeakerRight++
			default:
				r.SpeakerChecked++
				if allPronouns(g.Sources) {
					r.WrongPronoun++
				}
				r.Items = append(r.Items, Item{Class: WrongSpeaker, Case: c, Gold: g, Quote: q})
			}
		}
		for qi := range quotes {
			q := &quotes[qi]
			onGold := false
			for _, g := range c.Gold {
				if overlap(q.Words, g.Words) > 0 {
					onGold = true
					break
				}
			}
			if q.Kind == attrib.Statement {
				r.Statements++
				if onGold {
					r.StatementsOnGold++
				}
			}
			if !onGold {
				r.Items = append(r.Items, Item{Class: Extra, Case: c, Quote: q})
			}
		}
	}
	return r
}

// SpeakerAgrees reports whether the speaker the finder gave q agrees with
// one of a gold quote's sources. It agrees with a source when any of these
// holds:
//
//   - q.SpeakerSpan, the mention the finder read the speaker from,
//     overlaps one of the source's spans;
//   - q.Speaker contains a head of the source (see Heads: "Clinton" for
//     "Hillary Clinton", "official" for "a senior official"), as a whole
//     word and ignoring case;
//   - q.Speaker contains the source's whole text, as whole words and
//     ignoring case.
//
// Pronoun sources are not resolved (the corpus does not resolve them), so
// a finder that names the person a pronoun stands for agrees only through
// SpeakerSpan.
func SpeakerAgrees(q attrib.Quote, sources []Source) bool {
	name := strings.ToLower(q.Speaker)
	for _, s := range sources {
		if q.SpeakerSpan.Len() > 0 {
			for _, sp := range s.Spans {
				if overlap(q.SpeakerSpan, sp) > 0 {
					return true
				}
			}
		}
		if name == "" {
			continue
		}
		for _, h := range Heads(s.Text) {
			if containsWords(name, strings.ToLower(h)) {
				return true
			}
		}
		if containsWords(name, strings.ToLower(strings.TrimSpace(s.Text))) {
			return true
		}
	}
	return false
}

// Heads returns the heads of a source as SpeakerAgrees uses them: with
// parenthesised parts dropped ("(D-Mo.)"), the last word with a letter in
// it of each comma-separated part, so that an appositive gives the name's
// head whichever side of it the name is ("Ruiz" in "Ana Ruiz, a former
// ambassador,"; "Ng" in "Her partner, Lee B. Ng,").
// Surrounding punctuation and a possessive "'s" are removed from each, and
// name suffixes (Jr., Sr., II, III) are passed over. It returns none when
// no part has such a word.
func Heads(source string) []string {
	var b strings.Builder
	depth := 0
	for _, r := range source {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	var heads []string
	for _, part := range strings.Split(b.String(), ",") {
		words := strings.Fields(part)
		for i := len(words) - 1; i >= 0; i-- {
			w := strings.TrimFunc(words[i], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			for _, suf := range []string{"’s", "'s", "’", "'"} {
				w = strings.TrimSuffix(w, suf)
			}
			if strings.IndexFunc(w, unicode.IsLetter) < 0 || nameSuffixes[strings.ToLower(w)] {
				continue
			}
			heads = append(heads, w)
			break
		}
	}
	return heads
}

var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// containsWords reports whether s holds sub starting and ending at word
// boundaries. Both are expected in lower case.
func containsWords(s, sub string) bool {
	if sub == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(sub)
		if !wordByteBefore(s, i) && !wordByteAfter(s, j) {
			return true
		}
		from = i + 1
	}
}

func wordByteBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func wordByteAfter(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "i": true, "we": true, "it": true, "you": true,
	"him": true, "her": true, "them": true, "me": true, "us": true,
	"his": true, "their": true, "its": true, "my": true, "our": true,
}

// allPronouns reports whether every source is a lone pronoun.
func allPronouns(sources []Source) bool {
	for _, s := range sources {
		if !pronouns[strings.ToLower(strings.TrimSpace(s.Text))] {
			return false
		}
	}
	return len(sources) > 0
}
