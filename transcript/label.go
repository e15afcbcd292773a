package transcript

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A label is a speaker label read from the start of a line or from a
// caption voice tag.
type label struct {
	name  string // see Turn.Speaker
	title string // see Turn.Title
	role  Role
	// single is set for a one-word name written in title case
	// ("Miller"), which is only taken for a label when the transcript
	// uses it more than once or another label ends with it.
	single bool
}

// maxLabel is the longest speaker label, in bytes, before its colon.
const maxLabel = 64

// roles maps labels that name a role, in lower case without full stops,
// to the role.
var roles = map[string]Role{
	"q": Questioner, "question": Questioner, "questioner": Questioner, "questions": Questioner,
	"reporter": Questioner, "journalist": Questioner, "audience": Questioner,
	"audience member": Questioner, "participant": Questioner, "interviewer": Questioner,
	"moderator": Moderator, "operator": Moderator, "host": Moderator, "announcer": Moderator,
	"narrator": Moderator, "the moderator": Moderator, "the operator": Moderator,
	"a": Unidentified, "answer": Unidentified, "unidentified": Unidentified, "unknown": Unidentified,
	"voice": Unidentified, "voices": Unidentified, "speaker": Unidentified,
	"unidentified male": Unidentified, "unidentified female": Unidentified,
	"unidentified speaker": Unidentified, "unidentified voice": Unidentified,
	"male speaker": Unidentified, "female speaker": Unidentified, "multiple speakers": Unidentified,
	"crosstalk": Unidentified, "unknown speaker": Unidentified,
}

// titles are words that open a label to say who the speaker is rather
// than name them, in lower case without full stops.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true,
	"professor": true, "sen": true, "senator": true, "rep": true, "representative": true,
	"congressman": true, "congresswoman": true, "del": true, "delegate": true, "gov": true, "governor": true,
	"lt": true, "lieutenant": true, "gen": true, "general": true, "adm": true, "admiral": true,
	"col": true, "colonel": true, "maj": true, "major": true, "capt": true, "captain": true,
	"cmdr": true, "commander": true, "sgt": true, "sergeant": true, "amb": true, "ambassador": true,
	"sec": true, "secretary": true, "deputy": true, "assistant": true, "under": true,
	"undersecretary": true, "chairman": true, "chairwoman": true, "chair": true, "chairperson": true,
	"ranking": true, "member": true, "vice": true, "president": true, "prime": true, "minister": true,
	"mayor": true, "judge": true, "justice": true, "chief": true, "commissioner": true, "director": true,
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "press": true, "attorney": true,
	"hon": true, "honorable": true, "rev": true, "reverend": true, "the": true, "acting": true,
	"leader": true, "speaker": true, "councilmember": true, "councilman": true, "councilwoman": true,
	"witness": true, "clerk": true,
}

// headers are first words of a line that put a colon after a heading, not a
// speaker's name, in lower case without full stops.
var headers = map[string]bool{
	"note": true, "notes": true, "update": true, "updated": true, "date": true, "time": true,
	"location": true, "place": true, "venue": true, "subject": true, "source": true, "sources": true,
	"re": true, "transcript": true, "editor's": true, "editors": true, "correction": true,
	"photo": true, "photos": true, "video": true, "watch": true, "read": true, "related": true,
	"warning": true, "summary": true, "background": true, "contact": true, "contacts": true,
	"media": true, "tags": true, "category": true, "filed": true, "published": true, "posted": true,
	"by": true, "from": true, "to": true, "cc": true, "attendees": true, "present": true,
	"participants": true, "topic": true, "topics": true, "title": true, "event": true,
	"headline": true, "caption": true, "credit": true, "image": true, "audio": true, "kind": true,
	"language": true, "end": true, "release": true, "embargoed": true, "http": true, "https": true,
	"email": true, "phone": true, "tel": true, "fax": true, "web": true, "website": true, "file": true,
	"key": true, "also": true, "example": true, "exhibit": true, "figure": true, "table": true,
	"section": true, "part": true, "chapter": true, "item": true, "agenda": true, "remarks": true,
	"statement": true, "opening": true, "closing": true, "prepared": true, "testimony": true,
	"breaking": true, "live": true, "exclusive": true, "analysis": true, "opinion": true,
}

// particles are lower-case words allowed inside a name.
var particles = map[string]bool{
	"de": true, "da": true, "di": true, "del": true, "der": true, "van": true, "von": true,
	"la": true, "le": true, "bin": true, "al": true, "el": true, "of": true, "du": true, "dos": true,
}

