package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A phrase is a noun phrase read as a possible speaker.
type phrase struct {
	toks    []token // the phrase as written
	kind    SpeakerKind
	name    string // a person's name, an unnamed source or organisation as written
	title   string // words of office before a person's name
	head    string // the last word, lower case: "official", "miller"
	pronoun bool   // he, she, they, it
	gender  gender
	plural  bool
	// definite marks a short reference to someone named before: "the
	// official", "the spokeswoman".
	definite bool
}

func (p phrase) span() (int, int) {
	return p.toks[0].start, p.toks[len(p.toks)-1].end
}

// maxPhrase bounds, in words, the length of a speaker phrase: "Amnesty
// International USA Advocacy Director for Europe and Central Asia Ben
// Linden" is 13.
const maxPhrase = 16

// connectors may join the capitalised words of one name: "Center for
// Civilians in Conflict", "Secretary of State".
var connectors = set(`of for and in on de del della van von der den du la le al bin ibn da dos`)

// subjectBefore reads the noun phrase that ends just before toks[i], a cue
// verb, skipping auxiliaries and adverbs ("Smith also said") and an
// appositive between commas ("Biden, 81, said").
func subjectBefore(toks []token, lo, i int) (phrase, bool) {
	return subjectAt(toks, lo, i, 0)
}

// subjectAt is subjectBefore reading back through depth appositives so far.
func subjectAt(toks []token, lo, i, depth int) (phrase, bool) {
	j := i - 1
	for j >= lo && toks[j].kind == tWord && toks[j].in(cueFiller) {
		j--
	}
	if j >= lo && toks[j].punct(")") {
		// A parenthesis: Rep. Jason Chaffetz (R-Utah) said.
		k := j - 1
		for k >= lo && k > j-8 && !toks[k].punct("(") {
			k--
		}
		if k >= lo && toks[k].punct("(") {
			j = k - 1
		}
	}
	if j >= lo && toks[j].punct(",") {
		// An appositive: "Biden, 81, said", "the council leader, Gareth
		// Pryce, said", "Walt Kerrigan, who stopped by …, said". A person
		// named inside the commas is the speaker, titled by what stands
		// before; otherwise the subject stands before the first comma.
		k := j - 1
		for k >= lo && k > j-30 && !toks[k].punct(",") && toks[k].kind != tQuote {
			k--
		}
		if k < lo || !toks[k].punct(",") {
			return phrase{}, false
		}
		before, okBefore := phraseEndingAt(toks, lo, k-1)
		if inner, ok := phraseAfter(toks, k+1, j); ok && inner.kind == Person && !inner.pronoun && inner.toks[len(inner.toks)-1].end == toks[j-1].end {
			if okBefore && before.kind == Unnamed && inner.title == "" {
				inner.title = strings.TrimPrefix(asWritten(before.toks), "the ")
			}
			return inner, true
		}
		if !okBefore && k-1 >= lo && toks[k-1].kind == tWord && depth < 2 {
			// Several appositives: "Walt Kerrigan, 81, who stopped by, said".
			return subjectAt(toks, lo, k+1, depth+1)
		}
		return before, okBefore
	}
	return phraseEndingAt(toks, lo, j)
}

// phraseEndingAt reads a speaker phrase backwards from toks[j].
func phraseEndingAt(toks []token, lo, j int) (phrase, bool) {
	if j < lo || toks[j].kind != tWord {
		return phrase{}, false
	}
	head := toks[j]
	if head.in(pronoun) {
		return classifyPhrase(toks[j : j+1]), true
	}
	if !head.caps && !head.in(roleNoun|orgNoun|titleWord) {
		return phrase{}, false
	}
	k := j
	mods := 0
	for k-1 >= lo && k > j-maxPhrase {
		t := toks[k-1]
		if t.kind != tWord {
			break
		}
		switch {
		case t.in(determiner) || isNumberWord(t.low):
			k--
			return finishPhrase(toks[k : j+1])
		case t.caps && !(t.in(stopCap) && k-1 == lo):
			if t.in(stopCap) {
				return finishPhrase(toks[k : j+1])
			}
			k--
			continue
		case t.in(connector) && k-2 >= lo && toks[k-2].caps && toks[k].caps && institutional(toks, lo, k-2):
			k--
			continue
		case t.in(titleWord | roleNoun | orgNoun):
			k--
			continue
		case !head.caps && mods < 3 && isModifier(t):
			k--
			mods++
			continue
		}
		break
	}
	if p, ok := roleOf(toks, lo, k, j); ok {
		return p, true
	}
	return finishPhrase(toks[k : j+1])
}

