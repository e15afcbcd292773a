package attrib

import "strings"

// The word lists the finder reads attributions with. Entries are lower
// case, with straight apostrophes.

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// A wordClass says, one bit a list, which of the finder's word lists a
// word is on. A token's class is looked up once, when its paragraph is
// split into tokens, so that testing a token against a list costs no map
// lookup.
type wordClass uint32

// The lists a token can be tested against with token.in.
const (
	cueVerb      wordClass = 1 << iota // cueVerbs
	weakCue                            // weakCues
	cueFiller                          // cueFillers
	pronoun                            // pronouns
	determiner                         // determiners
	roleNoun                           // roleNouns
	orgNoun                            // orgNouns
	orgCap                             // orgCaps
	titleWord                          // titleWords
	stopCap                            // stopCaps
	connector                          // connectors
	rolePrep                           // rolePreps
	honorific                          // honorifics
	abbreviation                       // abbreviations
	femaleTitle                        // femaleTitles
	maleTitle                          // maleTitles
	femaleName                         // femaleNames
	maleName                           // maleNames
	labelWord                          // labelWords
	copula                             // copulas
	work                               // works
	groupNoun                          // groupNouns
)

// wordClasses holds each word on a list with its wordClass.
var wordClasses = func() *wordTable {
	lists := []struct {
		words map[string]bool
		class wordClass
	}{
		{cueVerbs, cueVerb}, {weakCues, weakCue}, {cueFillers, cueFiller},
		{determiners, determiner}, {roleNouns, roleNoun}, {orgNouns, orgNoun},
		{orgCaps, orgCap}, {titleWords, titleWord}, {stopCaps, stopCap},
		{connectors, connector}, {rolePreps, rolePrep}, {honorifics, honorific},
		{abbreviations, abbreviation}, {femaleTitles, femaleTitle}, {maleTitles, maleTitle},
		{femaleNames, femaleName}, {maleNames, maleName}, {labelWords, labelWord},
		{copulas, copula}, {works, work}, {groupNouns, groupNoun},
	}
	m := make(map[string]wordClass)
	for _, l := range lists {
		for w := range l.words {
			m[w] |= l.class
		}
	}
	for w := range pronouns {
		m[w] |= pronoun
	}
	return newWordTable(m)
}()

// A wordTable finds the class of a word. The tokenizer looks up every word
// of an article, and this open-addressing table, built once and never
// changed, does that in about half the time of a lookup in a Go map. It is
// kept small, so that it stays in the processor's cache: the words are
// stored one after another in one string, and a slot holds only where its
// word is in that string.
type wordTable struct {
	words string     // the words of all slots, one after another
	slots []wordSlot // a power of two long, at most half full
}

// A wordSlot holds one word of a wordTable, words[start:end]; an empty slot
// has end 0.
type wordSlot struct {
	start, end uint32
	class      wordClass
}

func newWordTable(m map[string]wordClass) *wordTable {
	n := 1
	for n < 2*len(m) {
		n *= 2
	}
	t := &wordTable{slots: make([]wordSlot, n)}
	var words strings.Builder
	for w, c := range m {
		i := t.first(w)
		for t.slots[i].end != 0 {
			i = t.next(i)
		}
		start := words.Len()
		words.WriteString(w)
		t.slots[i] = wordSlot{uint32(start), uint32(words.Len()), c}
	}
	t.words = words.String()
	return t
}

// class returns the class of w, zero if w is on no list. A word whose slot
// is taken goes in the next free one, so a lookup runs on to an empty slot.
func (t *wordTable) class(w string) wordClass {
	for i := t.first(w); t.slots[i].end != 0; i = t.next(i) {
		if s := t.slots[i]; t.words[s.start:s.end] == w {
			return s.class
		}
	}
	return 0
}

// first returns the slot a word hashes to (32-bit FNV-1a).
func (t *wordTable) first(w string) int {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return int(h) & (len(t.slots) - 1)
}

func (t *wordTable) next(i int) int { return (i + 1) & (len(t.slots) - 1) }

