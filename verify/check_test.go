package verify

import (
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/compare"
	"quotecheck/transcript"
)

// hearing is a small transcript for the verdict tests.
const hearing = `Hearing of the Harbor Committee

CHAIRMAN REED: The committee will come to order. Secretary Vos, the floor is yours.

SECRETARY ANNA VOS: Thank you, Mr. Chairman. The harbor dredging will not begin before 2027, and it will cost about four hundred million dollars.
We have studied eleven options, and the board chose the one that keeps the channel open during the work.

Q: Isn't this a waste of four hundred million dollars of public money?

SECRETARY VOS: It is not a waste. (Laughter.) The channel carries a third of the state's freight.

SEN. MARTINEZ: I am not convinced the board looked hard enough at the cheaper options.
`

// wireText is an article for the tests, with quotes the tests locate by
// their words.
const wireText = `Harbor plan approved
The harbor board approved the dredging plan on Monday. "We have studied eleven options," Vos told the committee.
"I am not convinced," said Senator Luis Martinez, who chairs the budget panel.
The dredging will close the north channel for a season, officials said.
`

// quoteIn returns an attrib.Quote over the first occurrence of words in
// text, spoken by speaker.
func quoteIn(t *testing.T, text, words, speaker string, kind attrib.SpeakerKind) attrib.Quote {
	t.Helper()
	i := strings.Index(text, words)
	if i < 0 {
		t.Fatalf("%q not in text", words)
	}
	return attrib.Quote{Words: article.Span{Start: i, End: i + len(words)}, Speaker: speaker, SpeakerKind: kind}
}

// testChecker builds a Checker over the hearing transcript and the wire
// article.
func testChecker(t *testing.T) *Checker {
	t.Helper()
	tr, probs := transcript.ParseFormat("hearing.txt", hearing, transcript.Plain)
	if len(probs) > 0 {
		t.Fatalf("transcript problems: %v", probs)
	}
	a, err := article.FromText("wire.txt", []byte(wireText))
	if err != nil {
		t.Fatal(err)
	}
	qs := []attrib.Quote{
		quoteIn(t, wireText, "We have studied eleven options,", "Anna Vos", attrib.Person),
		quoteIn(t, wireText, "I am not convinced,", "Luis Martinez", attrib.Person),
	}
	return NewChecker([]*Source{FromTranscript(tr), FromArticle(a, qs)})
}