// rolePreps join a role to what it serves: "a spokesman for Hatherley
// Park", "an official at the authority", "the office in Portland".
var rolePreps = set(`for of at with from in to`)

// roleOf extends a phrase toks[k:j+1] backwards over a preposition to the
// role it belongs to: the speaker is the spokesman, not the park.
func roleOf(toks []token, lo, k, j int) (phrase, bool) {
	i := k - 1
	if i < lo || !toks[i].in(rolePrep) {
		return phrase{}, false
	}
	i--
	if i >= lo && toks[i].low == "close" && toks[i+1].low == "to" {
		i--
	}
	if i < lo || toks[i].kind != tWord || !(toks[i].in(roleNoun) || toks[i].in(orgNoun)) {
		return phrase{}, false
	}
	role := i
	start := role
	for start-1 >= lo && start > role-4 && toks[start-1].kind == tWord {
		t := toks[start-1]
		if t.in(determiner) || isNumberWord(t.low) {
			start--
			break
		}
		if !isModifier(t) && !t.caps {
			break
		}
		start--
	}
	p := classifyPhrase(toks[start : role+1])
	if p.kind == NoSpeaker || p.kind == Person {
		return phrase{}, false
	}
	p.toks = toks[start : j+1]
	p.name = asWritten(p.toks)
	return p, true
}

// isModifier reports whether a lower-case word may modify a role noun:
// "unnamed", "senior", "defense" in "a senior defense official".
func isModifier(t token) bool {
	if t.in(cueVerb|connector) || t.in(stopCap) && !t.in(determiner) {
		return false
	}
	switch t.low {
	case "that", "who", "which", "to", "with", "by", "from", "and", "or", "but", "as", "not":
		return false
	}
	return true
}

// phraseAfter reads the noun phrase that starts at toks[j]: the speaker of
// an inverted cue ("said Matthew Miller, the spokesman") or a dash credit.
func phraseAfter(toks []token, j, hi int) (phrase, bool) {
	if j >= hi || toks[j].kind != tWord {
		return phrase{}, false
	}
	if toks[j].in(pronoun) {
		return classifyPhrase(toks[j : j+1]), true
	}
	k := j
	if toks[k].in(determiner) || isNumberWord(toks[k].lower()) {
		k++
	}
	last := -1 // index of the last word that can end the phrase
	mods := 0
	for hi = min(hi, j+maxPhrase); k < hi; k++ {
		t := toks[k]
		if t.kind != tWord {
			break
		}
		if t.caps && !(t.in(stopCap) && !t.in(determiner) && k > j) {
			last = k
			continue
		}
		if t.in(titleWord | roleNoun | orgNoun) {
			last = k
			continue
		}
		if t.in(connector) && k+1 < hi && toks[k+1].caps && last >= 0 && institutional(toks, j, k-1) {
			continue
		}
		if mods < 3 && isModifier(t) && (last < 0 || titleSoFar(toks[j:k]) && nameFollows(toks, k+1, hi)) {
			mods++
			continue
		}
		break
	}
	if last < 0 {
		return phrase{}, false
	}
	return finishPhrase(toks[j : last+1])
}

