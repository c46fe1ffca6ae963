"""The demo's themes about public services (welfare, health, school, child welfare, police
stops), in Norwegian and Swedish; every institution here is made up."""

from likeverd.cases.models import CounterpartKind, PlaceKind
from likeverd.setup.demo.texts.theme import Theme

K = CounterpartKind
P = PlaceKind

WELFARE = Theme(
    key="welfare",
    weight_no=2,
    weight_se=3,
    category_words=("nav", "welfare", "social", "public"),
    place_kinds=(P.PUBLIC_OFFICE,),
    counterpart_kind=K.WELFARE,
    counterparts_no=("NAV-kontoret i bydelen", "NAV Hjelpemiddelsentral", "Bydelens sosialtjeneste"),
    counterparts_se=(
        "Försäkringskassans lokalkontor",
        "Socialtjänsten i stadsdelen",
        "Arbetsförmedlingen",
    ),
    narratives_nb=(
        "Klienten ba {cp} om tolk til et møte om økonomisk sosialhjelp, men fikk beskjed om å ta med et "
        "familiemedlem. Saksbehandleren kommenterte at klienten burde ha lært norsk.",
        "Klienten mener {cp} behandler søknaden annerledes enn for andre: det kreves dokumenter som ikke"
        " kreves av andre, og søknaden har ligget i fem måneder.",
    ),
    narratives_sv=(
        "Klienten bad {cp} om tolk till ett möte om ekonomiskt bistånd men fick höra att ta med en "
        "släkting. Handläggaren sa att klienten borde ha lärt sig svenska.",
        "Klienten menar att {cp} hanterar ärendet annorlunda än för andra: det krävs intyg som andra "
        "inte behöver lämna, och ärendet har legat i fem månader.",
    ),
    ground_boost={"disability": 4},
)

HEALTH = Theme(
    key="health",
    weight_no=2,
    weight_se=3,
    category_words=("health", "helse", "hälso", "halso", "sjukvård"),
    place_kinds=(P.HEALTH,),
    counterpart_kind=K.HEALTH,
    counterparts_no=("Legekontoret på {place}", "Legevakten", "Tannklinikken på {place}"),
    counterparts_se=("Vårdcentralen i {place}", "Akutmottagningen", "Tandvårdskliniken i {place}"),
    narratives_nb=(
        "Klienten opplevde at legen på {cp} ikke tok smertene på alvor og sa at «dere overdriver "
        "alltid». Klienten fikk ikke henvisning før etter et nytt besøk et annet sted.",
        "Klienten fikk ikke tolk ved {cp}, og et barn måtte oversette under en undersøkelse.",
    ),
    narratives_sv=(
        "Klienten upplevde att läkaren på {cp} inte tog smärtan på allvar och sa att ”ni överdriver "
        "alltid”. Klienten fick remiss först efter ett nytt besök på annat håll.",
        "Klienten fick ingen tolk på {cp}, och ett barn fick översätta under en undersökning.",
    ),
    ground_boost={"disability": 4, "ethnicity_age": 3},
)

SCHOOL = Theme(
    key="school",
    weight_no=4,
    weight_se=5,
    category_words=("school", "educ", "skole", "utdann", "utbildn"),
    place_kinds=(P.SCHOOL,),
    counterpart_kind=K.SCHOOL,
    counterparts_no=("{place} skole", "Barnehagen Solsikken", "{place} videregående skole"),
    counterparts_se=("{place}skolan", "Förskolan Solrosen", "Gymnasiet i {place}"),
    narratives_nb=(
        "Forelderen forteller at barnet over lang tid er blitt kalt rasistiske navn av medelever på "
        "{cp}. Skolen har hatt samtaler, men ikke laget noen aktivitetsplan.",
        "Eleven ble nektet å delta på skoletur fordi skolen mente klesdrakten ikke passet. Forelderen "
        "opplever at {cp} ikke ville snakke om alternativer.",
    ),
    narratives_sv=(
        "Föräldern berättar att barnet under lång tid har kallats rasistiska saker av andra elever på "
        "{cp}. Skolan har haft samtal men inte gjort någon utredning.",
        "Eleven fick inte följa med på en skolresa eftersom skolan menade att klädseln var olämplig. "
        "Föräldern upplever att {cp} inte ville diskutera alternativ.",
    ),
)

CHILD_WELFARE = Theme(
    key="child_welfare",
    weight_no=1,
    weight_se=1,
    category_words=("child", "barnevern", "barn"),
    place_kinds=(P.PUBLIC_OFFICE,),
    counterpart_kind=K.PUBLIC_BODY,
    counterparts_no=("Barnevernstjenesten i bydelen",),
    counterparts_se=("Socialtjänstens barn- och familjeenhet",),
    narratives_nb=(
        "Klienten mener {cp} har lagt vekt på fordommer om familiens kultur i en undersøkelse, og at "
        "forklaringene ikke ble skrevet riktig i rapporten fordi det ikke var tolk.",
    ),
    narratives_sv=(
        "Klienten menar att {cp} har byggt på fördomar om familjens kultur i en utredning och att "
        "förklaringarna blev fel i journalen eftersom det saknades tolk.",
    ),
)

PROFILING = Theme(
    key="profiling",
    weight_no=2,
    weight_se=2,
    category_words=("profil", "police", "politi", "polis"),
    place_kinds=(P.POLICE, P.STREET),
    counterpart_kind=K.POLICE,
    counterparts_no=("Politiet (patrulje)",),
    counterparts_se=("Polisen (patrull)",),
    narratives_nb=(
        "Klienten ble stanset og visitert av politiet på {place} for tredje gang på en måned, uten å få "
        "vite hvorfor. Vennene som var med ble ikke stanset.",
        "Under en billettkontroll ved {place} ble klienten holdt igjen av vektere og politi tilkalt, "
        "selv om klienten hadde gyldig billett på telefonen.",
    ),
    narratives_sv=(
        "Klienten stoppades och visiterades av polisen i {place} för tredje gången på en månad utan att "
        "få veta varför. Vännerna som var med stoppades inte.",
        "Vid en biljettkontroll vid {place} hölls klienten kvar av kontrollanter och polis tillkallades,"
        " trots att klienten hade giltig biljett i telefonen.",
    ),
    ground_boost={"ethnicity_sex": 20},
)
