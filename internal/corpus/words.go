package corpus

import "strings"

// The word lists the generator writes with. Names are made up or common;
// places are made from syllables so that two stories rarely share one.

func fields(s string) []string { return strings.Fields(s) }

var femaleFirst = fields(`Elena Maria Sarah Laura Helen Anna Grace Rachel Emma Julia Olivia Ruth
	Diana Alice Clara Natalie Megan Hannah Victoria Teresa Irina Sofia Lucia Carmen Rosa Leila
	Priya Fatima Olena Yulia Margaret Susan Karen Linda Nancy Janet Joan Kate Ella Chloe`)

var maleFirst = fields(`Daniel Tomas David Michael Peter Samuel Robert James Thomas Andrew Paul
	Henry Walter George Richard Joseph Mark Steven Kevin Brian Patrick Simon Victor Arthur
	Albert Louis Philip Eric Jonathan Gabriel Adam Nathan Carl Roger Dennis Frank Oscar Hugo`)

var surnames = fields(`Okafor Varga Reyes Brandt Halvorsen Adeyemi Lindqvist Moreau Kowalski
	Nakamura Osei Petrov Castellano Fischer Haddad Ivanova Jensen Kim Lambert Mendes Novak
	Oyelaran Pereira Quist Rasmussen Sandoval Takahashi Umarov Vance Whitlock Yilmaz Zeller
	Abara Bellamy Cardoso Dimitrov Eriksen Fontaine Gallo Hartmann Ibarra Jovanovic Kaplan
	Larsen Mbeki Nilsson Ortega Quinlan Rossi Sato Tanaka Ueda Valdez Wallace Xu
	Young Zamora Achebe Bauer Chen Delgado Eze Ferrari Grant Hughes Iqbal Jaramillo Keller
	Lopez Marsh Nunez Obi Park Ramos Santos Torres Uddin Vargas Weber Yates Zhou Albrecht
	Brooks Coleman Duarte Ellison Foster Guerrero Hale Ingram Jordan Kerr Lowe Mercer Nash
	Owens Price Ruiz Shaw Tate Underwood Vaughn Walsh Boateng Mensah Asante Kuznetsov Sokolova
	Horvat Kovac Marin Dragan Petersen Holm Berg Strand Vidal Serrano Navarro Molina Arroyo`)

var placeHeads = fields(`Bren Cor Tess Mar Hal Wen Dor Ash Kel Lin Fen Gal Rav Sel Tor Vel Ard Bel
	Cal Dun Elm Glen Har Ost Pem Quen Ros Stan Tam Wyr Alder Bram Crest Drum Ever Fal Gorm
	Hex Ives Jar Kirk Lor Mill Nor Orm Pell Red Sand Thorn Ul Vern Wex Yar`)

var placeTails = fields(`nick vallen ary ford ton mere wick dale holm bury stead moor field gate
	haven ley worth shaw brook combe by thorpe wood well mouth side cliff port`)

var weekdays = fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)
var months = fields(`January February March April May June July August September October November December`)

// A topic is the kind of story: what its people talk about.
type topic struct {
	name     string
	orgKinds []string // "Water Authority": organisations as "<Place> <kind>"
	titles   []string // titles of the people quoted, before the name
	nouns    []string // things the story is about: "spillway"
	counted  []string // plural nouns that take a number: "families"
	event    string   // what happened, for ledes: "flooding"
	head     string   // what happened, for headlines: "floods"
}

