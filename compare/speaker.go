package compare

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"quotecheck/attrib"
)

// A Speaker is who a quote is attributed to, made comparable across
// articles.
type Speaker struct {
	// Name is what to show: for a person the canonical name across the
	// batch ("Lloyd Austin"), for others the speaker as the article writes
	// it; empty when unattributed.
	Name string
	Kind attrib.SpeakerKind

	// Key is equal for two quotes exactly when they have the same speaker:
	// "person:lloyd austin", "unnamed:two us officials", "org:amnesty
	// international"; empty when unattributed.
	Key string
}

// speakerTitles are words that name an office or a body, not a person;
// they are stripped from the front of a person's name as written
// ("Defense Secretary Lloyd Austin", "State Department spokesperson
// Matthew Miller"). Lower-case words are stripped anyway.
var speakerTitles = map[string]bool{
	"president": true, "vice": true, "secretary": true, "minister": true, "prime": true,
	"foreign": true, "defense": true, "defence": true, "state": true, "department": true,
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "senator": true, "sen.": true,
	"rep.": true, "representative": true, "gov.": true, "governor": true, "general": true,
	"gen.": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true, "mr": true, "mrs": true,
	"ms": true, "dr": true, "director": true, "executive": true, "chief": true, "advocacy": true,
	"white": true, "house": true, "national": true, "security": true, "council": true,
	"u.s.": true, "us": true, "press": true, "deputy": true, "assistant": true, "adviser": true,
	"advisor": true, "ambassador": true, "chairman": true, "chair": true, "speaker": true,
	"leader": true, "commander": true, "admiral": true, "adm.": true, "col.": true, "lt.": true,
	"former": true, "then-president": true, "president-elect": true, "kremlin": true, "pentagon": true,
}

// nameSuffixes are dropped from the end of a person's name.
var nameSuffixes = map[string]bool{"jr.": true, "jr": true, "sr.": true, "sr": true, "ii": true, "iii": true, "iv": true}

// personName returns the words of a person's name without leading titles
// or trailing suffixes: "Defense Secretary Lloyd Austin" → [Lloyd Austin].
func personName(s string) []string {
	words := strings.Fields(strings.ReplaceAll(s, ",", " "))
	for len(words) > 1 {
		w := words[0]
		r := []rune(w)
		if speakerTitles[strings.ToLower(w)] || len(r) > 0 && !unicode.IsUpper(r[0]) {
			words = words[1:]
			continue
		}
		break
	}
	for len(words) > 1 && nameSuffixes[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	return words
}

// canonicalSpeakers gives every attributed quote of b its Speaker.
//
// A person's key is their first and last name, lower-cased, after leading
// titles are stripped, so "Defense Secretary Lloyd Austin", "Lloyd J.
// Austin" and "Lloyd Austin" are one person. A one-word name ("Austin")
// joins the one person of the batch whose last name it is; when there are
// none or several, it stays a person of its own. The name shown is the
// most common full form of the name, then the longest, then the first
// alphabetically. Unnamed sources and organisations are keyed by their
// words as written, lower-cased, without a leading article; no two of
// them are merged, and no finding is ever raised between two unnamed
// sources.
func canonicalSpeakers(b *Batch) Speakers {
	out := newSpeakers(b)
	type person struct {
		ref   Ref
		words []string
	}
	people := make([]person, 0, b.quotes()) // at most one a quote: sized once
	full := map[string]map[string]int{}     // key → form → count
	lastNames := map[string][]string{}      // last name → keys
	for _, r := range b.refs() {
		q := b.Quote(r)
		name := strings.TrimSpace(q.Speaker)
		switch {
		case name == "" || q.SpeakerKind == attrib.NoSpeaker:
			continue
		case q.SpeakerKind == attrib.Person:
			words := personName(name)
			people = append(people, person{r, words})
			if len(words) >= 2 {
				key := personKey(words)
				if full[key] == nil {
					full[key] = map[string]int{}
					last := strings.ToLower(words[len(words)-1])
					lastNames[last] = append(lastNames[last], key)
				}
				full[key][strings.Join(words, " ")]++
			}
		default:
			prefix := "unnamed:"
			if q.SpeakerKind == attrib.Organization {
				prefix = "org:"
			}
			out.set(r, Speaker{Name: name, Kind: q.SpeakerKind, Key: prefix + plainKey(name)})
		}
	}
	display := map[string]string{}
	for key, forms := range full {
		var names []string
		for f := range forms {
			names = append(names, f)
		}
		slices.SortFunc(names, func(x, y string) int {
			if c := cmp.Compare(forms[y], forms[x]); c != 0 {
				return c
			}
			if c := cmp.Compare(len(y), len(x)); c != 0 {
				return c
			}
			return cmp.Compare(x, y)
		})
		display[key] = names[0]
	}
	for _, p := range people {
		if len(p.words) >= 2 {
			key := personKey(p.words)
			out.set(p.ref, Speaker{Name: display[key], Kind: attrib.Person, Key: "person:" + key})
			continue
		}
		single := ""
		if len(p.words) == 1 {
			single = p.words[0]
		}
		if keys := lastNames[strings.ToLower(single)]; len(keys) == 1 {
			out.set(p.ref, Speaker{Name: display[keys[0]], Kind: attrib.Person, Key: "person:" + keys[0]})
			continue
		}
		out.set(p.ref, Speaker{Name: single, Kind: attrib.Person, Key: "person:" + strings.ToLower(single)})
	}
	out.ids = nil
	return out
}

// Speakers gives each quote of a batch its canonical Speaker: a table of
// the distinct speakers and, for each quote, its row, four bytes a quote
// however many quotes a batch has.
type Speakers struct {
	table []Speaker
	of    [][]int32         // [article][quote] → row of table, or -1 when unattributed
	ids   map[Speaker]int32 // rows by speaker, while the table is made
}

func newSpeakers(b *Batch) Speakers {
	s := Speakers{of: make([][]int32, len(b.Articles)), ids: map[Speaker]int32{}}
	for i := range s.of {
		if i < len(b.Quotes) {
			s.of[i] = make([]int32, len(b.Quotes[i]))
			for j := range s.of[i] {
				s.of[i][j] = -1
			}
		}
	}
	return s
}

// set gives the quote r the speaker sp.
func (s *Speakers) set(r Ref, sp Speaker) {
	id, ok := s.ids[sp]
	if !ok {
		id = int32(len(s.table))
		s.table = append(s.table, sp)
		s.ids[sp] = id
	}
	s.of[r.Article][r.Quote] = id
}

// Of returns the speaker of the quote r names: the zero Speaker when the
// quote is unattributed or not in the batch.
func (s Speakers) Of(r Ref) Speaker {
	if r.Article < 0 || r.Article >= len(s.of) || r.Quote < 0 || r.Quote >= len(s.of[r.Article]) {
		return Speaker{}
	}
	if id := s.of[r.Article][r.Quote]; id >= 0 {
		return s.table[id]
	}
	return Speaker{}
}

// personKey is the first and last word of a name, lower-cased and with
// the transforms of Normalize (so accents of case and marks do not count).
func personKey(words []string) string {
	return Normalize(words[0]) + " " + Normalize(words[len(words)-1])
}

// plainKey lower-cases s, folds marks and drops a leading article.
func plainKey(s string) string {
	var parts []string
	for _, t := range Words(s) {
		parts = append(parts, t.Norm)
	}
	if len(parts) > 1 && (parts[0] == "the" || parts[0] == "a" || parts[0] == "an") {
		parts = parts[1:]
	}
	return strings.Join(parts, " ")
}
