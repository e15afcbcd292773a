package attrib_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quotecheck/attrib"
	"quotecheck/internal/polnear"
)

// Floors for the quote finder on the PolNeAR dev split, as fractions: a
// little under the figures it reaches, so that a change that loses ground
// fails the test.
const (
	polnearRecallFloor  = 0.97 // share of gold quotes found
	polnearSpeakerFloor = 0.78 // share of found gold quotes with a gold source whose speaker agrees
)

// TestPolNeAR measures attrib.Find on the dev split of the PolNeAR corpus
// of political news (see package quotecheck/internal/polnear for how gold
// quotes are derived and how each figure is counted) and logs a table of
// figures; run it with -v to see them. It is skipped when the corpus is
// not beside the repository and QUOTECHECK_POLNEAR does not name it. For
// a listing of the finder's mistakes, run go run ./cmd/polnear-eval.
func TestPolNeAR(t *testing.T) {
	path := polnear.Path(filepath.Join("..", "..", "shared", "datasets", "polnear"))
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) && os.Getenv(polnear.EnvVar) == "" {
		t.Skipf("PolNeAR corpus not found at %s; set %s to its folder to run this test", path, polnear.EnvVar)
	}
	if err != nil {
		t.Fatal(err)
	}
	docs, err := polnear.Read(f, "dev")
	f.Close()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var cases []*polnear.Case
	for i := range docs {
		c, err := polnear.Build(&docs[i])
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		cases = append(cases, c)
	}
	r := polnear.Score(cases, attrib.Find)
	var table strings.Builder
	if err := polnear.WriteTable(&table, r); err != nil {
		t.Fatal(err)
	}
	t.Logf("quote finder on PolNeAR, dev split:\n%s", table.String())

	if r.Gold == 0 {
		t.Fatalf("no gold quotes in %d articles: is %s the PolNeAR corpus?", r.Articles, path)
	}
	if got := r.Recall(); got < polnearRecallFloor {
		t.Errorf("recall %.3f (%d of %d gold quotes), below the floor %.3f", got, r.Found, r.Gold, polnearRecallFloor)
	}
	if got := r.SpeakerAccuracy(); got < polnearSpeakerFloor {
		t.Errorf("speaker accuracy %.3f (%d of %d), below the floor %.3f", got, r.SpeakerRight, r.SpeakerChecked, polnearSpeakerFloor)
	}
}
