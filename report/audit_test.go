package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/compare"
)

// auditOf builds the report of an audit over articles given as text, each
// quote being the first span between straight double quotes of a line,
// credited to the named person.
func auditOf(t *testing.T, speakers []string, texts ...string) *Audit {
	t.Helper()
	var arts []*article.Article
	var quotes [][]attrib.Quote
	for i, text := range texts {
		a, err := article.FromText("dir/"+string(rune('a'+i))+".txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		a.Outlet = "Outlet " + string(rune('A'+i))
		var qs []attrib.Quote
		for k, p := range a.Paragraphs {
			line := a.Text[p.Start:p.End]
			s := strings.IndexByte(line, '"')
			e := strings.LastIndexByte(line, '"')
			if s < 0 || e <= s {
				continue
			}
			qs = append(qs, attrib.Quote{
				Words:       article.Span{Start: p.Start + s + 1, End: p.Start + e},
				Outer:       article.Span{Start: p.Start + s, End: p.Start + e + 1},
				Paragraph:   k,
				Speaker:     speakers[i],
				SpeakerKind: attrib.Person,
			})
		}
		arts = append(arts, a)
		quotes = append(quotes, qs)
	}
	return NewAudit(compare.Run(&compare.Batch{Articles: arts, Quotes: quotes}, compare.Options{}),
		[]InputError{{Source: "dir/bad.txt", Error: "not valid UTF-8"}})
}

// misquoted is two outlets printing one statement, one of them without
// its "not", and the second with a different speaker.
func misquoted(t *testing.T) *Audit {
	return auditOf(t, []string{"Elena Varga", "Tomas Reyes"},
		"The dam held.\n\"The dam is not at risk of collapse, and residents | neighbours do not need to leave tonight.\" Varga said.\n",
		"The dam held.\n\"The dam is at risk of collapse, and residents | neighbours do not need to leave tonight.\" Reyes said.\n",
	)
}

func TestAuditJSON(t *testing.T) {
	r := misquoted(t)
	var buf bytes.Buffer
	if err := AuditJSON(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Articles []struct {
			Quotes []struct{ ID string }
		}
		Errors []struct{ Source, Error string }
		Groups []struct {
			ID, Text string
			Quotes   []string
		}
		Findings []struct {
			Kind, Severity, Group, Message, Diff string
			Quotes, Sources                      []string
		}
		Summary struct {
			Articles, Quotes, Groups int
			Findings                 map[string]int
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	if len(got.Articles) != 2 || len(got.Articles[1].Quotes) != 1 || got.Articles[1].Quotes[0].ID != "a2.q1" {
		t.Errorf("articles and quote ids are not extract's: %+v", got.Articles)
	}
	if len(got.Errors) != 1 || got.Errors[0].Source != "dir/bad.txt" {
		t.Errorf("errors = %+v", got.Errors)
	}
	if len(got.Groups) != 1 || got.Groups[0].ID != "g1" || strings.Join(got.Groups[0].Quotes, " ") != "a1.q1 a2.q1" {
		t.Fatalf("groups = %+v", got.Groups)
	}
	kinds := map[string]string{}
	for _, f := range got.Findings {
		kinds[f.Kind] = f.Severity
		if f.Group != "g1" || len(f.Sources) != 2 {
			t.Errorf("finding %s: group %q, sources %q", f.Kind, f.Group, f.Sources)
		}
		if f.Kind == "wording" && !strings.Contains(f.Diff, "[-not-]") {
			t.Errorf("wording diff %q lacks [-not-]", f.Diff)
		}
	}
	if kinds["wording"] != "high" || kinds["attribution"] != "high" {
		t.Errorf("findings = %v, want a high wording and a high attribution finding", kinds)
	}
	if got.Summary.Articles != 2 || got.Summary.Groups != 1 || got.Summary.Findings["high"] != 2 {
		t.Errorf("summary = %+v", got.Summary)
	}
	for _, sev := range []string{"high", "medium", "low", "info"} {
		if _, ok := got.Summary.Findings[sev]; !ok {
			t.Errorf("summary lacks a count for %s", sev)
		}
	}
}

func TestAuditJSONEmpty(t *testing.T) {
	r := auditOf(t, []string{""}, "Nothing is quoted here.\n")
	var buf bytes.Buffer
	if err := AuditJSON(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"groups": []`, `"findings": []`} {
		if !strings.Contains(buf.String(), key) {
			t.Errorf("empty audit JSON lacks %s:\n%s", key, buf.String())
		}
	}
}

func TestAuditTableColour(t *testing.T) {
	r := misquoted(t)
	tests := []struct {
		name  string
		color bool
	}{{"plain", false}, {"colour", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := AuditTable(&buf, r, Options{Color: tt.color, Width: 100}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if got := strings.Contains(out, "\x1b["); got != tt.color {
				t.Errorf("escape codes present = %v, want %v", got, tt.color)
			}
			if tt.color && !strings.Contains(out, "\x1b["+styleRed+"m[-not-]") {
				t.Errorf("removed words not red:\n%q", out)
			}
			for _, want := range []string{"severity", "wording", "attribution", "g1", "[-not-]", "Could not read", "2 articles"} {
				if !strings.Contains(out, want) {
					t.Errorf("table lacks %q:\n%s", want, out)
				}
			}
			for i, line := range strings.Split(out, "\n") {
				if w := textWidth(line); w > 100 {
					t.Errorf("line %d is %d columns wide, over 100: %q", i+1, w, line)
				}
			}
		})
	}
}

func TestAuditMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := AuditMarkdown(&buf, misquoted(t), Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, `residents \| neighbours`) {
		t.Errorf("a | inside a cell is not escaped:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("Markdown has escape codes")
	}
	for _, want := range []string{"# Audit", "## Findings", "## Groups", "### g1"} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

func TestAuditCSV(t *testing.T) {
	var buf bytes.Buffer
	r := misquoted(t)
	if err := AuditCSV(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+r.findingCount() || strings.Join(rows[0], ",") != strings.Join(AuditCSVHeader, ",") {
		t.Errorf("rows = %q", rows)
	}
}

func TestAuditRenderer(t *testing.T) {
	for _, name := range Formats {
		if _, err := AuditRenderer(name); err != nil {
			t.Errorf("AuditRenderer(%q): %v", name, err)
		}
	}
	if _, err := AuditRenderer("yaml"); err == nil {
		t.Error(`AuditRenderer("yaml") succeeded`)
	}
}
