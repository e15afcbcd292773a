package corpus

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"quotecheck/feed"
)

func generate(t *testing.T, opts Options) ([]byte, *Manifest) {
	t.Helper()
	var b bytes.Buffer
	m, err := Generate(&b, opts)
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), m
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, ma := generate(t, Options{Articles: 40, Seed: 9, Malformed: 2})
	b, mb := generate(t, Options{Articles: 40, Seed: 9, Malformed: 2})
	c, _ := generate(t, Options{Articles: 40, Seed: 10, Malformed: 2})
	if !bytes.Equal(a, b) || !reflect.DeepEqual(ma, mb) {
		t.Errorf("the same options gave different streams or manifests")
	}
	if bytes.Equal(a, c) {
		t.Errorf("different seeds gave the same stream")
	}
}

func TestGenerateCounts(t *testing.T) {
	tests := []struct {
		name          string
		opts          Options
		lines, errors int
	}{
		{name: "nothing", opts: Options{}, lines: 0},
		{name: "one article", opts: Options{Articles: 1, Seed: 1}, lines: 1},
		{name: "only malformed lines", opts: Options{Malformed: 3}, lines: 3, errors: 3},
		{name: "a story cut short", opts: Options{Articles: 5, Seed: 2, Malformed: 1}, lines: 6, errors: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, m := generate(t, tt.opts)
			if n := bytes.Count(data, []byte("\n")); n != tt.lines {
				t.Errorf("%d lines, want %d", n, tt.lines)
			}
			if m.Articles != tt.opts.Articles || len(m.Malformed) != tt.errors {
				t.Errorf("manifest says %d articles and %d malformed lines, want %d and %d", m.Articles, len(m.Malformed), tt.opts.Articles, tt.errors)
			}
		})
	}
}

// TestGenerateStream reads a generated stream back as quotecheck would
// and checks what the package doc promises: articles of 400 to 1,200
// words with about a quote every 75 words, malformed lines where the
// manifest says, and each alteration where it says and of its kind.
func TestGenerateStream(t *testing.T) {
	data, m := generate(t, Options{Articles: 150, Seed: 4, Malformed: 3})
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 153 {
		t.Fatalf("%d lines, want 153", len(lines))
	}
	words, html := 0, 0
	for i, line := range lines {
		n := i + 1
		rec, err := feed.Decode([]byte(line))
		if slices.Contains(m.Malformed, n) {
			if err == nil {
				t.Errorf("line %d is listed as malformed but decodes", n)
			}
			continue
		}
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		a, err := rec.Article("x.jsonl:1")
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		w := len(strings.Fields(a.Text))
		if w < 400 || w > 1250 { // an HTML page's title comes back as a paragraph
			t.Errorf("line %d: %d words", n, w)
		}
		words += w
		if rec.HTML != "" {
			html++
		}
		if rec.URL == "" || rec.Outlet == "" || rec.Title == "" || rec.Published == "" {
			t.Errorf("line %d: metadata missing: %+v", n, rec)
		}
	}
	if html == 0 || html == 150 {
		t.Errorf("%d of 150 articles are pages; want a mix of pages and text", html)
	}
	if per := float64(words) / float64(m.Quotes); per < 50 || per > 110 {
		t.Errorf("a quote every %.0f words; want one every 50 to 110", per)
	}

	kinds := map[string]int{}
	for _, a := range m.Alterations {
		kinds[a.Kind]++
		if a.Line < 1 || a.Line > len(lines) || !strings.Contains(lines[a.Line-1], a.Altered) {
			t.Errorf("%s alteration: line %d does not print %q", a.Kind, a.Line, a.Altered)
			continue
		}
		if len(a.Others) < 2 {
			t.Errorf("%s alteration at line %d: %d other outlets, want 2 or more to outvote it", a.Kind, a.Line, len(a.Others))
		}
		for _, o := range a.Others {
			if !strings.Contains(lines[o-1], a.Original) {
				t.Errorf("%s alteration: line %d does not print the original %q", a.Kind, o, a.Original)
			}
		}
		if msg := checkKind(a); msg != "" {
			t.Errorf("%s alteration at line %d: %s\noriginal: %s\naltered:  %s", a.Kind, a.Line, msg, a.Original, a.Altered)
		}
	}
	for _, k := range Kinds {
		if kinds[k] == 0 {
			t.Errorf("no %s alteration in 150 articles", k)
		}
	}
}

