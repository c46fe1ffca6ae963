"""Themes: an area of society with its places, counterparts and narrative templates in Norwegian
and Swedish. Weights follow DiMe's 2019 annual report; every business or institution is made up.
The themes about public services are in public_themes.py; THEMES lists them all in one order.
"""

from likeverd.cases.models import CounterpartKind, PlaceKind
from likeverd.setup.demo.texts.public_themes import CHILD_WELFARE, HEALTH, PROFILING, SCHOOL, WELFARE
from likeverd.setup.demo.texts.theme import Theme

K = CounterpartKind
P = PlaceKind

WORK = Theme(
    key="work",
    weight_no=5,
    weight_se=8,
    category_words=("work", "employ", "arbeid", "arbets"),
    place_kinds=(P.WORKPLACE,),
    counterpart_kind=K.EMPLOYER,
    counterparts_no=(
        "Lager og Logistikk Alna AS",
        "Renholdsbyrået Vest AS",
        "Byggmester Nordby AS",
        "Kafé Torggata AS",
        "Omsorgsbemanning Øst AS",
    ),
    counterparts_se=(
        "Hyllie Lager AB",
        "Städservice Syd AB",
        "Restaurang Möllan AB",
        "Byggfirman Lundagård AB",
        "Hemtjänst Plus Malmö AB",
    ),
    narratives_nb=(
        "Klienten jobber hos {cp} og forteller at lederen gjentatte ganger har kommet med nedsettende "
        "kommentarer foran kolleger. Etter at klienten sa fra, ble vaktene kuttet ned.",
        "Klienten søkte fast stilling hos {cp} og ble innkalt til intervju. Der ble det stilt spørsmål "
        "om familie og religion, og stillingen gikk til en kandidat med kortere erfaring.",
        "Klienten har vikariert hos {cp} i to år. Kolleger kaller klienten ved et oppdiktet kallenavn og"
        " ler av aksenten. Arbeidsgiveren har ikke gjort noe etter flere beskjeder.",
    ),
    narratives_sv=(
        "Klienten arbetar på {cp} och berättar att chefen upprepade gånger har gjort nedsättande "
        "kommentarer inför kollegor. Efter att klienten sa ifrån minskades antalet pass.",
        "Klienten sökte en tillsvidaretjänst hos {cp} och kallades till intervju. Där ställdes frågor om"
        " familj och religion, och tjänsten gick till en sökande med kortare erfarenhet.",
        "Klienten har haft timanställning på {cp} i två år. Kollegor härmar klientens brytning och "
        "arbetsgivaren har inte agerat trots flera påpekanden.",
    ),
)

HOUSING = Theme(
    key="housing",
    weight_no=15,
    weight_se=12,
    category_words=("hous", "bolig", "bostad", "neighbour"),
    place_kinds=(P.HOME,),
    counterpart_kind=K.LANDLORD,
    counterparts_no=(
        "Solheim Eiendom AS",
        "Borettslaget Furutoppen",
        "Utleiemegleren Sentrum AS",
        "Sameiet Bjørkelia",
    ),
    counterparts_se=(
        "Fastighets AB Kvarnby",
        "Bostadsrättsföreningen Lönnen",
        "Hyresvärden Söder AB",
        "Studentbostäder Lund AB",
    ),
    narratives_nb=(
        "Klienten svarte på en annonse for en leilighet på {place}. Da utleieren hørte navnet, ble "
        "leiligheten plutselig utleid, men annonsen lå ute i to uker til.",
        "Klienten bor i et borettslag på {place} og opplever at styret behandler familien annerledes enn"
        " andre beboere: klager blir ikke besvart, og familien har fått advarsel for støy som andre står"
        " for.",
        "En nabo på {place} har over lang tid ropt skjellsord mot klienten i oppgangen og lagt lapper i "
        "postkassen. Klienten er redd for å møte naboen og vurderer å flytte.",
    ),
    narratives_sv=(
        "Klienten svarade på en annons om en lägenhet i {place}. När hyresvärden hörde namnet var "
        "lägenheten plötsligt uthyrd, men annonsen låg kvar i två veckor.",
        "Klienten bor i en bostadsrättsförening i {place} och upplever att styrelsen behandlar familjen "
        "annorlunda än andra boende: klagomål besvaras inte och familjen har fått varning för "
        "störningar.",
        "En granne i {place} har under lång tid skrikit glåpord mot klienten i trapphuset och lagt "
        "lappar i brevlådan. Klienten är rädd för grannen och funderar på att flytta.",
    ),
    counterpart_is_person=False,
)