// cueVerbs are the verbs that report speech or writing, in the forms news
// copy uses them.
var cueVerbs = set(`
	said says say saying told tells tell added adds warned warns argued argues claimed claims
	explained explains remarked remarks noted notes wrote writes write stated states asked asks
	replied replies responded responds insisted insists acknowledged acknowledges admitted admits
	announced announces confirmed confirms declared declares emphasized emphasised emphasizes
	stressed stresses suggested suggests continued continues recalled recalls tweeted tweets
	posted posts conceded concedes countered counters observed observes predicted predicts
	complained complains cautioned cautions urged urges vowed vows promised promises joked jokes
	quipped testified testifies concluded concludes charged charges maintained maintains
	contended contends agreed agrees described describes highlighted highlights called calls
	criticized criticised criticizes condemned condemns denied denies disputed shouted yelled
	whispered pleaded boasted mused exclaimed reiterated reiterates assured assures affirmed
	alleged alleges threatened added reported reports wrote blasted slammed praised hailed
	demanded demands explained texted emailed messaged commented comments recounted recounts
	summed conceded announced acknowledged questioned questions lamented laments
	insisting adding arguing noting warning claiming explaining stressing telling
	sings sang chanted ruled referenced cited quoted echoed read reads wondered wonders
	yells shouts screams screamed tweeting writing telling recalling asserting asserted
	asserts replying responding declaring announcing
	`)

// weakCues report speech only when a quote is attached to them: "called",
// "described" and "highlighted" also appear in narrative ("he called a
// meeting").
var weakCues = set(`called calls described describes highlighted highlights posted posts
	reported reports charged charges continued continues maintained maintains`)

// auxiliaries and adverbs that may stand between a speaker and a cue verb:
// "Smith also said", "the official had told".
var cueFillers = set(`also later then again previously earlier recently once further had has have
	was is were are would will has had did does reportedly repeatedly publicly privately
	separately initially subsequently finally first last simply bluntly flatly frankly
	quickly angrily proudly openly never often long`)

// pronouns that can stand for a speaker, with what they agree with.
var pronouns = map[string]gender{
	"he": male, "she": female, "they": plural, "it": neuter, "we": plural, "i": unknownGender,
}

// determiners that open an unnamed-source or organisation phrase.
var determiners = set(`a an the one two three four five six several some many multiple another
	other both various numerous senior top his her their its this that these those`)

// roleNouns head a phrase naming a person by role: "one official",
// "the spokeswoman", "a source familiar with the talks".
// groupNouns are capitalised plural nouns for groups of people: a
// speaker "Americans" or "fellow Democrats" is an unnamed group, never a
// person's name.
var groupNouns = set(`americans democrats republicans conservatives liberals progressives
	independents evangelicals catholics protestants christians muslims jews hindus latinos
	hispanics europeans britons germans russians ukrainians israelis palestinians iranians
	iraqis syrians afghans mexicans canadians chinese japanese koreans indians africans
	asians californians texans floridians republican democratic`)

var roleNouns = set(`official officials spokesperson spokesman spokeswoman spokespeople source
	sources aide aides adviser advisers advisor advisors analyst analysts expert experts diplomat
	diplomats lawmaker lawmakers resident residents officer officers person people insider
	insiders staffer staffers member members witness witnesses employee employees executive
	executives leader leaders representative representatives negotiator negotiators observer
	observers critic critics supporter supporters activist activists researcher researchers
	scientist scientists doctor doctors lawyer lawyers attorney attorneys minister ministers
	secretary senator senators congressman congresswoman governor mayor president chairman
	chairwoman chair director commander general prosecutor prosecutors judge investigators
	investigator economist economists strategist strategists operative operatives voter voters
	man woman men women official's officials' veteran veterans worker workers student students
	teacher teachers parent parents friend friends neighbor neighbors neighbour neighbours
	colleague colleagues counterpart ambassador envoy administrator manager managers owner
	owners founder ceo spokesmen commentator commentators campaigner campaigners advocates
	advocate author authors reporter reporters correspondent editor historian professor
	narrator family spokespersons fellow consultant organizer organizers protester protesters
	shareholder shareholders investor investors fan fans customer customers patient patients
	player players coach manager owner passenger passengers driver drivers farmer farmers
	nurse nurses physician physicians survivor survivors victim victims relative relatives
	pal pals neighbor neighbors friend mother father son daughter wife husband sister brother
	onlooker onlookers bystander bystanders guest guests visitor visitors tenant tenants
	landlord homeowner homeowners trader traders banker bankers developer developers planner
	planners teacher principal coordinator volunteer volunteers user users buyer buyers
	seller sellers shopper shoppers diner diners rider riders commuter commuters
	attendee attendees participant participants respondent respondents
	lawmaker legislators legislator senator representative councillor councillors councilor
	councilors councilmember councilmembers
	candidate nominee campaign's lawyer
	`)