// institutional reports whether one of the few capitalised words ending at
// toks[i] names an office or a body, so that a connector after them goes on
// with the name ("Secretary of State", "Center for Civilians in Conflict")
// rather than leave a person's name ("Rebecca Osei of Morrow Brandt").
func institutional(toks []token, lo, i int) bool {
	for k := i; k >= lo && k > i-3; k-- {
		t := toks[k]
		if !t.caps && !t.in(connector) {
			return false
		}
		if t.caps && (t.in(orgCap) || t.in(titleWord)) {
			return true
		}
	}
	return false
}

// titleSoFar reports whether a phrase read so far is only words of office
// or of a body, not yet a name: "union" in "union organizer Marcus Bell".
func titleSoFar(toks []token) bool {
	for _, t := range toks {
		if !(t.in(titleWord) || t.in(roleNoun) || t.in(orgNoun) || t.in(determiner)) {
			return false
		}
	}
	return true
}

// nameFollows reports whether a capitalised name comes within two
// lower-case words of toks[k]: "said union organizer Marcus Bell".
func nameFollows(toks []token, k, hi int) bool {
	for i := k; i < hi && i < k+3; i++ {
		t := toks[i]
		if t.kind != tWord {
			return false
		}
		if t.caps {
			return !t.in(stopCap)
		}
		if !isModifier(t) {
			return false
		}
	}
	return false
}

func finishPhrase(toks []token) (phrase, bool) {
	p := classifyPhrase(toks)
	return p, p.kind != NoSpeaker
}

// classifyPhrase decides what sort of speaker a phrase names, and splits a
// person's title from the name.
func classifyPhrase(toks []token) phrase {
	p := phrase{toks: toks}
	last := toks[len(toks)-1]
	p.head = last.lower()
	if len(toks) == 1 && last.in(pronoun) {
		g := pronouns[p.head]
		p.pronoun, p.gender = true, g
		p.plural = g == plural
		p.kind = Person
		if g == neuter || g == plural {
			p.kind = Organization
		}
		p.name = last.text
		return p
	}
	// "Sen. Sherrod Brown of Ohio": a person, from a place.
	if k := len(toks); k >= 3 && toks[k-2].is("of") && isPlaceOrAcronym(toks[k-1:]) && toks[k-3].caps {
		if q := classifyPhrase(toks[:k-2]); q.kind == Person && !q.pronoun {
			q.toks = toks
			return q
		}
	}
	// The name: the capitalised words at the end that are not words of
	// office or of an organisation's name.
	n := len(toks)
	for n > 0 {
		t := toks[n-1]
		if !t.caps || t.in(titleWord|orgCap|stopCap) || strings.HasSuffix(t.low, ".") && titleWords[strings.TrimSuffix(t.low, ".")] {
			break
		}
		n--
	}
	if n == len(toks) && n >= 2 && last.caps && (toks[n-2].in(femaleName) || toks[n-2].in(maleName)) {
		n -= 2 // a surname that is also a title: "John Pastor"
	}
	nameToks := toks[n:]
	if len(nameToks) == 1 && (n == 0 && nameToks[0].in(roleNoun) || nameToks[0].in(groupNoun)) {
		nameToks = nil // "People", "Officials" opening a sentence; "many Americans"
	}
	switch {
	case len(nameToks) > 0 && !isPlaceOrAcronym(nameToks) && !partOfOrgName(toks, n):
		p.kind = Person
		if len(nameToks) > 2 {
			keep := 2
			if isInitialOrSuffix(nameToks[len(nameToks)-1]) || isInitialOrSuffix(nameToks[len(nameToks)-2]) {
				keep = 3
			}
			if keep < len(nameToks) {
				nameToks = nameToks[len(nameToks)-keep:]
			}
		}
		p.name = strings.TrimSuffix(strings.TrimSuffix(joinToks(nameToks), "’s"), "'s")
		titleToks := toks[:len(toks)-len(nameToks)]
		for len(titleToks) > 0 && (titleToks[0].in(determiner) || isNumberWord(titleToks[0].lower())) {
			titleToks = titleToks[1:]
		}
		for len(titleToks) > 0 && titleToks[len(titleToks)-1].in(honorific) {
			titleToks = titleToks[:len(titleToks)-1]
		}
		p.title = strings.TrimSuffix(joinToks(titleToks), ",")
		var first token
		if len(nameToks) > 1 {
			first = nameToks[0] // a lone surname says nothing of gender
		}
		p.gender = genderOf(first, titleToks)
	case last.in(roleNoun) && (!last.caps || len(toks) == 1) && !last.in(orgCap) || last.in(groupNoun):
		p.kind = Unnamed
		p.name = asWritten(toks)
		p.plural = strings.HasSuffix(p.head, "s") && !strings.HasSuffix(p.head, "ss")
		p.definite = toks[0].is("the") || toks[0].is("this") || toks[0].is("that")
		p.gender = genderOf(token{}, toks)
	case last.in(orgCap|orgNoun) || isPlaceOrAcronym(toks[n:]) || last.caps:
		p.kind = Organization
		p.name = asWritten(toks)
		p.definite = toks[0].is("the") && !last.caps
	case last.in(titleWord):
		// "the mayor", "the senator": a person named by office alone.
		p.kind = Unnamed
		p.name = asWritten(toks)
		p.definite = toks[0].is("the")
		p.gender = genderOf(token{}, toks)
	}
	return p
}

