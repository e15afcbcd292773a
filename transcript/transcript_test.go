package transcript

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseLabel(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		ok    bool
		who   string
		title string
		role  Role
		// single: a one-word title-case name, which needs confirming.
		single bool
	}{
		{name: "caps surname", in: "MILLER", ok: true, who: "Miller", role: Named},
		{name: "full name", in: "Matthew Miller", ok: true, who: "Matthew Miller", role: Named},
		{name: "caps honorific", in: "MR. MILLER", ok: true, who: "Miller", title: "Mr.", role: Named},
		{name: "senator with party", in: "SEN. WARREN (D-MA)", ok: true, who: "Warren", title: "Sen.", role: Named},
		{name: "office with of", in: "SECRETARY OF STATE BLINKEN", ok: true, who: "Blinken", title: "Secretary Of State", role: Named},
		{name: "name and title after comma", in: "Ned Price, Department Spokesperson", ok: true, who: "Ned Price", title: "Department Spokesperson", role: Named},
		{name: "apostrophe and hyphen", in: "REP. O'BRIEN-SMITH", ok: true, who: "O'Brien-Smith", title: "Rep.", role: Named},
		{name: "Mc prefix", in: "MCCARTHY", ok: true, who: "McCarthy", role: Named},
		{name: "particle inside name", in: "Ursula von der Leyen", ok: true, who: "Ursula von der Leyen", role: Named},
		{name: "questioner", in: "Q", ok: true, who: "Q", role: Questioner},
		{name: "question spelled out", in: "QUESTION", ok: true, who: "Question", role: Questioner},
		{name: "moderator", in: "MODERATOR", ok: true, who: "Moderator", role: Moderator},
		{name: "unidentified", in: "UNIDENTIFIED MALE", ok: true, who: "Unidentified Male", role: Unidentified},
		{name: "office without name", in: "THE PRESIDENT", ok: true, who: "The President", role: Office},
		{name: "single title-case word", in: "Miller", ok: true, who: "Miller", role: Named, single: true},
		{name: "heading word", in: "Note", ok: false},
		{name: "heading in caps", in: "UPDATE", ok: false},
		{name: "lower-case word", in: "Key points", ok: false},
		{name: "clock time", in: "10", ok: false},
		{name: "sentence before colon", in: "He said", ok: false},
		{name: "url scheme", in: "https", ok: false},
		{name: "too many words", in: "This Is A Very Long Heading Of Words", ok: false},
		{name: "title-case title alone", in: "Director", ok: false},
		{name: "empty", in: "  ", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := parseLabel(tt.in)
			if ok != tt.ok {
				t.Fatalf("parseLabel(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if !ok {
				return
			}
			if l.name != tt.who || l.title != tt.title || l.role != tt.role || l.single != tt.single {
				t.Errorf("parseLabel(%q) = {%q %q %v single=%v}, want {%q %q %v single=%v}",
					tt.in, l.name, l.title, l.role, l.single, tt.who, tt.title, tt.role, tt.single)
			}
		})
	}
}

// A wantTurn is what a test expects of one turn.
type wantTurn struct {
	speaker string
	role    Role
	words   string
}

func checkTurns(t *testing.T, tr *Transcript, want []wantTurn) {
	t.Helper()
	if len(tr.Turns) != len(want) {
		for i, tu := range tr.Turns {
			t.Logf("turn %d: %q %v %q", i, tu.Speaker, tu.Role, tu.Words())
		}
		t.Fatalf("got %d turns, want %d", len(tr.Turns), len(want))
	}
	for i, w := range want {
		tu := tr.Turns[i]
		if tu.Speaker != w.speaker || tu.Role != w.role || tu.Words() != w.words {
			t.Errorf("turn %d = %q %v %q\nwant       %q %v %q", i, tu.Speaker, tu.Role, tu.Words(), w.speaker, w.role, w.words)
		}
	}
	checkInvariants(t, tr)
}