NEIGHBOUR = Theme(
    key="neighbour",
    weight_no=4,
    weight_se=3,
    category_words=("hous", "bolig", "bostad", "neighbour"),
    place_kinds=(P.HOME,),
    counterpart_kind=K.PRIVATE_PERSON,
    counterparts_no=(),
    counterparts_se=(),
    narratives_nb=(
        "Konflikten med en nabo på {place} startet med en klage på parkering. Siden har naboen kommet "
        "med rasistiske utsagn og filmet klientens barn i bakgården.",
        "Klienten forteller at en nabo på {place} har skrevet innlegg om familien i beboergruppen på "
        "nett og oppfordret andre til ikke å hilse på dem.",
    ),
    narratives_sv=(
        "Konflikten med en granne i {place} började med ett klagomål om parkering. Sedan dess har "
        "grannen fällt rasistiska kommentarer och filmat klientens barn på gården.",
        "Klienten berättar att en granne i {place} har skrivit inlägg om familjen i föreningens grupp på"
        " nätet och uppmanat andra att inte hälsa på dem.",
    ),
    counterpart_is_person=True,
)

NIGHTLIFE = Theme(
    key="nightlife",
    weight_no=5,
    weight_se=5,
    category_words=("night", "utesteder", "uteliv", "nöjes", "noje"),
    place_kinds=(P.NIGHTLIFE,),
    counterpart_kind=K.NIGHTLIFE,
    counterparts_no=("Nattklubben Blå Måne", "Bar Kobolt", "Utestedet Lykta", "Klubb Fyrlykt"),
    counterparts_se=("Nattklubben Stjärnan", "Bar Hamnen", "Klubb Ljusgården", "Pub Kvarteret"),
    narratives_nb=(
        "Klienten og to venner ble avvist i døra på {cp} en lørdag kveld. Dørvakten sa at det var fullt,"
        " men slapp inn en gruppe etter dem rett etterpå.",
        "Klienten ble bedt om å vise ekstra legitimasjon på {cp}, mens venner med norsk bakgrunn ble "
        "sluppet inn uten. Da klienten spurte hvorfor, ble klienten bedt om å gå.",
    ),
    narratives_sv=(
        "Klienten och två vänner nekades inträde på {cp} en lördagskväll. Vakten sa att det var fullt, "
        "men släppte in ett sällskap som kom direkt efter.",
        "Klienten ombads visa extra legitimation på {cp}, medan vänner med svensk bakgrund släpptes in "
        "utan. När klienten frågade varför ombads klienten att gå.",
    ),
    ground_boost={"ethnicity_sex": 12},
)

HARASSMENT = Theme(
    key="harassment",
    weight_no=6,
    weight_se=6,
    category_words=("harass", "trakass", "behaviour", "bemot"),
    place_kinds=(P.STREET, P.TRANSPORT, P.SHOP),
    counterpart_kind=K.PRIVATE_PERSON,
    counterparts_no=(),
    counterparts_se=(),
    narratives_nb=(
        "Klienten ble kalt stygge ting av en medpassasjer på T-banen ved {place}. Ingen andre grep inn, "
        "og klienten gikk av på feil stasjon for å komme seg unna.",
        "En mann ropte skjellsord og spyttet etter klienten på en bussholdeplass på {place}. Klienten "
        "vet ikke hvem det var, men tror det finnes overvåkingsbilder.",
        "Klienten ble presset ut av køen i en butikk på {place} og fikk høre at «sånne som deg» skulle "
        "vente bakerst.",
    ),
    narratives_sv=(
        "Klienten kallades fula saker av en medpassagerare på bussen vid {place}. Ingen ingrep och "
        "klienten klev av vid fel hållplats för att komma undan.",
        "En man skrek glåpord och spottade efter klienten vid en busshållplats i {place}. Klienten vet "
        "inte vem det var men tror att det finns övervakningsbilder.",
        "Klienten trängdes undan i kön i en butik i {place} och fick höra att ”sådana som du” fick vänta"
        " längst bak.",
    ),
    ground_boost={"ethnicity_religion_sex": 10},
    counterpart_is_person=True,
)

GOODS_SERVICES = Theme(
    key="goods_services",
    weight_no=2,
    weight_se=5,
    category_words=("goods", "service", "varer", "varor", "tjänst"),
    place_kinds=(P.SHOP,),
    counterpart_kind=K.BUSINESS,
    counterparts_no=(
        "Dagligvarebutikken på {place}",
        "Bilutleie Øst AS",
        "Treningssenteret på {place}",
        "Frisørsalongen Saks",
    ),
    counterparts_se=(
        "Livsmedelsbutiken i {place}",
        "Biluthyrning Syd AB",
        "Gymmet i {place}",
        "Banken på Stortorget",
    ),
    narratives_nb=(
        "Klienten ble fulgt av en vekter gjennom hele butikken hos {cp} og til slutt bedt om å vise "
        "innholdet i vesken. Ingen andre kunder ble stoppet.",
        "Klienten fikk nei til å leie bil hos {cp} fordi førerkortet var utstedt i et annet land, selv "
        "om det var gyldig. Klienten har fått vite at andre med utenlandsk førerkort har fått leie.",
    ),
    narratives_sv=(
        "Klienten följdes av en väktare genom hela butiken hos {cp} och ombads till sist visa innehållet"
        " i väskan. Inga andra kunder stoppades.",
        "Klienten nekades att öppna konto hos {cp} med hänvisning till ”rutiner”, trots att alla "
        "handlingar fanns med. En kollega med samma papper fick öppna konto samma vecka.",
    ),
)