// orgNouns head a phrase naming an organisation or institution.
var orgNouns = set(`agency ministry department administration government company firm group
	groups organization organisation organizations organisations council committee office
	campaign police military army navy court commission union party coalition association
	institute university foundation center centre bank fund board authority authorities
	embassy parliament congress senate house kremlin pentagon white-house network newspaper
	outlet daily report statement team club league federation corporation corp inc llc ltd
	co service services bureau alliance movement charity nonprofit watchdog regulator
	regulators prosecutors' state states country countries nation nations city county
	district school hospital force forces command staff unit cabinet presidency palace
	secretariat mission delegation consulate tribunal
	`)

// orgCaps are capitalised words that, at the end of a name, make it an
// organisation's: "Amnesty International", "the Defense Security Cooperation Agency".
var orgCaps = set(`agency ministry department administration government company group
	organization organisation council committee office campaign police court commission union
	party coalition association institute university foundation center centre bank fund board
	authority embassy parliament congress senate house kremlin pentagon international network
	post times news journal tribune herald guardian telegraph reuters ap afp press radio tv
	inc inc. corp corp. llc ltd ltd. co. corporation service bureau alliance movement
	federation league club agency's forces force command nato un eu who cdc fbi cia nsa
	gop dnc rnc school hospital watch initiative project trust society network times'
	systems industries technologies holdings partners solutions labs energy capital media
	communications airlines motors pharmaceuticals brands entertainment studios records health
	insurance district county department's ministry's council's commission's forces' armed
	railway railways transit utilities company's institution institutions power electric gas
	water oil airways bank foods pharma financial logistics motors athletic united rovers city
	`)

// places that, as a speaker, stand for their government: "Moscow said".
var places = set(`russia ukraine moscow kyiv kiev washington beijing china america britain
	london paris france germany berlin israel iran tehran japan tokyo india mexico canada
	europe nato brussels seoul pyongyang taiwan syria iraq turkey ankara poland warsaw
	afghanistan pakistan egypt qatar libya lebanon yemen venezuela cuba brazil argentina
	colombia chile spain italy greece sweden norway denmark finland netherlands belgium
	switzerland austria hungary romania belarus armenia azerbaijan kazakhstan korea vietnam
	thailand indonesia philippines australia nigeria kenya ethiopia somalia sudan africa asia
	alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
	hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
	michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
	pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
	`)

// outlets name news organisations that relay quotes ("told CNN").
var outlets = set(`cnn politico reuters ap afp bbc nbc abc cbs npr axios bloomberg msnbc fox
	cnbc pbs c-span upi dpa efe tass ria xinhua al-jazeera sky semafor vox slate
	the-washington-post the-new-york-times the-wall-street-journal the-associated-press
	associated-press fox-news the-hill the-guardian the-times the-atlantic the-new-yorker
	the-financial-times financial-times the-daily-beast the-huffington-post huffpost
	usa-today los-angeles-times the-los-angeles-times`)

// titleWords are words of an office or role written before a name:
// "Defense Secretary Lloyd Austin", "spokesperson Matthew Miller".
var titleWords = set(`president vice secretary senator sen. sen rep. rep representative
	governor gov. gov mayor minister prime chancellor director chief spokesperson spokesman
	spokeswoman ambassador general gen. gen col. colonel lt. lieutenant adm. admiral judge
	justice dr. dr mr. mr mrs. mrs ms. ms prof. prof professor chairman chairwoman chair ceo
	leader commissioner attorney speaker king queen pope pastor rev. officer deputy assistant
	press secretary-general coach sgt. sergeant capt. captain det. detective councilman
	councilwoman councillor councilor assemblyman assemblywoman sheriff superintendent
	principal dean provost founder executive manager head commander engineer economist
	analyst adviser advisor counsel aide envoy official director-general president-elect
	then-president former acting interim senior top lead chief-of-staff lawmaker
	congressman congresswoman delegate premier emir sheikh crown prince princess sir lord
	lady dame representative-elect senator-elect governor-elect mayor-elect candidate
	nominee consul treasurer comptroller auditor regent organizer organiser coordinator
	superintendent clerk trustee president-elect co-founder cofounder partner attorney-general
	`)

// stopCaps are capitalised words that start sentences or name days and
// months but never a person: "Meanwhile, …", "On Tuesday …".
var stopCaps = set(`the a an in on at of for and but or so as if when while after before since
	meanwhile however although though still yet also then this that these those there here
	it its he she they we i you his her their our my your monday tuesday wednesday thursday
	friday saturday sunday january february march april may june july august september october
	november december jan feb mar apr jun jul aug sep sept oct nov dec during despite according
	earlier later last next today yesterday tomorrow regardless together thus instead under
	over with without from by to into among between about against amid once some many most
	all both each every no not other another such what which who whom whose why how where
	mr mrs ms dr
	`)