// checkKind says what is wrong with an alteration for its kind, or "".
func checkKind(a Alteration) string {
	o, x := strings.Fields(a.Original), strings.Fields(a.Altered)
	diff := 0
	for i := range min(len(o), len(x)) {
		if o[i] != x[i] {
			diff++
		}
	}
	switch a.Kind {
	case KindNumber, KindCosmetic:
		if len(o) != len(x) || diff != 1 {
			return "want exactly one word changed"
		}
	case KindNegation:
		if len(x) != len(o)-1 || !slices.Contains(o, "not") || strings.Count(a.Altered, " not ") != strings.Count(a.Original, " not ")-1 {
			return "want one \"not\" dropped"
		}
	case KindElision:
		if !strings.Contains(a.Altered, "…") && !strings.Contains(a.Altered, "...") || len(x) >= len(o) {
			return "want words replaced by an ellipsis"
		}
	case KindSpeaker:
		if a.Altered != a.Original || a.Credited == a.Speaker {
			return "want the same words credited to someone else"
		}
		return ""
	}
	if a.Credited != a.Speaker {
		return "credited to someone else"
	}
	return ""
}

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"marks and case", "“We Will,” she", "we will she"},
		{"thousands", "moved 1,200 people", "moved 1200 people"},
		{"apostrophes", "don't and don’t", "dont and dont"},
		{"ellipsis", "we … and ... they", "we and they"},
		{"empty", " , ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalize(tt.in); got != tt.want {
				t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// An auditJSON builds the parts of quotecheck audit's output that Check
// reads.
type auditJSON struct {
	Articles []map[string]any `json:"articles"`
	Errors   []map[string]any `json:"errors"`
	Groups   []map[string]any `json:"groups"`
	Findings []map[string]any `json:"findings"`
}

func (a *auditJSON) article(line int, texts ...string) {
	var qs []map[string]any
	for i, t := range texts {
		qs = append(qs, map[string]any{"id": id(line, i), "text": t})
	}
	a.Articles = append(a.Articles, map[string]any{"source": "c.jsonl:" + itoa(line), "quotes": qs})
}

func (a *auditJSON) group(members ...[2]string) { // quote id, class
	var ms []map[string]any
	for _, m := range members {
		ms = append(ms, map[string]any{"quote": m[0], "class": m[1]})
	}
	a.Groups = append(a.Groups, map[string]any{"members": ms})
}

func (a *auditJSON) finding(kind, severity string, ids ...string) {
	a.Findings = append(a.Findings, map[string]any{"kind": kind, "severity": severity, "quotes": ids, "sources": []string{}, "message": kind})
}

func id(line, q int) string { return "a" + itoa(line) + ".q" + itoa(q+1) }
func itoa(n int) string     { b, _ := json.Marshal(n); return string(b) }

func TestCheck(t *testing.T) {
	// Lines 1 and 2 print statement A, line 3 alters it; line 4 is
	// malformed.
	base := func() *auditJSON {
		a := &auditJSON{}
		a.article(1, "We will open 40 shelters,")
		a.article(2, "We will open 40 shelters.")
		a.article(3, "We will open 90 shelters,")
		a.Errors = append(a.Errors, map[string]any{"source": "c.jsonl:4"})
		return a
	}
	alt := func(kind, altered string) *Manifest {
		return &Manifest{Articles: 3, Malformed: []int{4}, Alterations: []Alteration{{
			Kind: kind, Line: 3, Original: "We will open 40 shelters", Altered: altered, Others: []int{1, 2},
		}}}
	}
	tests := []struct {
		name    string
		m       *Manifest
		audit   func(*auditJSON)
		wantWhy string // "" when found
		check   func(*testing.T, *Result)
	}{
		{
			name: "number found",
			m:    alt(KindNumber, "We will open 90 shelters"),
			audit: func(a *auditJSON) {
				a.group([2]string{id(1, 0), "identical"}, [2]string{id(2, 0), "identical"}, [2]string{id(3, 0), "substantive"})
				a.finding("wording", "high", id(1, 0), id(3, 0))
			},
		},
		{
			name: "number in a group but no finding",
			m:    alt(KindNumber, "We will open 90 shelters"),
			audit: func(a *auditJSON) {
				a.group([2]string{id(1, 0), "identical"}, [2]string{id(3, 0), "substantive"})
			},
			wantWhy: "no wording finding (member class substantive)",
		},
		{
			name: "number found only at medium", m: alt(KindNumber, "We will open 90 shelters"),
			audit: func(a *auditJSON) {
				a.group([2]string{id(1, 0), "identical"}, [2]string{id(3, 0), "substantive"})
				a.finding("wording", "medium", id(1, 0), id(3, 0))
			},
			wantWhy: "wording finding, but not high",
		},
		{name: "quote not extracted", m: alt(KindNumber, "Something else entirely was said here"), wantWhy: "extract did not find the altered quote"},
		{name: "in no group", m: alt(KindSpeaker, "We will open 90 shelters"), wantWhy: "the quote is in no group"},
		{
			name: "speaker found", m: alt(KindSpeaker, "We will open 90 shelters"),
			audit: func(a *auditJSON) {
				a.group([2]string{id(1, 0), "identical"}, [2]string{id(3, 0), "identical"})
				a.finding("attribution", "high", id(1, 0), id(3, 0))
			},
		},
		{
			name: "cosmetic variant as the reference", m: alt(KindCosmetic, "We will open 90 shelters"),
			audit: func(a *auditJSON) {
				a.group([2]string{id(1, 0), "cosmetic"}, [2]string{id(3, 0), "identical"})
			},
		},
		{
			name: "elision flagged as a wording change", m: alt(KindElision, "We will open 90 shelters"),
			audit: func(a *auditJSON) {
				a.group([2]string{id(1, 0), "identical"}, [2]string{id(3, 0), "elided"})
				a.finding("wording", "medium", id(1, 0), id(3, 0))
			},
			wantWhy: "a wording finding for a harmless difference",
		},
		{
			name: "elision of the wrong class", m: alt(KindElision, "We will open 90 shelters"),
			audit: func(a *auditJSON) {
				a.group([2]string{id(1, 0), "identical"}, [2]string{id(3, 0), "cosmetic"})
			},
			wantWhy: "member class cosmetic, want elided",
		},
		{
			name: "lost article, unreported and spurious errors, unplanted finding",
			m:    &Manifest{Articles: 4, Malformed: []int{4, 5}},
			audit: func(a *auditJSON) {
				a.Errors = append(a.Errors, map[string]any{"source": "c.jsonl:2"})
				a.finding("wording", "high", id(1, 0), id(2, 0))
				a.finding("unconfirmed", "low", id(1, 0))
			},
			check: func(t *testing.T, r *Result) {
				if !slices.Equal(r.Lost, []int{6}) || !slices.Equal(r.Unreported, []int{5}) || !slices.Equal(r.Spurious, []int{2}) || r.Unplanted != 1 {
					t.Errorf("lost %v unreported %v spurious %v unplanted %d; want [6] [5] [2] 1", r.Lost, r.Unreported, r.Spurious, r.Unplanted)
				}
				if r.OK() {
					t.Errorf("OK with articles lost")
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := base()
			if tt.audit != nil {
				tt.audit(a)
			}
			data, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			res, err := tt.m.Check(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if tt.check != nil {
				tt.check(t, res)
				return
			}
			kind := tt.m.Alterations[0].Kind
			switch {
			case tt.wantWhy == "" && (len(res.Misses) > 0 || res.Found[kind] != 1 || !res.OK()):
				t.Errorf("not found: %+v", res.Misses)
			case tt.wantWhy != "" && (len(res.Misses) != 1 || res.Misses[0].Why != tt.wantWhy || res.OK()):
				t.Errorf("misses %+v, want one because %q", res.Misses, tt.wantWhy)
			}
		})
	}
	if _, err := alt(KindNumber, "x").Check(strings.NewReader("{not json")); err == nil {
		t.Errorf("Check of a broken audit: no error")
	}
}
