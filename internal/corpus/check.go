package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// auditReport is the part of quotecheck audit's JSON output that Check
// reads. It is declared here, not taken from package report, so that
// Check reads the published contract the way any other tool would.
type auditReport struct {
	Articles []struct {
		Source string `json:"source"`
		Quotes []struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		} `json:"quotes"`
	} `json:"articles"`
	Errors []struct {
		Source string `json:"source"`
	} `json:"errors"`
	Groups []struct {
		Members []struct {
			Quote string `json:"quote"`
			Class string `json:"class"`
		} `json:"members"`
	} `json:"groups"`
	Findings []struct {
		Kind     string   `json:"kind"`
		Severity string   `json:"severity"`
		Quotes   []string `json:"quotes"`
		Sources  []string `json:"sources"`
		Message  string   `json:"message"`
	} `json:"findings"`
}

// A Result says what an audit of a generated stream found of what was
// planted in it.
type Result struct {
	Planted map[string]int `json:"planted"` // alterations by kind
	Found   map[string]int `json:"found"`   // alterations found, by kind
	Misses  []Miss         `json:"misses"`  // alterations not found, in manifest order

	// Lost are the lines of articles the audit does not list, and
	// Unreported the malformed lines it does not list as errors;
	// Spurious are errors on lines that hold good articles.
	Lost, Unreported, Spurious []int

	// Unplanted counts the wording and attribution findings of medium
	// or high severity that name no altered quote: differences the
	// generator did not plant, so mistakes of the finder or the audit.
	Unplanted int `json:"unplanted"`

	// Examples describe the first few unplanted findings.
	Examples []string `json:"examples"`
}

// A Miss is an alteration an audit did not report as expected.
type Miss struct {
	Alteration
	Why string `json:"why"`
}

// OK reports whether every alteration was found and nothing was lost.
func (r *Result) OK() bool {
	return len(r.Misses) == 0 && len(r.Lost) == 0 && len(r.Unreported) == 0 && len(r.Spurious) == 0
}

// Expect says what an audit should report for an alteration of the given
// kind: a wording finding of high severity for a changed number or a
// dropped "not", an attribution finding of high severity for another
// speaker, and for an elision or a cosmetic variant a group member of that
// class with no wording finding.
func Expect(kind string) string {
	switch kind {
	case KindNumber, KindNegation:
		return "wording finding, high"
	case KindSpeaker:
		return "attribution finding, high"
	case KindElision:
		return "group member of class elided, no wording finding"
	case KindCosmetic:
		return "group member of class cosmetic, no wording finding"
	}
	return "?"
}

// Check reads quotecheck audit's JSON output for the stream m describes
// and says which alterations it found (see Expect), whether every article
// is in it, and whether every malformed line, and nothing else, is an
// input error. Sources are matched by the line number after their last
// colon ("crawl.jsonl:17"), so the stream may have been read under any
// name.
func (m *Manifest) Check(audit io.Reader) (*Result, error) {
	var rep auditReport
	if err := json.NewDecoder(audit).Decode(&rep); err != nil {
		return nil, fmt.Errorf("reading the audit: %w", err)
	}
	res := &Result{Planted: map[string]int{}, Found: map[string]int{}, Misses: []Miss{}}
	for _, k := range Kinds {
		res.Planted[k], res.Found[k] = 0, 0
	}

	type quote struct{ id, norm string }
	byLine := map[int][]quote{}
	for _, a := range rep.Articles {
		n, ok := lineOf(a.Source)
		if !ok {
			continue
		}
		qs := make([]quote, 0, len(a.Quotes))
		for _, q := range a.Quotes {
			qs = append(qs, quote{q.ID, normalize(q.Text)})
		}
		byLine[n] = qs
	}
	errLines := map[int]bool{}
	for _, e := range rep.Errors {
		if n, ok := lineOf(e.Source); ok {
			errLines[n] = true
		}
	}
	bad := map[int]bool{}
	for _, n := range m.Malformed {
		bad[n] = true
		if !errLines[n] {
			res.Unreported = append(res.Unreported, n)
		}
	}
	for n := range errLines {
		if !bad[n] {
			res.Spurious = append(res.Spurious, n)
		}
	}
	slices.Sort(res.Spurious)
	for n := 1; n <= m.Articles+len(m.Malformed); n++ {
		if _, ok := byLine[n]; !ok && !bad[n] {
			res.Lost = append(res.Lost, n)
		}
	}

	class := map[string]string{}    // quote id → its class in its group
	others := map[string][]string{} // quote id → the classes of its group's members
	for _, g := range rep.Groups {
		var cs []string
		for _, mem := range g.Members {
			class[mem.Quote] = mem.Class
			cs = append(cs, mem.Class)
		}
		for _, mem := range g.Members {
			others[mem.Quote] = cs
		}
	}
	type flag struct{ kind, severity string }
	flags := map[string][]flag{}
	for _, f := range rep.Findings {
		for _, id := range f.Quotes {
			flags[id] = append(flags[id], flag{f.Kind, f.Severity})
		}
	}
	has := func(id, kind, severity string) bool {
		for _, f := range flags[id] {
			if f.kind == kind && (severity == "" || f.severity == severity) {
				return true
			}
		}
		return false
	}

	altered := map[string]bool{}
	for _, a := range m.Alterations {
		res.Planted[a.Kind]++
		id, why := "", ""
		want := normalize(a.Altered)
		for _, q := range byLine[a.Line] {
			if q.norm == want {
				id = q.id
				break
			}
		}
		if id == "" {
			// The finder may have cut the quote differently: take the
			// quote that holds the altered words or is held by them.
			for _, q := range byLine[a.Line] {
				if len(q.norm) > len(want)/2 && (strings.Contains(q.norm, want) || strings.Contains(want, q.norm)) {
					id = q.id
					break
				}
			}
		}
		switch {
		case id == "":
			why = "extract did not find the altered quote"
		default:
			altered[id] = true
			why = missing(a.Kind, id, class[id], others[id], has)
		}
		if why == "" {
			res.Found[a.Kind]++
			continue
		}
		res.Misses = append(res.Misses, Miss{Alteration: a, Why: why})
	}
	for _, f := range rep.Findings {
		if (f.Kind != "wording" && f.Kind != "attribution") || (f.Severity != "high" && f.Severity != "medium") {
			continue
		}
		if !slices.ContainsFunc(f.Quotes, func(id string) bool { return altered[id] }) {
			res.Unplanted++
			if len(res.Examples) < maxExamples {
				res.Examples = append(res.Examples, fmt.Sprintf("%s %s (%s): %s", f.Severity, f.Kind, strings.Join(f.Sources, " "), f.Message))
			}
		}
	}
	return res, nil
}

