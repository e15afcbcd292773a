package attrib

import "strings"

// A mention is a person or source named in the article, kept to resolve
// later pronouns and short names.
type mention struct {
	pos     int // byte offset of the mention
	end     int // byte offset of the mention's end
	name    string
	title   string
	kind    SpeakerKind
	gender  gender
	plural  bool
	head    string // last word, lower case
	subject bool   // the subject of its clause or a speaker, not an object
}

// people remembers the persons, unnamed sources and bodies an article has
// named so far, in order.
type people struct {
	mentions []mention
	// byLast maps a surname (lower case) to the fullest mention of it.
	byLast map[string]int
	key    []byte // storage for a surname in lower case, to look up in byLast
}

// add records a mention and returns it with a short name completed from an
// earlier, fuller one ("Miller" → "Matthew Miller", with his title).
func (pp *people) add(m mention) mention {
	if m.kind == Person {
		words := wordCount(m.name)
		pp.key = appendLower(pp.key[:0], strings.TrimSuffix(strings.TrimSuffix(lastWord(m.name), "'s"), "’s"))
		i, known := pp.byLast[string(pp.key)]
		if known {
			prev := pp.mentions[i]
			if wordCount(prev.name) >= words && (words == 1 || prev.name == m.name) {
				m.name = prev.name
				if m.title == "" {
					m.title = prev.title
				}
				if m.gender == unknownGender {
					m.gender = prev.gender
				}
			}
		}
		if !known || words > wordCount(pp.mentions[i].name) || pp.mentions[i].title == "" && m.title != "" {
			pp.byLast[string(pp.key)] = len(pp.mentions)
		}
	}
	pp.mentions = append(pp.mentions, m)
	return m
}

// known reports whether a single capitalised word is the surname of a
// person already named.
func (pp *people) known(word string) bool {
	_, ok := lookupLower(pp.byLast, word)
	return ok
}

// pronoun resolves a pronoun at pos to the most recent compatible mention
// that was a subject or a speaker: he and she to persons of that gender or
// of none known, they to plural sources and bodies, it to bodies.
func (pp *people) pronoun(p phrase, pos int) (mention, bool) {
	best, found := mention{}, false
	// Mentions are recorded close to text order; a pronoun reaches back a
	// few paragraphs at most.
	from := max(0, len(pp.mentions)-recentMentions)
	for _, m := range pp.mentions[from:] {
		if m.pos >= pos || !m.subject || found && m.pos < best.pos {
			continue
		}
		ok := false
		switch p.gender {
		case male, female:
			ok = m.kind == Person && (m.gender == p.gender || m.gender == unknownGender)
		case plural:
			ok = m.plural || m.kind == Organization
		case neuter:
			ok = m.kind == Organization
		}
		if ok {
			best, found = m, true
		}
	}
	return best, found
}

// recentMentions bounds how far back pronouns and short references look.
const recentMentions = 200

// definite resolves a short reference such as "the official" or "the
// spokeswoman" to the most recent unnamed source with the same head noun,
// or person whose title holds it.
func (pp *people) definite(p phrase, pos int) (mention, bool) {
	head := strings.TrimSuffix(p.head, "s")
	for i := len(pp.mentions) - 1; i >= 0 && i >= len(pp.mentions)-recentMentions; i-- {
		m := pp.mentions[i]
		if m.pos >= pos {
			continue
		}
		switch m.kind {
		case Unnamed:
			if strings.TrimSuffix(m.head, "s") == head && m.plural == p.plural {
				return m, true
			}
		case Person:
			for w := range strings.FieldsSeq(m.title) {
				if pp.key = appendLower(pp.key[:0], w); string(pp.key) == p.head {
					return m, true
				}
			}
		case Organization:
			// "the authority" is "The Harbor City Transit Authority board"
			// up to the word it repeats.
			if !hasWordFold(m.name, p.head) {
				continue
			}
			words := strings.Fields(m.name)
			for i := len(words) - 1; i >= 0; i-- {
				if strings.EqualFold(words[i], p.head) {
					if tail := strings.Join(words[i+1:], " "); tail == strings.ToLower(tail) {
						m.name = strings.Join(words[:i+1], " ")
					}
					if strings.HasPrefix(m.name, "The ") {
						m.name = "the " + m.name[4:]
					}
					return m, true
				}
			}
		}
	}
	return mention{}, false
}