var topics = []topic{
	{
		name: "flood", head: "floods", event: "flooding",
		orgKinds: fields("Water_Authority Flood_Board River_Commission"),
		titles:   fields("Mayor Regional_Water_Commissioner Chief_Engineer Governor Councillor Emergency_Manager"),
		nouns:    fields("dam spillway levee river_road reservoir pumping_station floodgates shelters sandbag_walls evacuation_routes riverbank"),
		counted:  fields("families residents homes pumps sandbags engineers volunteers streets"),
	},
	{
		name: "strike", head: "transit strike", event: "a transit strike",
		orgKinds: fields("Transit_Workers_Union Rail_Company Transport_Department"),
		titles:   fields("Union_Leader Transport_Minister Mayor Rail_Director Chief_Negotiator Councillor"),
		nouns:    fields("rail_network bus_depots night_trains ticket_offices signal_system pay_offer timetable maintenance_yards tram_lines station_staff"),
		counted:  fields("drivers workers trains buses stations passengers shifts routes"),
	},
	{
		name: "hospital", head: "hospital delays", event: "hospital waiting times",
		orgKinds: fields("General_Hospital Health_Board Nurses_Association"),
		titles:   fields("Health_Minister Hospital_Director Chief_Nurse Mayor Medical_Director Councillor"),
		nouns:    fields("emergency_ward waiting_lists vaccine_program clinics ambulance_service maternity_unit operating_theaters night_shifts intensive_care_unit outpatient_center"),
		counted:  fields("patients nurses doctors beds ambulances clinics appointments operations"),
	},
	{
		name: "budget", head: "budget row", event: "the city budget",
		orgKinds: fields("City_Council Finance_Committee Taxpayers_Association"),
		titles:   fields("Mayor Council_President Finance_Director Councillor Budget_Chief Governor"),
		nouns:    fields("budget housing_plan property_tax road_repairs school_buildings library_branches bond_issue bus_subsidy park_program sewer_upgrade"),
		counted:  fields("jobs homes libraries schools roads families businesses positions"),
	},
	{
		name: "wildfire", head: "wildfires", event: "wildfires",
		orgKinds: fields("Fire_Service Forestry_Department Emergency_Agency"),
		titles:   fields("Fire_Chief Governor Mayor Forestry_Director Incident_Commander Sheriff"),
		nouns:    fields("fire_line evacuation_zone water_bombers firebreaks ridge_road containment_lines relief_center power_lines pine_forest hill_villages"),
		counted:  fields("firefighters homes acres hectares helicopters families crews trucks"),
	},
	{
		name: "plant", head: "plant closure", event: "a factory closure",
		orgKinds: fields("Steel_Works Manufacturing_Union Development_Agency"),
		titles:   fields("Plant_Manager Union_Leader Economy_Minister Mayor Chief_Executive Councillor"),
		nouns:    fields("plant assembly_line pension_fund supply_contracts warehouse retraining_program blast_furnace export_orders night_shift loading_docks"),
		counted:  fields("jobs workers contracts orders shifts apprentices suppliers tonnes"),
	},
	{
		name: "court", head: "court ruling", event: "a court ruling",
		orgKinds: fields("District_Court Prosecutors_Office Bar_Association"),
		titles:   fields("Judge District_Attorney Defense_Lawyer Justice_Minister Police_Chief Mayor"),
		nouns:    fields("ruling appeal sentencing_hearing evidence witness_list plea_deal jury_instructions police_report case_files courtroom"),
		counted:  fields("witnesses charges documents jurors hearings officers victims counts"),
	},
	{
		name: "storm", head: "storm damage", event: "storm damage",
		orgKinds: fields("Power_Company Utilities_Commission Emergency_Agency"),
		titles:   fields("Governor Mayor Utilities_Director Emergency_Manager Chief_Engineer Councillor"),
		nouns:    fields("power_grid substations repair_crews transmission_lines backup_generators coastal_road warming_centers phone_network storm_drains sea_wall"),
		counted:  fields("homes customers crews poles generators towns households lines"),
	},
	{
		name: "schools", head: "school strike", event: "the school strike",
		orgKinds: fields("School_District Teachers_Union Education_Board"),
		titles:   fields("Superintendent Education_Minister Union_Leader Mayor School_Principal Councillor"),
		nouns:    fields("school_year teachers_contract exam_results classrooms bus_routes lunch_program school_buildings reading_program sports_fields night_classes"),
		counted:  fields("teachers students classrooms schools buses staff families lessons"),
	},
}

// adjectives qualify a noun.
var adjectives = fields(`damaged old northern new temporary main eastern flooded busy emergency
	lower upper western central public smaller larger aging southern outer inner second
	broken crowded rebuilt neglected expensive overdue regional local narrow wide steep
	shallow deep quiet noisy empty shared private municipal federal rural coastal inland
	historic modern wooden concrete steel brick fragile sturdy leaking cracked rusting
	unfinished abandoned vacant overcrowded underfunded outdated flagship experimental
	permanent seasonal nightly weekly monthly annual backup spare standby mobile portable
	heavy light frozen heated flooded muddy dusty sunny windy icy remote nearby distant
	familiar unfamiliar controversial popular unpopular costly cheap efficient wasteful
	secure unsafe reliable unreliable fragmented crucial minor major basic advanced
	northbound southbound eastbound westbound downtown uptown riverside hillside lakeside`)