func TestVerdicts(t *testing.T) {
	c := testChecker(t)
	tests := []struct {
		name     string
		quote    string
		speaker  string
		kind     attrib.SpeakerKind
		qkind    attrib.Kind
		verdict  Verdict
		severity compare.Severity
		source   string // path of the source matched; empty for none
		said     string // speaker the source gives; checked when source is set
		reason   string
	}{
		{
			name: "verbatim slice of a turn", quote: "The harbor dredging will not begin before 2027",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Verbatim, source: "hearing.txt", said: "Anna Vos",
		},
		{
			name: "surname and title in the draft", quote: "The channel carries a third of the state's freight.",
			speaker: "Secretary Vos", kind: attrib.Person, verdict: Verbatim, source: "hearing.txt", said: "Anna Vos",
			reason: "the surname-only label VOS resolves to Anna Vos; the draft's title is ignored",
		},
		{
			name: "across a removed stage direction", quote: "It is not a waste. The channel carries a third",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Verbatim, source: "hearing.txt", said: "Anna Vos",
			reason: "(Laughter.) is not speech",
		},
		{
			name: "across a line break inside a turn", quote: "about four hundred million dollars. We have studied eleven options",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Verbatim, source: "hearing.txt", said: "Anna Vos",
		},
		{
			name: "cosmetic", quote: "the harbour dredging will not begin before 2027",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Cosmetic, source: "hearing.txt", said: "Anna Vos",
			reason: "UK spelling and case only",
		},
		{
			name: "elided", quote: "The harbor dredging will not begin before 2027 ... it will cost about four hundred million dollars",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Elided, source: "hearing.txt", said: "Anna Vos",
		},
		{
			name: "bracketed", quote: "[The dredging] will cost about four hundred million dollars",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Bracketed, source: "hearing.txt", said: "Anna Vos",
		},
		{
			name: "altered: negation dropped", quote: "The harbor dredging will begin before 2027",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Altered, severity: compare.High, source: "hearing.txt", said: "Anna Vos",
		},
		{
			name: "altered: a plain word changed", quote: "the board picked the one that keeps the channel open during the work",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Altered, severity: compare.Medium, source: "hearing.txt", said: "Anna Vos",
		},
		{
			name: "misattributed to another named person", quote: "I am not convinced the board looked hard enough at the cheaper options.",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Misattributed, severity: compare.High, source: "hearing.txt", said: "Martinez",
		},
		{
			name: "misattributed: the questioner's words", quote: "a waste of four hundred million dollars of public money",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Misattributed, severity: compare.High, source: "hearing.txt", said: "Q",
		},
		{
			name: "unnamed source is never misattributed", quote: "I am not convinced the board looked hard enough",
			speaker: "a committee aide", kind: attrib.Unnamed, verdict: Verbatim, source: "hearing.txt", said: "Martinez",
		},
		{
			name: "unverified", quote: "We will finish the dredging ahead of schedule and under budget.",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Unverified, severity: compare.High,
		},
		{
			name: "only in an article's narrative", quote: "will close the north channel for a season",
			speaker: "Anna Vos", kind: attrib.Person, verdict: Unverified, severity: compare.High, source: "wire.txt", said: "",
			reason: "the wire wrote these words itself; nobody is quoted saying them",
		},
		{
			name: "quote in an article gives its speaker", quote: "I am not convinced",
			speaker: "Luis Martinez", kind: attrib.Person, verdict: Verbatim, source: "hearing.txt", said: "Martinez",
			reason: "the transcript and the wire both hold it; the transcript, a primary source, wins the tie",
		},
		{
			name: "term never fails", quote: "a waste", qkind: attrib.Term,
			verdict: Verbatim, source: "hearing.txt", said: "Q",
			reason: "a term has no speaker, so no misattribution; its severity is info",
		},
		{
			name: "unverified term is info", quote: "gold-plated", qkind: attrib.Term,
			verdict: Unverified, severity: compare.Info,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := attrib.Quote{Speaker: tt.speaker, SpeakerKind: tt.kind, Kind: tt.qkind}
			r := c.Quote(q, tt.quote)
			if r.Verdict != tt.verdict || r.Severity != tt.severity {
				diff := ""
				if r.Match != nil {
					diff = r.Match.Diff.String()
				}
				t.Fatalf("verdict %v/%v, want %v/%v (note %q, diff %q) %s", r.Verdict, r.Severity, tt.verdict, tt.severity, r.Note, diff, tt.reason)
			}
			if tt.source == "" {
				if r.Match != nil && found(r.Match) {
					t.Errorf("matched %s with containment %.2f, want no match", r.Match.Source.Path, r.Match.Score)
				}
				return
			}
			if r.Match == nil {
				t.Fatalf("no match, want one in %s", tt.source)
			}
			m := r.Match
			if m.Source.Path != tt.source || !strings.Contains(m.Speaker, tt.said) || (tt.said == "") != (m.Speaker == "") {
				t.Errorf("matched %s said by %q, want %s said by %q", m.Source.Path, m.Speaker, tt.source, tt.said)
			}
			// The span points at the matched words in the source.
			got := m.Source.Text[m.Span.Start:m.Span.End]
			first := strings.Fields(m.Words)[0]
			if !strings.HasPrefix(got, first) {
				t.Errorf("span %v holds %q, want it to start with %q", m.Span, got, first)
			}
		})
	}
}