// abbreviations end in a period that does not end a sentence.
var abbreviations = set(`mr mrs ms dr sen rep gov gen col lt adm prof rev sgt capt det st jr sr
	inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx dept est
	ft mt univ assn bros`)

// A gender is what a pronoun agrees with.
type gender uint8

const (
	unknownGender gender = iota
	male
	female
	plural
	neuter
)

// femaleTitles and maleTitles mark a person's gender when a title says it.
var femaleTitles = set(`mrs. mrs ms. ms spokeswoman chairwoman congresswoman councilwoman
	assemblywoman queen princess lady dame madam`)
var maleTitles = set(`mr. mr spokesman chairman congressman councilman assemblyman king prince
	sir lord`)

// firstNames give a likely gender for common given names. A name not here
// agrees with either pronoun.
var femaleNames = set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
	nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda
	melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna
	brenda pamela emma nicole helen samantha katherine christine debra rachel catherine
	carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
	lauren joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann
	sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris
	marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla
	alexis lori hillary kamala nancy adrienne karine jen jill melania ivanka nikki kristi
	tulsi marjorie liz elise ursula angela theresa giorgia priya ayesha fatima olena yulia
	oksana tatiana svetlana irina natalia maria sofia lucia elena ana carmen rosa leila
	jane joan kate katie meg beth liz sue annie ella chloe zoe lily mia ava ruby jade
	dolores lola marisol rebecca ellie dana renee linda nora ruth josephine carla nadia
	louise isabelle marian rachel angela lorraine margaret anne hannah claire fiona sinead
	siobhan aoife niamh gemma kirsty leanne stacey tracy tracey wendy yvonne paula monica
	veronica vanessa valerie tamara tanya sonia sylvia stella rita rose rosa rosemary
	priscilla phyllis penny pauline patty olga nina naomi molly miriam mildred melinda
	maureen marsha marlene marjorie marcia lynn lydia lucy lorna loretta lois lillian
	leslie laurie kristen kristin kara kathy karla jocelyn joy juanita june kendra krista
	irene ingrid imani hope holly hazel gwen greta georgia gina gail felicia erica erin
	eileen edith dianne deanna dawn darlene daisy crystal connie colleen cindy cecilia
	carmen candace brittney bonnie bethany bernadette becky audrey april alison allison
	alicia alexandra adriana aisha amina mariam zainab yasmin leila sakura mei ling
	`)
var maleNames = set(`james robert john michael william david richard joseph thomas charles
	christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
	george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen
	larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack
	dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter
	noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence
	dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
	randy roy vincent ralph eugene russell bobby mason philip louis lloyd joe barack bill
	mike ted chuck mitch bernie rand marco lindsey kevin hakeem volodymyr vladimir dmitry
	sergei sergey antony tony ned hichem ben bradley jake john karim ali mohammed muhammad
	ahmed omar hassan xi emmanuel olaf boris rishi keir justin benjamin bibi yoav recep
	kim moon shinzo narendra jair andres pedro luis carlos jorge miguel alejandro ivan
	oleksandr dmytro andriy yuriy mykhailo pavel alexei nikolai viktor igor maxim
	martin callum kieran graham tom tommy marcus felix harold walt walter gordon dale carl
	tony gus derek marc ken lee jeff zhao wei hiroshi kenji ahmad tariq rahul arjun
	liam connor declan sean seamus owen rhys gareth dylan evan ian neil nigel colin
	clive trevor barry gavin craig stuart alistair hamish angus fraser duncan euan
	alfred allen andy angelo antonio barney bernard bob bobby brad brett bruce byron
	calvin cameron carlos cecil chad chester chris clarence clayton cliff clifford clint
	cody cole corey curtis dan danny darren darryl dave dean desmond dominic don doug
	drew dwight earl ed eddie edgar edwin eli elliott emmett enrique ernest ernie floyd
	francis franklin fred freddie garrett gene gilbert glen glenn gordon grant greg
	guy hank harry harvey hector herbert herman howard hugh hugo isaac jamal jared jay
	jerome jim jimmy joel johnny jon julian karl kurt lance leo leon leonard leroy lewis
	lionel lonnie luke malcolm marvin mathew max melvin micheal miles milton mitchell
	morris nathaniel ned nelson norman oliver oscar otis pat perry phil pete randall
	rafael ramon ray reggie rex ricardo rick ricky rob robin rod rodney roland ron ronnie
	ross ruben rudy rufus russ sam sammy saul seth shane sid simon stan stanley steve
	ted terrence theodore tim toby todd travis troy tyrone vernon victor vince wade
	warren wes wesley wilbur will willard wilson zach
	`)