// nouns are things anyone in any story may talk about, singular, after
// "the" and an adjective.
var nouns = fields(`bridge tunnel depot clinic terminal warehouse pipeline runway stadium
	library courthouse archive laboratory subsidy tariff permit ferry reservoir canal culvert
	footbridge overpass underpass roundabout junction crossing platform viaduct ramp quay
	jetty pier marina boatyard shipyard dockyard railyard gasworks waterworks sawmill
	brewery bakery creamery tannery foundry refinery smelter quarry mine orchard vineyard
	greenhouse nursery allotment cemetery chapel cathedral museum gallery theater arena
	gymnasium swimming_pool ice_rink racetrack fairground campsite hostel shelter barracks
	arsenal checkpoint watchtower lighthouse observatory planetarium aquarium zoo
	playground skatepark boardwalk promenade esplanade parkway boulevard avenue bypass
	motorway highway freeway tollbooth car_park garage showroom marketplace bazaar arcade
	mall supermarket pharmacy dispensary hospice care_home orphanage kindergarten academy
	college campus dormitory seminary conservatory auditorium courtroom jail prison
	detention_center police_station fire_station ambulance_station coastguard_station
	post_office telephone_exchange data_center power_station substation windfarm solar_farm
	dam weir sluice spillway levee embankment dike breakwater seawall groyne harbor
	estuary marsh wetland floodplain meadow pasture woodland forest thicket ridge valley
	gorge canyon plateau basin delta lagoon`)

// groups are the people a speaker speaks for: "our crews".
var groups = fields(`crews engineers staff members volunteers inspectors nurses drivers planners
	lawyers surveyors wardens technicians officers teachers rangers dispatchers contractors
	auditors clerks managers stewards researchers analysts medics cleaners porters builders
	electricians plumbers marshals pilots divers firefighters paramedics counselors`)

// verbs are what speakers say they will do or did: base form, past form.
var verbs = [][2]string{
	{"protect", "protected"}, {"rebuild", "rebuilt"}, {"inspect", "inspected"}, {"reopen", "reopened"},
	{"fund", "funded"}, {"review", "reviewed"}, {"support", "supported"}, {"close", "closed"},
	{"replace", "replaced"}, {"repair", "repaired"}, {"monitor", "monitored"}, {"defend", "defended"},
	{"expand", "expanded"}, {"finish", "finished"}, {"organize", "organized"}, {"prioritize", "prioritized"},
	{"mobilize", "mobilized"}, {"recognize", "recognized"}, {"stabilize", "stabilized"},
	{"modernize", "modernized"}, {"check", "checked"}, {"secure", "secured"}, {"restore", "restored"},
	{"clear", "cleared"}, {"upgrade", "upgraded"}, {"pay for", "paid for"}, {"test", "tested"},
	{"investigate", "investigated"}, {"approve", "approved"}, {"delay", "delayed"}, {"cancel", "canceled"},
	{"open", "opened"}, {"build", "built"}, {"save", "saved"}, {"staff", "staffed"}, {"rethink", "rethought"},
	{"accept", "accepted"}, {"adjust", "adjusted"}, {"allocate", "allocated"}, {"assess", "assessed"},
	{"audit", "audited"}, {"block", "blocked"}, {"boost", "boosted"}, {"challenge", "challenged"},
	{"clean", "cleaned"}, {"complete", "completed"}, {"consolidate", "consolidated"}, {"contest", "contested"},
	{"convert", "converted"}, {"coordinate", "coordinated"}, {"decommission", "decommissioned"},
	{"demolish", "demolished"}, {"deploy", "deployed"}, {"design", "designed"}, {"document", "documented"},
	{"drain", "drained"}, {"equip", "equipped"}, {"evaluate", "evaluated"}, {"evacuate", "evacuated"},
	{"extend", "extended"}, {"fence", "fenced"}, {"finance", "financed"}, {"fix", "fixed"},
	{"guarantee", "guaranteed"}, {"halt", "halted"}, {"improve", "improved"}, {"insure", "insured"},
	{"install", "installed"}, {"launch", "launched"}, {"lease", "leased"}, {"map", "mapped"},
	{"measure", "measured"}, {"merge", "merged"}, {"negotiate", "negotiated"}, {"overhaul", "overhauled"},
	{"patch", "patched"}, {"pause", "paused"}, {"pledge", "pledged"}, {"postpone", "postponed"},
	{"preserve", "preserved"}, {"publish", "published"}, {"purchase", "purchased"}, {"reconnect", "reconnected"},
	{"recruit", "recruited"}, {"redesign", "redesigned"}, {"reduce", "reduced"}, {"refurbish", "refurbished"},
	{"reinforce", "reinforced"}, {"relocate", "relocated"}, {"renovate", "renovated"}, {"reroute", "rerouted"},
	{"resurface", "resurfaced"}, {"retrofit", "retrofitted"}, {"revise", "revised"}, {"scrap", "scrapped"},
	{"seal", "sealed"}, {"settle", "settled"}, {"simplify", "simplified"}, {"sponsor", "sponsored"},
	{"strengthen", "strengthened"}, {"survey", "surveyed"}, {"suspend", "suspended"}, {"tighten", "tightened"},
	{"track", "tracked"}, {"transfer", "transferred"}, {"trim", "trimmed"}, {"unblock", "unblocked"},
	{"update", "updated"}, {"verify", "verified"}, {"widen", "widened"},
}