func TestParsePlain(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantTurn
	}{
		{
			name: "briefing with header, continuation and stage directions",
			text: "Department Press Briefing\nNovember 20, 2024\n\n" +
				"MR. MILLER: Good afternoon. (Laughter.) We have a lot to get through.\n" +
				"Let me start with Ukraine.\n\n" +
				"QUESTION: Matt, on the mines --\n" +
				"MATTHEW MILLER: Go ahead.\n",
			want: []wantTurn{
				{"", Unlabelled, "Department Press Briefing November 20, 2024"},
				{"Matthew Miller", Named, "Good afternoon. We have a lot to get through. Let me start with Ukraine."},
				{"Question", Questioner, "Matt, on the mines --"},
				{"Matthew Miller", Named, "Go ahead."},
			},
		},
		{
			name: "label on its own line",
			text: "SEN. WARREN:\nThis is [inaudible] reckless.\nQ: Why?\n",
			want: []wantTurn{
				{"Warren", Named, "This is reckless."},
				{"Q", Questioner, "Why?"},
			},
		},
		{
			name: "single title-case label used twice counts",
			text: "Miller: One.\nQ: Two?\nMiller: Three.\n",
			want: []wantTurn{
				{"Miller", Named, "One."},
				{"Q", Questioner, "Two?"},
				{"Miller", Named, "Three."},
			},
		},
		{
			name: "single title-case label used once is text",
			text: "Q: Where?\nWashington: a city on the Potomac.\n",
			want: []wantTurn{
				{"Q", Questioner, "Where? Washington: a city on the Potomac."},
			},
		},
		{
			name: "speaker change marker without label",
			text: "MILLER: One.\n>> Two.\n>> MILLER: Three.\n",
			want: []wantTurn{
				{"Miller", Named, "One."},
				{"", Unlabelled, "Two."},
				{"Miller", Named, "Three."},
			},
		},
		{
			name: "surname resolves only when one full name fits",
			text: "JOHN SMITH: a.\nJANE SMITH: b.\nSMITH: c.\nANNA VOS: d.\nVOS: e.\n",
			want: []wantTurn{
				{"John Smith", Named, "a."},
				{"Jane Smith", Named, "b."},
				{"Smith", Named, "c."},
				{"Anna Vos", Named, "d."},
				{"Anna Vos", Named, "e."},
			},
		},
		{
			name: "carriage returns and a byte-order mark",
			text: "\uFEFFMILLER: One.\r\nQ: Two?\r\n",
			want: []wantTurn{
				{"Miller", Named, "One."},
				{"Q", Questioner, "Two?"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, probs := ParseFormat("t.txt", tt.text, Plain)
			if len(probs) != 0 {
				t.Errorf("problems: %v", probs)
			}
			checkTurns(t, tr, tt.want)
		})
	}
}

func TestParseCaptions(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		text   string
		want   []wantTurn
		probs  int // number of problems reported
	}{
		{
			name:   "webvtt voice tags, continuation cues and markup",
			format: WebVTT,
			text: "WEBVTT\nKind: captions\n\nNOTE a note\nspanning lines\n\n" +
				"1\n00:00:01.000 --> 00:00:04.000 align:start\n<v Matthew Miller>Good afternoon, <i>everyone</i>.\n\n" +
				"2\n00:00:04.000 --> 00:00:07.500\nWe will not &amp; cannot\nsend them&nbsp;now.\n\n" +
				"00:00:08.000 --> 00:00:09.000\n<v.loud Q>A question?</v>\n\n" +
				"00:00:09.000 --> 00:01:10.000\n<v Miller>Sure. <00:00:09.500><c>Go on.</c>\n",
			want: []wantTurn{
				{"Matthew Miller", Named, "Good afternoon, everyone. We will not & cannot send them now."},
				{"Q", Questioner, "A question?"},
				{"Matthew Miller", Named, "Sure. Go on."},
			},
		},
		{
			name:   "webvtt speaker-change markers and in-text labels",
			format: WebVTT,
			text: "WEBVTT\n\n00:01.000 --> 00:02.000\n>> MILLER: Yes.\n\n" +
				"00:02.000 --> 00:03.000\n>> And you?\n\n00:03.000 --> 00:04.000\n- Me too.\n",
			want: []wantTurn{
				{"Miller", Named, "Yes."},
				{"", Unlabelled, "And you?"},
				{"", Unlabelled, "Me too."},
			},
		},
		{
			name:   "srt with labels, dialogue dashes and a bad timing line",
			format: SRT,
			text: "1\n00:00:01,000 --> 00:00:04,000\nMILLER: Good afternoon,\n<i>everyone</i>.\n\n" +
				"2\n00:00:04,000 --> 00:00:07,500\n{\\an8}We will not.\n\n" +
				"3\n00:00:0x,000 --> 00:00:09,000\n- Q: Why?\n- Because.\n",
			want: []wantTurn{
				{"Miller", Named, "Good afternoon, everyone. We will not."},
				{"Q", Questioner, "Why?"},
				{"", Unlabelled, "Because."},
			},
			probs: 1,
		},
		{
			name:   "webvtt without header",
			format: WebVTT,
			text:   "00:00.000 --> 00:01.000\n<v Ann Lee>Hi.\n",
			want:   []wantTurn{{"Ann Lee", Named, "Hi."}},
			probs:  1,
		},
		{
			name:   "text without a timing line continues the cue",
			format: SRT,
			text:   "1\n00:00:01,000 --> 00:00:02,000\nMILLER: One\n\nstray two\n",
			want:   []wantTurn{{"Miller", Named, "One stray two"}},
			probs:  1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, probs := ParseFormat("c", tt.text, tt.format)
			if len(probs) != tt.probs {
				t.Errorf("got %d problems %v, want %d", len(probs), probs, tt.probs)
			}
			checkTurns(t, tr, tt.want)
		})
	}
}

