package article

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZFixtures(t *testing.T) {
	files, _ := filepath.Glob("../fixtures/*/*.html")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		a, err := Parse(f, b)
		fmt.Println("=====", f, err)
		if err != nil {
			continue
		}
		fmt.Printf("%q %q %q %q %q\n", a.Outlet, a.Title, a.Author, a.Published, a.URL)
		for i := range a.Paragraphs {
			l, c, _ := a.HTMLPos(a.Paragraphs[i].Start)
			fmt.Printf("%2d %d:%d %-7s %s\n", i, l, c, chromeRule(a.Para(i)), a.Para(i))
		}
	}
	b, _ := os.ReadFile("../fixtures/crafted/chrome.txt")
	a, _ := FromText("c", b)
	for i := range a.Paragraphs {
		fmt.Printf("%2d %-7s %s\n", i, chromeRule(a.Para(i)), a.Para(i))
	}
}