// honorifics are dropped from a person's title: "Mr Pryce" is Pryce.
var honorifics = set(`mr mr. mrs mrs. ms ms. miss mx mx. dr dr. sir dame`)

// partOfOrgName reports whether the capitalised words from toks[n] on end
// the name of a body joined by a connector ("Ministry of National
// Defence") rather than name a person: the words before them hold an
// organisation's word and no word of office.
func partOfOrgName(toks []token, n int) bool {
	if n == 0 || !toks[n-1].in(connector) {
		return false
	}
	org := false
	for _, t := range toks[:n] {
		if t.in(titleWord) {
			return false
		}
		if t.in(orgCap) && t.caps {
			org = true
		}
	}
	return org
}

// isPlaceOrAcronym reports whether a lone capitalised name stands for a
// government or an organisation ("Moscow", "NATO") rather than a person.
func isPlaceOrAcronym(name []token) bool {
	if len(name) != 1 {
		return false
	}
	w := name[0].text
	if inLower(places, w) {
		return true
	}
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 && upper == utf8.RuneCountInString(w)-strings.Count(w, ".")-strings.Count(w, "-")
}

func isInitialOrSuffix(t token) bool {
	w := strings.TrimSuffix(t.text, ".")
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	return inLower(nameSuffixes, w)
}

// nameSuffixes follow a person's name: "Martin Luther King Jr."
var nameSuffixes = set(`jr sr ii iii iv`)

// genderOf returns the gender a person's title or given name first says;
// first may be the zero token.
func genderOf(first token, title []token) gender {
	for _, t := range title {
		switch {
		case t.in(femaleTitle):
			return female
		case t.in(maleTitle):
			return male
		}
	}
	switch {
	case first.in(femaleName):
		return female
	case first.in(maleName):
		return male
	}
	return unknownGender
}

func isNumberWord(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds":
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// joinToks joins tokens with single spaces, keeping them as written.
func joinToks(toks []token) string {
	if len(toks) == 1 {
		return toks[0].text
	}
	n := 0
	for i, t := range toks {
		if i > 0 && t.kind == tWord {
			n++
		}
		n += len(t.text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range toks {
		if i > 0 && t.kind == tWord {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// asWritten joins a phrase as written, with a sentence-initial determiner
// in lower case: "One official" → "one official".
func asWritten(toks []token) string {
	s := joinToks(toks)
	if toks[0].in(determiner) || isNumberWord(toks[0].lower()) {
		if r, n := utf8.DecodeRuneInString(s); unicode.ToLower(r) != r {
			s = string(unicode.ToLower(r)) + s[n:]
		}
	}
	return s
}
