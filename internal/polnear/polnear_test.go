package polnear

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// piece returns the Piece of text that is the n-th (from 0) occurrence of
// sub, with rune offsets counted independently of the code under test.
func piece(t *testing.T, text, sub string, n int) Piece {
	t.Helper()
	from := 0
	for ; n >= 0; n-- {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q not in the test text", sub)
		}
		from += i
		if n > 0 {
			from += len(sub)
		}
	}
	start := utf8.RuneCountInString(text[:from])
	return Piece{Start: start, End: start + utf8.RuneCountInString(sub), Text: sub}
}

func jsonl(t *testing.T, docs ...Doc) string {
	t.Helper()
	var b strings.Builder
	for _, d := range docs {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestRead(t *testing.T) {
	docs := []Doc{
		{ID: "a", Split: "dev", Annotator: "first", Text: "One."},
		{ID: "b", Split: "train", Annotator: "first", Text: "Two."},
		{ID: "a", Split: "dev", Annotator: "second", Text: "One."},
		{ID: "c", Split: "dev", Annotator: "first", Text: "Three."},
	}
	input := jsonl(t, docs...) + "\n" // a blank line at the end is allowed
	tests := []struct {
		name    string
		input   string
		split   string
		want    []string // id/annotator of each document read
		wantErr string
	}{
		{name: "dev, first annotator kept", input: input, split: "dev", want: []string{"a/first", "c/first"}},
		{name: "all splits", input: input, split: "all", want: []string{"a/first", "b/first", "c/first"}},
		{name: "empty split means all", input: input, split: "", want: []string{"a/first", "b/first", "c/first"}},
		{name: "a split with nothing in it", input: input, split: "test", want: nil},
		{name: "unknown split", input: input, split: "devel", wantErr: "unknown split"},
		{name: "no trailing newline", input: strings.TrimSpace(input), split: "dev", want: []string{"a/first", "c/first"}},
		{name: "bad JSON names its line", input: jsonl(t, docs[0]) + "{\"id\": \n", split: "dev", wantErr: "line 2"},
		{name: "a line without an id", input: "{\"split\": \"dev\"}\n", split: "dev", wantErr: "no id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.input), tt.split)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Read error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, d := range got {
				ids = append(ids, d.ID+"/"+d.Annotator)
			}
			if strings.Join(ids, " ") != strings.Join(tt.want, " ") {
				t.Errorf("Read = %v, want %v", ids, tt.want)
			}
		})
	}
	if _, err := Read(strings.NewReader(""), "nope"); !errors.Is(err, ErrSplit) {
		t.Errorf("Read with an unknown split: error %v is not ErrSplit", err)
	}
}