// TestSelfCheck quotes every stretch of eight words of every named turn of
// the briefing fixture back at it: each must be verbatim and credited to
// the turn's speaker at the turn's place.
func TestSelfCheck(t *testing.T) {
	src := fixtureTranscript(t, "briefing.txt")
	c := NewChecker([]*Source{src})
	checked := 0
	for _, p := range src.Passages {
		if p.Role != transcript.Named {
			continue
		}
		words := strings.Fields(p.Text)
		for i := 0; i+8 <= len(words); i += 8 {
			quote := strings.Join(words[i:i+8], " ")
			r := c.Quote(attrib.Quote{Speaker: p.Speaker, SpeakerKind: attrib.Person}, quote)
			checked++
			if r.Verdict != Verbatim || r.Match == nil || r.Match.Speaker != p.Speaker {
				t.Errorf("%q by %s: %v (%s)", quote, p.Speaker, r.Verdict, r.Note)
			}
		}
	}
	if checked < 200 {
		t.Errorf("only %d stretches checked", checked)
	}
}

func TestSamePerson(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"same name", "Lloyd Austin", "Lloyd Austin", true},
		{"surname only", "Austin", "Defense Secretary Lloyd Austin", true},
		{"title and initial", "Lloyd J. Austin III", "Lloyd Austin", true},
		{"short first name", "Matt Miller", "Matthew Miller", true},
		{"initial", "J. Smith", "Jane Smith", true},
		{"case", "MILLER", "Matthew Miller", true},
		{"different surnames", "Matthew Miller", "Anna Vos", false},
		{"different first names", "John Smith", "Jane Smith", false},
		{"only titles", "The President", "The President", false},
		{"empty", "", "Miller", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SamePerson(tt.a, tt.b); got != tt.want {
				t.Errorf("SamePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := SamePerson(tt.b, tt.a); got != tt.want {
				t.Errorf("SamePerson(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestPolicy(t *testing.T) {
	res := func(v Verdict, s compare.Severity, k attrib.Kind) Result {
		return Result{Verdict: v, Severity: s, Quote: attrib.Quote{Kind: k}}
	}
	tests := []struct {
		name   string
		policy string
		r      Result
		fails  bool
	}{
		{"default: altered high fails", DefaultPolicy, res(Altered, compare.High, attrib.Statement), true},
		{"default: altered medium passes", DefaultPolicy, res(Altered, compare.Medium, attrib.Statement), false},
		{"default: misattributed fails", DefaultPolicy, res(Misattributed, compare.High, attrib.Fragment), true},
		{"default: unverified fails", DefaultPolicy, res(Unverified, compare.High, attrib.Statement), true},
		{"default: elided passes", DefaultPolicy, res(Elided, compare.Info, attrib.Statement), false},
		{"a term never fails", DefaultPolicy, res(Unverified, compare.High, attrib.Term), false},
		{"altered without severity: any", "altered", res(Altered, compare.Medium, attrib.Statement), true},
		{"altered medium threshold", "altered:medium", res(Altered, compare.Medium, attrib.Statement), true},
		{"not listed", "altered", res(Unverified, compare.High, attrib.Statement), false},
		{"none", "none", res(Misattributed, compare.High, attrib.Statement), false},
		{"case and spaces", " Unverified , MISATTRIBUTED ", res(Unverified, compare.High, attrib.Statement), true},
		{"fine verdicts can be listed", "elided", res(Elided, compare.Info, attrib.Statement), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePolicy(tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Fails(tt.r); got != tt.fails {
				t.Errorf("Fails = %v, want %v", got, tt.fails)
			}
			// String gives back a policy that decides the same.
			p2, err := ParsePolicy(p.String())
			if err != nil || p2.Fails(tt.r) != tt.fails {
				t.Errorf("round trip through %q changed the decision (err %v)", p.String(), err)
			}
		})
	}
	var zero Policy
	if !zero.Fails(res(Unverified, compare.High, attrib.Statement)) || zero.String() != DefaultPolicy {
		t.Errorf("the zero Policy is not the default")
	}
	for _, bad := range []string{"", "wrong", "altered:severe", "altered,,unverified"} {
		if _, err := ParsePolicy(bad); err == nil {
			t.Errorf("ParsePolicy(%q) succeeded, want an error", bad)
		}
	}
}

func TestVerdictNames(t *testing.T) {
	for _, v := range Verdicts {
		got, err := ParseVerdict(strings.ToUpper(v.String()))
		if err != nil || got != v {
			t.Errorf("ParseVerdict(%q) = %v, %v", v, got, err)
		}
		if v.Fine() != (v <= Bracketed) {
			t.Errorf("%v.Fine() = %v", v, v.Fine())
		}
	}
	if Verdict(99).String() != "unknown" {
		t.Errorf("out-of-range verdict has a name")
	}
}

func TestStatementSource(t *testing.T) {
	text := "PRESS RELEASE\nStatement by Governor Dana Okafor on the bridge\n\n" +
		"I have directed the department to publish every inspection report.\n" +
		"\"We are ready,\" said Marisol Duarte of the trades council.\n"
	a, err := article.FromText("statement.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	st, ok := transcript.FindStatement(text)
	if !ok {
		t.Fatal("not read as a statement")
	}
	qs := []attrib.Quote{quoteIn(t, text, "We are ready,", "Marisol Duarte", attrib.Person)}
	c := NewChecker([]*Source{FromStatement(a, qs, st)})
	tests := []struct {
		name, quote, speaker string
		verdict              Verdict
	}{
		{"the issuer's own words", "I have directed the department to publish every inspection report", "Dana Okafor", Verbatim},
		{"a quote inside the statement keeps its speaker", "We are ready", "Marisol Duarte", Verbatim},
		{"the issuer is not who the statement quotes", "We are ready", "Dana Okafor", Misattributed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Quote(attrib.Quote{Speaker: tt.speaker, SpeakerKind: attrib.Person}, tt.quote)
			if r.Verdict != tt.verdict {
				t.Errorf("verdict %v, want %v (%s)", r.Verdict, tt.verdict, r.Note)
			}
		})
	}
}

func TestCheckDraft(t *testing.T) {
	c := testChecker(t)
	draft := `"The harbor dredging will not begin before 2027," Vos said. Critics called it "gold-plated".`
	a, err := article.FromText("draft.txt", []byte(draft))
	if err != nil {
		t.Fatal(err)
	}
	qs := []attrib.Quote{
		quoteIn(t, draft, "The harbor dredging will not begin before 2027,", "Anna Vos", attrib.Person),
		quoteIn(t, draft, "gold-plated", "", attrib.NoSpeaker),
		{Words: article.Span{Start: 5, End: 1 << 20}}, // out of bounds: checked as empty, never a panic
	}
	qs[1].Kind = attrib.Term
	rs := c.Check(a, qs)
	if len(rs) != 3 {
		t.Fatalf("%d results, want 3", len(rs))
	}
	if rs[0].Verdict != Verbatim || rs[1].Verdict != Unverified || rs[2].Verdict != Unverified {
		t.Errorf("verdicts %v %v %v, want verbatim unverified unverified", rs[0].Verdict, rs[1].Verdict, rs[2].Verdict)
	}
	if rs[0].Text != "The harbor dredging will not begin before 2027," {
		t.Errorf("text %q", rs[0].Text)
	}
}

func FuzzQuote(f *testing.F) {
	f.Add("The harbor dredging will not begin before 2027")
	f.Add("... [the] … (x) [")
	f.Add("")
	f.Add("\xff\xfe four four four four four four")
	tr, _ := transcript.ParseFormat("hearing.txt", hearing, transcript.Plain)
	c := NewChecker([]*Source{FromTranscript(tr)})
	f.Fuzz(func(t *testing.T, quote string) {
		r := c.Quote(attrib.Quote{Speaker: "Anna Vos", SpeakerKind: attrib.Person}, quote)
		if m := r.Match; m != nil {
			if m.Span.Start < 0 || m.Span.End > len(m.Source.Text) || m.Span.Start > m.Span.End {
				t.Fatalf("span %v out of bounds", m.Span)
			}
			if m.Score < 0 || m.Score > 1 {
				t.Fatalf("score %v", m.Score)
			}
		}
	})
}
