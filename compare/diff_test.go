package compare

import (
	"slices"
	"strings"
	"testing"
)

func TestDiffClasses(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		class    Class
		severity Severity
		reasons  []Reason
		reason   string
	}{
		{name: "identical", a: "They will not detonate.", b: "They will not detonate", class: Identical,
			reason: "a full stop outside the words is not a difference"},
		{name: "case", a: "Russia has sought to coerce", b: "russia has sought to coerce", class: Cosmetic},
		{name: "curly apostrophe", a: "Russia’s war", b: "Russia's war", class: Cosmetic},
		{name: "hyphen join", a: "non-persistent mines", b: "nonpersistent mines", class: Cosmetic},
		{name: "space join", a: "anti personnel land mines", b: "antipersonnel landmines", class: Cosmetic,
			reason: "adjacent words joined when they spell one word of the other side"},
		{name: "dash kinds", a: "the 2022–23 winter", b: "the 2022-23 winter", class: Cosmetic},
		{name: "spelling table", a: "to bolster Ukraine's defences", b: "to bolster Ukraine's defenses", class: Cosmetic},
		{name: "spelling -our", a: "armored vehicles and their behavior", b: "armoured vehicles and their behaviour", class: Cosmetic},
		{name: "spelling -ise", a: "we recognize the risk", b: "we recognise the risk", class: Cosmetic},
		{name: "number word", a: "from four hours to two weeks", b: "from 4 hours to 2 weeks", class: Cosmetic},
		{name: "abbreviation dots", a: "the U.S. will help", b: "the US will help", class: Cosmetic},
		{name: "elision", a: "Russia has sought to coerce and intimidate its neighbours through nuclear rhetoric",
			b: "Russia has sought to coerce and intimidate... through nuclear rhetoric", class: Elided},
		{name: "elision in brackets", a: "we will help them and we will stand by them", b: "we will help them [...] we will stand by them", class: Elided},
		{name: "elision in reference", a: "we will help them … we will stand by them", b: "we will help them and we will stand by them", class: Elided,
			reason: "the other side fills in what the reference elided"},
		{name: "bracket for pronoun", a: "They will not detonate once the battery runs out",
			b: "[The mines] will not detonate once the battery runs out", class: Bracketed},
		{name: "bracket for phrase", a: "the weapons that we are now sending will not detonate", b: "the weapons [mines] will not detonate", class: Substantive, severity: Medium,
			reason: "the bracket stands for five words, over MaxBracketed"},
		{name: "bracket for short phrase", a: "the weapons that we are sending will not detonate", b: "the weapons [mines] will not detonate", class: Bracketed,
			reason: "four words is within MaxBracketed"},
		{name: "bracket insertion alone", a: "it will help", b: "it [the aid] will help", class: Bracketed},
		{name: "partial quote", a: "Ukraine has a need for things that can help slow down that effort",
			b: "a need for things that can help slow down that effort", class: Identical,
			reason: "a fragment of a fuller statement is not a wording change"},
		{name: "partial with cosmetic", a: "Ukraine has a need for anti-personnel mines now", b: "need for antipersonnel mines", class: Cosmetic},
		{name: "negation dropped", a: "They will not detonate", b: "They will detonate", class: Substantive, severity: High, reasons: []Reason{Negation}},
		{name: "negation contracted", a: "They will detonate", b: "They won't detonate", class: Substantive, severity: High, reasons: []Reason{Negation, Modality}},
		{name: "never added", a: "we supported that", b: "we never supported that", class: Substantive, severity: High, reasons: []Reason{Negation}},
		{name: "number changed", a: "a $275 million package", b: "a $375 million package", class: Substantive, severity: High, reasons: []Reason{Numeric}},
		{name: "amount word changed", a: "a $275 million package", b: "a $275 billion package", class: Substantive, severity: High, reasons: []Reason{Numeric}},
		{name: "date changed", a: "we decided on Tuesday", b: "we decided on Wednesday", class: Substantive, severity: High, reasons: []Reason{Date, Name}},
		{name: "name changed", a: "we spoke to Lloyd Austin about it", b: "we spoke to Mark Milley about it", class: Substantive, severity: High, reasons: []Reason{Name}},
		{name: "title dropped", a: "we spoke to President Zelensky", b: "we spoke to Zelensky", class: Substantive, severity: Medium,
			reason: "a title word is not a name"},
		{name: "modality", a: "the mines will deactivate", b: "the mines may deactivate", class: Substantive, severity: High, reasons: []Reason{Modality}},
		{name: "word added", a: "a consequential decision", b: "a consequential and dangerous decision", class: Substantive, severity: Medium},
		{name: "word dropped", a: "It is devastating, and frankly shocking", b: "It is devastating and shocking", class: Substantive, severity: Medium},
		{name: "word changed", a: "it is reckless", b: "it is careless", class: Substantive, severity: Medium},
		{name: "sentence start capital", a: "We will. They will", b: "We will. they will", class: Cosmetic,
			reason: "a capital that starts a sentence is no name"},
		{name: "both empty", a: "", b: "", class: Identical},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diff(tt.a, tt.b)
			if d.Class != tt.class {
				t.Errorf("Diff(%q, %q).Class = %v, want %v (%s)\n%s", tt.a, tt.b, d.Class, tt.class, tt.reason, d)
			}
			if d.Severity != tt.severity {
				t.Errorf("Severity = %v, want %v (%s)", d.Severity, tt.severity, d)
			}
			if !slices.Equal(d.Reasons, tt.reasons) {
				t.Errorf("Reasons = %v, want %v (%s)", d.Reasons, tt.reasons, d)
			}
		})
	}
}