func TestCaptionTimes(t *testing.T) {
	text := "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<v A B>One\n\n" +
		"00:00:02.500 --> 00:00:04.000\ntwo\n\n00:01:00.000 --> 01:00:00.250\n<v Q>Three?\n"
	tr, _ := ParseFormat("c.vtt", text, WebVTT)
	want := [][2]time.Duration{
		{time.Second, 4 * time.Second},
		{time.Minute, time.Hour + 250*time.Millisecond},
	}
	if len(tr.Turns) != len(want) {
		t.Fatalf("got %d turns, want %d", len(tr.Turns), len(want))
	}
	for i, w := range want {
		if got := [2]time.Duration{tr.Turns[i].Start, tr.Turns[i].End}; got != w {
			t.Errorf("turn %d times = %v, want %v", i, got, w)
		}
	}
}

func TestParseTimestamp(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want time.Duration
		ok   bool
	}{
		{"hours", "01:02:03.004", time.Hour + 2*time.Minute + 3*time.Second + 4*time.Millisecond, true},
		{"minutes only", "02:03.5", 2*time.Minute + 3*time.Second + 500*time.Millisecond, true},
		{"srt comma", "00:00:01,250", time.Second + 250*time.Millisecond, true},
		{"no fraction", "00:00:07", 7 * time.Second, true},
		{"seconds over 59", "00:00:60.000", 0, false},
		{"letters", "00:0x:00.000", 0, false},
		{"one field", "12.000", 0, false},
		{"long fraction", "00:00:01.0001", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseTimestamp(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("parseTimestamp(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		text   string
		format Format
		ok     bool
	}{
		{"vtt by name", "a.VTT", "anything", WebVTT, true},
		{"srt by name", "a.srt", "anything", SRT, true},
		{"vtt by content", "a.txt", "\uFEFFWEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", WebVTT, true},
		{"srt by content", "a.txt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", SRT, true},
		{"transcript", "a.txt", "Briefing\nMILLER: One.\nQ: Two?\nMILLER: Three.\nMore of three.\n", Plain, true},
		{"article", "a.txt", "A headline\nThe minister said: \"We will.\"\nIt rained.\nQ: a stray label.\n", Plain, false},
		{"one label is not enough", "a.txt", "MILLER: One.\n", Plain, false},
		{"number line without timing", "a.txt", "1\nHello\n", Plain, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := Detect(tt.file, []byte(tt.text))
			if f != tt.format || ok != tt.ok {
				t.Errorf("Detect = %v, %v; want %v, %v", f, ok, tt.format, tt.ok)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"not a transcript", "Just an article.\nWith two lines.\n"},
		{"binary", "MILLER: a\x00b\n"},
		{"invalid UTF-8", "MILLER: \xff\n"},
		{"empty", "\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tr, _, err := Parse("x.txt", []byte(tt.data)); err == nil {
				t.Errorf("Parse succeeded with %d turns, want an error", len(tr.Turns))
			}
		})
	}
}

func TestFindStatement(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		ok     bool
		issuer string
		person bool
	}{
		{
			name:   "statement by a titled person",
			text:   "PRESS RELEASE\nOffice of the Governor\n\nStatement by Governor Dana Okafor on the bridge\n\nI have directed ...\n",
			ok:     true,
			issuer: "Dana Okafor",
			person: true,
		},
		{
			name:   "name and title line",
			text:   "Press Statement\nMatthew Miller, Department Spokesperson\nNovember 20, 2024\n\nThe United States condemns ...\n",
			ok:     true,
			issuer: "Matthew Miller",
			person: true,
		},
		{
			name:   "statement from an organisation",
			text:   "Statement from the White House on the summit\n\nToday the President ...\n",
			ok:     true,
			issuer: "White House",
		},
		{
			name:   "organisation masthead",
			text:   "FOR IMMEDIATE RELEASE\nU.S. Department of Defense\n\nThe Department today announced ...\n",
			ok:     true,
			issuer: "U.S. Department of Defense",
		},
		{
			name:   "from line",
			text:   "News Release\nFrom: Calder Building Trades Council\n\nOur members ...\n",
			ok:     true,
			issuer: "Calder Building Trades Council",
		},
		{
			name: "marker with no issuer",
			text: "Press release\n\nSomething happened today.\n",
			ok:   true,
		},
		{
			name: "an ordinary article",
			text: "Bridge closed\n\nThe governor said the statement by the union was wrong.\n",
			ok:   false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, ok := FindStatement(tt.text)
			if ok != tt.ok || st.Issuer != tt.issuer || st.Person != tt.person {
				t.Fatalf("FindStatement = {%q person=%v}, %v; want {%q person=%v}, %v", st.Issuer, st.Person, ok, tt.issuer, tt.person, tt.ok)
			}
			if st.Issuer != "" {
				if got := tt.text[st.IssuerSpan.Start:st.IssuerSpan.End]; !strings.Contains(got, st.Issuer) && !strings.Contains(st.Issuer, got) {
					t.Errorf("IssuerSpan holds %q, not the issuer %q", got, st.Issuer)
				}
			}
		})
	}
}

