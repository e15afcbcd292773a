package compare

import "testing"

// applyTransforms is Normalize without its short cut.
func applyTransforms(w string) string {
	for _, t := range Transforms {
		w = t.Apply(w)
	}
	return w
}

// TestNormalizeShortCut checks that Normalize's short cut for words of
// ASCII letters gives what the transforms give.
func TestNormalizeShortCut(t *testing.T) {
	for _, w := range []string{"", "a", "Ukraine", "DEFENCE", "armoured", "Four", "twenty", "organise",
		"analyse", "four", "hour", "grey", "Grey", "TwEnTy", "promise", "anti-personnel", "U.S.", "Russia’s",
		"275,000", "naïve", "ZZZ", "programme", "Programmes"} {
		if got, want := Normalize(w), applyTransforms(w); got != want {
			t.Errorf("Normalize(%q) = %q, the transforms give %q", w, got, want)
		}
	}
}

func FuzzNormalizeShortCut(f *testing.F) {
	for _, w := range []string{"Ukraine", "defence", "Armoured", "four", "x"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := Normalize(w), applyTransforms(w); got != want {
			t.Errorf("Normalize(%q) = %q, the transforms give %q", w, got, want)
		}
	})
}
