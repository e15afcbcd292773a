package compare

import "strings"

// ukWords maps British spellings that no rule covers to the American
// ones. Inflected forms are listed where they differ in more than an -s.
var ukWords = map[string]string{
	"defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
	"licence": "license", "licences": "licenses", "pretence": "pretense",
	"centre": "center", "centres": "centers", "metre": "meter", "metres": "meters",
	"theatre": "theater", "theatres": "theaters", "litre": "liter", "litres": "liters",
	"fibre": "fiber", "calibre": "caliber", "sabre": "saber", "manoeuvre": "maneuver",
	"manoeuvres": "maneuvers", "programme": "program", "programmes": "programs",
	"grey": "gray", "aluminium": "aluminum", "mould": "mold", "sceptical": "skeptical",
	"judgement": "judgment", "ageing": "aging", "cheque": "check", "storey": "story",
	"travelled": "traveled", "travelling": "traveling", "traveller": "traveler",
	"cancelled": "canceled", "cancelling": "canceling", "labelled": "labeled",
	"labelling": "labeling", "modelled": "modeled", "fuelled": "fueled", "fuelling": "fueling",
	"signalled": "signaled", "signalling": "signaling", "channelled": "channeled",
	"counsellor": "counselor", "jewellery": "jewelry", "odour": "odor", "odours": "odors",
	"enrol": "enroll", "fulfil": "fulfill", "instal": "install", "kidnapped": "kidnaped",
	"counsellors": "counselors", "counselling": "counseling", "counselled": "counseled",
	"armoury": "armory", "armouries": "armories", "catalogue": "catalog", "catalogues": "catalogs",
	"enrolment": "enrollment", "enrolments": "enrollments", "fulfilment": "fulfillment",
	"instalment": "installment", "instalments": "installments", "skilful": "skillful", "wilful": "willful",
	"modelling": "modeling", "levelled": "leveled", "totalled": "totaled", "marvellous": "marvelous",
	"practise": "practice", "practised": "practiced", "practises": "practices", "practising": "practicing",
	"tyre": "tire", "tyres": "tires", "plough": "plow", "ploughs": "plows", "sulphur": "sulfur",
	"paediatric": "pediatric", "paediatrician": "pediatrician", "orthopaedic": "orthopedic",
	"anaemia": "anemia", "leukaemia": "leukemia", "haemorrhage": "hemorrhage", "oestrogen": "estrogen",
	"anaesthetic": "anesthetic", "foetus": "fetus", "encyclopaedia": "encyclopedia",
	"kilometre": "kilometer", "kilometres": "kilometers", "centimetre": "centimeter",
	"centimetres": "centimeters", "millimetre": "millimeter", "millimetres": "millimeters",
	"moustache": "mustache", "pyjamas": "pajamas", "artefact": "artifact", "artefacts": "artifacts",
}

// ourEndings are the endings that may follow -our in a British word:
// armour, armoured, armouring, favourable, favourite, behaviours.
var ourEndings = []string{"", "s", "ed", "ing", "able", "ably", "ite", "ites", "ful", "er", "ers", "ism", "ist", "ists"}

// ourSuffixes are "our" followed by each of ourEndings.
var ourSuffixes = func() []string {
	out := make([]string, len(ourEndings))
	for i, e := range ourEndings {
		out[i] = "our" + e
	}
	return out
}()

// iseEndings are the British -ise family and their American forms.
var iseEndings = [][2]string{
	{"isation", "ization"}, {"isations", "izations"}, {"ised", "ized"}, {"ises", "izes"},
	{"ising", "izing"}, {"ise", "ize"}, {"iser", "izer"}, {"isers", "izers"},
}

// yseEndings are the British -yse family: analyse, paralysed.
var yseEndings = [][2]string{{"yse", "yze"}, {"ysed", "yzed"}, {"yses", "yzes"}, {"ysing", "yzing"}}

// foldSpelling spells a lower-case word the American way.
//
// Rules, applied when the table has no entry:
//   - -our → -or when the stem before it has three letters or more
//     (armour, behaviour, favourite; not four, hour, your, flour);
//   - -ise → -ize (and -ised, -ising, -isation, …) when the word has at
//     least six letters (organise, criticised; not rise, wise);
//   - -yse → -yze (analyse, paralysed).
//
// A rule may fold a word that has no American twin ("promise" becomes
// "promize"); that is harmless, since both sides of a comparison are
// folded alike. What matters is that no rule makes two different American
// words equal, which the stem-length limits guard against.
func foldSpelling(w string) string {
	if us, ok := ukWords[w]; ok {
		return us
	}
	if strings.Contains(w, "our") {
		for i, suffix := range ourSuffixes {
			if stem, ok := strings.CutSuffix(w, suffix); ok && len(stem) >= 3 {
				return stem + "or" + ourEndings[i]
			}
		}
	}
	if len(w) >= 6 && strings.Contains(w, "is") {
		for _, p := range iseEndings {
			if stem, ok := strings.CutSuffix(w, p[0]); ok && len(stem) >= 2 {
				return stem + p[1]
			}
		}
	}
	if !strings.Contains(w, "ys") {
		return w
	}
	for _, p := range yseEndings {
		if stem, ok := strings.CutSuffix(w, p[0]); ok && len(stem) >= 3 {
			return stem + p[1]
		}
	}
	return w
}
