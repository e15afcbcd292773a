package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quotecheck/internal/polnear"
)

// writeAuditCorpus writes three made-up articles and two pairs into a new
// folder: one statement two outlets print (a likely pair), and two
// statements that share only a stock phrase (a likely different pair).
func writeAuditCorpus(t *testing.T) string {
	t.Helper()
	docs := []polnear.Doc{
		{ID: "gazette-1", Split: "dev", Publisher: "gazette", Text: "The dam held overnight.\n" +
			"“The spillway gates will hold for the next two days, and nobody downstream needs to leave,” Tomas Reyes said."},
		{ID: "courier-1", Split: "dev", Publisher: "courier", Text: "Engineers worked through the night.\n" +
			"“The spillway gates will hold for the next two days, and nobody downstream needs to leave,” said Reyes, the chief engineer."},
		{ID: "herald-1", Split: "test", Publisher: "herald", Text: "The mayor spoke at noon.\n" +
			"“We will open two more shelters on the east side before the next two days are out,” Daniel Okafor said."},
	}
	pairs := []map[string]any{
		{"a": map[string]string{"article": "gazette-1", "content": "“The spillway gates will hold for the next two days, and nobody downstream needs to leave,”"},
			"b":              map[string]string{"article": "courier-1", "content": "“The spillway gates will hold for the next two days, and nobody downstream needs to leave,”"},
			"word_seq_ratio": 1.0, "one_contains_other": true},
		{"a": map[string]string{"article": "gazette-1", "content": "“The spillway gates will hold for the next two days, and nobody downstream needs to leave,”"},
			"b":              map[string]string{"article": "herald-1", "content": "“We will open two more shelters on the east side before the next two days are out,”"},
			"word_seq_ratio": 0.2, "one_contains_other": false},
	}
	dir := t.TempDir()
	write := func(name string, items []any) {
		var buf bytes.Buffer
		for _, it := range items {
			line, err := json.Marshal(it)
			if err != nil {
				t.Fatal(err)
			}
			buf.Write(append(line, '\n'))
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var ds, ps []any
	for _, d := range docs {
		ds = append(ds, d)
	}
	for _, p := range pairs {
		ps = append(ps, p)
	}
	write(polnear.FileName, ds)
	write(polnear.PairsFileName, ps)
	return dir
}

func TestAuditMode(t *testing.T) {
	dir := writeAuditCorpus(t)
	var out, errb bytes.Buffer
	if code := run([]string{"-data", dir, "-split", "all", "-audit"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	for _, want := range []string{
		"articles 3, quotes 3, groups 1",
		"likely one quote 1/1 grouped; likely different quotes 0/1 grouped; 0 unclear; 0 not found",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	// Only the pairs whose articles are both in the split count.
	out.Reset()
	if code := run([]string{"-data", dir, "-split", "dev", "-audit"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	if !strings.Contains(out.String(), "likely one quote 1/1 grouped; likely different quotes 0/0 grouped") {
		t.Errorf("dev split: %s", out.String())
	}
}

func TestAuditModeWithoutPairs(t *testing.T) {
	dir := writeAuditCorpus(t)
	if err := os.Remove(filepath.Join(dir, polnear.PairsFileName)); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"-data", dir, "-audit"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), polnear.PairsFileName) {
		t.Errorf("exit %d, stderr %q: want 2 and the missing file named", code, errb.String())
	}
}

// TestAuditPolNeAR audits the whole real corpus, when it is there, and
// holds the grouping to the floors reached: nearly every pair that is
// likely one quote grouped, few that are likely different.
func TestAuditPolNeAR(t *testing.T) {
	path := polnear.Path(filepath.Join("..", "..", "..", "shared", "datasets", "polnear"))
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("PolNeAR corpus not found at %s; set %s to its folder to run this test", path, polnear.EnvVar)
	}
	docs, err := polnear.Read(f, "all")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := readPairs(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []*polnear.Case
	for i := range docs {
		c, err := polnear.Build(&docs[i])
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	fig := auditCorpus(cases, pairs)
	var out bytes.Buffer
	if err := writeAudit(&out, "all", fig); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if fig.Same == 0 || float64(fig.SameGrouped) < 0.9*float64(fig.Same) {
		t.Errorf("likely one quote: %d of %d grouped, want at least 90%%", fig.SameGrouped, fig.Same)
	}
	if fig.Different == 0 || float64(fig.DifferentGrouped) > 0.1*float64(fig.Different) {
		t.Errorf("likely different quotes: %d of %d grouped, want at most 10%%", fig.DifferentGrouped, fig.Different)
	}
}
