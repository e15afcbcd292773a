package article

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZSeedsChrome(t *testing.T) {
	files, _ := filepath.Glob("../fixtures/seeds/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		a, err := FromText(f, b)
		if err != nil {
			t.Fatal(err)
		}
		for i := range a.Paragraphs {
			p := a.Para(i)
			fmt.Printf("%s %3d %-8s %.70q\n", filepath.Base(f)[:3], i, chromeRule(p), p)
		}
	}
}

func TestZZPolnear(t *testing.T) {
	f, _ := os.Open("/work/shared/datasets/polnear/polnear.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n, hits := 0, map[string]int{}
	seen := map[string]bool{}
	for sc.Scan() {
		var d struct{ ID, Text string }
		json.Unmarshal(sc.Bytes(), &d)
		if seen[d.ID] {
			continue
		}
		seen[d.ID] = true
		for _, p := range strings.Split(d.Text, "\n") {
			if strings.TrimSpace(p) == "" {
				continue
			}
			n++
			if r := chromeRule(p); r != "" {
				hits[r]++
				fmt.Printf("%-8s %.100q\n", r, p)
			}
		}
	}
	fmt.Println(n, hits)
}