// fold returns word in lower case without full stops, for the tables above.
func fold(word string) string {
	return strings.ToLower(strings.ReplaceAll(word, ".", ""))
}

// parseLabel reads s, the text before a colon or inside a voice tag, as a
// speaker label.
func parseLabel(s string) (label, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxLabel {
		return label{}, false
	}
	// A trailing parenthesis gives an affiliation: "SEN. WARREN (D-MA)".
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i > 0 {
			s = strings.TrimSpace(s[:i])
		}
	}
	// "Ned Price, Department Spokesperson": the words after a comma are
	// a title.
	after := ""
	if i := strings.IndexByte(s, ','); i > 0 {
		s, after = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		for _, w := range strings.Fields(after) {
			if !nameWord(w) && !particles[w] {
				return label{}, false
			}
		}
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 {
		return label{}, false
	}
	lowered := make([]string, len(words))
	for i, w := range words {
		lowered[i] = fold(w)
	}
	if r, ok := roles[strings.Join(lowered, " ")]; ok {
		return label{name: displayName(words), role: r}, true
	}
	if headers[lowered[0]] {
		return label{}, false
	}
	caps := true // every letter is upper case
	for i, w := range words {
		if !nameWord(w) {
			if i > 0 && particles[w] {
				continue
			}
			return label{}, false
		}
		for _, r := range w {
			if unicode.IsLower(r) {
				caps = false
			}
		}
	}
	// Split off the title: the leading run of title words, with "of X"
	// after one ("Secretary of State Blinken").
	n := 0
	for n < len(words) {
		if titles[lowered[n]] {
			n++
			continue
		}
		if n > 0 && lowered[n] == "of" && n+1 < len(words) {
			n += 2
			continue
		}
		break
	}
	l := label{}
	if n > 0 {
		l.title = strings.Join(titleCase(words[:n]), " ")
	}
	if after != "" {
		l.title = strings.TrimSpace(l.title + " " + strings.Join(titleCase(strings.Fields(after)), " "))
	}
	if n == len(words) {
		// Only titles: an office ("THE PRESIDENT", "CHAIRMAN"). A single
		// title word in title case ("Director:") is more often a heading.
		if len(words) == 1 && !caps {
			return label{}, false
		}
		return label{name: displayName(words), role: Office}, true
	}
	l.name = displayName(words[n:])
	l.role = Named
	l.single = !caps && n == 0 && len(words) == 1 && after == ""
	return l, true
}

// nameWord reports whether w can be a word of a name or title: it starts
// with an upper-case letter and holds only letters, full stops,
// apostrophes and hyphens.
func nameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w {
		switch {
		case unicode.IsLetter(r), r == '.', r == '\'', r == '\u2019', r == '-':
		default:
			return false
		}
	}
	return true
}

// displayName joins words, title-casing those written in capitals.
func displayName(words []string) string {
	return strings.Join(titleCase(words), " ")
}

// titleCase returns words with each one written wholly in capitals turned
// to title case: "O'BRIEN" → "O'Brien", "MCCARTHY" → "McCarthy". Words
// already in mixed case and one-letter words are kept.
func titleCase(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		if strings.ToUpper(w) != w || utf8.RuneCountInString(strings.Trim(w, ".")) < 2 {
			out[i] = w
			continue
		}
		var b strings.Builder
		up := true
		for j, r := range w {
			if up {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			up = r == '\'' || r == '\u2019' || r == '-' || r == '.'
			if j == 1 && strings.HasPrefix(w, "MC") && len(w) > 3 {
				up = true
			}
		}
		out[i] = b.String()
	}
	return out
}

// labelAt reads a speaker label at the start of Text[start:end] ("MILLER:
// Thank you."), after an optional ">>" speaker-change marker. It returns
// the label, its span and where the speech after the colon starts; ok is
// false if the line does not start with a label. A ">>" alone reports a
// change of speaker with an empty label.
func labelAt(text string, start, end int) (l label, ls, le, rest int, change, ok bool) {
	i, _ := trim(text, start, end)
	if strings.HasPrefix(text[i:end], ">>") {
		change = true
		i += 2
		i, _ = trim(text, i, end)
	}
	lim := min(end, i+maxLabel+1)
	colon := strings.IndexByte(text[i:lim], ':')
	if colon <= 0 {
		return label{}, 0, 0, i, change, false
	}
	cand := text[i : i+colon]
	l, ok = parseLabel(cand)
	if !ok {
		return label{}, 0, 0, i, change, false
	}
	s, e := trim(text, i, i+colon)
	return l, s, e, i + colon + 1, change, true
}