func TestPath(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "other.jsonl")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		env  string
		want string
	}{
		{name: "default folder", env: "", want: filepath.Join("some", "dir", FileName)},
		{name: "folder from the environment", env: dir, want: filepath.Join(dir, FileName)},
		{name: "file from the environment", env: file, want: file},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvVar, tt.env)
			if got := Path(filepath.Join("some", "dir")); got != tt.want {
				t.Errorf("Path = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestByteSpans(t *testing.T) {
	text := "Zoë’s “café” is shut" // ë, ’, “, é and ” take more than one byte
	offs := runeOffsets(text)
	if len(offs) != utf8.RuneCountInString(text)+1 || offs[len(offs)-1] != len(text) {
		t.Fatalf("runeOffsets: %d offsets ending %d, want %d ending %d", len(offs), offs[len(offs)-1], utf8.RuneCountInString(text)+1, len(text))
	}
	tests := []struct {
		name    string
		pieces  []Piece
		want    []string
		wantErr string
	}{
		{name: "after multibyte runes", pieces: []Piece{{Start: 7, End: 11, Text: "café"}}, want: []string{"café"}},
		{name: "a mark and an apostrophe", pieces: []Piece{{Start: 3, End: 7, Text: "’s “"}}, want: []string{"’s “"}},
		{name: "to the end", pieces: []Piece{{Start: 19, End: 20, Text: "t"}}, want: []string{"t"}},
		{name: "sorted by start", pieces: []Piece{{Start: 7, End: 11, Text: "café"}, {Start: 0, End: 3, Text: "Zoë"}}, want: []string{"Zoë", "café"}},
		{name: "byte offsets given as runes", pieces: []Piece{{Start: 9, End: 13, Text: "café"}}, wantErr: "not the recorded"},
		{name: "past the end", pieces: []Piece{{Start: 19, End: 21, Text: "t"}}, wantErr: "outside"},
		{name: "inverted", pieces: []Piece{{Start: 5, End: 4, Text: ""}}, wantErr: "outside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans, err := byteSpans(text, offs, tt.pieces)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("byteSpans error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range spans {
				got = append(got, text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("byteSpans selects %q, want %q", got, tt.want)
			}
		})
	}
}

// testDoc is a made-up article whose relations exercise Build: multibyte
// text before the quotes, a quotation split over two content pieces, one
// continued over two paragraphs, one held by two relations, a relation
// whose only mark is an apostrophe, one with a stray mark, one without
// marks and one whose content lies inside a quotation but holds none of its
// marks (it is not a quoting relation).
func testDoc(t *testing.T) *Doc {
	t.Helper()
	text := "Señora Zoë Ødegård spoke first. “We will rebuild the bridge,” she said.\n\n" +
		"“It is not over,” said the mayor’s aide, “but the money is there.”\n\n" +
		"The residents’ council called it a ‘done deal’ and nobody objected.\n\n" +
		"“The first paragraph runs on.\n\n" +
		"“The second ends it,” Ødegård said.\n\n" +
		"The aide is 6'2\" tall, a neighbour noted."
	p := func(sub string, n int) []Piece { return []Piece{piece(t, text, sub, n)} }
	return &Doc{ID: "made-up", Split: "dev", Text: text, Relations: []Relation{
		{ID: "E1", Source: p("she", 0), Cue: p("said", 0), Content: p("“We will rebuild the bridge,”", 0)},
		{ID: "E2", Source: p("the mayor’s aide", 0), Cue: p("said", 1), Content: []Piece{
			piece(t, text, "“It is not", 0), piece(t, text, "over,", 0), piece(t, text, "“but the money is there.”", 0)}},
		{ID: "E3", Source: p("The residents’ council", 0), Content: p("The residents’ council", 0)},
		{ID: "E4", Content: p("a ‘done deal’", 0)},
		{ID: "E5", Source: p("Ødegård", 1), Content: []Piece{
			piece(t, text, "“The first paragraph runs on.", 0), piece(t, text, "“The second ends it,”", 0)}},
		{ID: "E6", Source: p("Señora Zoë Ødegård", 0), Content: p("“We will rebuild the bridge,” she", 0)},
		{ID: "E7", Source: p("Señora Zoë Ødegård", 0), Content: p("spoke first", 0)},
		{ID: "E8", Source: p("a neighbour", 0), Content: p("The aide is 6'2\" tall", 0)},
		{ID: "E9", Source: p("she", 0), Content: p("rebuild the bridge", 0)},
	}}
}

func TestBuild(t *testing.T) {
	d := testDoc(t)
	c, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		words     string
		relations string
		sources   string
		paras     int
		closed    bool
		single    bool
	}
	wants := []want{
		{"We will rebuild the bridge,", "E1 E6", "she|Señora Zoë Ødegård", 1, true, false},
		{"It is not over,", "E2", "the mayor’s aide", 1, true, false},
		{"but the money is there.", "E2", "the mayor’s aide", 1, true, false},
		{"done deal", "E4", "", 1, true, true},
		{"The first paragraph runs on.\n\n“The second ends it,", "E5", "Ødegård", 2, true, false},
	}
	var got []want
	for _, g := range c.Gold {
		var srcs []string
		for _, s := range g.Sources {
			var texts []string
			for _, sp := range s.Spans {
				texts = append(texts, d.Text[sp.Start:sp.End])
			}
			if strings.Join(texts, " ") != s.Text {
				t.Errorf("source of %s: spans select %q, Text is %q", s.Relation, texts, s.Text)
			}
			srcs = append(srcs, s.Text)
		}
		got = append(got, want{d.Text[g.Words.Start:g.Words.End], strings.Join(g.Relations, " "),
			strings.Join(srcs, "|"), g.Paras, g.Closed, g.Single})
	}
	if len(got) != len(wants) {
		t.Fatalf("Build found %d gold quotes, want %d:\n%+v", len(got), len(wants), got)
	}
	for i := range wants {
		if got[i] != wants[i] {
			t.Errorf("gold quote %d:\n got %+v\nwant %+v", i, got[i], wants[i])
		}
	}
	if c.Quoting != 5 {
		t.Errorf("Quoting = %d, want 5 (E1, E2, E4, E5, E6)", c.Quoting)
	}
	if strings.Join(c.Stray, " ") != "E8" {
		t.Errorf("Stray = %v, want [E8]", c.Stray)
	}
	if c.Article.Text != d.Text || len(c.Article.Paragraphs) != 6 {
		t.Errorf("article: text kept %v, %d paragraphs, want 6", c.Article.Text == d.Text, len(c.Article.Paragraphs))
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name    string
		doc     Doc
		wantErr string
	}{
		{
			name:    "content offsets that select other text",
			doc:     Doc{ID: "x", Text: "Zoë said “yes.”", Relations: []Relation{{ID: "E1", Content: []Piece{{Start: 10, End: 15, Text: "“yes.”"}}}}},
			wantErr: "relation E1 content",
		},
		{
			name:    "source offsets past the end",
			doc:     Doc{ID: "x", Text: "Zoë said “yes.”", Relations: []Relation{{ID: "E1", Source: []Piece{{Start: 0, End: 40, Text: "Zoë"}}}}},
			wantErr: "relation E1 source",
		},
		{
			name:    "no text",
			doc:     Doc{ID: "x", Text: " \n "},
			wantErr: "empty",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(&tt.doc)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Build error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}