// spellings are American spellings with their British twins, for
// cosmetic variants; compare treats each pair as one word.
var spellings = map[string]string{
	"organize": "organise", "organized": "organised", "prioritize": "prioritise",
	"prioritized": "prioritised", "mobilize": "mobilise", "mobilized": "mobilised",
	"recognize": "recognise", "recognized": "recognised", "stabilize": "stabilise",
	"stabilized": "stabilised", "modernize": "modernise", "modernized": "modernised",
	"canceled": "cancelled", "center": "centre", "centers": "centres", "theaters": "theatres",
	"theater": "theatre", "program": "programme", "aging": "ageing", "neighbors": "neighbours",
	"defense": "defence", "labor": "labour", "harbor": "harbour",
}

// subjects of a speaker's clauses; every one takes a plural verb or a
// modal.
var subjects = strings.Split(`we|we|our {group}|the {group} here|my {group}|the people of {place}|this administration|the {group} in {place}|my colleagues|our {group} and our {group}`, "|")

// modifiers end a clause.
var modifiers = strings.Split(`before {day}|by {month}|within {small} days|this week|this winter|next spring|as fast as possible|for {place}|around the clock|on our own|with our own money|after the vote|in {small} hours|since {month}|with the labor we have|at the center|near the {adj} {noun}|next to the {noun}|along the {adj} {noun}|behind the {noun}|under the {adj} {noun}|across {place}|beside the {noun}|||||||||`, "|")

// prepositions place one thing by another.
var prepositions = fields(`near behind beside past beyond above below opposite outside`)

// adverbs sometimes come before a clause's verb.
var adverbs = fields(`quickly quietly carefully finally already gradually partly fully
	urgently reluctantly gladly slowly safely deliberately temporarily`)

// judgements are what fragments and scare quotes call things.
var judgements = fields(`reckless shameful overdue disastrous heroic pointless cynical bold
	historic chaotic unacceptable outrageous timid brave careless stubborn absurd
	extraordinary deplorable miraculous grotesque admirable baffling ruinous`)

// openers sometimes start a statement.
var openers = strings.Split(`Let me be clear: |Frankly, |To be honest, |Look, |Right now, |||||||||||||||`, "|")

// narrative verbs for the writer's sentences: past tense, taking an object.
var narrativeVerbs = fields(`visited inspected announced reviewed closed reopened funded defended
	criticized questioned approved delayed expanded toured praised blamed`)

// outletNames are the publications; each writes in its own style.
var outletNames = []struct {
	name, host string
	curly, uk  bool // curly quote marks; British spelling in the writer's own words
	html       bool // the crawler kept the page, not the text
}{
	{"The Northern Courier", "northerncourier.test", true, true, false},
	{"Harbor Gazette", "harborgazette.test", false, false, true},
	{"Daily Tribune", "dailytribune.test", true, false, false},
	{"The Valley Herald", "valleyherald.test", false, false, false},
	{"Metro Bulletin", "metrobulletin.test", true, false, true},
	{"Coastal Wire", "coastalwire.test", false, false, false},
	{"The Evening Standard-Post", "eveningstandardpost.test", true, true, false},
	{"Riverside Ledger", "riversideledger.test", false, false, false},
	{"The Capital Observer", "capitalobserver.test", true, false, true},
	{"Plains Chronicle", "plainschronicle.test", false, false, false},
	{"Westshire Times", "westshiretimes.test", true, true, false},
	{"The Morning Dispatch", "morningdispatch.test", false, false, false},
	{"Lakeside Record", "lakesiderecord.test", true, false, false},
	{"Highland Voice", "highlandvoice.test", false, true, true},
	{"The Civic Review", "civicreview.test", true, false, false},
	{"County Examiner", "countyexaminer.test", false, false, false},
	{"The Frontier Press", "frontierpress.test", true, false, true},
	{"Bayside Sentinel", "baysidesentinel.test", false, false, false},
	{"Union Star", "unionstar.test", true, false, false},
	{"The Market Journal", "marketjournal.test", false, true, false},
}