// TestFixtures reads the transcript and captions the check fixtures are
// built on and checks who speaks in them.
func TestFixtures(t *testing.T) {
	tests := []struct {
		file     string
		format   Format
		speakers []string
		minTurns int
	}{
		{"briefing.txt", Plain, []string{"Brennan", "Dana Okafor", "Luis Ferreira", "Anneke Vos"}, 40},
		{"radio-interview.vtt", WebVTT, []string{"Priya Natarajan", "Luis Ferreira"}, 12},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "fixtures", "check", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			tr, probs, err := Parse(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(probs) > 0 {
				t.Errorf("problems: %v", probs)
			}
			if tr.Format != tt.format {
				t.Errorf("format %v, want %v", tr.Format, tt.format)
			}
			if got := tr.Speakers(); strings.Join(got, "|") != strings.Join(tt.speakers, "|") {
				t.Errorf("speakers %q, want %q", got, tt.speakers)
			}
			if len(tr.Turns) < tt.minTurns {
				t.Errorf("%d turns, want at least %d", len(tr.Turns), tt.minTurns)
			}
			checkInvariants(t, tr)
		})
	}
}

// checkInvariants checks what must hold of any parse: spans in bounds, in
// order and not overlapping; a part's text is its bytes unless markup was
// decoded; labels lie before their turn's words.
func checkInvariants(t *testing.T, tr *Transcript) {
	t.Helper()
	last := 0
	for i, tu := range tr.Turns {
		if tu.Label.Start < 0 || tu.Label.End > len(tr.Text) || tu.Label.Start > tu.Label.End {
			t.Fatalf("turn %d label %v out of bounds", i, tu.Label)
		}
		if !tu.Label.IsZero() && len(tu.Parts) > 0 && tu.Label.End > tu.Parts[0].Span.Start {
			t.Errorf("turn %d label %v ends after its first word %v", i, tu.Label, tu.Parts[0].Span)
		}
		if tu.Role == Unlabelled && tu.Speaker != "" {
			t.Errorf("turn %d is unlabelled but has speaker %q", i, tu.Speaker)
		}
		for j, p := range tu.Parts {
			s := p.Span
			if s.Start < last || s.End > len(tr.Text) || s.Start >= s.End {
				t.Fatalf("turn %d part %d span %v out of order or bounds (last end %d, len %d)", i, j, s, last, len(tr.Text))
			}
			last = s.End
			if p.Text == "" {
				t.Errorf("turn %d part %d is empty", i, j)
			}
			if raw := tr.Text[s.Start:s.End]; raw != p.Text && !strings.HasPrefix(raw, "&") {
				t.Errorf("turn %d part %d text %q differs from its bytes %q", i, j, p.Text, raw)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"briefing.txt", "radio-interview.vtt"} {
		data, err := os.ReadFile(filepath.Join("..", "fixtures", "check", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data[:min(len(data), 3000)]), uint8(0))
		f.Add(string(data[:min(len(data), 3000)]), uint8(1))
	}
	f.Add("1\n00:00:01,000 --> 00:00:0\n- Q: <v x\n&#xFFFFFFFF; &#0; &;{\\", uint8(2))
	f.Add("WEBVTT\n\n<v >\n-->\n>>\n(((]]]", uint8(1))
	f.Fuzz(func(t *testing.T, text string, format uint8) {
		tr, probs := ParseFormat("f", text, Format(format%3))
		for _, p := range probs {
			if p.Pos < 0 || p.Pos > len(text) {
				t.Fatalf("problem at %d outside text of %d bytes", p.Pos, len(text))
			}
		}
		checkInvariants(t, tr)
		_, _ = Detect("f", []byte(text))
		_, _ = FindStatement(text)
	})
}
