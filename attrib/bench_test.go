package attrib_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
)

// corpus joins the text fixtures into one large body of news copy, about
// size bytes, one article after another.
func corpus(b *testing.B, size int) []byte {
	b.Helper()
	files, _ := filepath.Glob("../fixtures/*/*.txt")
	var parts []string
	for _, f := range files {
		if strings.Contains(f, "bad") {
			continue
		}
		data, err := os.ReadFile(f)
		if err == nil {
			parts = append(parts, string(data))
		}
	}
	if len(parts) == 0 {
		b.Fatal("no fixtures")
	}
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		sb.WriteString(parts[i%len(parts)])
		sb.WriteString("\n\n")
	}
	return []byte(sb.String())
}

// BenchmarkFindArticles runs the finder over fixture articles one at a
// time, as extract does; MB/s is of article text.
func BenchmarkFindArticles(b *testing.B) {
	files, _ := filepath.Glob("../fixtures/*/*.txt")
	var arts []*article.Article
	total := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if a, err := article.FromText(f, data); err == nil {
			arts = append(arts, a)
			total += len(data)
		}
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for range b.N {
		for _, a := range arts {
			attrib.Find(a)
		}
	}
}

// BenchmarkFindLarge runs the finder over one 4 MB text made of the fixture
// articles, so a cost that grows faster than the text shows.
func BenchmarkFindLarge(b *testing.B) {
	data := corpus(b, 4<<20)
	a, err := article.FromText("large.txt", data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		attrib.Find(a)
	}
}

// BenchmarkFindAdversarial runs the finder on inputs built to find work
// that grows faster than the text: one endless sentence full of quotes,
// runs of marks, capitalised words and commas, and unclosed quotes over
// many paragraphs. Each runs at two sizes; MB/s should stay about level.
func BenchmarkFindAdversarial(b *testing.B) {
	unit := map[string]string{
		"quotes":     `he said "a b" and `,
		"marks":      `"`,
		"singles":    `'a `,
		"nested":     "“‘",
		"caps":       "Smith Jones ",
		"commas":     "Smith, ",
		"paragraphs": "“a\n",
	}
	for _, name := range []string{"quotes", "marks", "singles", "nested", "caps", "commas", "paragraphs"} {
		for _, size := range []int{64 << 10, 256 << 10} {
			text := strings.Repeat(unit[name], size/len(unit[name])) + ` said "x"`
			a, err := article.FromText(name, []byte(text))
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%dKB", name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for range b.N {
					attrib.Find(a)
				}
			})
		}
	}
}