func TestDiffString(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"dropped", "They will not detonate", "They will detonate", "They will [-not-] detonate"},
		{"changed", "a $275 million package", "a $375 million package", "a $[-275-]{+375+} million package"},
		{"added at end", "it will help", "it will help a lot", "it will help {+a lot+}"},
		{"partial", "so the Ukrainians are taking losses", "Ukrainians are taking", "[-so the-] Ukrainians are taking [-losses-]"},
		{"cosmetic shows the reference", "anti-personnel mines", "antipersonnel mines", "anti-personnel mines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Diff(tt.a, tt.b).String(); got != tt.want {
				t.Errorf("Diff(%q, %q).String() = %q, want %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestDiffNotes(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"elision says what was left out", "coerce and intimidate its neighbours through rhetoric", "coerce and intimidate … through rhetoric", `elided: "its neighbours"`},
		{"bracket says what it stands for", "They will not detonate", "[The mines] will not detonate", `bracketed: "The mines" stands for "They"`},
		{"cosmetic pairs", "anti-personnel mines", "antipersonnel mines", "cosmetic: anti-personnel / antipersonnel"},
		{"partial counts words", "Ukraine has a need for things", "a need for things", "partial: quotes 4 of the fuller wording's 6 words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diff(tt.a, tt.b)
			if !slices.Contains(d.Notes, tt.want) {
				t.Errorf("Diff(%q, %q).Notes = %q, want one to be %q", tt.a, tt.b, d.Notes, tt.want)
			}
		})
	}
}

func TestContainment(t *testing.T) {
	d := Diff("one two three four five six seven eight", "three four nine five")
	if d.Matched != 3 || d.Words != 4 {
		t.Fatalf("Matched, Words = %d, %d; want 3, 4", d.Matched, d.Words)
	}
	if got := d.Containment(); got != 0.75 {
		t.Errorf("Containment = %v, want 0.75", got)
	}
	// Bracketed words and elision marks are the editor's, not the speaker's.
	d = Diff("they will help them", "[The mines] will help … them")
	if d.Words != 3 {
		t.Errorf("Words = %d, want 3 (bracketed words and the ellipsis are not counted)", d.Words)
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		texts []string
		kinds []TokenKind
	}{
		{"words and punctuation", "We won't, he said.", []string{"We", "won't", ",", "he", "said", "."}, []TokenKind{Word, Word, Punct, Word, Word, Punct}},
		{"hyphen and apostrophe", "Russia’s anti-personnel", []string{"Russia’s", "anti-personnel"}, []TokenKind{Word, Word}},
		{"abbreviation", "the U.S. and Mr. Austin", []string{"the", "U.S.", "and", "Mr.", "Austin"}, []TokenKind{Word, Word, Word, Word, Word}},
		{"numbers", "$4.6 billion, 275,000 troops", []string{"$", "4.6", "billion", ",", "275,000", "troops"}, []TokenKind{Word, Number, Word, Punct, Number, Word}},
		{"ellipses", "a... b … c [...] d . . . e", []string{"a", "...", "b", "…", "c", "[...]", "d", ". . .", "e"}, []TokenKind{Word, Elision, Word, Elision, Word, Elision, Word, Elision, Word}},
		{"brackets", "[the mines] will", []string{"[", "the", "mines", "]", "will"}, []TokenKind{Punct, Word, Word, Punct, Word}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			var texts []string
			var kinds []TokenKind
			for _, tok := range toks {
				texts = append(texts, tok.Text)
				kinds = append(kinds, tok.Kind)
				if tt.in[tok.Span.Start:tok.Span.End] != tok.Text {
					t.Errorf("token %q has span %v holding %q", tok.Text, tok.Span, tt.in[tok.Span.Start:tok.Span.End])
				}
			}
			if !slices.Equal(texts, tt.texts) {
				t.Errorf("texts = %q, want %q", texts, tt.texts)
			}
			if !slices.Equal(kinds, tt.kinds) {
				t.Errorf("kinds = %v, want %v", kinds, tt.kinds)
			}
		})
	}
}