LEISURE = Theme(
    key="leisure",
    weight_no=3,
    weight_se=2,
    category_words=("leisure", "fritid", "sport"),
    place_kinds=(P.OTHER,),
    counterpart_kind=K.OTHER,
    counterparts_no=("Fotballklubben på {place}", "Svømmehallen på {place}"),
    counterparts_se=("Fotbollsföreningen i {place}", "Simhallen i {place}"),
    narratives_nb=(
        "Klientens barn fikk ikke plass på laget i {cp}, og treneren sa at «det blir så mye styr med "
        "sånne familier». Andre barn fra samme skole fikk plass.",
        "Klienten ble bedt om å forlate {cp} fordi badetøyet ikke var «vanlig», selv om det fulgte reglene.",
    ),
    narratives_sv=(
        "Klientens barn fick inte plats i laget i {cp}, och tränaren sa att ”det blir så mycket krångel "
        "med sådana familjer”. Andra barn från samma skola fick plats.",
        "Klienten ombads lämna {cp} eftersom badkläderna inte var ”vanliga”, trots att de följde reglerna.",
    ),
    ground_boost={"ethnicity_religion_sex": 6},
)

HATE = Theme(
    key="hate",
    weight_no=8,
    weight_se=4,
    category_words=("hate", "crime", "brott"),
    place_kinds=(P.ONLINE, P.STREET),
    counterpart_kind=K.PRIVATE_PERSON,
    counterparts_no=(),
    counterparts_se=(),
    narratives_nb=(
        "Klienten har fått grove meldinger på sosiale medier med trusler mot familien og nedsettende ord"
        " om legning og bakgrunn. Klienten har tatt skjermbilder og vurderer å anmelde.",
        "Klienten ble angrepet verbalt og dyttet av en ukjent mann på {place} sent på kvelden. Mannen "
        "ropte hatefulle ord om klientens religion.",
        "Noen har tagget hatefulle ord på inngangsdøra til klientens leilighet på {place}. Klienten vil "
        "vite om det kan anmeldes som hatkriminalitet.",
    ),
    narratives_sv=(
        "Klienten har fått grova meddelanden i sociala medier med hot mot familjen och nedsättande ord "
        "om läggning och ursprung. Klienten har sparat skärmdumpar och funderar på att anmäla.",
        "Klienten blev utskälld och knuffad av en okänd man i {place} sent på kvällen. Mannen skrek "
        "hatiska ord om klientens religion.",
        "Någon har klottrat hatiska ord på dörren till klientens lägenhet i {place}. Klienten vill veta "
        "om det kan anmälas som hatbrott.",
    ),
    ground_boost={"ethnicity_sexual_orientation": 18, "ethnicity_religion_sex": 6},
    counterpart_is_person=True,
)

OTHER = Theme(
    key="other",
    weight_no=6,
    weight_se=4,
    category_words=("other", "annet", "övrigt", "ovrigt"),
    place_kinds=(P.OTHER, P.ONLINE),
    counterpart_kind=K.OTHER,
    counterparts_no=("Trossamfunnet i bydelen", "Frivilligsentralen", "Forsikringsselskapet Trygghet AS"),
    counterparts_se=(
        "Föreningen i stadsdelen",
        "Försäkringsbolaget Trygghet AB",
        "Kyrkans öppna verksamhet",
    ),
    narratives_nb=(
        "Klienten ringte for å høre om en opplevelse med {cp} kan være diskriminering. Saken er uklar og"
        " klienten ønsker først og fremst å bli hørt.",
        "Klienten har fått avslag på forsikring fra {cp} med en begrunnelse som klienten mener henger "
        "sammen med landet klienten kommer fra.",
    ),
    narratives_sv=(
        "Klienten ringde för att höra om en upplevelse med {cp} kan vara diskriminering. Ärendet är "
        "oklart och klienten vill först och främst bli lyssnad på.",
        "Klienten har fått avslag på en försäkring från {cp} med en motivering som klienten menar hänger"
        " ihop med vilket land klienten kommer från.",
    ),
)

THEMES: tuple[Theme, ...] = (
    WORK,
    HOUSING,
    NEIGHBOUR,
    NIGHTLIFE,
    WELFARE,
    HARASSMENT,
    HEALTH,
    SCHOOL,
    CHILD_WELFARE,
    GOODS_SERVICES,
    PROFILING,
    LEISURE,
    HATE,
    OTHER,
)