// maxExamples is how many unplanted findings a Result describes.
const maxExamples = 10

// missing says why quote id, altered by kind and a member of class in
// its group ("" if in none), whose members have the classes group, is not
// reported as Expect says; "" if it is.
//
// A cosmetic variant may be its group's reference wording (the reference
// is the earliest of equally good wordings), and then it is identical to
// itself and the originals are the cosmetic members.
func missing(kind, id, class string, group []string, has func(id, kind, severity string) bool) string {
	switch kind {
	case KindNumber, KindNegation:
		if has(id, "wording", "high") {
			return ""
		}
		if class == "" {
			return "the quote is in no group"
		}
		if has(id, "wording", "") {
			return "wording finding, but not high"
		}
		return "no wording finding (member class " + class + ")"
	case KindSpeaker:
		if has(id, "attribution", "high") {
			return ""
		}
		if class == "" {
			return "the quote is in no group"
		}
		if has(id, "attribution", "") {
			return "attribution finding, but not high"
		}
		return "no attribution finding"
	case KindElision, KindCosmetic:
		want := "elided"
		if kind == KindCosmetic {
			want = "cosmetic"
		}
		if kind == KindCosmetic && class == "identical" && slices.Contains(group, "cosmetic") {
			class = "cosmetic"
		}
		switch {
		case class == "":
			return "the quote is in no group"
		case class != want:
			return "member class " + class + ", want " + want
		case has(id, "wording", ""):
			return "a wording finding for a harmless difference"
		}
		return ""
	}
	return "unknown kind " + kind
}

// lineOf returns the line number after the last colon of a source.
func lineOf(source string) (int, bool) {
	i := strings.LastIndexByte(source, ':')
	if i < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(source[i+1:])
	return n, err == nil && n > 0
}

// normalize reduces quoted words to lower-case letters and digits, one
// space between words, so that marks, punctuation and ellipses do not
// matter.
func normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		if r != ',' && r != '\'' && r != '’' { // 1,200 and don't are one word
			space = true
		}
	}
	return b.String()
}

// Summary writes res as lines for a person: found and planted by kind,
// then what went wrong.
func (res *Result) Summary(w io.Writer) error {
	var b strings.Builder
	total, found := 0, 0
	for _, k := range Kinds {
		fmt.Fprintf(&b, "%-9s %d/%d found\n", k, res.Found[k], res.Planted[k])
		total += res.Planted[k]
		found += res.Found[k]
	}
	fmt.Fprintf(&b, "all       %d/%d found\n", found, total)
	fmt.Fprintf(&b, "unplanted wording or attribution findings (medium or high): %d\n", res.Unplanted)
	list := func(what string, lines []int) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s: %d (lines %s)\n", what, len(lines), joinInts(lines, 10))
	}
	for _, e := range res.Examples {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	list("articles missing from the audit", res.Lost)
	list("malformed lines not reported", res.Unreported)
	list("good lines reported as errors", res.Spurious)
	for i, miss := range res.Misses {
		if i == 20 {
			fmt.Fprintf(&b, "… and %d more misses\n", len(res.Misses)-i)
			break
		}
		fmt.Fprintf(&b, "miss: %s at line %d: %s\n  original: %s\n  altered:  %s\n", miss.Kind, miss.Line, miss.Why, miss.Original, miss.Altered)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func joinInts(ns []int, most int) string {
	var s []string
	for i, n := range ns {
		if i == most {
			s = append(s, "…")
			break
		}
		s = append(s, strconv.Itoa(n))
	}
	return strings.Join(s, ", ")
}