func TestTokenizeBracketsAndInitials(t *testing.T) {
	toks := Words("[The mines] will help. Then Austin (the secretary) spoke")
	want := map[string]struct {
		bracket int32
		initial bool
	}{
		"The": {1, true}, "mines": {1, false}, "will": {0, false}, "Then": {0, true},
		"Austin": {0, false}, "the": {2, false}, "secretary": {2, false}, "spoke": {0, false},
	}
	for _, tok := range toks {
		w, ok := want[tok.Text]
		if !ok {
			continue
		}
		if tok.Bracket != w.bracket || tok.Initial != w.initial {
			t.Errorf("%q: Bracket, Initial = %d, %v; want %d, %v", tok.Text, tok.Bracket, tok.Initial, w.bracket, w.initial)
		}
	}
	// An unclosed bracket brackets nothing.
	for _, tok := range Words("(the mines will help") {
		if tok.Bracket != 0 {
			t.Errorf("%q in an unclosed bracket has Bracket %d, want 0", tok.Text, tok.Bracket)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
		why  string
	}{
		{"Anti‑Personnel", "antipersonnel", true, "case and a non-breaking hyphen"},
		{"Russia’s", "russia's", true, "curly apostrophe"},
		{"armour", "armor", true, "-our rule"},
		{"favourite", "favorite", true, "-our rule with an ending"},
		{"four", "for", false, "-our rule needs a stem of three letters"},
		{"hour", "hor", false, "-our rule needs a stem of three letters"},
		{"organisation", "organization", true, "-ise rule"},
		{"rise", "rize", false, "-ise rule needs six letters"},
		{"analyse", "analyze", true, "-yse rule"},
		{"defence", "defense", true, "table"},
		{"programme", "program", true, "table"},
		{"counsellors", "counselors", true, "table"},
		{"armoury", "armory", true, "table: -oury is not the -our rule"},
		{"practise", "practice", true, "table: the -ise rule would make it practize"},
		{"kilometres", "kilometers", true, "table"},
		{"4.6", "46", false, "a decimal point is kept"},
		{"2022-23", "202223", false, "a hyphen between digits is kept"},
		{"twelve", "12", true, "number word"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.a) == Normalize(tt.b); got != tt.same {
			t.Errorf("Normalize(%q) == Normalize(%q) is %v, want %v (%s): %q, %q", tt.a, tt.b, got, tt.same, tt.why, Normalize(tt.a), Normalize(tt.b))
		}
	}
}

func TestTransformsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, tr := range Transforms {
		if tr.Name == "" || tr.Doc == "" || tr.Apply == nil {
			t.Errorf("transform %q lacks a name, doc or function", tr.Name)
		}
		if seen[tr.Name] {
			t.Errorf("transform %q listed twice", tr.Name)
		}
		seen[tr.Name] = true
		if strings.ToLower(tr.Name) != tr.Name {
			t.Errorf("transform name %q is not lower-case", tr.Name)
		}
	}
}

func TestSeverityFlag(t *testing.T) {
	var s Severity
	for _, name := range []string{"info", "LOW", "Medium", "high"} {
		if err := s.Set(name); err != nil {
			t.Errorf("Set(%q): %v", name, err)
		}
		if !strings.EqualFold(s.String(), name) {
			t.Errorf("Set(%q) then String() = %q", name, s)
		}
	}
	if err := s.Set("urgent"); err == nil {
		t.Error(`Set("urgent") succeeded, want an error`)
	}
	if !(Info < Low && Low < Medium && Medium < High) {
		t.Error("severities are not ordered")
	}
}

// TestSameCollapsed checks sameCollapsed against what an editor would
// call the same text, and against comparing collapse's strings.
func TestSameCollapsed(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"we will win", "we will win", true},
		{"“we will  win.”", "we will\u00a0win", true},
		{"we will\n\twin", " we will win ", true},
		{"we will win", "we willwin", false},
		{"we will win", "we will win now", false},
		{"we will win", "we will", false},
		{"we, will win", "we will win", false},
		{"we \xff win", "we \xfe win", false},
		{"\xff we", "we", true},
		{"...", "", true},
	} {
		if got := sameCollapsed(c.a, c.b); got != c.want {
			t.Errorf("sameCollapsed(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		checkSameCollapsed(t, c.a, c.b)
	}
}

func FuzzSameCollapsed(f *testing.F) {
	f.Add("“we will  win.”", "we will\u00a0win")
	f.Fuzz(checkSameCollapsed)
}

func checkSameCollapsed(t *testing.T, a, b string) {
	if got, want := sameCollapsed(a, b), collapse(a) == collapse(b); got != want {
		t.Errorf("sameCollapsed(%q, %q) = %v, collapse gives %q and %q", a, b, got, collapse(a), collapse(b))
	}
}
