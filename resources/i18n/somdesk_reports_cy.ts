<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name></name>
    <message>
        <source>{0}: action due {1}</source>
        <translation>{0}: cam gweithredu yn ddyledus {1}</translation>
    </message>
    <message>
        <source>{0} day</source>
        <translation>{0} diwrnod</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} diwrnod</translation>
    </message>
    <message>
        <source>{due} (OVERDUE, {days})</source>
        <translation>{due} (YN HWYR, {days})</translation>
    </message>
    <message>
        <source>{actions}, {late} overdue, for {agencies}; as at {today}.</source>
        <translation>{actions}, {late} yn hwyr, ar gyfer {agencies}; fel ar {today}.</translation>
    </message>
    <message>
        <source>{0} open action</source>
        <translation>{0} cam gweithredu agored</translation>
    </message>
    <message>
        <source>{0} open actions</source>
        <translation>{0} cam gweithredu agored</translation>
    </message>
    <message>
        <source>{0} agency</source>
        <translation>{0} asiantaeth</translation>
    </message>
    <message>
        <source>{0} agencies</source>
        <translation>{0} asiantaeth</translation>
    </message>
    <message>
        <source>No open actions.</source>
        <translation>Dim camau gweithredu agored.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Cam gweithredu</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Perchennog</translation>
    </message>
    <message>
        <source>Due by (red: overdue)</source>
        <translation>Yn ddyledus erbyn (coch: yn hwyr)</translation>
    </message>
    <message>
        <source>Oversight board</source>
        <translation>Bwrdd goruchwylio</translation>
    </message>
    <message>
        <source>{title} · {today} · visits counted from {start}</source>
        <translation>{title} · {today} · ymweliadau wedi&apos;u cyfrif o {start}</translation>
    </message>
    <message>
        <source>Backlog by risk</source>
        <translation>Ôl-groniad yn ôl risg</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Y cyfan</translation>
    </message>
    <message>
        <source>Visits overdue</source>
        <translation>Ymweliadau yn hwyr</translation>
    </message>
    <message>
        <source>ARMS backlog</source>
        <translation>Ôl-groniad ARMS</translation>
    </message>
    <message>
        <source>Most overdue</source>
        <translation>Y rhai mwyaf hwyr</translation>
    </message>
    <message>
        <source>How overdue: visits and ARMS by days overdue</source>
        <translation>Pa mor hwyr: ymweliadau ac ARMS yn ôl nifer y diwrnodau yn hwyr</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Diwrnodau yn hwyr</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Ymweliadau</translation>
    </message>
    <message>
        <source>ARMS</source>
        <translation>ARMS</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Arfer</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Ffigur</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>{visits} recorded since {start}: {lone} by a lone officer ({authorised} authorised, {unauthorised} without authorisation), {announced} announced in advance.</source>
        <translation>{visits} wedi&apos;u cofnodi ers {start}: {lone} gan swyddog ar ei ben ei hun ({authorised} wedi&apos;u hawdurdodi, {unauthorised} heb awdurdod), {announced} wedi&apos;u cyhoeddi ymlaen llaw.</translation>
    </message>
    <message>
        <source>{0} visit</source>
        <translation>{0} ymweliad</translation>
    </message>
    <message>
        <source>{0} visits</source>
        <translation>{0} ymweliad</translation>
    </message>
    <message>
        <source>MAPPA annual report and FOI figures: reporting year {0}</source>
        <translation>Ffigurau adroddiad blynyddol MAPPA a Rhyddid Gwybodaeth: blwyddyn adrodd {0}</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <source>Forecast: RSOs and SOMs needed at target</source>
        <translation>Rhagolwg: RSO a&apos;r SOM sydd eu hangen ar y targed</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Senario</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Cyfradd</translation>
    </message>
    <message>
        <source>+{0} yr</source>
        <translation>+{0} bl.</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nawr</translation>
    </message>
    <message>
        <source>Each cell: RSOs / SOMs needed at the target caseload.</source>
        <translation>Pob cell: RSO / SOM sydd eu hangen ar y llwyth achosion targed.</translation>
    </message>
    <message>
        <source>ARMS backlog burn-down</source>
        <translation>Lleihau ôl-groniad ARMS</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>Tuedd wythnosol</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Wythnos</translation>
    </message>
    <message>
        <source>Figures only: this copy lists no case. The case lists can be included when printing.</source>
        <translation>Ffigurau yn unig: nid yw&apos;r copi hwn yn rhestru unrhyw achos. Gellir cynnwys y rhestrau achosion wrth argraffu.</translation>
    </message>
    <message>
        <source>The {shown} most overdue cases (of {all})</source>
        <translation>Y {shown} achos mwyaf hwyr (o {all})</translation>
    </message>
    <message>
        <source>{0} case</source>
        <translation>{0} achos</translation>
    </message>
    <message>
        <source>{0} cases</source>
        <translation>{0} achos</translation>
    </message>
    <message>
        <source>ViSOR ref</source>
        <translation>Cyf. ViSOR</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risg</translation>
    </message>
    <message>
        <source>Visit due</source>
        <translation>Ymweliad yn ddyledus</translation>
    </message>
    <message>
        <source>Visit days overdue</source>
        <translation>Ymweliad: diwrnodau yn hwyr</translation>
    </message>
    <message>
        <source>ARMS due</source>
        <translation>ARMS yn ddyledus</translation>
    </message>
    <message>
        <source>ARMS days overdue</source>
        <translation>ARMS: diwrnodau yn hwyr</translation>
    </message>
    <message>
        <source>No ARMS is overdue.</source>
        <translation>Nid oes unrhyw ARMS yn hwyr.</translation>
    </message>
    <message>
        <source>No visit is overdue.</source>
        <translation>Nid oes unrhyw ymweliad yn hwyr.</translation>
    </message>
    <message>
        <source>Oldest ARMS: {which}{risk} risk, {days} overdue.</source>
        <translation>ARMS hynaf: {which}risg {risk}, {days} yn hwyr.</translation>
    </message>
    <message>
        <source>Oldest visit: {which}{risk} risk, {days} overdue.</source>
        <translation>Ymweliad hynaf: {which}risg {risk}, {days} yn hwyr.</translation>
    </message>
    <message>
        <source>Backlog {backlog}; {completed} ARMS completed a month lately, {due} a month falling due.</source>
        <translation>Ôl-groniad {backlog}; {completed} ARMS wedi&apos;u cwblhau bob mis yn ddiweddar, {due} y mis yn dod yn ddyledus.</translation>
    </message>
    <message>
        <source> At this rate the backlog does not clear.</source>
        <translation> Ar y gyfradd hon ni fydd yr ôl-groniad yn cael ei glirio.</translation>
    </message>
    <message>
        <source> No backlog.</source>
        <translation> Dim ôl-groniad.</translation>
    </message>
    <message>
        <source> At this rate it clears in {months} ({when}).</source>
        <translation> Ar y gyfradd hon bydd yn cael ei glirio mewn {months} ({when}).</translation>
    </message>
    <message>
        <source>{0} month</source>
        <translation>{0} mis</translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0} mis</translation>
    </message>
    <message>
        <source> To clear it by {0}: on course.</source>
        <translation> I&apos;w glirio erbyn {0}: ar y trywydd iawn.</translation>
    </message>
    <message>
        <source> To clear it by {date}: {extra} more a month.</source>
        <translation> I&apos;w glirio erbyn {date}: {extra} yn rhagor bob mis.</translation>
    </message>
    <message>
        <source>Home visits: {0}</source>
        <translation>Ymweliadau cartref: {0}</translation>
    </message>
    <message>
        <source>Home visit: {name} ({visor})</source>
        <translation>Ymweliad cartref: {name} ({visor})</translation>
    </message>
    <message>
        <source>Risk: {0}</source>
        <translation>Risg: {0}</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Achosion o dorri</translation>
    </message>
    <message>
        <source>No breaches recorded.</source>
        <translation>Dim achosion o dorri wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>dim eto</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Canfuwyd</translation>
    </message>
    <message>
        <source>What was breached</source>
        <translation>Beth a dorrwyd</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Canfuwyd gan</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Missing and wanted</source>
        <translation>Ar goll ac yn eisiau</translation>
    </message>
    <message>
        <source>Never recorded missing or wanted.</source>
        <translation>Erioed wedi&apos;i gofnodi ar goll nac yn eisiau.</translation>
    </message>
    <message>
        <source>open ({0})</source>
        <translation>agored ({0})</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Circulated</source>
        <translation>Cylchredwyd</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Found or resolved</source>
        <translation>Canfuwyd neu datryswyd</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygiad</translation>
    </message>
    <message>
        <source>MAPPA case summary</source>
        <translation>Crynodeb achos MAPPA</translation>
    </message>
    <message>
        <source>{name} · ViSOR {visor} · PNC {pnc} · prepared {today}</source>
        <translation>{name} · ViSOR {visor} · PNC {pnc} · paratowyd {today}</translation>
    </message>
    <message>
        <source>Redacted copy: {0} left out of this document.</source>
        <translation>Copi wedi&apos;i olygu: {0} wedi&apos;u hepgor o&apos;r ddogfen hon.</translation>
    </message>
    <message>
        <source>{0} free-text entries were left out or changed for this copy.</source>
        <translation>Cafodd {0} cofnod testun rhydd eu hepgor neu eu newid ar gyfer y copi hwn.</translation>
    </message>
    <message>
        <source>No fixed abode</source>
        <translation>Dim cyfeiriad sefydlog</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Hunaniaeth</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Ffugenwau</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>{date} (aged {age})</source>
        <translation>{date} ({age} oed)</translation>
    </message>
    <message>
        <source>ViSOR reference</source>
        <translation>Cyfeirnod ViSOR</translation>
    </message>
    <message>
        <source>PNC ID</source>
        <translation>ID PNC</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Iaith ddewisol</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Managing officer</source>
        <translation>Swyddog rheoli</translation>
    </message>
    <message>
        <source>MAPPA</source>
        <translation>MAPPA</translation>
    </message>
    <message>
        <source>Category and level</source>
        <translation>Categori a lefel</translation>
    </message>
    <message>
        <source>Category {category}, level {level}</source>
        <translation>Categori {category}, lefel {level}</translation>
    </message>
    <message>
        <source>Lead agency</source>
        <translation>Asiantaeth arweiniol</translation>
    </message>
    <message>
        <source>Last meeting</source>
        <translation>Cyfarfod diwethaf</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Adolygiad nesaf</translation>
    </message>
    <message>
        <source>To be set by the panel</source>
        <translation>I&apos;w bennu gan y panel</translation>
    </message>
    <message>
        <source>Offending</source>
        <translation>Troseddu</translation>
    </message>
    <message>
        <source>Index offence</source>
        <translation>Trosedd fynegai</translation>
    </message>
    <message>
        <source>Previous offence, {0}</source>
        <translation>Trosedd flaenorol, {0}</translation>
    </message>
    <message>
        <source>Intelligence that they may offend</source>
        <translation>Gwybodaeth gudd y gallai&apos;r unigolyn droseddu</translation>
    </message>
    <message>
        <source>Visit on {0}: concerns</source>
        <translation>Ymweliad ar {0}: pryderon</translation>
    </message>
    <message>
        <source>Trip abroad on {0}: reason for short notice</source>
        <translation>Taith dramor ar {0}: y rheswm dros rybudd byr</translation>
    </message>
    <message>
        <source>Breach found {0}: details</source>
        <translation>Canfuwyd achos o dorri ar {0}: manylion</translation>
    </message>
    <message>
        <source>Breach found {0}: outcome</source>
        <translation>Canfuwyd achos o dorri ar {0}: canlyniad</translation>
    </message>
    <message>
        <source>Risk management plan: {0}</source>
        <translation>Cynllun rheoli risg: {0}</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Sentenced</source>
        <translation>Dedfrydwyd</translation>
    </message>
    <message>
        <source>Relevant date</source>
        <translation>Dyddiad perthnasol</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Rhyddhawyd</translation>
    </message>
    <message>
        <source>In custody</source>
        <translation>Yn y ddalfa</translation>
    </message>
    <message>
        <source>Previous related offences</source>
        <translation>Troseddau cysylltiedig blaenorol</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Trosedd</translation>
    </message>
    <message>
        <source>Sexual</source>
        <translation>Rhywiol</translation>
    </message>
    <message>
        <source>Violent</source>
        <translation>Treisgar</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Dioddefwr</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>male</source>
        <translation>gwryw</translation>
    </message>
    <message>
        <source>stranger</source>
        <translation>dieithryn</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Dim wedi&apos;i gofnodi.</translation>
    </message>
    <message>
        <source>Indefinite requirement review</source>
        <translation>Adolygu&apos;r gofyniad amhenodol</translation>
    </message>
    <message>
        <source>Indefinite requirement reviewable from</source>
        <translation>Gellir adolygu&apos;r gofyniad amhenodol o</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Hysbysu</translation>
    </message>
    <message>
        <source>Counted term</source>
        <translation>Cyfnod a gyfrifwyd</translation>
    </message>
    <message>
        <source>Notification period</source>
        <translation>Cyfnod hysbysu</translation>
    </message>
    <message>
        <source>Last day of the notification period</source>
        <translation>Diwrnod olaf y cyfnod hysbysu</translation>
    </message>
    <message>
        <source>None: indefinite</source>
        <translation>Dim: amhenodol</translation>
    </message>
    <message>
        <source>None while the order has effect</source>
        <translation>Dim tra bo&apos;r gorchymyn mewn grym</translation>
    </message>
    <message>
        <source>Initial notification</source>
        <translation>Hysbysiad cyntaf</translation>
    </message>
    <message>
        <source>Due by {0}</source>
        <translation>Yn ddyledus erbyn {0}</translation>
    </message>
    <message>
        <source>Latest notification</source>
        <translation>Hysbysiad diweddaraf</translation>
    </message>
    <message>
        <source>Next notification due</source>
        <translation>Hysbysiad nesaf yn ddyledus</translation>
    </message>
    <message>
        <source>None: the requirement ends first</source>
        <translation>Dim: daw&apos;r gofyniad i ben yn gyntaf</translation>
    </message>
    <message>
        <source>None: the requirement has ended</source>
        <translation>Dim: mae&apos;r gofyniad wedi dod i ben</translation>
    </message>
    <message>
        <source> (weekly: no fixed abode)</source>
        <translation> (wythnosol: dim cyfeiriad sefydlog)</translation>
    </message>
    <message>
        <source>Foreign travel</source>
        <translation>Teithio tramor</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Cyrchfan</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Dychwelyd</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hysbysiad</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>anhysbys</translation>
    </message>
    <message>
        <source>No trips abroad recorded.</source>
        <translation>Dim teithiau tramor wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Asesiad risg</translation>
    </message>
    <message>
        <source> (not yet assessed: treated at the policy&apos;s level)</source>
        <translation> (heb ei asesu eto: yn cael ei drin ar lefel y polisi)</translation>
    </message>
    <message>
        <source>Managing risk level</source>
        <translation>Lefel risg ar gyfer rheoli</translation>
    </message>
    <message>
        <source>Risk of serious harm</source>
        <translation>Risg o niwed difrifol</translation>
    </message>
    <message>
        <source>No RoSH assessment recorded</source>
        <translation>Dim asesiad RoSH wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>not settled</source>
        <translation>heb ei benderfynu</translation>
    </message>
    <message>
        <source>Risk Matrix 2000, {date}, by {assessor} ({version}, {table})</source>
        <translation>Risk Matrix 2000, {date}, gan {assessor} ({version}, {table})</translation>
    </message>
    <message>
        <source>Sexual (S)</source>
        <translation>Rhywiol (S)</translation>
    </message>
    <message>
        <source>Violent (V)</source>
        <translation>Treisgar (V)</translation>
    </message>
    <message>
        <source>Combined (C)</source>
        <translation>Cyfunol (C)</translation>
    </message>
    <message>
        <source>How the categories were reached: {0}</source>
        <translation>Sut y cyrhaeddwyd y categorïau: {0}</translation>
    </message>
    <message>
        <source>No Risk Matrix 2000 assessment is recorded.</source>
        <translation>Nid oes asesiad Risk Matrix 2000 wedi&apos;i gofnodi.</translation>
    </message>
    <message>
        <source>ARMS, {date}, by {assessor}: priority {priority}</source>
        <translation>ARMS, {date}, gan {assessor}: blaenoriaeth {priority}</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Ffactor</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Sgôr</translation>
    </message>
    <message>
        <source>No ARMS assessment is recorded.</source>
        <translation>Nid oes asesiad ARMS wedi&apos;i gofnodi.</translation>
    </message>
    <message>
        <source>ARMS status: {status}; next due {due}.</source>
        <translation>Statws ARMS: {status}; yr un nesaf yn ddyledus {due}.</translation>
    </message>
    <message>
        <source>OASys (probation) due {0}: 15 days after release.</source>
        <translation>OASys (prawf) yn ddyledus {0}: 15 diwrnod ar ôl rhyddhau.</translation>
    </message>
    <message>
        <source>Next visit due {due}: {basis}.</source>
        <translation>Ymweliad nesaf yn ddyledus {due}: {basis}.</translation>
    </message>
    <message>
        <source>Intelligence that they may offend recorded {0}</source>
        <translation>Gwybodaeth gudd y gallai droseddu wedi&apos;i chofnodi {0}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Address checked</source>
        <translation>Cyfeiriad wedi&apos;i wirio</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Pryderon</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Gyda rhybudd</translation>
    </message>
    <message>
        <source>Unannounced</source>
        <translation>Dirybudd</translation>
    </message>
    <message>
        <source>The {shown} most recent of {all} visits.</source>
        <translation>Y {shown} mwyaf diweddar o {all} ymweliad.</translation>
    </message>
    <message>
        <source>No visits recorded.</source>
        <translation>Dim ymweliadau wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>Risk management plan</source>
        <translation>Cynllun rheoli risg</translation>
    </message>
    <message>
        <source>Not recorded.</source>
        <translation>Heb ei gofnodi.</translation>
    </message>
    <message>
        <source>Recorded by the panel: {decisions}, the latest at the meeting of {latest}; {actions}.</source>
        <translation>Wedi&apos;u cofnodi gan y panel: {decisions}, y diweddaraf yn y cyfarfod ar {latest}; {actions}.</translation>
    </message>
    <message>
        <source>Recorded by the panel: {decisions}; {actions}.</source>
        <translation>Wedi&apos;u cofnodi gan y panel: {decisions}; {actions}.</translation>
    </message>
    <message>
        <source>{0} decision</source>
        <translation>{0} penderfyniad</translation>
    </message>
    <message>
        <source>{0} decisions</source>
        <translation>{0} penderfyniad</translation>
    </message>
    <message>
        <source>Decisions and actions</source>
        <translation>Penderfyniadau a chamau gweithredu</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>Cronoleg</translation>
    </message>
    <message>
        <source>Only these kinds of event: {0}.</source>
        <translation>Y mathau hyn o ddigwyddiad yn unig: {0}.</translation>
    </message>
    <message>
        <source>No events recorded.</source>
        <translation>Dim digwyddiadau wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Digwyddiad</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Household and contacts: {0}, {1}</source>
        <translation>Aelwyd a chysylltiadau: {0}, {1}</translation>
    </message>
    <message>
        <source>children&apos;s services contact</source>
        <translation>cyswllt gwasanaethau plant</translation>
    </message>
    <message>
        <source>employment or education</source>
        <translation>cyflogaeth neu addysg</translation>
    </message>
    <message>
        <source>Household and contacts</source>
        <translation>Aelwyd a chysylltiadau</translation>
    </message>
    <message>
        <source>No household members or contacts recorded.</source>
        <translation>Dim aelodau o&apos;r aelwyd na chysylltiadau wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>Yes: child under 18 with access</source>
        <translation>Oes: plentyn dan 18 oed â mynediad</translation>
    </message>
    <message>
        <source>Disclosure scheme: {0}</source>
        <translation>Cynllun datgelu: {0}</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Perthynas</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Oed</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Mynediad</translation>
    </message>
    <message>
        <source>Children&apos;s services, employment, disclosure</source>
        <translation>Gwasanaethau plant, cyflogaeth, datgelu</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} awr {m} mun</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} mun</translation>
    </message>
    <message>
        <source>Record not read: check the case before the visit</source>
        <translation>Heb ddarllen y cofnod: gwiriwch yr achos cyn yr ymweliad</translation>
    </message>
    <message>
        <source>Preferred language: {0}</source>
        <translation>Iaith ddewisol: {0}</translation>
    </message>
    <message>
        <source>• terms not recorded</source>
        <translation>• amodau heb eu cofnodi</translation>
    </message>
    <message>
        <source>; monitoring: {0}</source>
        <translation>; monitro: {0}</translation>
    </message>
    <message>
        <source>; no monitoring software</source>
        <translation>; dim meddalwedd monitro</translation>
    </message>
    <message>
        <source>Device: {0}</source>
        <translation>Dyfais: {0}</translation>
    </message>
    <message>
        <source>No order in force and no device recorded</source>
        <translation>Dim gorchymyn mewn grym a dim dyfais wedi&apos;i chofnodi</translation>
    </message>
    <message>
        <source>Day sheet</source>
        <translation>Taflen y dydd</translation>
    </message>
    <message>
        <source>{day} · {team} · from {base}, {start} to {end}</source>
        <translation>{day} · {team} · o {base}, {start} i {end}</translation>
    </message>
    <message>
        <source>Kept on this day (booked or pinned)</source>
        <translation>Wedi&apos;i gadw ar y diwrnod hwn (wedi&apos;i drefnu neu ei binio)</translation>
    </message>
    <message>
        <source>drive:</source>
        <translation>gyrru:</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <source>Name and reference</source>
        <translation>Enw a chyfeirnod</translation>
    </message>
    <message>
        <source>Why due, and what to check</source>
        <translation>Pam yn ddyledus, a beth i&apos;w wirio</translation>
    </message>
    <message>
        <source>No visits placed on this day.</source>
        <translation>Dim ymweliadau wedi&apos;u gosod ar y diwrnod hwn.</translation>
    </message>
    <message>
        <source>{visits} · driving base to base {total} (the drive back to base {back}) · driving times: {how}</source>
        <translation>{visits} · gyrru o&apos;r ganolfan i&apos;r ganolfan {total} (y daith yn ôl i&apos;r ganolfan {back}) · amseroedd gyrru: {how}</translation>
    </message>
    <message>
        <source>No day of the round was chosen.</source>
        <translation>Ni ddewiswyd unrhyw ddiwrnod o&apos;r cylch ymweliadau.</translation>
    </message>
    <message>
        <source>Names and aliases</source>
        <translation>Enwau a ffugenwau</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Ffugenw</translation>
    </message>
    <message>
        <source>on the offender record</source>
        <translation>ar gofnod y troseddwr</translation>
    </message>
    <message>
        <source>No other names recorded.</source>
        <translation>Dim enwau eraill wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tan</translation>
    </message>
    <message>
        <source>Notified personal details</source>
        <translation>Manylion personol a hysbyswyd</translation>
    </message>
    <message>
        <source>No personal details notified.</source>
        <translation>Dim manylion personol wedi&apos;u hysbysu.</translation>
    </message>
    <message>
        <source>yes, {0}</source>
        <translation>do, {0}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>do</translation>
    </message>
    <message>
        <source>no</source>
        <translation>naddo</translation>
    </message>
    <message>
        <source>ends {0}</source>
        <translation>yn dod i ben {0}</translation>
    </message>
    <message>
        <source>current</source>
        <translation>cyfredol</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Hysbyswyd</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylyn</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Wedi&apos;i ddilysu</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Daeth i ben</translation>
    </message>
    <message>
        <source>Devices: {0} {1}, monitoring alerts</source>
        <translation>Dyfeisiau: {0} {1}, rhybuddion monitro</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dyfeisiau</translation>
    </message>
    <message>
        <source>No devices recorded.</source>
        <translation>Dim dyfeisiau wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>Found (not declared)</source>
        <translation>Wedi&apos;i chanfod (heb ei datgan)</translation>
    </message>
    <message>
        <source>Removed {0}</source>
        <translation>Tynnwyd {0}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dyfais</translation>
    </message>
    <message>
        <source>IMEI or serial</source>
        <translation>IMEI neu rif cyfresol</translation>
    </message>
    <message>
        <source>Declared or found</source>
        <translation>Datganwyd neu ganfuwyd</translation>
    </message>
    <message>
        <source>Monitoring and alerts</source>
        <translation>Monitro a rhybuddion</translation>
    </message>
    <message>
        <source>target</source>
        <translation>targed</translation>
    </message>
    <message>
        <source>Caseload report</source>
        <translation>Adroddiad llwyth achosion</translation>
    </message>
    <message>
        <source>{title} · {soms} in {teams} · targets {ratio} RSOs and a load of {load} per SOM · {today}</source>
        <translation>{title} · {soms} mewn {teams} · targedau: {ratio} RSO a llwyth o {load} i bob SOM · {today}</translation>
    </message>
    <message>
        <source>{0} SOM</source>
        <translation>{0} SOM</translation>
    </message>
    <message>
        <source>{0} SOMs</source>
        <translation>{0} SOM</translation>
    </message>
    <message>
        <source>{0} team</source>
        <translation>{0} tîm</translation>
    </message>
    <message>
        <source>{0} teams</source>
        <translation>{0} tîm</translation>
    </message>
    <message>
        <source>RSOs</source>
        <translation>RSO</translation>
    </message>
    <message>
        <source>RSOs per SOM</source>
        <translation>RSO fesul SOM</translation>
    </message>
    <message>
        <source>Load per SOM</source>
        <translation>Llwyth fesul SOM</translation>
    </message>
    <message>
        <source>ARMS deadlines missed</source>
        <translation>Terfynau ARMS a gollwyd</translation>
    </message>
    <message>
        <source>Risk-weighted load per SOM, as a percentage of target (the {0} busiest)</source>
        <translation>Llwyth wedi&apos;i bwysoli yn ôl risg i bob SOM, fel canran o&apos;r targed (y {0} prysuraf)</translation>
    </message>
    <message>
        <source>Risk-weighted load per SOM, as a percentage of target</source>
        <translation>Llwyth wedi&apos;i bwysoli yn ôl risg i bob SOM, fel canran o&apos;r targed</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>Yn ôl tîm</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tîm</translation>
    </message>
    <message>
        <source>SOMs</source>
        <translation>SOM</translation>
    </message>
    <message>
        <source>Per SOM</source>
        <translation>I bob SOM</translation>
    </message>
    <message>
        <source>ARMS deadline missed</source>
        <translation>Terfyn ARMS wedi&apos;i golli</translation>
    </message>
    <message>
        <source>By SOM (red: over target)</source>
        <translation>Yn ôl SOM (coch: dros y targed)</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Swyddog</translation>
    </message>
    <message>
        <source>% target</source>
        <translation>% o&apos;r targed</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Llwyth</translation>
    </message>
    <message>
        <source>Load %</source>
        <translation>% llwyth</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>At {0}% growth a year (force policy), compound.</source>
        <translation>Ar dwf o {0}% y flwyddyn (polisi&apos;r heddlu), cyfansawdd.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Blwyddyn</translation>
    </message>
    <message>
        <source>SOMs needed at target</source>
        <translation>SOM sydd eu hangen ar y targed</translation>
    </message>
    <message>
        <source>Beyond today&apos;s SOMs</source>
        <translation>Y tu hwnt i SOM heddiw</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>Cynllun ymweliadau</translation>
    </message>
    <message>
        <source>{officer} · week of {monday} to {sunday} · {visits}, {overdue} overdue</source>
        <translation>{officer} · wythnos {monday} i {sunday} · {visits}, {overdue} yn hwyr</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Yn ddyledus</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>No visits are due or booked this week.</source>
        <translation>Nid oes unrhyw ymweliadau yn ddyledus nac wedi&apos;u trefnu yr wythnos hon.</translation>
    </message>
    <message>
        <source>Failure to notify (s.91)</source>
        <translation>Methu â hysbysu (a.91)</translation>
    </message>
    <message>
        <source>Term of an order</source>
        <translation>Amod gorchymyn</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Trwydded</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Arall</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>Arestio</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Rhybudd</translation>
    </message>
    <message>
        <source>Recall request</source>
        <translation>Cais i adalw</translation>
    </message>
    <message>
        <source>File to the CPS</source>
        <translation>Ffeil i Wasanaeth Erlyn y Goron</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Dim eto</translation>
    </message>
    <message>
        <source>Conviction and sentence</source>
        <translation>Euogfarn a dedfryd</translation>
    </message>
    <message>
        <source>Registration and notification</source>
        <translation>Cofrestru a hysbysu</translation>
    </message>
    <message>
        <source>Custody and release</source>
        <translation>Dalfa a rhyddhau</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Ymweliad cartref</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Lefel risg</translation>
    </message>
    <message>
        <source>Order or licence</source>
        <translation>Gorchymyn neu drwydded</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>Achos o dorri</translation>
    </message>
    <message>
        <source>Missing or wanted</source>
        <translation>Ar goll neu&apos;n eisiau</translation>
    </message>
    <message>
        <source>Travel abroad</source>
        <translation>Teithio dramor</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>Datgeliad</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Unigolyn</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Cyfeiriad e-bost</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Plentyn</translation>
    </message>
    <message>
        <source>Household member</source>
        <translation>Aelod o&apos;r aelwyd</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Ymwelydd</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Cyflogwr</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Addysg</translation>
    </message>
    <message>
        <source>Lives there</source>
        <translation>Yn byw yno</translation>
    </message>
    <message>
        <source>Stays there</source>
        <translation>Yn aros yno</translation>
    </message>
    <message>
        <source>Disclosed</source>
        <translation>Datgelwyd</translation>
    </message>
    <message>
        <source>Not disclosed</source>
        <translation>Heb ei ddatgelu</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Cyfrif banc</translation>
    </message>
    <message>
        <source>Debit or credit card</source>
        <translation>Cerdyn debyd neu gredyd</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Pasbort</translation>
    </message>
    <message>
        <source>Other identity document</source>
        <translation>Dogfen adnabod arall</translation>
    </message>
    <message>
        <source>Stay of 12+ hours in a household with a child under 18</source>
        <translation>Arhosiad o 12 awr neu fwy ar aelwyd â phlentyn dan 18 oed</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Cerbyd</translation>
    </message>
    <message>
        <source>National insurance number</source>
        <translation>Rhif yswiriant gwladol</translation>
    </message>
    <message>
        <source>Previous name</source>
        <translation>Enw blaenorol</translation>
    </message>
    <message>
        <source>Name change</source>
        <translation>Newid enw</translation>
    </message>
    <message>
        <source>No concerns</source>
        <translation>Dim pryderon</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Gwrthodwyd</translation>
    </message>
    <message>
        <source>Not examined</source>
        <translation>Heb ei harchwilio</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Cyfrifiadur</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Llechen</translation>
    </message>
    <message>
        <source>Games console</source>
        <translation>Consol gemau</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Dyfais storio</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Wedi&apos;i datgan</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Yn cael ei defnyddio</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Wedi&apos;i thynnu</translation>
    </message>
    <message>
        <source>GPS tag</source>
        <translation>Tag GPS</translation>
    </message>
    <message>
        <source>Radio frequency</source>
        <translation>Amledd radio</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Safonol</translation>
    </message>
    <message>
        <source>Additional</source>
        <translation>Ychwanegol</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Agored</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>Dim angen mwyach</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Isel</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Canolig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Uchel</translation>
    </message>
    <message>
        <source>Very High</source>
        <translation>Uchel iawn</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Saesneg</translation>
    </message>
    <message>
        <source>Welsh (Cymraeg)</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>Imprisonment</source>
        <translation>Carchar</translation>
    </message>
    <message>
        <source>Detention and training order</source>
        <translation>Gorchymyn cadw a hyfforddi</translation>
    </message>
    <message>
        <source>Life or IPP</source>
        <translation>Oes neu IPP</translation>
    </message>
    <message>
        <source>Hospital order with restriction</source>
        <translation>Gorchymyn ysbyty gyda chyfyngiad</translation>
    </message>
    <message>
        <source>Hospital order</source>
        <translation>Gorchymyn ysbyty</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Rhybuddiad</translation>
    </message>
    <message>
        <source>Conditional discharge</source>
        <translation>Rhyddhad amodol</translation>
    </message>
    <message>
        <source>Other disposal</source>
        <translation>Gwarediad arall</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gwelwyd</translation>
    </message>
    <message>
        <source>Not seen / no reply</source>
        <translation>Heb ei weld / dim ateb</translation>
    </message>
    <message>
        <source>Refused entry</source>
        <translation>Gwrthodwyd mynediad</translation>
    </message>
    <message>
        <source>Not resident</source>
        <translation>Ddim yn byw yno</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Caniatawyd</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>Gwaharddwyd</translation>
    </message>
    <message>
        <source>Sexual Harm Prevention Order</source>
        <translation>Gorchymyn Atal Niwed Rhywiol</translation>
    </message>
    <message>
        <source>Interim Sexual Harm Prevention Order</source>
        <translation>Gorchymyn Atal Niwed Rhywiol Interim</translation>
    </message>
    <message>
        <source>Sexual Offences Prevention Order</source>
        <translation>Gorchymyn Atal Troseddau Rhyw</translation>
    </message>
    <message>
        <source>Interim Sexual Offences Prevention Order</source>
        <translation>Gorchymyn Atal Troseddau Rhyw Interim</translation>
    </message>
    <message>
        <source>Sexual Risk Order</source>
        <translation>Gorchymyn Risg Rhywiol</translation>
    </message>
    <message>
        <source>Interim Sexual Risk Order</source>
        <translation>Gorchymyn Risg Rhywiol Interim</translation>
    </message>
    <message>
        <source>Foreign Travel Order</source>
        <translation>Gorchymyn Teithio Tramor</translation>
    </message>
    <message>
        <source>Notification Order</source>
        <translation>Gorchymyn Hysbysu</translation>
    </message>
    <message>
        <source>Prohibition</source>
        <translation>Gwaharddiad</translation>
    </message>
    <message>
        <source>Positive requirement</source>
        <translation>Gofyniad cadarnhaol</translation>
    </message>
    <message>
        <source>Internet and devices</source>
        <translation>Y rhyngrwyd a dyfeisiau</translation>
    </message>
    <message>
        <source>Contact with children</source>
        <translation>Cyswllt â phlant</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Preswylio</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Teithio</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Rhaglen</translation>
    </message>
    <message>
        <source>OASys</source>
        <translation>OASys</translation>
    </message>
    <message>
        <source>police</source>
        <translation>yr heddlu</translation>
    </message>
    <message>
        <source>Whereabouts unknown</source>
        <translation>Lleoliad yn anhysbys</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Ar goll</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Yn eisiau</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Goruchwylio</translation>
    </message>
    <message>
        <source>Monitoring and control</source>
        <translation>Monitro a rheoli</translation>
    </message>
    <message>
        <source>Interventions and treatment</source>
        <translation>Ymyriadau a thriniaeth</translation>
    </message>
    <message>
        <source>Victim safety planning</source>
        <translation>Cynllunio diogelwch dioddefwyr</translation>
    </message>
    <message>
        <source>Earlier notes (before meetings were recorded)</source>
        <translation>Nodiadau cynharach (cyn i gyfarfodydd gael eu cofnodi)</translation>
    </message>
    <message>
        <source>not due while in custody: 3 days beginning with release</source>
        <translation>ddim yn ddyledus tra yn y ddalfa: 3 diwrnod yn dechrau gyda&apos;r diwrnod rhyddhau</translation>
    </message>
    <message>
        <source>addresses</source>
        <translation>cyfeiriadau</translation>
    </message>
    <message>
        <source>victim details</source>
        <translation>manylion dioddefwyr</translation>
    </message>
    <message>
        <source>free text</source>
        <translation>testun rhydd</translation>
    </message>
    <message>
        <source>bank and document numbers</source>
        <translation>rhifau banc a dogfennau</translation>
    </message>
    <message>
        <source>photographs</source>
        <translation>ffotograffau</translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation>{0} a {1}</translation>
    </message>
    <message>
        <source>[withheld]</source>
        <translation>[wedi&apos;i atal]</translation>
    </message>
    <message>
        <source>[left out of this copy]</source>
        <translation>[wedi&apos;i hepgor o&apos;r copi hwn]</translation>
    </message>
    <message>
        <source>{title} · printed by {who} at {when}</source>
        <translation>{title} · argraffwyd gan {who} am {when}</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>Tudalen {page} o {total}</translation>
    </message>
    <message>
        <source> at {0}</source>
        <translation> am {0}</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Dyddiad ac amser</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Cadeirydd</translation>
    </message>
    <message>
        <source>Agencies invited</source>
        <translation>Asiantaethau a wahoddwyd</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Yn bresennol</translation>
    </message>
    <message>
        <source>Apologies</source>
        <translation>Ymddiheuriadau</translation>
    </message>
    <message>
        <source>Absent without apology</source>
        <translation>Yn absennol heb ymddiheuriad</translation>
    </message>
    <message>
        <source>Not recorded: the chair has not yet recorded the meeting audit</source>
        <translation>Heb ei gofnodi: nid yw&apos;r cadeirydd wedi cofnodi archwiliad y cyfarfod eto</translation>
    </message>
    <message>
        <source>Read at the start of the meeting and accepted by those attending</source>
        <translation>Darllenwyd ar ddechrau&apos;r cyfarfod a&apos;i dderbyn gan y rhai a oedd yn bresennol</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>Heb ei ddarllen</translation>
    </message>
    <message>
        <source>Minutes of the MAPPA meeting</source>
        <translation>Cofnodion cyfarfod MAPPA</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenoldeb</translation>
    </message>
    <message>
        <source>Confidentiality statement</source>
        <translation>Datganiad cyfrinachedd</translation>
    </message>
    <message>
        <source>Meeting audit</source>
        <translation>Archwiliad y cyfarfod</translation>
    </message>
    <message>
        <source>Not yet recorded by the chair.</source>
        <translation>Nid yw&apos;r cadeirydd wedi&apos;i gofnodi eto.</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>Dyddiad cofnodi</translation>
    </message>
    <message>
        <source>Quorate (attendance adequate)</source>
        <translation>Cworwm (presenoldeb digonol)</translation>
    </message>
    <message>
        <source>Victim issues considered</source>
        <translation>Materion dioddefwyr wedi&apos;u hystyried</translation>
    </message>
    <message>
        <source>Diversity considered</source>
        <translation>Amrywiaeth wedi&apos;i hystyried</translation>
    </message>
    <message>
        <source>Chair&apos;s summary</source>
        <translation>Crynodeb y cadeirydd</translation>
    </message>
    <message>
        <source>Rationale for the level</source>
        <translation>Rhesymeg dros y lefel</translation>
    </message>
    <message>
        <source>Action due {0}</source>
        <translation>Cam gweithredu yn ddyledus {0}</translation>
    </message>
    <message>
        <source>No decision recorded for this case at this meeting.</source>
        <translation>Dim penderfyniad wedi&apos;i gofnodi ar gyfer yr achos hwn yn y cyfarfod hwn.</translation>
    </message>
    <message>
        <source>Level decided</source>
        <translation>Lefel a benderfynwyd</translation>
    </message>
    <message>
        <source>Level {0}</source>
        <translation>Lefel {0}</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Rhesymeg</translation>
    </message>
    <message>
        <source>None set</source>
        <translation>Dim wedi&apos;i bennu</translation>
    </message>
    <message>
        <source>Plan: {0}</source>
        <translation>Cynllun: {0}</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Dim newid</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Camau gweithredu</translation>
    </message>
    <message>
        <source>No actions set.</source>
        <translation>Dim camau gweithredu wedi&apos;u pennu.</translation>
    </message>
    <message>
        <source>Open, OVERDUE</source>
        <translation>Agored, YN HWYR</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Yn ddyledus erbyn</translation>
    </message>
    <message>
        <source>Cases heard ({0})</source>
        <translation>Achosion a glywyd ({0})</translation>
    </message>
    <message>
        <source>Case {i} of {n}: {name} ({visor})</source>
        <translation>Achos {i} o {n}: {name} ({visor})</translation>
    </message>
    <message>
        <source>Printed by {who} on {date}. These minutes hold personal data processed for law enforcement purposes: share them only with the panel&apos;s members, keep them secure. Every copy is logged.</source>
        <translation>Argraffwyd gan {who} ar {date}. Mae&apos;r cofnodion hyn yn cynnwys data personol a brosesir at ddibenion gorfodi&apos;r gyfraith: rhannwch nhw ag aelodau&apos;r panel yn unig, a chadwch nhw&apos;n ddiogel. Mae pob copi yn cael ei gofnodi.</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>heb ei roi</translation>
    </message>
    <message>
        <source>Open name-change notices</source>
        <translation>Hysbysiadau newid enw agored</translation>
    </message>
    <message>
        <source>No open name-change notices.</source>
        <translation>Dim hysbysiadau newid enw agored.</translation>
    </message>
    <message>
        <source>not yet decided</source>
        <translation>heb ei benderfynu eto</translation>
    </message>
    <message>
        <source>Intended name</source>
        <translation>Enw arfaethedig</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
    <message>
        <source>Change on</source>
        <translation>Dyddiad newid</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Penderfyniad</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Cam nesaf</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>mewn grym</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>wedi dod i ben</translation>
    </message>
    <message>
        <source>until further order</source>
        <translation>hyd nes y gwneir gorchymyn pellach</translation>
    </message>
    <message>
        <source>; next review {0}</source>
        <translation>; adolygiad nesaf {0}</translation>
    </message>
    <message>
        <source>{kind} ({state}): made {made} at {court}; {ends}{review}</source>
        <translation>{kind} ({state}): gwnaed {made} yn {court}; {ends}{review}</translation>
    </message>
    <message>
        <source>running</source>
        <translation>yn weithredol</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>ddim yn weithredol</translation>
    </message>
    <message>
        <source>; probation contact {0}</source>
        <translation>; cyswllt prawf {0}</translation>
    </message>
    <message>
        <source>Licence ({state}): {starts} to {ends}; electronic monitoring: {monitoring}{contact}</source>
        <translation>Trwydded ({state}): {starts} i {ends}; monitro electronig: {monitoring}{contact}</translation>
    </message>
    <message>
        <source>life</source>
        <translation>oes</translation>
    </message>
    <message>
        <source>Orders and licence conditions</source>
        <translation>Gorchmynion ac amodau trwydded</translation>
    </message>
    <message>
        <source>No civil orders recorded.</source>
        <translation>Dim gorchmynion sifil wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Amod</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>In the order&apos;s words</source>
        <translation>Yng ngeiriau&apos;r gorchymyn</translation>
    </message>
    <message>
        <source>No terms recorded.</source>
        <translation>Dim amodau wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>No licence recorded.</source>
        <translation>Dim trwydded wedi&apos;i chofnodi.</translation>
    </message>
    <message>
        <source>Curfew</source>
        <translation>Cyrffyw</translation>
    </message>
    <message>
        <source>Exclusion zones</source>
        <translation>Parthau gwahardd</translation>
    </message>
    <message>
        <source>{0} condition</source>
        <translation>Amod {0}</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Amod</translation>
    </message>
    <message>
        <source>In the licence&apos;s words</source>
        <translation>Yng ngeiriau&apos;r drwydded</translation>
    </message>
    <message>
        <source>{area} MAPPA level {level} panel</source>
        <translation>Panel MAPPA lefel {level} {area}</translation>
    </message>
    <message>
        <source>MAPPA level {0} panel</source>
        <translation>Panel MAPPA lefel {0}</translation>
    </message>
    <message>
        <source>To be confirmed</source>
        <translation>I&apos;w gadarnhau</translation>
    </message>
    <message>
        <source>MAPPA panel pack</source>
        <translation>Pecyn panel MAPPA</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>ViSOR</source>
        <translation>ViSOR</translation>
    </message>
    <message>
        <source>Why on the agenda</source>
        <translation>Pam ar yr agenda</translation>
    </message>
    <message>
        <source>{cases} · prepared by {who} on {date}. This pack holds personal data processed for law enforcement purposes. Share it only with the panel&apos;s members, keep it secure, and destroy it after the meeting. Every copy is logged.</source>
        <translation>{cases} · paratowyd gan {who} ar {date}. Mae&apos;r pecyn hwn yn cynnwys data personol a brosesir at ddibenion gorfodi&apos;r gyfraith. Rhannwch ef ag aelodau&apos;r panel yn unig, cadwch ef yn ddiogel, a&apos;i ddinistrio ar ôl y cyfarfod. Mae pob copi yn cael ei gofnodi.</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Cynnwys</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Tudalen</translation>
    </message>
    <message>
        <source>Nothing flagged for the panel&apos;s attention.</source>
        <translation>Dim wedi&apos;i nodi i sylw&apos;r panel.</translation>
    </message>
    <message>
        <source>For the panel&apos;s attention</source>
        <translation>I sylw&apos;r panel</translation>
    </message>
    <message>
        <source>Chronology since the last meeting ({0})</source>
        <translation>Cronoleg ers y cyfarfod diwethaf ({0})</translation>
    </message>
    <message>
        <source>Chronology since {0} (no panel has heard the case yet)</source>
        <translation>Cronoleg ers {0} (nid oes panel wedi clywed yr achos eto)</translation>
    </message>
    <message>
        <source>No events recorded in that time.</source>
        <translation>Dim digwyddiadau wedi&apos;u cofnodi yn y cyfnod hwnnw.</translation>
    </message>
    <message>
        <source>Panel decision of {0}</source>
        <translation>Penderfyniad y panel ar {0}</translation>
    </message>
    <message>
        <source>{0}: rationale</source>
        <translation>{0}: rhesymeg</translation>
    </message>
    <message>
        <source>Open panel action due {0}</source>
        <translation>Cam gweithredu agored y panel yn ddyledus {0}</translation>
    </message>
    <message>
        <source>Previous panel decisions</source>
        <translation>Penderfyniadau blaenorol y panel</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cyfarfod</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Lefel</translation>
    </message>
    <message>
        <source>Plan changes</source>
        <translation>Newidiadau i&apos;r cynllun</translation>
    </message>
    <message>
        <source>No change to the plan</source>
        <translation>Dim newid i&apos;r cynllun</translation>
    </message>
    <message>
        <source>Open panel actions</source>
        <translation>Camau gweithredu agored y panel</translation>
    </message>
    <message>
        <source>Due (red: overdue)</source>
        <translation>Yn ddyledus (coch: yn hwyr)</translation>
    </message>
    <message>
        <source>Case {i} of {n}</source>
        <translation>Achos {i} o {n}</translation>
    </message>
    <message>
        <source>Photograph taken {date} by {who}</source>
        <translation>Ffotograff a dynnwyd {date} gan {who}</translation>
    </message>
    <message>
        <source> (small copy: the full photograph is not on this computer)</source>
        <translation> (copi bach: nid yw&apos;r ffotograff llawn ar y cyfrifiadur hwn)</translation>
    </message>
    <message>
        <source>No photograph held.</source>
        <translation>Dim ffotograff ar gael.</translation>
    </message>
    <message>
        <source>No photograph held on this computer yet.</source>
        <translation>Dim ffotograff ar y cyfrifiadur hwn eto.</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>Heb ei ddyrannu</translation>
    </message>
    <message>
        <source>Warrant application pack (s.96B)</source>
        <translation>Pecyn cais am warant (a.96B)</translation>
    </message>
    <message>
        <source>{panel} pack, {date}</source>
        <translation>Pecyn {panel}, {date}</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>Pob swyddog</translation>
    </message>
    <message>
        <source>{panel} minutes, {date}</source>
        <translation>Cofnodion {panel}, {date}</translation>
    </message>
    <message>
        <source>{panel}: actions set at the meeting of {date}</source>
        <translation>{panel}: camau gweithredu a bennwyd yn y cyfarfod ar {date}</translation>
    </message>
    <message>
        <source>Every open action of the panel&apos;s cases</source>
        <translation>Pob cam gweithredu agored ar achosion y panel</translation>
    </message>
    <message>
        <source>MAPPA actions for {0}</source>
        <translation>Camau gweithredu MAPPA ar gyfer {0}</translation>
    </message>
    <message>
        <source>MAPPA actions by agency</source>
        <translation>Camau gweithredu MAPPA yn ôl asiantaeth</translation>
    </message>
    <message>
        <source>No fixed abode recorded: no home address to enter</source>
        <translation>Dim cyfeiriad sefydlog wedi&apos;i gofnodi: dim cyfeiriad cartref i fynd iddo</translation>
    </message>
    <message>
        <source>Warrant application pack: Sexual Offences Act 2003 s.96B</source>
        <translation>Pecyn cais am warant: Deddf Troseddau Rhywiol 2003 a.96B</translation>
    </message>
    <message>
        <source>Entry to the home address for the purpose of assessing the risks the person poses has been sought on at least {0} occasions and refused, or no one answered (s.96B(2)(d)). This pack is drawn from the case record as it stands on the date above.</source>
        <translation>Ceisiwyd mynediad i&apos;r cyfeiriad cartref er mwyn asesu&apos;r risgiau y mae&apos;r unigolyn yn eu peri ar o leiaf {0} achlysur, a gwrthodwyd mynediad, neu ni atebodd neb (a.96B(2)(d)). Mae&apos;r pecyn hwn wedi&apos;i lunio o gofnod yr achos fel y mae ar y dyddiad uchod.</translation>
    </message>
    <message>
        <source>The person and the address</source>
        <translation>Yr unigolyn a&apos;r cyfeiriad</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>Cyfeiriad cartref</translation>
    </message>
    <message>
        <source>Last seen at a visit</source>
        <translation>Gwelwyd ddiwethaf mewn ymweliad</translation>
    </message>
    <message>
        <source>Never seen</source>
        <translation>Heb ei weld erioed</translation>
    </message>
    <message>
        <source>Attempts at entry since last seen</source>
        <translation>Ymdrechion i gael mynediad ers ei weld ddiwethaf</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>heb ei gofnodi</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Swyddogion</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>{attempts} since the person was last seen; {pending} not yet covered by a decision.</source>
        <translation>{attempts} ers i&apos;r unigolyn gael ei weld ddiwethaf; {pending} heb benderfyniad eto.</translation>
    </message>
    <message>
        <source>{0} unsuccessful attempt</source>
        <translation>{0} ymdrech aflwyddiannus</translation>
    </message>
    <message>
        <source>{0} unsuccessful attempts</source>
        <translation>{0} ymdrech aflwyddiannus</translation>
    </message>
    <message>
        <source>{0} attempt</source>
        <translation>{0} ymdrech</translation>
    </message>
    <message>
        <source>{0} attempts</source>
        <translation>{0} ymdrech</translation>
    </message>
    <message>
        <source>No unsuccessful attempt recorded since the person was last seen.</source>
        <translation>Dim ymdrech aflwyddiannus wedi&apos;i chofnodi ers i&apos;r unigolyn gael ei weld ddiwethaf.</translation>
    </message>
    <message>
        <source>{risk}, since {since}</source>
        <translation>{risk}, ers {since}</translation>
    </message>
    <message>
        <source>{0} (not yet assessed)</source>
        <translation>{0} (heb ei asesu eto)</translation>
    </message>
    <message>
        <source>Risk summary</source>
        <translation>Crynodeb risg</translation>
    </message>
    <message>
        <source>Latest ARMS</source>
        <translation>ARMS diweddaraf</translation>
    </message>
    <message>
        <source>{date}, priority {priority}</source>
        <translation>{date}, blaenoriaeth {priority}</translation>
    </message>
    <message>
        <source>No ARMS assessment recorded</source>
        <translation>Dim asesiad ARMS wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>category {category}, level {level}</source>
        <translation>categori {category}, lefel {level}</translation>
    </message>
    <message>
        <source>Section 96B(4) check</source>
        <translation>Gwiriad adran 96B(4)</translation>
    </message>
    <message>
        <source>As the record holds on the date above, the person is not in custody or detained in hospital and no notified trip places them outside the United Kingdom.</source>
        <translation>Yn ôl y cofnod ar y dyddiad uchod, nid yw&apos;r unigolyn yn y ddalfa nac wedi&apos;i gadw mewn ysbyty, ac nid oes unrhyw daith a hysbyswyd yn ei roi y tu allan i&apos;r Deyrnas Unedig.</translation>
    </message>
    <message>
        <source> Note: {0}.</source>
        <translation> Nodyn: {0}.</translation>
    </message>
    <message>
        <source>Decisions recorded</source>
        <translation>Penderfyniadau a gofnodwyd</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Dyddiad penderfynu</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Penderfynwyd gan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Ymdrechion</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Gwneud cais</translation>
    </message>
    <message>
        <source>Not to apply</source>
        <translation>Peidio â gwneud cais</translation>
    </message>
    <message>
        <source>No warrant decision recorded yet.</source>
        <translation>Dim penderfyniad ynghylch gwarant wedi&apos;i gofnodi eto.</translation>
    </message>
</context>
</TS>
