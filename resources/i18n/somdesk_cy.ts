<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name></name>
    <message>
        <source>{0}: could not be read</source>
        <translation>{0}: nid oedd modd ei ddarllen</translation>
    </message>
    <message>
        <source>{0}: could not be read (its reader stopped); try it again</source>
        <translation>{0}: nid oedd modd ei ddarllen (stopiodd ei ddarllenydd); rhowch gynnig arall arni</translation>
    </message>
    <message>
        <source>Add photographs or documents</source>
        <translation>Ychwanegu ffotograffau neu ddogfennau</translation>
    </message>
    <message>
        <source>Photographs and documents (*.jpg *.jpeg *.png *.heic *.heif *.pdf);;All files (*)</source>
        <translation>Ffotograffau a dogfennau (*.jpg *.jpeg *.png *.heic *.heif *.pdf);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>pasted image.png</source>
        <translation>delwedd a gludwyd.png</translation>
    </message>
    <message>
        <source>{0} added to the record of {1}.</source>
        <translation>Ychwanegwyd {0} at gofnod {1}.</translation>
    </message>
    <message>
        <source>photograph or document</source>
        <translation>ffotograff neu ddogfen</translation>
    </message>
    <message>
        <source>photographs or documents</source>
        <translation>ffotograff neu ddogfen</translation>
    </message>
    <message>
        <source>Opening the full photograph…</source>
        <translation>Wrthi&apos;n agor y ffotograff llawn…</translation>
    </message>
    <message>
        <source>The full photograph is not on this computer yet: it comes at the next sync.</source>
        <translation>Nid yw&apos;r ffotograff llawn ar y cyfrifiadur hwn eto: bydd yn cyrraedd gyda&apos;r cysoni nesaf.</translation>
    </message>
    <message>
        <source>Only the thumbnail is here: fetching the full photograph from the central store…</source>
        <translation>Dim ond y mân-lun sydd yma: wrthi&apos;n nôl y ffotograff llawn o&apos;r storfa ganolog…</translation>
    </message>
    <message>
        <source>The full photograph could not be fetched ({0}). Try again when connected.</source>
        <translation>Nid oedd modd nôl y ffotograff llawn ({0}). Rhowch gynnig arall arni pan fyddwch wedi cysylltu.</translation>
    </message>
    <message>
        <source>viewed full size</source>
        <translation>gwelwyd yn ei faint llawn</translation>
    </message>
    <message>
        <source>Fetching the file from the central store…</source>
        <translation>Wrthi&apos;n nôl y ffeil o&apos;r storfa ganolog…</translation>
    </message>
    <message>
        <source>No program on this computer opens {0} files: use Export… to save a copy</source>
        <translation>Nid oes rhaglen ar y cyfrifiadur hwn sy&apos;n agor ffeiliau {0}: defnyddiwch Allforio… i gadw copi</translation>
    </message>
    <message>
        <source>Opened in the viewer; the copy is removed in 10 minutes, or when you lock or quit.</source>
        <translation>Wedi&apos;i agor yn y gwyliwr; caiff y copi ei dynnu ymhen 10 munud, neu pan fyddwch yn cloi neu&apos;n gadael.</translation>
    </message>
    <message>
        <source>opened to read on this computer</source>
        <translation>agorwyd i&apos;w ddarllen ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>Allforio {0}</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}</source>
        <translation>Ni chadwyd {0}: {1}</translation>
    </message>
    <message>
        <source>Saved {0} (recorded as a disclosure).</source>
        <translation>Cadwyd {0} (wedi&apos;i gofnodi fel datgeliad).</translation>
    </message>
    <message>
        <source>Details changed on the record of {0}.</source>
        <translation>Newidiwyd y manylion ar gofnod {0}.</translation>
    </message>
    <message>
        <source>photograph</source>
        <translation>ffotograff</translation>
    </message>
    <message>
        <source>document</source>
        <translation>dogfen</translation>
    </message>
    <message>
        <source>{0} removed from the record of {1}.</source>
        <translation>{0}: wedi&apos;i dynnu o gofnod {1}.</translation>
    </message>
    <message>
        <source>ARMS deadline missed</source>
        <translation>Terfyn ARMS wedi&apos;i golli</translation>
    </message>
    <message>
        <source>ARMS overdue</source>
        <translation>ARMS yn hwyr</translation>
    </message>
    <message>
        <source>Visit overdue</source>
        <translation>Ymweliad yn hwyr</translation>
    </message>
    <message>
        <source>Notification overdue</source>
        <translation>Hysbysiad yn hwyr</translation>
    </message>
    <message>
        <source>Awaiting initial notification</source>
        <translation>Aros am hysbysiad cychwynnol</translation>
    </message>
    <message>
        <source>Child with access</source>
        <translation>Plentyn â mynediad</translation>
    </message>
    <message>
        <source>Order ending</source>
        <translation>Gorchymyn yn dod i ben</translation>
    </message>
    <message>
        <source>Panel action overdue</source>
        <translation>Cam gweithredu&apos;r panel yn hwyr</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Cyfenw</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Enwau cyntaf</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Ffugenwau</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Rhyw</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Tref</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>Custodial term (months)</source>
        <translation>Tymor yn y ddalfa (misoedd)</translation>
    </message>
    <message>
        <source>Terms (consecutive or concurrent)</source>
        <translation>Tymhorau (olynol neu gydamserol)</translation>
    </message>
    <message>
        <source>Conditional discharge (months)</source>
        <translation>Rhyddhad amodol (misoedd)</translation>
    </message>
    <message>
        <source>In custody</source>
        <translation>Yn y ddalfa</translation>
    </message>
    <message>
        <source>RM2000 date</source>
        <translation>Dyddiad RM2000</translation>
    </message>
    <message>
        <source>ARMS date</source>
        <translation>Dyddiad ARMS</translation>
    </message>
    <message>
        <source>Last home visit</source>
        <translation>Ymweliad cartref diwethaf</translation>
    </message>
    <message>
        <source>Officers at the last visit</source>
        <translation>Swyddogion yn yr ymweliad diwethaf</translation>
    </message>
    <message>
        <source>Order court</source>
        <translation>Llys y gorchymyn</translation>
    </message>
    <message>
        <source>Order made on</source>
        <translation>Gorchymyn a wnaed ar</translation>
    </message>
    <message>
        <source>Order ends on</source>
        <translation>Gorchymyn yn dod i ben ar</translation>
    </message>
    <message>
        <source>Order next review</source>
        <translation>Adolygiad nesaf y gorchymyn</translation>
    </message>
    <message>
        <source>Reactive management</source>
        <translation>Rheoli adweithiol</translation>
    </message>
    <message>
        <source>Reactive: none routine</source>
        <translation>Adweithiol: dim un arferol</translation>
    </message>
    <message>
        <source>Requirement ended</source>
        <translation>Gofyniad wedi dod i ben</translation>
    </message>
    <message>
        <source>No fixed abode</source>
        <translation>Dim cyfeiriad sefydlog</translation>
    </message>
    <message>
        <source>{0} (not assessed)</source>
        <translation>{0} (heb ei asesu)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ganwyd</translation>
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
        <source>MAPPA</source>
        <translation>MAPPA</translation>
    </message>
    <message>
        <source>Level {0}</source>
        <translation>Lefel {0}</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Rhybuddion</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>Ymweliad nesaf yn ddyledus</translation>
    </message>
    <message>
        <source>ARMS due</source>
        <translation>ARMS yn ddyledus</translation>
    </message>
    <message>
        <source>Next notification</source>
        <translation>Hysbysiad nesaf</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Gwelwyd ddiwethaf</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Ardal</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Swyddog</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>Heb ei ddyrannu</translation>
    </message>
    <message>
        <source>PNC ID</source>
        <translation>ID PNC</translation>
    </message>
    <message>
        <source>Days since seen</source>
        <translation>Diwrnodau ers y gwelwyd</translation>
    </message>
    <message>
        <source>{0} decided {1} apply for a warrant: {2}</source>
        <translation>penderfynodd {0} {1} wneud cais am warant: {2}</translation>
    </message>
    <message>
        <source>{0} decided {1} not to apply for a warrant: {2}</source>
        <translation>penderfynodd {0} {1} beidio â gwneud cais am warant: {2}</translation>
    </message>
    <message>
        <source>s.96B(4): no warrant while in custody or detained in hospital</source>
        <translation>a.96B(4): dim gwarant tra yn y ddalfa neu wedi&apos;i gadw mewn ysbyty</translation>
    </message>
    <message>
        <source>s.96B(4): no warrant while outside the UK (trip to {0} {1})</source>
        <translation>a.96B(4): dim gwarant tra y tu allan i&apos;r DU (taith i {0} {1})</translation>
    </message>
    <message>
        <source>{0} since the last decision: {1}</source>
        <translation>{0} ers y penderfyniad diwethaf: {1}</translation>
    </message>
    <message>
        <source>{0} since the last seen visit: {1}</source>
        <translation>{0} ers yr ymweliad diwethaf pan welwyd yr unigolyn: {1}</translation>
    </message>
    <message>
        <source>last decision: apply {0}</source>
        <translation>penderfyniad diwethaf: gwneud cais {0}</translation>
    </message>
    <message>
        <source>last decision: not to apply {0}</source>
        <translation>penderfyniad diwethaf: peidio â gwneud cais {0}</translation>
    </message>
    <message>
        <source>a trip to {0} from {1} has no recorded return: check they are back in the UK</source>
        <translation>nid oes dychweliad wedi&apos;i gofnodi ar gyfer taith i {0} o {1}: gwiriwch eu bod yn ôl yn y DU</translation>
    </message>
    <message>
        <source>say why a warrant is or is not to be applied for</source>
        <translation>dywedwch pam y dylid, neu na ddylid, gwneud cais am warant</translation>
    </message>
    <message>
        <source>name the supervisor who decided</source>
        <translation>enwch y goruchwyliwr a benderfynodd</translation>
    </message>
    <message>
        <source>the decision is recorded by the one who made it, signed in ({0}), not {1}</source>
        <translation>cofnodir y penderfyniad gan yr un a&apos;i gwnaeth, wedi mewngofnodi ({0}), nid {1}</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Ymdrechion</translation>
    </message>
    <message>
        <source>choose the unsuccessful attempts the decision covers</source>
        <translation>dewiswch yr ymdrechion aflwyddiannus y mae&apos;r penderfyniad yn eu cynnwys</translation>
    </message>
    <message>
        <source>{0} not among the unsuccessful attempts since the person was last seen</source>
        <translation>{0} nad yw ymhlith yr ymdrechion aflwyddiannus ers i&apos;r unigolyn gael ei weld ddiwethaf</translation>
    </message>
    <message>
        <source>attempt</source>
        <translation>ymdrech</translation>
    </message>
    <message>
        <source>cover at least two unsuccessful attempts (s.96B(2)(d): entry sought on at least two occasions)</source>
        <translation>cynhwyswch o leiaf ddwy ymdrech aflwyddiannus (a.96B(2)(d): ceisiwyd mynediad ar o leiaf ddau achlysur)</translation>
    </message>
    <message>
        <source>also cover the earlier attempt not yet decided on ({0}): a decision covers every attempt up to the latest it covers</source>
        <translation>cynhwyswch hefyd yr ymdrech gynharach nad oes penderfyniad arni eto ({0}): mae penderfyniad yn cynnwys pob ymdrech hyd at yr olaf y mae&apos;n ei chynnwys</translation>
    </message>
    <message>
        <source>also cover the earlier attempts not yet decided on ({0}): a decision covers every attempt up to the latest it covers</source>
        <translation>cynhwyswch hefyd yr ymdrechion cynharach nad oes penderfyniad arnynt eto ({0}): mae penderfyniad yn cynnwys pob ymdrech hyd at yr olaf y mae&apos;n ei chynnwys</translation>
    </message>
    <message>
        <source>cannot be before the latest attempt it covers ({0})</source>
        <translation>ni all fod cyn yr ymdrech olaf y mae&apos;n ei chynnwys ({0})</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Haen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Yn ddyledus</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Why it is here</source>
        <translation>Pam mae yma</translation>
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
        <source>RSOs</source>
        <translation>RSO</translation>
    </message>
    <message>
        <source>Very high</source>
        <translation>Uchel iawn</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Uchel</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Canolig</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Isel</translation>
    </message>
    <message>
        <source>Very High</source>
        <translation>Uchel Iawn</translation>
    </message>
    <message>
        <source>male</source>
        <translation>gwryw</translation>
    </message>
    <message>
        <source>female</source>
        <translation>benyw</translation>
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
        <translation>Gorchymyn ysbyty â chyfyngiad</translation>
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
        <translation>Dedfryd arall</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Wedi&apos;i weld</translation>
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
        <source>RSOs per SOM</source>
        <translation>RSO fesul SOM</translation>
    </message>
    <message>
        <source>Load per SOM</source>
        <translation>Llwyth fesul SOM</translation>
    </message>
    <message>
        <source>1-30 days</source>
        <translation>1-30 diwrnod</translation>
    </message>
    <message>
        <source>31-90 days</source>
        <translation>31-90 diwrnod</translation>
    </message>
    <message>
        <source>91-180 days</source>
        <translation>91-180 diwrnod</translation>
    </message>
    <message>
        <source>181-365 days</source>
        <translation>181-365 diwrnod</translation>
    </message>
    <message>
        <source>Over a year</source>
        <translation>Dros flwyddyn</translation>
    </message>
    <message>
        <source>population not set in policy</source>
        <translation>poblogaeth heb ei gosod yn y polisi</translation>
    </message>
    <message>
        <source>RSOs per 100,000 population</source>
        <translation>RSO fesul 100,000 o&apos;r boblogaeth</translation>
    </message>
    <message>
        <source>{0}, to {1}</source>
        <translation>{0}, hyd at {1}</translation>
    </message>
    <message>
        <source>Reporting year</source>
        <translation>Blwyddyn adrodd</translation>
    </message>
    <message>
        <source>Breaches found in the reporting year</source>
        <translation>Achosion o dorri a ganfuwyd yn y flwyddyn adrodd</translation>
    </message>
    <message>
        <source>Breaches charged or filed to the CPS</source>
        <translation>Achosion o dorri a gyhuddwyd neu a anfonwyd at y CPS</translation>
    </message>
    <message>
        <source>RSO</source>
        <translation>RSO</translation>
    </message>
    <message>
        <source> since {0:%d %b %Y} (the last {1})</source>
        <translation> ers {0:%d %b %Y} (y {1} diwethaf)</translation>
    </message>
    <message>
        <source>MAPPA level {0}</source>
        <translation>MAPPA lefel {0}</translation>
    </message>
    <message>
        <source>Visits overdue</source>
        <translation>Ymweliadau yn hwyr</translation>
    </message>
    <message>
        <source>ARMS backlog (due or overdue, or an initial ARMS awaited)</source>
        <translation>Ôl-groniad ARMS (yn ddyledus neu&apos;n hwyr, neu&apos;n aros am ARMS cychwynnol)</translation>
    </message>
    <message>
        <source>Cases visited by a lone officer</source>
        <translation>Achosion yr ymwelodd un swyddog ar ei ben ei hun â nhw</translation>
    </message>
    <message>
        <source>Cases visited by a lone officer without authorisation</source>
        <translation>Achosion yr ymwelodd un swyddog ar ei ben ei hun â nhw heb awdurdod</translation>
    </message>
    <message>
        <source>Cases given an announced visit</source>
        <translation>Achosion a gafodd ymweliad a gyhoeddwyd ymlaen llaw</translation>
    </message>
    <message>
        <source>Warrant decisions outstanding</source>
        <translation>Penderfyniadau gwarant heb eu gwneud</translation>
    </message>
    <message>
        <source>Missing or whereabouts unknown</source>
        <translation>Ar goll neu leoliad yn anhysbys</translation>
    </message>
    <message>
        <source>RSOs with a breach found in the reporting year</source>
        <translation>RSO ag achos o dorri a ganfuwyd yn y flwyddyn adrodd</translation>
    </message>
    <message>
        <source>RSOs with a breach charged or filed to the CPS in the reporting year</source>
        <translation>RSO ag achos o dorri a gyhuddwyd neu a anfonwyd at y CPS yn y flwyddyn adrodd</translation>
    </message>
    <message>
        <source>RSOs on an SHPO or SOPO in force</source>
        <translation>RSO ar SHPO neu SOPO mewn grym</translation>
    </message>
    <message>
        <source>RSOs on an SRO in force</source>
        <translation>RSO ar SRO mewn grym</translation>
    </message>
    <message>
        <source>Visits overdue: {0} risk</source>
        <translation>Ymweliadau yn hwyr: risg {0}</translation>
    </message>
    <message>
        <source>ARMS backlog: {0} risk</source>
        <translation>Ôl-groniad ARMS: risg {0}</translation>
    </message>
    <message>
        <source>Force&apos;s own rate</source>
        <translation>Cyfradd yr heddlu ei hun</translation>
    </message>
    <message>
        <source>National</source>
        <translation>Cenedlaethol</translation>
    </message>
    <message>
        <source>Creedon review</source>
        <translation>Adolygiad Creedon</translation>
    </message>
    <message>
        <source>Visits over a year overdue</source>
        <translation>Ymweliadau dros flwyddyn yn hwyr</translation>
    </message>
    <message>
        <source>Oldest visit (days overdue)</source>
        <translation>Yr ymweliad hynaf (diwrnodau yn hwyr)</translation>
    </message>
    <message>
        <source>ARMS backlog</source>
        <translation>Ôl-groniad ARMS</translation>
    </message>
    <message>
        <source>Oldest ARMS (days overdue)</source>
        <translation>Yr ARMS hynaf (diwrnodau yn hwyr)</translation>
    </message>
    <message>
        <source>ARMS deadlines missed</source>
        <translation>Terfynau ARMS a gollwyd</translation>
    </message>
    <message>
        <source>Notifications overdue</source>
        <translation>Hysbysiadau yn hwyr</translation>
    </message>
    <message>
        <source>Breaches this year</source>
        <translation>Achosion o dorri eleni</translation>
    </message>
    <message>
        <source>Missing or wanted</source>
        <translation>Ar goll neu&apos;n eisiau</translation>
    </message>
    <message>
        <source>% of target</source>
        <translation>% o&apos;r targed</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Llwyth</translation>
    </message>
    <message>
        <source>Load % of target</source>
        <translation>Llwyth % o&apos;r targed</translation>
    </message>
    <message>
        <source>Demo profile (synthetic data). Passphrase: {0}</source>
        <translation>Proffil arddangos (data synthetig). Cyfrinymadrodd: {0}</translation>
    </message>
    <message>
        <source>this profile is not syncing with a central store now</source>
        <translation>nid yw&apos;r proffil hwn yn cysoni â storfa ganolog ar hyn o bryd</translation>
    </message>
    <message>
        <source>it is no longer on this record: it may have been removed elsewhere</source>
        <translation>nid yw ar y cofnod hwn mwyach: efallai ei fod wedi&apos;i dynnu yn rhywle arall</translation>
    </message>
    <message>
        <source>Demo profile (synthetic data)</source>
        <translation>Proffil arddangos (data synthetig)</translation>
    </message>
    <message>
        <source>Wrong passphrase for the demo profile.</source>
        <translation>Cyfrinymadrodd anghywir ar gyfer y proffil arddangos.</translation>
    </message>
    <message>
        <source>That record is no longer on this computer.</source>
        <translation>Nid yw&apos;r cofnod hwnnw ar y cyfrifiadur hwn mwyach.</translation>
    </message>
    <message>
        <source>Your unsaved changes are back: save or discard them.</source>
        <translation>Mae eich newidiadau heb eu cadw yn ôl: cadwch neu gwaredwch nhw.</translation>
    </message>
    <message>
        <source>Visit recorded for {0}.</source>
        <translation>Cofnodwyd ymweliad ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Visit corrected for {0}.</source>
        <translation>Cywirwyd ymweliad ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Note added to the visit for {0}.</source>
        <translation>Ychwanegwyd nodyn at yr ymweliad ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Visit to {0} planned for {1:%a %d %b %Y}.</source>
        <translation>Cynlluniwyd ymweliad ar gyfer {0} ar {1:%a %d %b %Y}.</translation>
    </message>
    <message>
        <source>Planned visit to {0} cancelled.</source>
        <translation>Canslwyd yr ymweliad a gynlluniwyd ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Point set by hand for {0}: E {1}, N {2}.</source>
        <translation>Pwynt wedi&apos;i osod â llaw ar gyfer {0}: E {1}, N {2}.</translation>
    </message>
    <message>
        <source>Point set by hand cleared for {0}: the postcode file&apos;s is used.</source>
        <translation>Cliriwyd y pwynt a osodwyd â llaw ar gyfer {0}: defnyddir pwynt y ffeil codau post.</translation>
    </message>
    <message>
        <source>{0} recorded under it will be removed with it.</source>
        <translation>Bydd {0} a gofnodwyd oddi tano yn cael eu tynnu gydag ef.</translation>
    </message>
    <message>
        <source>term</source>
        <translation>amod</translation>
    </message>
    <message>
        <source>It will be removed with the name it added: {0}.</source>
        <translation>Bydd yn cael ei dynnu ynghyd â&apos;r enw a ychwanegodd: {0}.</translation>
    </message>
    <message>
        <source>Meeting audit recorded for the meeting of {0}.</source>
        <translation>Cofnodwyd archwiliad ar gyfer cyfarfod {0}.</translation>
    </message>
    <message>
        <source>Trip abroad changed for {0}.</source>
        <translation>Newidiwyd taith dramor ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Trip abroad recorded for {0}.</source>
        <translation>Cofnodwyd taith dramor ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Contact changed for {0}.</source>
        <translation>Newidiwyd cyswllt ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Contact recorded for {0}.</source>
        <translation>Cofnodwyd cyswllt ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Device changed for {0}.</source>
        <translation>Newidiwyd dyfais ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Device recorded for {0}.</source>
        <translation>Cofnodwyd dyfais ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Device check changed for {0}.</source>
        <translation>Newidiwyd gwiriad dyfais ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Device check recorded for {0}.</source>
        <translation>Cofnodwyd gwiriad dyfais ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Breach recorded for {0}.</source>
        <translation>Cofnodwyd achos o dorri ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Pre-visit checks recorded for {0}.</source>
        <translation>Cofnodwyd gwiriadau cyn ymweliad ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Civil order changed for {0}.</source>
        <translation>Newidiwyd gorchymyn sifil ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Civil order recorded for {0}.</source>
        <translation>Cofnodwyd gorchymyn sifil ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Order term changed for {0}.</source>
        <translation>Newidiwyd amod gorchymyn ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Order term added for {0}.</source>
        <translation>Ychwanegwyd amod gorchymyn ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Licence changed for {0}.</source>
        <translation>Newidiwyd trwydded ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Licence recorded for {0}.</source>
        <translation>Cofnodwyd trwydded ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Breach changed for {0}.</source>
        <translation>Newidiwyd achos o dorri ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Notified detail changed for {0}.</source>
        <translation>Newidiwyd manylyn a hysbyswyd ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Notified detail recorded for {0}.</source>
        <translation>Cofnodwyd manylyn a hysbyswyd ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Name changed for {0}.</source>
        <translation>Newidiwyd enw ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Name recorded for {0}.</source>
        <translation>Cofnodwyd enw ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Name-change notice changed for {0}.</source>
        <translation>Newidiwyd hysbysiad newid enw ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Name-change notice recorded for {0}.</source>
        <translation>Cofnodwyd hysbysiad newid enw ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Whereabouts changed for {0}.</source>
        <translation>Newidiwyd y lleoliad ar gyfer {0}.</translation>
    </message>
    <message>
        <source>Missing or wanted recorded for {0}.</source>
        <translation>Cofnodwyd bod {0} ar goll neu&apos;n eisiau.</translation>
    </message>
    <message>
        <source>Review recorded for {0}.</source>
        <translation>Cofnodwyd adolygiad ar gyfer {0}.</translation>
    </message>
    <message>
        <source>RoSH recorded for {0}.</source>
        <translation>Cofnodwyd RoSH ar gyfer {0}.</translation>
    </message>
    <message>
        <source>ARMS assessment saved for {0}.</source>
        <translation>Cadwyd asesiad ARMS ar gyfer {0}.</translation>
    </message>
    <message>
        <source>{0} saved for {1}.</source>
        <translation>{0}: wedi&apos;i gadw ar gyfer {1}.</translation>
    </message>
    <message>
        <source>Risk management plan saved.</source>
        <translation>Cadwyd y cynllun rheoli risg.</translation>
    </message>
    <message>
        <source>RM2000 assessment saved</source>
        <translation>Cadwyd asesiad RM2000</translation>
    </message>
    <message>
        <source>, and the risk level set from it.</source>
        <translation>, a gosodwyd lefel y risg yn ôl yr asesiad.</translation>
    </message>
    <message>
        <source>Record ARMS: {0}</source>
        <translation>Cofnodi ARMS: {0}</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Cwblhawyd ar</translation>
    </message>
    <message>
        <source>Completed on:</source>
        <translation>Cwblhawyd ar:</translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation>Ffactorau risg</translation>
    </message>
    <message>
        <source>Protective factors</source>
        <translation>Ffactorau amddiffynnol</translation>
    </message>
    <message>
        <source>(not rated)</source>
        <translation>(heb ei raddio)</translation>
    </message>
    <message>
        <source>Priority for work</source>
        <translation>Blaenoriaeth ar gyfer gwaith</translation>
    </message>
    <message>
        <source>Priority for work:</source>
        <translation>Blaenoriaeth ar gyfer gwaith:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Nodiadau:</translation>
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
        <source>Face</source>
        <translation>Wyneb</translation>
    </message>
    <message>
        <source>Scars, marks and tattoos</source>
        <translation>Creithiau, marciau a thatŵs</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Cartref</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Trwydded</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Llythyr</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Dogfen arall</translation>
    </message>
    <message>
        <source>{0}: {1}, {2:%d %b %Y}</source>
        <translation>{0}: {1}, {2:%d %b %Y}</translation>
    </message>
    <message>
        <source>{0}, {1:%d %b %Y}</source>
        <translation>{0}, {1:%d %b %Y}</translation>
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
        <translation>Cais i alw&apos;n ôl</translation>
    </message>
    <message>
        <source>File to the CPS</source>
        <translation>Ffeil i&apos;r CPS</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Dim eto</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>breach of notification</source>
        <translation>torri&apos;r gofynion hysbysu</translation>
    </message>
    <message>
        <source>breach of an order</source>
        <translation>torri gorchymyn</translation>
    </message>
    <message>
        <source>breach of licence</source>
        <translation>torri&apos;r drwydded</translation>
    </message>
    <message>
        <source>Rate this factor.</source>
        <translation>Graddiwch y ffactor hwn.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(gwag)</translation>
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
        <source>Remove the {0}?</source>
        <translation>Tynnu&apos;r {0}?</translation>
    </message>
    <message>
        <source>Removed on the other device</source>
        <translation>Tynnwyd ar y ddyfais arall</translation>
    </message>
    <message>
        <source>Kept: edited on the other device</source>
        <translation>Cadwyd: golygwyd ar y ddyfais arall</translation>
    </message>
    <message>
        <source>Remove it (entered in error)</source>
        <translation>Ei dynnu (cofnodwyd trwy gamgymeriad)</translation>
    </message>
    <message>
        <source>Keep it, with the edit</source>
        <translation>Ei gadw, gyda&apos;r golygiad</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Troseddwr</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Kept on the central store</source>
        <translation>Wedi&apos;i gadw yn y storfa ganolog</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Arfaethedig</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Cynigiwyd gan</translation>
    </message>
    <message>
        <source>New {0}</source>
        <translation>{0} newydd</translation>
    </message>
    <message>
        <source>Deleting the {0}</source>
        <translation>Dileu&apos;r {0}</translation>
    </message>
    <message>
        <source>Answer to a conflict</source>
        <translation>Ateb i wrthdaro</translation>
    </message>
    <message>
        <source>Removing the {0} (entered in error)</source>
        <translation>Tynnu&apos;r {0} (cofnodwyd trwy gamgymeriad)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Newid</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Statws</translation>
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
        <translation>Heb ei archwilio</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Neilltuwyd</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>Refused by the central store</source>
        <translation>Gwrthodwyd gan y storfa ganolog</translation>
    </message>
    <message>
        <source>What was entered:</source>
        <translation>Yr hyn a gofnodwyd:</translation>
    </message>
    <message>
        <source>Discard the new {0} &quot;{1}&quot;? It exists only on this computer: it goes, with what was recorded with it, and cannot be brought back. The discard is logged.</source>
        <translation>Gwaredu&apos;r {0} newydd &quot;{1}&quot;? Mae&apos;n bodoli ar y cyfrifiadur hwn yn unig: bydd yn diflannu, ynghyd â&apos;r hyn a gofnodwyd gydag ef, ac ni ellir ei adfer. Caiff y gwarediad ei gofnodi yn y log.</translation>
    </message>
    <message>
        <source>Discard this change to &quot;{0}&quot; ({1})? The record keeps what the central store holds. The discard is logged.</source>
        <translation>Gwaredu&apos;r newid hwn i &quot;{0}&quot; ({1})? Mae&apos;r cofnod yn cadw&apos;r hyn sydd gan y storfa ganolog. Caiff y gwarediad ei gofnodi yn y log.</translation>
    </message>
    <message>
        <source>Sync conflicts, refused and set-aside changes</source>
        <translation>Gwrthdaro cysoni, a newidiadau a wrthodwyd neu a neilltuwyd</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Gwrthdaro</translation>
    </message>
    <message>
        <source>Refused and set-aside changes</source>
        <translation>Newidiadau a wrthodwyd neu a neilltuwyd</translation>
    </message>
    <message>
        <source>Keep the stored value</source>
        <translation>Cadw&apos;r gwerth sydd wedi&apos;i storio</translation>
    </message>
    <message>
        <source>Use the proposed value</source>
        <translation>Defnyddio&apos;r gwerth arfaethedig</translation>
    </message>
    <message>
        <source>Type another value…</source>
        <translation>Teipio gwerth arall…</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Agor y cofnod</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Anfon eto</translation>
    </message>
    <message>
        <source>Correct and send again…</source>
        <translation>Cywiro ac anfon eto…</translation>
    </message>
    <message>
        <source>Correct a new RSO&apos;s ViSOR reference, PNC ID or names (the registration screen edits the rest)</source>
        <translation>Cywiro cyfeirnod ViSOR, ID PNC neu enwau RSO newydd (mae&apos;r sgrin gofrestru yn golygu&apos;r gweddill)</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Gwaredu…</translation>
    </message>
    <message>
        <source>The selected change: why, and what you entered</source>
        <translation>Y newid a ddewiswyd: pam, a&apos;r hyn a roesoch</translation>
    </message>
    <message>
        <source>The same field was changed in two places before they synced, or a record was removed in one place and edited in another. Nothing was overwritten: the central store kept the first value. Choose what the record should say; every device gets your answer.</source>
        <translation>Newidiwyd yr un maes mewn dau le cyn iddynt gysoni, neu cafodd cofnod ei dynnu mewn un lle a&apos;i olygu mewn lle arall. Nid ysgrifennwyd dros ddim: cadwodd y storfa ganolog y gwerth cyntaf. Dewiswch beth ddylai&apos;r cofnod ei ddweud; bydd pob dyfais yn cael eich ateb.</translation>
    </message>
    <message>
        <source>Changes the central store refused, or could not take, are kept here with every value you entered until you decide: open the record to correct it, then send it again, or discard it.</source>
        <translation>Mae newidiadau a wrthododd y storfa ganolog, neu na allai eu derbyn, yn cael eu cadw yma gyda phob gwerth a roesoch nes i chi benderfynu: agorwch y cofnod i&apos;w gywiro, yna ei anfon eto, neu ei waredu.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Dim gwrthdaro.</translation>
    </message>
    <message>
        <source>{0} to resolve.</source>
        <translation>{0} i&apos;w datrys.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Dim.</translation>
    </message>
    <message>
        <source>{0} kept on this computer, not on the central store.</source>
        <translation>{0} wedi&apos;u cadw ar y cyfrifiadur hwn, nid yn y storfa ganolog.</translation>
    </message>
    <message>
        <source>change</source>
        <translation>newid</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Datrys gwrthdaro</translation>
    </message>
    <message>
        <source>Discard a change</source>
        <translation>Gwaredu newid</translation>
    </message>
    <message>
        <source>Correct and send again</source>
        <translation>Cywiro ac anfon eto</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>Gwrthodwyd: {0}</translation>
    </message>
    <message>
        <source>Save and send again</source>
        <translation>Cadw ac anfon eto</translation>
    </message>
    <message>
        <source>Connect to the central store</source>
        <translation>Cysylltu â&apos;r storfa ganolog</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Central store address</source>
        <translation>Cyfeiriad y storfa ganolog</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Your force&apos;s central store keeps every device up to date. Only your caseload comes to this computer, and your changes go back when you are connected.</source>
        <translation>Mae storfa ganolog eich heddlu yn cadw pob dyfais yn gyfredol. Dim ond eich llwyth achosion sy&apos;n dod i&apos;r cyfrifiadur hwn, ac mae eich newidiadau&apos;n mynd yn ôl pan fyddwch wedi cysylltu.</translation>
    </message>
    <message>
        <source>Give your username.</source>
        <translation>Rhowch eich enw defnyddiwr.</translation>
    </message>
    <message>
        <source>Give your password.</source>
        <translation>Rhowch eich cyfrinair.</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Derbynnydd</translation>
    </message>
    <message>
        <source>e.g. Northmere MAPPA level 2 panel</source>
        <translation>e.e. panel MAPPA lefel 2 Northmere</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Cyfiawnhad</translation>
    </message>
    <message>
        <source>why it is shared, e.g. panel meeting on 1 December</source>
        <translation>pam mae&apos;n cael ei rannu, e.e. cyfarfod panel ar 1 Rhagfyr</translation>
    </message>
    <message>
        <source>Leave out addresses</source>
        <translation>Hepgor cyfeiriadau</translation>
    </message>
    <message>
        <source>Leave out victim details</source>
        <translation>Hepgor manylion dioddefwyr</translation>
    </message>
    <message>
        <source>Leave out bank, card and identity document numbers</source>
        <translation>Hepgor rhifau banc, cardiau a dogfennau adnabod</translation>
    </message>
    <message>
        <source>Leave out photographs</source>
        <translation>Hepgor ffotograffau</translation>
    </message>
    <message>
        <source>Leave out all free text (offences, visit concerns, the plan)</source>
        <translation>Hepgor pob testun rhydd (troseddau, pryderon, y cynllun)</translation>
    </message>
    <message>
        <source>Include the case lists (the most overdue cases by ViSOR reference; otherwise figures only)</source>
        <translation>Cynnwys y rhestrau achosion (yr achosion sydd fwyaf hwyr, yn ôl cyfeirnod ViSOR; fel arall, ffigurau yn unig)</translation>
    </message>
    <message>
        <source>Watermark every page with my name</source>
        <translation>Rhoi fy enw fel dyfrnod ar bob tudalen</translation>
    </message>
    <message>
        <source>optional: protect the file with a password</source>
        <translation>dewisol: diogelu&apos;r ffeil â chyfrinair</translation>
    </message>
    <message>
        <source>Document password</source>
        <translation>Cyfrinair y ddogfen</translation>
    </message>
    <message>
        <source>Repeat document password</source>
        <translation>Ailadrodd cyfrinair y ddogfen</translation>
    </message>
    <message>
        <source>Open it when saved</source>
        <translation>Agor ar ôl cadw</translation>
    </message>
    <message>
        <source>Print it (a preview first, then the printer)</source>
        <translation>Argraffu (rhagolwg yn gyntaf, yna&apos;r argraffydd)</translation>
    </message>
    <message>
        <source>Save it as a PDF file</source>
        <translation>Cadw fel ffeil PDF</translation>
    </message>
    <message>
        <source>Language of the document</source>
        <translation>Iaith y ddogfen</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Ar gyfer:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Pam:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Iaith:</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>Anfon at:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Cyfrinair:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Ailadrodd:</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Rhagolwg…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Printing or exporting is a disclosure: the recipient and the reason are kept in the audit log. {0} What you leave out is not in the file at all.</source>
        <translation>Mae argraffu neu allforio yn ddatgeliad: caiff y derbynnydd a&apos;r rheswm eu cadw yn y log archwilio. {0} Nid yw&apos;r hyn rydych yn ei hepgor yn y ffeil o gwbl.</translation>
    </message>
    <message>
        <source>Every page is marked {0}.</source>
        <translation>Mae pob tudalen wedi&apos;i marcio&apos;n {0}.</translation>
    </message>
    <message>
        <source>A data file carries no marking: handle it as {0}.</source>
        <translation>Nid oes marc ar ffeil ddata: triniwch hi fel {0}.</translation>
    </message>
    <message>
        <source>Leaving out addresses or victim details covers those fields only. Free text (offences, visit concerns, the risk management plan and actions) is printed as it was written and may still name victims or give addresses: when you press {0} you can check each entry, and leave it out or change it for this copy, or leave it all out here.</source>
        <translation>Mae hepgor cyfeiriadau neu fanylion dioddefwyr yn berthnasol i&apos;r meysydd hynny yn unig. Caiff testun rhydd (troseddau, pryderon ymweliadau, y cynllun rheoli risg a&apos;r camau gweithredu) ei argraffu fel y cafodd ei ysgrifennu, a gall enwi dioddefwyr neu roi cyfeiriadau o hyd: pan fyddwch yn pwyso {0} gallwch wirio pob eitem, a&apos;i hepgor neu ei newid ar gyfer y copi hwn, neu hepgor y cyfan yma.</translation>
    </message>
    <message>
        <source>For: say who the document is for.</source>
        <translation>Ar gyfer: nodwch ar gyfer pwy mae&apos;r ddogfen.</translation>
    </message>
    <message>
        <source>For: it holds an invisible character that can reorder or hide what is shown (such as a right-to-left override, often pasted with the text): type the recipient again.</source>
        <translation>Ar gyfer: mae&apos;n cynnwys nod anweledig a all aildrefnu neu guddio&apos;r hyn a ddangosir (fel nod gwrthwneud o&apos;r dde i&apos;r chwith, a gaiff ei ludo gyda&apos;r testun yn aml): teipiwch y derbynnydd eto.</translation>
    </message>
    <message>
        <source>Why: the force policy requires a reason for every disclosure.</source>
        <translation>Pam: mae polisi&apos;r heddlu yn gofyn am reswm dros bob datgeliad.</translation>
    </message>
    <message>
        <source>Why: it holds an invisible character that can reorder or hide what is shown (such as a right-to-left override, often pasted with the text): type the reason again.</source>
        <translation>Pam: mae&apos;n cynnwys nod anweledig a all aildrefnu neu guddio&apos;r hyn a ddangosir (fel nod gwrthwneud o&apos;r dde i&apos;r chwith, a gaiff ei ludo gyda&apos;r testun yn aml): teipiwch y rheswm eto.</translation>
    </message>
    <message>
        <source>Password: at least {0} characters, or leave it empty.</source>
        <translation>Cyfrinair: o leiaf {0} nod, neu gadewch ef yn wag.</translation>
    </message>
    <message>
        <source>Repeat: the two passwords differ.</source>
        <translation>Ailadrodd: mae&apos;r ddau gyfrinair yn wahanol.</translation>
    </message>
    <message>
        <source>Check the free text before printing</source>
        <translation>Gwirio&apos;r testun rhydd cyn argraffu</translation>
    </message>
    <message>
        <source>Free text to print</source>
        <translation>Testun rhydd i&apos;w argraffu</translation>
    </message>
    <message>
        <source>Words to print</source>
        <translation>Geiriau i&apos;w hargraffu</translation>
    </message>
    <message>
        <source>Free text is printed exactly as it was written, and may name victims or give addresses even when you leave those out. Untick an entry to leave it out of this copy, or select it and change its words. The record itself is not changed.</source>
        <translation>Caiff testun rhydd ei argraffu yn union fel y cafodd ei ysgrifennu, a gall enwi dioddefwyr neu roi cyfeiriadau hyd yn oed pan fyddwch yn hepgor y rheini. Dad-diciwch eitem i&apos;w hepgor o&apos;r copi hwn, neu dewiswch hi a newid ei geiriau. Nid yw&apos;r cofnod ei hun yn cael ei newid.</translation>
    </message>
    <message>
        <source>{0} entries: {1} left out, {2} changed for this copy.</source>
        <translation>{0} eitem: {1} wedi&apos;u hepgor, {2} wedi&apos;u newid ar gyfer y copi hwn.</translation>
    </message>
    <message>
        <source>Import a caseload</source>
        <translation>Mewnforio llwyth achosion</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Dim ffeil wedi&apos;i dewis</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Dewis ffeil…</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problemau a ganfuwyd</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Gwirio</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Mewnforio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>CSV or Excel, one RSO a row, headers in the first row (a second row with the same ViSOR reference adds the person&apos;s second civil order). Columns are matched to fields by name; change any that are wrong. Check lists every problem by row, column and value; Import brings in every row or none, and the audit log records each RSO collected.</source>
        <translation>CSV neu Excel, un RSO i bob rhes, penawdau yn y rhes gyntaf (mae ail res gyda&apos;r un cyfeirnod ViSOR yn ychwanegu ail orchymyn sifil yr unigolyn). Caiff colofnau eu paru â meysydd yn ôl eu henw; newidiwch unrhyw rai sy&apos;n anghywir. Mae Gwirio yn rhestru pob problem yn ôl rhes, colofn a gwerth; mae Mewnforio yn dod â phob rhes i mewn neu ddim un, ac mae&apos;r log archwilio yn cofnodi pob RSO a gasglwyd.</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problemau:</translation>
    </message>
    <message>
        <source>Caseload file</source>
        <translation>Ffeil llwyth achosion</translation>
    </message>
    <message>
        <source>Caseload files (*.csv *.txt *.xlsx)</source>
        <translation>Ffeiliau llwyth achosion (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <source> · {0}, delimiter {1!r}</source>
        <translation> · {0}, amffinydd {1!r}</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(nid yw yn y ffeil)</translation>
    </message>
    <message>
        <source>Check the file before importing.</source>
        <translation>Gwiriwch y ffeil cyn mewnforio.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wrthi&apos;n mewnforio…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wrthi&apos;n gwirio…</translation>
    </message>
    <message>
        <source>{0}: nothing can be imported until they are fixed.</source>
        <translation>{0}: ni ellir mewnforio dim nes iddynt gael eu cywiro.</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>problem</translation>
    </message>
    <message>
        <source>Imported {0}{1}.</source>
        <translation>Mewnforiwyd {0}{1}.</translation>
    </message>
    <message>
        <source>All {0} can be imported{1}.</source>
        <translation>Gellir mewnforio&apos;r {0} i gyd{1}.</translation>
    </message>
    <message>
        <source>row</source>
        <translation>rhes</translation>
    </message>
    <message>
        <source>The central store would take them all.</source>
        <translation>Byddai&apos;r storfa ganolog yn eu derbyn i gyd.</translation>
    </message>
    <message>
        <source>, with {0}</source>
        <translation>, gyda {0}</translation>
    </message>
    <message>
        <source>No postcode locations loaded yet.</source>
        <translation>Dim lleoliadau codau post wedi&apos;u llwytho eto.</translation>
    </message>
    <message>
        <source>Loaded now: {0} from {1} ({2}), {3:%d %b %Y %H:%M} UTC by {4}.</source>
        <translation>Wedi&apos;u llwytho ar hyn o bryd: {0} o {1} ({2}), {3:%d %b %Y %H:%M} UTC gan {4}.</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>cod post</translation>
    </message>
    <message>
        <source>Import postcode locations</source>
        <translation>Mewnforio lleoliadau codau post</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Bad rows</source>
        <translation>Rhesi gwael</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>Gwirio (rhediad prawf)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stop reading: the locations loaded before stay as they are</source>
        <translation>Stopio darllen: mae&apos;r lleoliadau a lwythwyd o&apos;r blaen yn aros fel y maent</translation>
    </message>
    <message>
        <source>The open postcode centroid file: Ordnance Survey&apos;s Code-Point Open (CSV, no header) or the ONS Postcode Directory (CSV). It places each address at its postcode for planning rounds; nothing is sent anywhere. Check reads every row and lists the bad ones, writing nothing; Import then replaces the locations loaded before (bad rows are left out). Points set by hand are kept.</source>
        <translation>Y ffeil agored o ganolbwyntiau codau post: Code-Point Open gan Ordnance Survey (CSV, heb bennawd) neu&apos;r ONS Postcode Directory (CSV). Mae&apos;n gosod pob cyfeiriad wrth ei god post ar gyfer cynllunio cylchoedd ymweliadau; nid oes dim yn cael ei anfon i unman. Mae Gwirio yn darllen pob rhes ac yn rhestru&apos;r rhai gwael, heb ysgrifennu dim; yna mae Mewnforio yn disodli&apos;r lleoliadau a lwythwyd o&apos;r blaen (caiff rhesi gwael eu hepgor). Caiff pwyntiau a osodwyd â llaw eu cadw.</translation>
    </message>
    <message>
        <source>Bad rows:</source>
        <translation>Rhesi gwael:</translation>
    </message>
    <message>
        <source>Postcode centroid file</source>
        <translation>Ffeil canolbwyntiau codau post</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Ffeiliau CSV (*.csv *.txt);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Check the file before importing it.</source>
        <translation>Gwiriwch y ffeil cyn ei mewnforio.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wrthi&apos;n canslo…</translation>
    </message>
    <message>
        <source>Replacing the locations loaded before…</source>
        <translation>Wrthi&apos;n disodli&apos;r lleoliadau a lwythwyd o&apos;r blaen…</translation>
    </message>
    <message>
        <source>Read {0}…</source>
        <translation>Darllenwyd {0}…</translation>
    </message>
    <message>
        <source>Loaded: {0}</source>
        <translation>Wedi&apos;u llwytho: {0}</translation>
    </message>
    <message>
        <source>The import failed: the locations loaded before are unchanged.</source>
        <translation>Methodd y mewnforio: nid yw&apos;r lleoliadau a lwythwyd o&apos;r blaen wedi newid.</translation>
    </message>
    <message>
        <source>RSOs now</source>
        <translation>RSO nawr</translation>
    </message>
    <message>
        <source>RSOs after</source>
        <translation>RSO wedyn</translation>
    </message>
    <message>
        <source>Load % now</source>
        <translation>Llwyth % nawr</translation>
    </message>
    <message>
        <source>Load % after</source>
        <translation>Llwyth % wedyn</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>goes over target</source>
        <translation>yn mynd dros y targed</translation>
    </message>
    <message>
        <source>Allocate and reallocate cases</source>
        <translation>Dyrannu ac ailddyrannu achosion</translation>
    </message>
    <message>
        <source>Unallocated cases ({0})</source>
        <translation>Achosion heb eu dyrannu ({0})</translation>
    </message>
    <message>
        <source>From officer</source>
        <translation>O swyddog</translation>
    </message>
    <message>
        <source>To officer</source>
        <translation>I swyddog</translation>
    </message>
    <message>
        <source>e.g. balancing loads after a new starter</source>
        <translation>e.e. cydbwyso llwythi ar ôl i aelod newydd o staff ddechrau</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Cases to move</source>
        <translation>Achosion i&apos;w symud</translation>
    </message>
    <message>
        <source>Loads before and after</source>
        <translation>Llwythi cyn ac ar ôl</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>O:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>I:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Rheswm:</translation>
    </message>
    <message>
        <source>Select the cases to move (Ctrl or Shift to select several).</source>
        <translation>Dewiswch yr achosion i&apos;w symud (Ctrl neu Shift i ddewis sawl un).</translation>
    </message>
    <message>
        <source>Each officer&apos;s load after the move:</source>
        <translation>Llwyth pob swyddog ar ôl y symud:</translation>
    </message>
    <message>
        <source>{0} ({1}) · {2} RSOs, {3:.0f}% of target load</source>
        <translation>{0} ({1}) · {2} RSO, {3:.0f}% o&apos;r llwyth targed</translation>
    </message>
    <message>
        <source>No other SOM in your teams can receive these cases.</source>
        <translation>Nid oes SOM arall yn eich timau a all dderbyn yr achosion hyn.</translation>
    </message>
    <message>
        <source>Select at least one case to move.</source>
        <translation>Dewiswch o leiaf un achos i&apos;w symud.</translation>
    </message>
    <message>
        <source>Give a reason: it is recorded in the audit log with each move.</source>
        <translation>Rhowch reswm: caiff ei gofnodi yn y log archwilio gyda phob symudiad.</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 achos</translation>
    </message>
    <message>
        <source>{0} cases</source>
        <translation>{0} achos</translation>
    </message>
    <message>
        <source>Allocated {0} to {1}</source>
        <translation>Dyrannwyd {0} i {1}</translation>
    </message>
    <message>
        <source>Moved {0} from {1} to {2}</source>
        <translation>Symudwyd {0} o {1} i {2}</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Symud</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>Symud {0}</translation>
    </message>
    <message>
        <source>case</source>
        <translation>achos</translation>
    </message>
    <message>
        <source>Case management</source>
        <translation>Rheoli achos</translation>
    </message>
    <message>
        <source>Visit preparation</source>
        <translation>Paratoi ymweliad</translation>
    </message>
    <message>
        <source>MAPPA panel preparation</source>
        <translation>Paratoi panel MAPPA</translation>
    </message>
    <message>
        <source>Supervision and case review</source>
        <translation>Goruchwylio ac adolygu achos</translation>
    </message>
    <message>
        <source>Reason for opening the record</source>
        <translation>Rheswm dros agor y cofnod</translation>
    </message>
    <message>
        <source>Why are you opening the record of {0}?</source>
        <translation>Pam ydych chi&apos;n agor cofnod {0}?</translation>
    </message>
    <message>
        <source>The reason is kept in the audit log (DPA 2018 s.62).</source>
        <translation>Caiff y rheswm ei gadw yn y log archwilio (DPA 2018 s.62).</translation>
    </message>
    <message>
        <source>Give a reason of at least 3 characters.</source>
        <translation>Rhowch reswm o 3 nod o leiaf.</translation>
    </message>
    <message>
        <source>Keep the reason under 300 characters.</source>
        <translation>Cadwch y rheswm o dan 300 nod.</translation>
    </message>
    <message>
        <source>Change the managing risk level</source>
        <translation>Newid y lefel risg rheoli</translation>
    </message>
    <message>
        <source>{0}: managing risk level {1}</source>
        <translation>{0}: lefel risg rheoli {1}</translation>
    </message>
    <message>
        <source>The change</source>
        <translation>Y newid</translation>
    </message>
    <message>
        <source>This LOWERS the risk level: by default, home visits every {0} instead of every {1}, and the case moves down the ARMS and visit queues.</source>
        <translation>Mae hyn yn GOSTWNG lefel y risg: yn ddiofyn, ymweliadau cartref bob {0} yn lle bob {1}, ac mae&apos;r achos yn symud i lawr y ciwiau ARMS ac ymweliadau.</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mis</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Rheswm dros y newid</translation>
    </message>
    <message>
        <source>Why the managing risk level should change (kept in the audit log)</source>
        <translation>Pam y dylai&apos;r lefel risg rheoli newid (caiff ei gadw yn y log archwilio)</translation>
    </message>
    <message>
        <source>Agreed by</source>
        <translation>Cytunwyd gan</translation>
    </message>
    <message>
        <source>(choose the supervisor who agreed)</source>
        <translation>(dewiswch y goruchwyliwr a gytunodd)</translation>
    </message>
    <message>
        <source>Agreed by:</source>
        <translation>Cytunwyd gan:</translation>
    </message>
    <message>
        <source>No routine visit due: {0}</source>
        <translation>Dim ymweliad arferol yn ddyledus: {0}</translation>
    </message>
    <message>
        <source>Next visit due {0:%a %d %b %Y}</source>
        <translation>Ymweliad nesaf yn ddyledus ar {0:%a %d %b %Y}</translation>
    </message>
    <message>
        <source> (unchanged: only a visit where the person is seen resets the clock)</source>
        <translation> (heb newid: dim ond ymweliad lle gwelir yr unigolyn sy&apos;n ailosod y cloc)</translation>
    </message>
    <message>
        <source>Correct visit: {0}</source>
        <translation>Cywiro ymweliad: {0}</translation>
    </message>
    <message>
        <source>Record visit: {0}</source>
        <translation>Cofnodi ymweliad: {0}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <source>Unannounced</source>
        <translation>Dirybudd</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Gyda rhybudd</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Enwau, wedi&apos;u gwahanu gan atalnodau</translation>
    </message>
    <message>
        <source>Two officers attend a home visit</source>
        <translation>Mae dau swyddog yn mynychu ymweliad cartref</translation>
    </message>
    <message>
        <source>Why only one officer attended</source>
        <translation>Pam mai dim ond un swyddog a fynychodd</translation>
    </message>
    <message>
        <source>(choose the supervisor who authorised it)</source>
        <translation>(dewiswch y goruchwyliwr a&apos;i awdurdododd)</translation>
    </message>
    <message>
        <source>Address checked (the person lives there)</source>
        <translation>Cyfeiriad wedi&apos;i wirio (yn byw yno)</translation>
    </message>
    <message>
        <source>Risk concerns noticed: new relationships, children present, …</source>
        <translation>Pryderon risg a sylwyd: perthnasoedd newydd, plant yn bresennol, …</translation>
    </message>
    <message>
        <source>Why the visit as recorded was wrong</source>
        <translation>Pam roedd yr ymweliad fel y&apos;i cofnodwyd yn anghywir</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>Rheswm dros y cywiriad</translation>
    </message>
    <message>
        <source>Second officer</source>
        <translation>Ail swyddog</translation>
    </message>
    <message>
        <source>Lone visit authorised by</source>
        <translation>Ymweliad un swyddog wedi&apos;i awdurdodi gan</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Dyddiad:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Amser:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Math:</translation>
    </message>
    <message>
        <source>Officers:</source>
        <translation>Swyddogion:</translation>
    </message>
    <message>
        <source>Second officer:</source>
        <translation>Ail swyddog:</translation>
    </message>
    <message>
        <source>Lone visit, because:</source>
        <translation>Ymweliad gan un swyddog, oherwydd:</translation>
    </message>
    <message>
        <source>Authorised by:</source>
        <translation>Awdurdodwyd gan:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Canlyniad:</translation>
    </message>
    <message>
        <source>Concerns:</source>
        <translation>Pryderon:</translation>
    </message>
    <message>
        <source>Reason for the correction:</source>
        <translation>Rheswm dros y cywiriad:</translation>
    </message>
    <message>
        <source>Type the visit&apos;s date to see when the next one is due.</source>
        <translation>Teipiwch ddyddiad yr ymweliad i weld pryd mae&apos;r un nesaf yn ddyledus.</translation>
    </message>
    <message>
        <source>Add a note to the visit: {0}</source>
        <translation>Ychwanegu nodyn at yr ymweliad: {0}</translation>
    </message>
    <message>
        <source>Visit of {0:%a %d %b %Y %H:%M} ({1})</source>
        <translation>Ymweliad ar {0:%a %d %b %Y %H:%M} ({1})</translation>
    </message>
    <message>
        <source>Plan visit: {0}</source>
        <translation>Cynllunio ymweliad: {0}</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>Dyddiad a gynlluniwyd</translation>
    </message>
    <message>
        <source>Cancel the planned visit</source>
        <translation>Canslo&apos;r ymweliad a gynlluniwyd</translation>
    </message>
    <message>
        <source>Due {0:%a %d %b %Y}</source>
        <translation>Yn ddyledus ar {0:%a %d %b %Y}</translation>
    </message>
    <message>
        <source>No routine visit due</source>
        <translation>Dim ymweliad arferol yn ddyledus</translation>
    </message>
    <message>
        <source>Visit on:</source>
        <translation>Ymweliad ar:</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Golygon</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Cloi</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Adnewyddu</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Canfod</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>&amp;Yn ôl i&apos;r rhestr</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Llwybrau byr &amp;bysellfwrdd</translation>
    </message>
    <message>
        <source>&amp;About somdesk</source>
        <translation>&amp;Ynghylch somdesk</translation>
    </message>
    <message>
        <source>Civil &amp;orders in force (CSV)…</source>
        <translation>&amp;Gorchmynion sifil mewn grym (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Breaches this year (CSV)…</source>
        <translation>Achosion o &amp;dorri eleni (CSV)…</translation>
    </message>
    <message>
        <source>&amp;All breaches (CSV)…</source>
        <translation>&amp;Pob achos o dorri (CSV)…</translation>
    </message>
    <message>
        <source>Import &amp;postcode locations…</source>
        <translation>Mewnforio lleoliadau codau &amp;post…</translation>
    </message>
    <message>
        <source>Load Code-Point Open or the ONS Postcode Directory, to place addresses for rounds</source>
        <translation>Llwytho Code-Point Open neu&apos;r ONS Postcode Directory, i osod cyfeiriadau ar gyfer cylchoedd ymweliadau</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Allforio</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Mynd</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr bysellfwrdd</translation>
    </message>
    <message>
        <source>&lt;h3&gt;somdesk {0}&lt;/h3&gt;&lt;p&gt;Case management for sex offender managers, their supervisors and MAPPA panel chairs: caseloads, visits, risk assessments and notification dates, working offline.&lt;/p&gt;&lt;p&gt;Qt {1} · Python {2}&lt;/p&gt;&lt;p&gt;Every record you open, print or change is logged.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;somdesk {0}&lt;/h3&gt;&lt;p&gt;Rheoli achosion ar gyfer rheolwyr troseddwyr rhyw, eu goruchwylwyr a chadeiryddion paneli MAPPA: llwythi achosion, ymweliadau, asesiadau risg a dyddiadau hysbysu, gan weithio all-lein.&lt;/p&gt;&lt;p&gt;Qt {1} · Python {2}&lt;/p&gt;&lt;p&gt;Caiff pob cofnod y byddwch yn ei agor, ei argraffu neu ei newid ei gofnodi.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About somdesk</source>
        <translation>Ynghylch somdesk</translation>
    </message>
    <message>
        <source>somdesk — {0}</source>
        <translation>somdesk — {0}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Newidiadau heb eu cadw</translation>
    </message>
    <message>
        <source>This record has changes that are not saved. Leave it and discard them?</source>
        <translation>Mae gan y cofnod hwn newidiadau sydd heb eu cadw. Ydych chi am ei adael a gwaredu&apos;r newidiadau?</translation>
    </message>
    <message>
        <source>decision recorded</source>
        <translation>penderfyniad wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>action recorded</source>
        <translation>cam gweithredu wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>Meeting of {0:%d %b %Y} saved.</source>
        <translation>Cadwyd cyfarfod {0:%d %b %Y}.</translation>
    </message>
    <message>
        <source>Panel decision recorded for {0}.</source>
        <translation>Cofnodwyd penderfyniad y panel ar gyfer {0}.</translation>
    </message>
    <message>
        <source>the change was not saved</source>
        <translation>ni chadwyd y newid</translation>
    </message>
    <message>
        <source>The {0} was not saved: {1} {2}.</source>
        <translation>Ni chadwyd y cofnod ({0}): {1} — {2}.</translation>
    </message>
    <message>
        <source>{0}.

Nothing was half-saved: the change was rolled back as a whole.</source>
        <translation>{0}.

Ni chadwyd dim yn rhannol: cafodd y newid cyfan ei ddadwneud.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong at {0:%H:%M}. Nothing you saved has been lost. Please tell your administrator the time; the details are in the log in {1}.</source>
        <translation>Aeth rhywbeth annisgwyl o&apos;i le am {0:%H:%M}. Nid oes dim a gadwoch wedi&apos;i golli. Rhowch wybod i&apos;ch gweinyddwr am yr amser; mae&apos;r manylion yn y log yn {1}.</translation>
    </message>
    <message>
        <source>the printer could not be started (is it connected?)</source>
        <translation>nid oedd modd cychwyn yr argraffydd (a yw wedi&apos;i gysylltu?)</translation>
    </message>
    <message>
        <source>the printer did not accept the pages</source>
        <translation>ni wnaeth yr argraffydd dderbyn y tudalennau</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Rhagolwg argraffu</translation>
    </message>
    <message>
        <source>{0} pages. Printing is a disclosure: it is logged to the recipient you named once the pages have gone to the printer.</source>
        <translation>{0} tudalen. Mae argraffu yn ddatgeliad: caiff ei gofnodi gydag enw&apos;r derbynnydd a roesoch chi unwaith y bydd y tudalennau wedi mynd i&apos;r argraffydd.</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Dim argraffydd</translation>
    </message>
    <message>
        <source>This computer has no printer set up, so nothing was printed and nothing was logged as disclosed.

To print it, save it instead: press Cancel, print the document again and choose &quot;Save it as a PDF file&quot;, then print the file where a printer is set up. Or ask for a printer to be added to this computer.</source>
        <translation>Nid oes argraffydd wedi&apos;i osod ar y cyfrifiadur hwn, felly ni chafodd dim ei argraffu ac ni chafodd dim ei gofnodi fel datgeliad.

I&apos;w hargraffu, cadwch y ddogfen yn lle hynny: pwyswch Canslo, argraffwch y ddogfen eto a dewiswch &quot;Cadw fel ffeil PDF&quot;, yna argraffwch y ffeil lle mae argraffydd wedi&apos;i osod. Neu gofynnwch am gael ychwanegu argraffydd at y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Heb ei hargraffu</translation>
    </message>
    <message>
        <source>The document could not be printed: {0}. Nothing was logged as disclosed.

Check the printer and press Print… again, or press Cancel and save the document as a PDF file instead.</source>
        <translation>Nid oedd modd argraffu&apos;r ddogfen: {0}. Ni chafodd dim ei gofnodi fel datgeliad.

Gwiriwch yr argraffydd a phwyswch Argraffu… eto, neu bwyswch Canslo a chadwch y ddogfen fel ffeil PDF yn lle hynny.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Argraffu…</translation>
    </message>
    <message>
        <source>{0} was saved, but no program on this computer opened it (is a PDF viewer installed?).

It is at {1}

Open it from there to preview and print it.</source>
        <translation>Cadwyd {0}, ond ni agorodd unrhyw raglen ar y cyfrifiadur hwn y ffeil (a oes gwyliwr PDF wedi&apos;i osod?).

Mae&apos;r ffeil yn {1}

Agorwch hi oddi yno i gael rhagolwg ohoni a&apos;i hargraffu.</translation>
    </message>
    <message>
        <source>Saved {0}, but no program opened it</source>
        <translation>Cadwyd {0}, ond ni agorodd unrhyw raglen y ffeil</translation>
    </message>
    <message>
        <source>Could not open the document</source>
        <translation>Methu agor y ddogfen</translation>
    </message>
    <message>
        <source>Every agency</source>
        <translation>Pob asiantaeth</translation>
    </message>
    <message>
        <source>Action list…</source>
        <translation>Rhestr camau gweithredu…</translation>
    </message>
    <message>
        <source>Which agency&apos;s actions? A copy for one agency holds only its actions.</source>
        <translation>Camau gweithredu ar gyfer pa asiantaeth? Mae copi ar gyfer un asiantaeth yn cynnwys ei chamau gweithredu hi yn unig.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dogfennau PDF (*.pdf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Cadw fel</translation>
    </message>
    <message>
        <source>Saved {0} ({1:,} bytes); logged as a disclosure to {2}</source>
        <translation>Cadwyd {0} ({1:,} beit); wedi&apos;i gofnodi fel datgeliad i {2}</translation>
    </message>
    <message>
        <source>Sent {0} pages of {1} to the printer; logged as a disclosure to {2}</source>
        <translation>Anfonwyd {0} tudalen o {1} i&apos;r argraffydd; wedi&apos;i gofnodi fel datgeliad i {2}</translation>
    </message>
    <message>
        <source>Print case summary…</source>
        <translation>Argraffu crynodeb o&apos;r achos…</translation>
    </message>
    <message>
        <source>Print warrant application pack…</source>
        <translation>Argraffu pecyn cais am warant…</translation>
    </message>
    <message>
        <source>Print chronology…</source>
        <translation>Argraffu&apos;r gronoleg…</translation>
    </message>
    <message>
        <source>Print panel pack…</source>
        <translation>Argraffu pecyn y panel…</translation>
    </message>
    <message>
        <source>Print minutes…</source>
        <translation>Argraffu cofnodion y cyfarfod…</translation>
    </message>
    <message>
        <source>Print caseload report…</source>
        <translation>Argraffu adroddiad llwyth achosion…</translation>
    </message>
    <message>
        <source>Print oversight board…</source>
        <translation>Argraffu&apos;r bwrdd goruchwylio…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Allforio CSV…</translation>
    </message>
    <message>
        <source>Print visit plan…</source>
        <translation>Argraffu cynllun ymweliadau…</translation>
    </message>
    <message>
        <source>Print day sheets…</source>
        <translation>Argraffu taflenni&apos;r dydd…</translation>
    </message>
    <message>
        <source>Export calendar…</source>
        <translation>Allforio calendr…</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Golygu manylion</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Date taken</source>
        <translation>Dyddiad tynnu</translation>
    </message>
    <message>
        <source>cannot be in the future</source>
        <translation>ni all fod yn y dyfodol</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Tynnwyd gan</translation>
    </message>
    <message>
        <source>say who took or received it</source>
        <translation>dywedwch pwy a&apos;i tynnodd neu a&apos;i cafodd</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Capsiwn</translation>
    </message>
    <message>
        <source>is longer than {0} characters</source>
        <translation>yn hwy na {0} nod</translation>
    </message>
    <message>
        <source>a PDF is a document, not a photograph</source>
        <translation>dogfen yw PDF, nid ffotograff</translation>
    </message>
    <message>
        <source>must be 64 lower-case hexadecimal characters (SHA-256)</source>
        <translation>rhaid iddo fod yn 64 nod hecsadegol mewn llythrennau bach (SHA-256)</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Stwnsh y cynnwys</translation>
    </message>
    <message>
        <source>Thumbnail hash</source>
        <translation>Stwnsh y mân-lun</translation>
    </message>
    <message>
        <source>e.g. tattoo on left forearm; front of the house</source>
        <translation>e.e. tatŵ ar y blaenfraich chwith; blaen y tŷ</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>Daeth o</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
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
        <source>Visit on {0:%d/%m/%Y}</source>
        <translation>Ymweliad ar {0:%d/%m/%Y}</translation>
    </message>
    <message>
        <source>Notified {0:%d/%m/%Y}: {1}</source>
        <translation>Hysbyswyd {0:%d/%m/%Y}: {1}</translation>
    </message>
    <message>
        <source>Files being added</source>
        <translation>Ffeiliau sy&apos;n cael eu hychwanegu</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Ffeiliau:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categori:</translation>
    </message>
    <message>
        <source>Date taken:</source>
        <translation>Dyddiad tynnu:</translation>
    </message>
    <message>
        <source>Taken by:</source>
        <translation>Tynnwyd gan:</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>Capsiwn:</translation>
    </message>
    <message>
        <source>Came from:</source>
        <translation>Daeth o:</translation>
    </message>
    <message>
        <source>These details go with each of the {0} files.</source>
        <translation>Mae&apos;r manylion hyn yn mynd gyda phob un o&apos;r {0} ffeil.</translation>
    </message>
    <message>
        <source>Date taken: {0}</source>
        <translation>Dyddiad tynnu: {0}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>dim eto</translation>
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
        <translation>Tabled</translation>
    </message>
    <message>
        <source>Games console</source>
        <translation>Consol gemau</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storio</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Canfuwyd</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Datganwyd</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Yn cael ei ddefnyddio</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Tynnwyd</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>iOS / iPadOS</source>
        <translation>iOS / iPadOS</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <source>ChromeOS</source>
        <translation>ChromeOS</translation>
    </message>
    <message>
        <source>Console system</source>
        <translation>System consol</translation>
    </message>
    <message>
        <source>{0}: {1} (found)</source>
        <translation>{0}: {1} (canfuwyd)</translation>
    </message>
    <message>
        <source>not a valid IMEI: its check digit does not match</source>
        <translation>nid yw&apos;n IMEI dilys: nid yw ei ddigid gwirio yn cyfateb</translation>
    </message>
    <message>
        <source>an IMEI has 15 digits (dial *#06# on the phone to show it)</source>
        <translation>mae gan IMEI 15 digid (deialwch *#06# ar y ffôn i&apos;w ddangos)</translation>
    </message>
    <message>
        <source>an IMEI (15 digits) or a serial number of 4 to 40 letters, digits, hyphens, slashes or dots</source>
        <translation>IMEI (15 digid) neu rif cyfresol o 4 i 40 o lythrennau, digidau, cysylltnodau, blaenslaesau neu ddotiau</translation>
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
        <source>Action</source>
        <translation>Cam gweithredu</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Achosion o dorri</translation>
    </message>
    <message>
        <source>Record breach…</source>
        <translation>Cofnodi achos o dorri…</translation>
    </message>
    <message>
        <source>Record a breach of notification, an order or the licence</source>
        <translation>Cofnodi achos o dorri gofynion hysbysu, gorchymyn neu&apos;r drwydded</translation>
    </message>
    <message>
        <source>Edit breach…</source>
        <translation>Golygu achos o dorri…</translation>
    </message>
    <message>
        <source>Change the selected breach: the action taken, its outcome…</source>
        <translation>Newid yr achos o dorri a ddewiswyd: y cam a gymerwyd, ei ganlyniad…</translation>
    </message>
    <message>
        <source>{0} made {1}, {2}: {3}</source>
        <translation>{0} a wnaed {1}, {2}: {3}</translation>
    </message>
    <message>
        <source>Edit breach: {0}</source>
        <translation>Golygu achos o dorri: {0}</translation>
    </message>
    <message>
        <source>Record breach: {0}</source>
        <translation>Cofnodi achos o dorri: {0}</translation>
    </message>
    <message>
        <source>Breach details</source>
        <translation>Manylion yr achos o dorri</translation>
    </message>
    <message>
        <source>Which requirement, term or condition, and how</source>
        <translation>Pa ofyniad, amod gorchymyn neu amod trwydded, a sut</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>Dyddiad canfod</translation>
    </message>
    <message>
        <source>e.g. charged, convicted, NFA (blank if none yet)</source>
        <translation>e.e. cyhuddwyd, euogfarnwyd, NFA (gwag os nad oes un eto)</translation>
    </message>
    <message>
        <source>Outcome date</source>
        <translation>Dyddiad y canlyniad</translation>
    </message>
    <message>
        <source>{0} ({1:%d %b %Y})</source>
        <translation>{0} ({1:%d %b %Y})</translation>
    </message>
    <message>
        <source>Order term</source>
        <translation>Amod y gorchymyn</translation>
    </message>
    <message>
        <source>Choose the term breached…</source>
        <translation>Dewiswch yr amod a dorrwyd…</translation>
    </message>
    <message>
        <source>What was breached:</source>
        <translation>Beth a dorrwyd:</translation>
    </message>
    <message>
        <source>Order term:</source>
        <translation>Amod y gorchymyn:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Manylion:</translation>
    </message>
    <message>
        <source>Found on:</source>
        <translation>Dyddiad canfod:</translation>
    </message>
    <message>
        <source>Found by:</source>
        <translation>Canfuwyd gan:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Cam gweithredu:</translation>
    </message>
    <message>
        <source>Outcome date:</source>
        <translation>Dyddiad y canlyniad:</translation>
    </message>
    <message>
        <source>Missing and wanted</source>
        <translation>Ar goll ac yn eisiau</translation>
    </message>
    <message>
        <source>Risk of serious harm (RoSH)</source>
        <translation>Risg o niwed difrifol (RoSH)</translation>
    </message>
    <message>
        <source>Breaches and whereabouts</source>
        <translation>Achosion o dorri a lleoliad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>cannot have ended before it was notified</source>
        <translation>ni all fod wedi dod i ben cyn iddo gael ei hysbysu</translation>
    </message>
    <message>
        <source>give the date it was verified</source>
        <translation>rhowch y dyddiad y cafodd ei ddilysu</translation>
    </message>
    <message>
        <source>clear the date, or mark the detail verified</source>
        <translation>cliriwch y dyddiad, neu nodwch fod y manylyn wedi&apos;i ddilysu</translation>
    </message>
    <message>
        <source>give the name</source>
        <translation>rhowch yr enw</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Digwyddiad</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>Math o ddigwyddiad</translation>
    </message>
    <message>
        <source>All kinds of event</source>
        <translation>Pob math o ddigwyddiad</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Hynaf yn gyntaf</translation>
    </message>
    <message>
        <source>List the events from the earliest; unticked, the latest come first</source>
        <translation>Rhestru&apos;r digwyddiadau o&apos;r cynharaf; heb dic, daw&apos;r diweddaraf yn gyntaf</translation>
    </message>
    <message>
        <source>Print the events shown, for someone and a reason (logged as a disclosure)</source>
        <translation>Argraffu&apos;r digwyddiadau a ddangosir, ar gyfer rhywun ac am reswm (cofnodir fel datgeliad)</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>Cronoleg</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Dangos:</translation>
    </message>
    <message>
        <source>Edit contact: {0}</source>
        <translation>Golygu cyswllt: {0}</translation>
    </message>
    <message>
        <source>Record contact: {0}</source>
        <translation>Cofnodi cyswllt: {0}</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>Math o gyswllt</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>Dyddiad cofnodi</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(heb ei gofnodi)</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Perthynas</translation>
    </message>
    <message>
        <source>At the address</source>
        <translation>Yn y cyfeiriad</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>dd/mm/yyyy (or give the age)</source>
        <translation>dd/mm/bbbb (neu rhowch yr oed)</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Oed</translation>
    </message>
    <message>
        <source>years, when the date of birth is not known</source>
        <translation>oed mewn blynyddoedd, os nad yw&apos;r dyddiad geni&apos;n hysbys</translation>
    </message>
    <message>
        <source>Has access</source>
        <translation>Â mynediad</translation>
    </message>
    <message>
        <source>Children&apos;s services contact</source>
        <translation>Cyswllt gwasanaethau plant</translation>
    </message>
    <message>
        <source>Employment or education</source>
        <translation>Cyflogaeth neu addysg</translation>
    </message>
    <message>
        <source>Disclosure scheme decision</source>
        <translation>Penderfyniad y cynllun datgelu</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(dim)</translation>
    </message>
    <message>
        <source>A decision under the child sex offender disclosure scheme about the person, for this contact (typically a partner). A disclosure is logged in the audit log with its recipient, as made by you.</source>
        <translation>Penderfyniad o dan y cynllun datgelu troseddwyr rhyw yn erbyn plant am yr unigolyn, ar gyfer y cyswllt hwn (partner fel arfer). Caiff datgeliad ei gofnodi yn y log archwilio gyda&apos;i dderbynnydd, fel un a wnaed gennych chi.</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Dyddiad penderfynu</translation>
    </message>
    <message>
        <source>Disclosed to</source>
        <translation>Datgelwyd i</translation>
    </message>
    <message>
        <source>who was told, e.g. the partner by name</source>
        <translation>pwy a gafodd wybod, e.e. enw&apos;r partner</translation>
    </message>
    <message>
        <source>E-mail address or user name</source>
        <translation>Cyfeiriad e-bost neu enw defnyddiwr</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platfform</translation>
    </message>
    <message>
        <source>Where the user name is used</source>
        <translation>Lle defnyddir yr enw defnyddiwr</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Math:</translation>
    </message>
    <message>
        <source>Recorded on:</source>
        <translation>Dyddiad cofnodi:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Enw:</translation>
    </message>
    <message>
        <source>Relationship:</source>
        <translation>Perthynas:</translation>
    </message>
    <message>
        <source>At the address:</source>
        <translation>Yn y cyfeiriad:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Dyddiad geni:</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>Oed:</translation>
    </message>
    <message>
        <source>Has access:</source>
        <translation>Â mynediad:</translation>
    </message>
    <message>
        <source>Children&apos;s services contact:</source>
        <translation>Cyswllt gwasanaethau plant:</translation>
    </message>
    <message>
        <source>Employment or education:</source>
        <translation>Cyflogaeth neu addysg:</translation>
    </message>
    <message>
        <source>Disclosure scheme:</source>
        <translation>Cynllun datgelu:</translation>
    </message>
    <message>
        <source>Decided on:</source>
        <translation>Dyddiad penderfynu:</translation>
    </message>
    <message>
        <source>Disclosed to:</source>
        <translation>Datgelwyd i:</translation>
    </message>
    <message>
        <source>E-mail address or user name:</source>
        <translation>Cyfeiriad e-bost neu enw defnyddiwr:</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Platfform:</translation>
    </message>
    <message>
        <source>Age: a whole number of years</source>
        <translation>Oed: nifer cyfan o flynyddoedd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Mynediad</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Cofnodwyd</translation>
    </message>
    <message>
        <source>Disclosure scheme</source>
        <translation>Cynllun datgelu</translation>
    </message>
    <message>
        <source>Services or work</source>
        <translation>Gwasanaethau neu waith</translation>
    </message>
    <message>
        <source>Household and contacts</source>
        <translation>Aelwyd a chysylltiadau</translation>
    </message>
    <message>
        <source>Record contact…</source>
        <translation>Cofnodi cyswllt…</translation>
    </message>
    <message>
        <source>Record a person in the household or life, or an online identity</source>
        <translation>Cofnodi rhywun ar yr aelwyd neu ym mywyd yr unigolyn, neu hunaniaeth ar-lein</translation>
    </message>
    <message>
        <source>Edit contact…</source>
        <translation>Golygu cyswllt…</translation>
    </message>
    <message>
        <source>Change the selected contact</source>
        <translation>Newid y cyswllt a ddewiswyd</translation>
    </message>
    <message>
        <source>Residence or a stay of 12 hours or more in a household with a child under 18 is a notified detail. A child under 18 with access is flagged on the Summary.</source>
        <translation>Mae byw neu aros am 12 awr neu ragor ar aelwyd lle mae plentyn dan 18 oed yn fanylyn y mae&apos;n rhaid ei hysbysu. Caiff plentyn dan 18 oed sydd â mynediad ei amlygu ar y Crynodeb.</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>heb ei ddilysu</translation>
    </message>
    <message>
        <source>verified {0:%d %b %Y}</source>
        <translation>dilyswyd {0:%d %b %Y}</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>wedi&apos;i ddilysu</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Hysbyswyd</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
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
        <source>Detail</source>
        <translation>Manylyn</translation>
    </message>
    <message>
        <source>Notified details</source>
        <translation>Manylion a hysbyswyd</translation>
    </message>
    <message>
        <source>Record detail…</source>
        <translation>Cofnodi manylyn…</translation>
    </message>
    <message>
        <source>Record a personal detail the person has notified</source>
        <translation>Cofnodi manylyn personol y mae&apos;r unigolyn wedi&apos;i hysbysu</translation>
    </message>
    <message>
        <source>Edit detail…</source>
        <translation>Golygu manylyn…</translation>
    </message>
    <message>
        <source>Change the selected detail: verified, ended…</source>
        <translation>Newid y manylyn a ddewiswyd: wedi&apos;i ddilysu, wedi dod i ben…</translation>
    </message>
    <message>
        <source>Last four digits:</source>
        <translation>Pedwar digid olaf:</translation>
    </message>
    <message>
        <source>The last four digits are enough: never the whole card number.</source>
        <translation>Mae&apos;r pedwar digid olaf yn ddigon: peidiwch byth â rhoi rhif cyfan y cerdyn.</translation>
    </message>
    <message>
        <source>Registration mark:</source>
        <translation>Rhif cofrestru:</translation>
    </message>
    <message>
        <source>Kept in capitals without spaces, so a search finds it.</source>
        <translation>Caiff ei gadw mewn priflythrennau heb fylchau, fel bod chwiliad yn dod o hyd iddo.</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Cyfeirnod:</translation>
    </message>
    <message>
        <source>The address goes in the detail; a reference here if there is one.</source>
        <translation>Mae&apos;r cyfeiriad yn mynd yn y manylyn; rhowch gyfeirnod yma os oes un.</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Rhif:</translation>
    </message>
    <message>
        <source>Edit notified detail: {0}</source>
        <translation>Golygu manylyn a hysbyswyd: {0}</translation>
    </message>
    <message>
        <source>Record notified detail: {0}</source>
        <translation>Cofnodi manylyn a hysbyswyd: {0}</translation>
    </message>
    <message>
        <source>Kind of detail</source>
        <translation>Math o fanylyn</translation>
    </message>
    <message>
        <source>e.g. &quot;Barclays current account ending 1234&quot;, &quot;Ford Focus, red&quot;</source>
        <translation>e.e. &quot;Cyfrif cyfredol Barclays yn gorffen 1234&quot;, &quot;Ford Focus, coch&quot;</translation>
    </message>
    <message>
        <source>Reference or number</source>
        <translation>Cyfeirnod neu rif</translation>
    </message>
    <message>
        <source>Notified on</source>
        <translation>Dyddiad hysbysu</translation>
    </message>
    <message>
        <source>{0} is too long ago to be right (before 1900)</source>
        <translation>mae {0} yn rhy bell yn ôl i fod yn gywir (cyn 1900)</translation>
    </message>
    <message>
        <source>{0} is too far ahead to be right (after 2100)</source>
        <translation>mae {0} yn rhy bell ymlaen i fod yn gywir (ar ôl 2100)</translation>
    </message>
    <message>
        <source>no whole card, account or document numbers ({0} or more digits): a card&apos;s last four digits go in its own field</source>
        <translation>dim rhifau cerdyn, cyfrif na dogfen cyfan ({0} digid neu fwy): mae pedwar digid olaf cerdyn yn mynd yn eu maes eu hunain</translation>
    </message>
    <message>
        <source>{0} since {1}: a visit at which the person was seen means they were found; record when they were found (Breaches tab) first</source>
        <translation>{0} ers {1}: mae ymweliad lle gwelwyd yr unigolyn yn golygu y daethpwyd o hyd iddo; cofnodwch pryd y daethpwyd o hyd iddo yn gyntaf (tab Achosion o dorri)</translation>
    </message>
    <message>
        <source> since {0}</source>
        <translation> ers {0}</translation>
    </message>
    <message>
        <source>in custody{0} (the registration says so): a home visit cannot have seen the person; record the outcome at the address, or the release first (a visit at the prison is not recorded as a home visit)</source>
        <translation>yn y ddalfa{0} (yn ôl y cofrestriad): ni allai ymweliad cartref fod wedi gweld yr unigolyn; cofnodwch y canlyniad yn y cyfeiriad, neu&apos;r rhyddhau yn gyntaf (nid yw ymweliad yn y carchar yn cael ei gofnodi fel ymweliad cartref)</translation>
    </message>
    <message>
        <source>a visit cannot be recorded for a future date; plan it instead</source>
        <translation>ni ellir cofnodi ymweliad ar gyfer dyddiad yn y dyfodol; cynlluniwch ef yn lle hynny</translation>
    </message>
    <message>
        <source>a visit cannot be recorded for later than now ({0:%H:%M})</source>
        <translation>ni ellir cofnodi ymweliad ar gyfer amser hwyrach na nawr ({0:%H:%M})</translation>
    </message>
    <message>
        <source>the date is before the registration&apos;s relevant date</source>
        <translation>mae&apos;r dyddiad cyn dyddiad perthnasol y cofrestriad</translation>
    </message>
    <message>
        <source>name at least one officer who made the visit</source>
        <translation>enwch o leiaf un swyddog a wnaeth yr ymweliad</translation>
    </message>
    <message>
        <source>an officer&apos;s name is blank</source>
        <translation>mae enw swyddog yn wag</translation>
    </message>
    <message>
        <source>Reason for a lone visit</source>
        <translation>Rheswm dros ymweliad gan un swyddog</translation>
    </message>
    <message>
        <source>“{0}” is not a name: an officer&apos;s name has at least two letters</source>
        <translation>Nid yw “{0}” yn enw: mae gan enw swyddog o leiaf ddwy lythyren</translation>
    </message>
    <message>
        <source>attendance not recorded is only for a visit imported from a file that does not say who attended: name the officers who attended</source>
        <translation>mae presenoldeb heb ei gofnodi ar gyfer ymweliad a fewnforiwyd o ffeil nad yw&apos;n dweud pwy oedd yn bresennol yn unig: enwch y swyddogion a oedd yn bresennol</translation>
    </message>
    <message>
        <source>attendance not recorded names no officer and no exception</source>
        <translation>nid yw presenoldeb heb ei gofnodi yn enwi unrhyw swyddog nac eithriad</translation>
    </message>
    <message>
        <source>two officers attended: a lone visit&apos;s reason is not needed</source>
        <translation>roedd dau swyddog yn bresennol: nid oes angen rheswm dros ymweliad gan un swyddog</translation>
    </message>
    <message>
        <source>two officers attended: no exception to authorise</source>
        <translation>roedd dau swyddog yn bresennol: dim eithriad i&apos;w awdurdodi</translation>
    </message>
    <message>
        <source>two officers attend a home visit (force policy allows no exception): name the second officer</source>
        <translation>mae dau swyddog yn mynd i ymweliad cartref (nid yw polisi&apos;r heddlu yn caniatáu eithriad): enwch yr ail swyddog</translation>
    </message>
    <message>
        <source>two officers attend a home visit: name the second officer, or give the reason for the exception</source>
        <translation>mae dau swyddog yn mynd i ymweliad cartref: enwch yr ail swyddog, neu rhowch y rheswm dros yr eithriad</translation>
    </message>
    <message>
        <source>name the supervisor who authorised the lone visit</source>
        <translation>enwch y goruchwyliwr a awdurdododd yr ymweliad gan un swyddog</translation>
    </message>
    <message>
        <source>the officer who went alone cannot authorise their own visit</source>
        <translation>ni all y swyddog a aeth ar ei ben ei hun awdurdodi ei ymweliad ei hun</translation>
    </message>
    <message>
        <source>not a supervisor of this force: {0}</source>
        <translation>nid yw&apos;n oruchwyliwr yn yr heddlu hwn: {0}</translation>
    </message>
    <message>
        <source>at most {0:,} characters</source>
        <translation>dim mwy na {0:,} nod</translation>
    </message>
    <message>
        <source>must be a correction or a note</source>
        <translation>rhaid iddo fod yn gywiriad neu&apos;n nodyn</translation>
    </message>
    <message>
        <source>give the reason for the correction</source>
        <translation>rhowch y rheswm dros y cywiriad</translation>
    </message>
    <message>
        <source>write the note</source>
        <translation>ysgrifennwch y nodyn</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Cywiriad</translation>
    </message>
    <message>
        <source>nothing was changed</source>
        <translation>ni newidiwyd dim</translation>
    </message>
    <message>
        <source>a visit can only be planned for today or later</source>
        <translation>dim ond ar gyfer heddiw neu&apos;n hwyrach y gellir cynllunio ymweliad</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>Amser a gynlluniwyd</translation>
    </message>
    <message>
        <source>a time is booked only with a planned date</source>
        <translation>dim ond gyda dyddiad a gynlluniwyd y caiff amser ei drefnu</translation>
    </message>
    <message>
        <source>cannot be before the date of birth</source>
        <translation>ni all fod cyn y dyddiad geni</translation>
    </message>
    <message>
        <source>cannot be before the relevant date</source>
        <translation>ni all fod cyn y dyddiad perthnasol</translation>
    </message>
    <message>
        <source>record the release it followed first (Released on)</source>
        <translation>cofnodwch y rhyddhau a ddaeth o&apos;i flaen yn gyntaf (Rhyddhawyd ar)</translation>
    </message>
    <message>
        <source>Risk level since</source>
        <translation>Lefel risg ers</translation>
    </message>
    <message>
        <source>must be on or before the release it ended with</source>
        <translation>rhaid iddo fod ar ddyddiad y rhyddhau a ddaeth ag ef i ben neu cyn hynny</translation>
    </message>
    <message>
        <source>record the date the review was refused first</source>
        <translation>cofnodwch y dyddiad y gwrthodwyd yr adolygiad yn gyntaf</translation>
    </message>
    <message>
        <source>must be after the date the review was refused</source>
        <translation>rhaid iddo fod ar ôl y dyddiad y gwrthodwyd yr adolygiad</translation>
    </message>
    <message>
        <source>say where the person is going</source>
        <translation>dywedwch i ble mae&apos;r unigolyn yn mynd</translation>
    </message>
    <message>
        <source>cannot be before the departure</source>
        <translation>ni all fod cyn y dyddiad gadael</translation>
    </message>
    <message>
        <source>name the court that made the order</source>
        <translation>enwch y llys a wnaeth y gorchymyn</translation>
    </message>
    <message>
        <source>cannot be before the person was born</source>
        <translation>ni all fod cyn geni&apos;r unigolyn</translation>
    </message>
    <message>
        <source>must be after the day the order was made</source>
        <translation>rhaid iddo fod ar ôl y diwrnod y gwnaed y gorchymyn</translation>
    </message>
    <message>
        <source>Until further order</source>
        <translation>Hyd nes y gwneir gorchymyn pellach</translation>
    </message>
    <message>
        <source>an order with an end date does not run until further order: clear one</source>
        <translation>nid yw gorchymyn â dyddiad dod i ben yn para hyd nes y gwneir gorchymyn pellach: cliriwch un ohonynt</translation>
    </message>
    <message>
        <source>an interim order runs to a fixed day: give its last day</source>
        <translation>mae gorchymyn interim yn para hyd ddiwrnod penodol: rhowch ei ddiwrnod olaf</translation>
    </message>
    <message>
        <source>give the order&apos;s last day, or tick until further order</source>
        <translation>rhowch ddiwrnod olaf y gorchymyn, neu ticiwch hyd nes y gwneir gorchymyn pellach</translation>
    </message>
    <message>
        <source>cannot be before the order was made</source>
        <translation>ni all fod cyn i&apos;r gorchymyn gael ei wneud</translation>
    </message>
    <message>
        <source>write the term in the order&apos;s words</source>
        <translation>ysgrifennwch yr amod yng ngeiriau&apos;r gorchymyn</translation>
    </message>
    <message>
        <source>must be after the licence starts</source>
        <translation>rhaid iddo fod ar ôl i&apos;r drwydded ddechrau</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Amodau</translation>
    </message>
    <message>
        <source>each condition needs its words</source>
        <translation>mae angen geiriau ar gyfer pob amod</translation>
    </message>
    <message>
        <source>too long to keep: shorten the conditions</source>
        <translation>yn rhy hir i&apos;w gadw: byrhewch yr amodau</translation>
    </message>
    <message>
        <source>say which order and which of its terms was breached</source>
        <translation>dywedwch pa orchymyn a pha un o&apos;i amodau a dorrwyd</translation>
    </message>
    <message>
        <source>say which licence condition was breached</source>
        <translation>dywedwch pa amod trwydded a dorrwyd</translation>
    </message>
    <message>
        <source>say what was breached</source>
        <translation>dywedwch beth a dorrwyd</translation>
    </message>
    <message>
        <source>name the officer or agency who found the breach</source>
        <translation>enwch y swyddog neu&apos;r asiantaeth a ganfu&apos;r achos o dorri</translation>
    </message>
    <message>
        <source>cannot be before the breach was found</source>
        <translation>ni all fod cyn canfod yr achos o dorri</translation>
    </message>
    <message>
        <source>say what the outcome was, or clear its date</source>
        <translation>dywedwch beth oedd y canlyniad, neu cliriwch ei ddyddiad</translation>
    </message>
    <message>
        <source>record the action taken before its outcome</source>
        <translation>cofnodwch y cam gweithredu a gymerwyd cyn ei ganlyniad</translation>
    </message>
    <message>
        <source>say what was notified, in words</source>
        <translation>dywedwch mewn geiriau beth a hysbyswyd</translation>
    </message>
    <message>
        <source>Last four digits</source>
        <translation>Pedwar digid olaf</translation>
    </message>
    <message>
        <source>digits only</source>
        <translation>digidau yn unig</translation>
    </message>
    <message>
        <source>enter only the card&apos;s last four digits: they are enough, never the whole number</source>
        <translation>rhowch bedwar digid olaf y cerdyn yn unig: maent yn ddigon, byth y rhif cyfan</translation>
    </message>
    <message>
        <source>Registration mark</source>
        <translation>Rhif cofrestru</translation>
    </message>
    <message>
        <source>give the vehicle&apos;s registration mark</source>
        <translation>rhowch rif cofrestru&apos;r cerbyd</translation>
    </message>
    <message>
        <source>letters and digits only</source>
        <translation>llythrennau a digidau yn unig</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>Dyddiad dilysu</translation>
    </message>
    <message>
        <source>cannot have verified before it was notified</source>
        <translation>ni ellir bod wedi&apos;i ddilysu cyn iddo gael ei hysbysu</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>Dyddiad dod i ben</translation>
    </message>
    <message>
        <source>a detention and training order is for a person under 18 when convicted: aged {0} on the relevant date (choose imprisonment, or check the dates)</source>
        <translation>mae gorchymyn cadw a hyfforddi ar gyfer unigolyn dan 18 oed pan gafodd ei gollfarnu: {0} oed ar y dyddiad perthnasol (dewiswch garchar, neu gwiriwch y dyddiadau)</translation>
    </message>
    <message>
        <source>a detention and training order is 4 to 24 months (Sentencing Act 2020 s.236), not {0}</source>
        <translation>mae gorchymyn cadw a hyfforddi rhwng 4 a 24 mis (Deddf Dedfrydu 2020 s.236), nid {0}</translation>
    </message>
    <message>
        <source>must be after the last meeting</source>
        <translation>rhaid iddo fod ar ôl y cyfarfod diwethaf</translation>
    </message>
    <message>
        <source>must be 1 to 60 months</source>
        <translation>rhaid iddo fod rhwng 1 a 60 mis</translation>
    </message>
    <message>
        <source>say why this person&apos;s interval differs from the policy</source>
        <translation>dywedwch pam mae cyfnod yr unigolyn hwn yn wahanol i&apos;r polisi</translation>
    </message>
    <message>
        <source>give the date the intelligence was recorded</source>
        <translation>rhowch y dyddiad y cofnodwyd y wybodaeth gudd</translation>
    </message>
    <message>
        <source>name the assessor</source>
        <translation>enwch yr aseswr</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Sgoriau</translation>
    </message>
    <message>
        <source>RM2000/C table</source>
        <translation>Tabl RM2000/C</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not one somdesk has ({1})</source>
        <translation>nid yw &apos;{0}&apos; yn un sydd gan somdesk ({1})</translation>
    </message>
    <message>
        <source>RM2000</source>
        <translation>RM2000</translation>
    </message>
    <message>
        <source>does not apply: {0}</source>
        <translation>nid yw&apos;n berthnasol: {0}</translation>
    </message>
    <message>
        <source>say why the risk level changes ({0})</source>
        <translation>dywedwch pam mae&apos;r lefel risg yn newid ({0})</translation>
    </message>
    <message>
        <source>the force policy asks a supervisor to agree to this change: name the supervisor</source>
        <translation>mae polisi&apos;r heddlu yn gofyn i oruchwyliwr gytuno i&apos;r newid hwn: enwch y goruchwyliwr</translation>
    </message>
    <message>
        <source>only a person is told under the scheme: clear it for an online identity</source>
        <translation>dim ond unigolyn a gaiff wybod o dan y cynllun: cliriwch ef ar gyfer hunaniaeth ar-lein</translation>
    </message>
    <message>
        <source>only a person has one: clear it for an online identity</source>
        <translation>dim ond unigolyn sydd ag un: cliriwch ef ar gyfer hunaniaeth ar-lein</translation>
    </message>
    <message>
        <source>an online identity has no name: record the person separately</source>
        <translation>nid oes enw gan hunaniaeth ar-lein: cofnodwch yr unigolyn ar wahân</translation>
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
        <source>Child sex offender disclosure scheme</source>
        <translation>Cynllun datgelu troseddwyr rhyw yn erbyn plant</translation>
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
        <source>E-mail address: {0}</source>
        <translation>Cyfeiriad e-bost: {0}</translation>
    </message>
    <message>
        <source>User name: {0} on {1}</source>
        <translation>Enw defnyddiwr: {0} ar {1}</translation>
    </message>
    <message>
        <source>type the e-mail address</source>
        <translation>teipiwch y cyfeiriad e-bost</translation>
    </message>
    <message>
        <source>not an e-mail address (name@example.org)</source>
        <translation>nid yw&apos;n gyfeiriad e-bost (enw@example.org)</translation>
    </message>
    <message>
        <source>only a user name has a platform</source>
        <translation>dim ond enw defnyddiwr sydd â phlatfform</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>type the user name</source>
        <translation>teipiwch yr enw defnyddiwr</translation>
    </message>
    <message>
        <source>say where the user name is used</source>
        <translation>dywedwch ble mae&apos;r enw defnyddiwr yn cael ei ddefnyddio</translation>
    </message>
    <message>
        <source>say whether it was disclosed</source>
        <translation>dywedwch a gafodd ei ddatgelu</translation>
    </message>
    <message>
        <source>say to whom it was disclosed</source>
        <translation>dywedwch i bwy y cafodd ei ddatgelu</translation>
    </message>
    <message>
        <source>nothing was disclosed: clear it</source>
        <translation>ni ddatgelwyd dim: cliriwch ef</translation>
    </message>
    <message>
        <source>name the person</source>
        <translation>enwch yr unigolyn</translation>
    </message>
    <message>
        <source>choose the relationship</source>
        <translation>dewiswch y berthynas</translation>
    </message>
    <message>
        <source>record an online identity as its own contact</source>
        <translation>cofnodwch hunaniaeth ar-lein fel cyswllt ar ei phen ei hun</translation>
    </message>
    <message>
        <source>cannot be after the day recorded</source>
        <translation>ni all fod ar ôl y diwrnod cofnodi</translation>
    </message>
    <message>
        <source>give the date of birth or the age, not both</source>
        <translation>rhowch y dyddiad geni neu&apos;r oed, nid y ddau</translation>
    </message>
    <message>
        <source>must be between 0 and 120</source>
        <translation>rhaid iddo fod rhwng 0 a 120</translation>
    </message>
    <message>
        <source>give a child&apos;s date of birth or age</source>
        <translation>rhowch ddyddiad geni neu oed y plentyn</translation>
    </message>
    <message>
        <source>say whether the person has access to the child</source>
        <translation>dywedwch a oes gan yr unigolyn fynediad at y plentyn</translation>
    </message>
    <message>
        <source>The day it ended: an account closed, a car sold, a passport expired</source>
        <translation>Y diwrnod y daeth i ben: cyfrif wedi&apos;i gau, car wedi&apos;i werthu, pasbort wedi dod i ben</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>Manylyn:</translation>
    </message>
    <message>
        <source>Notified on:</source>
        <translation>Dyddiad hysbysu:</translation>
    </message>
    <message>
        <source>Verified on:</source>
        <translation>Dyddiad dilysu:</translation>
    </message>
    <message>
        <source>Ended on:</source>
        <translation>Dyddiad dod i ben:</translation>
    </message>
    <message>
        <source>Edit device check: {0}</source>
        <translation>Golygu gwiriad dyfeisiau: {0}</translation>
    </message>
    <message>
        <source>Record device check: {0}</source>
        <translation>Cofnodi gwiriad dyfeisiau: {0}</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Ymweliad</translation>
    </message>
    <message>
        <source>required (&quot;not known&quot; if it is not)</source>
        <translation>gofynnol (&quot;ddim yn hysbys&quot; os nad yw&apos;n hysbys)</translation>
    </message>
    <message>
        <source>at most {0} characters</source>
        <translation>dim mwy na {0} nod</translation>
    </message>
    <message>
        <source>name the monitoring software that raised them</source>
        <translation>enwch y feddalwedd monitro a&apos;u cododd</translation>
    </message>
    <message>
        <source>required for a removed device</source>
        <translation>gofynnol ar gyfer dyfais a dynnwyd</translation>
    </message>
    <message>
        <source>not before the day recorded</source>
        <translation>nid cyn y diwrnod cofnodi</translation>
    </message>
    <message>
        <source>only a removed device has one: clear it or mark it removed</source>
        <translation>dim ond dyfais a dynnwyd sydd ag un: cliriwch ef neu nodwch fod y ddyfais wedi&apos;i thynnu</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Dyddiad gwirio</translation>
    </message>
    <message>
        <source>a device check is made at the visit: its date is the visit&apos;s, {0:%d/%m/%Y}</source>
        <translation>gwneir gwiriad dyfais yn yr ymweliad: dyddiad yr ymweliad yw ei ddyddiad, {0:%d/%m/%Y}</translation>
    </message>
    <message>
        <source>no device is examined at a visit whose outcome was &quot;{0}&quot;: choose &quot;Not examined&quot; or &quot;Refused&quot; and say why in the findings</source>
        <translation>ni archwilir dyfais mewn ymweliad â&apos;r canlyniad &quot;{0}&quot;: dewiswch &quot;Heb ei archwilio&quot; neu &quot;Gwrthodwyd&quot; a dywedwch pam yn y canfyddiadau</translation>
    </message>
    <message>
        <source>&quot;No concerns&quot; needs the checklist done: tick each item done, or name in the findings each one not done and why (not done: {0})</source>
        <translation>mae &quot;Dim pryderon&quot; angen i&apos;r rhestr wirio gael ei chwblhau: ticiwch bob eitem a wnaed, neu enwch yn y canfyddiadau bob un na wnaed a pham (heb eu gwneud: {0})</translation>
    </message>
    <message>
        <source>Devices examined</source>
        <translation>Dyfeisiau a archwiliwyd</translation>
    </message>
    <message>
        <source>tick at least one device examined</source>
        <translation>ticiwch o leiaf un ddyfais a archwiliwyd</translation>
    </message>
    <message>
        <source>say what was found</source>
        <translation>dywedwch beth a ganfuwyd</translation>
    </message>
    <message>
        <source>say what was refused and what the person said</source>
        <translation>dywedwch beth a wrthodwyd a beth ddywedodd yr unigolyn</translation>
    </message>
    <message>
        <source>say why no device was examined</source>
        <translation>dywedwch pam na archwiliwyd unrhyw ddyfais</translation>
    </message>
    <message>
        <source>only devices on the person&apos;s register</source>
        <translation>dim ond dyfeisiau ar gofrestr yr unigolyn</translation>
    </message>
    <message>
        <source>Order terms</source>
        <translation>Amodau&apos;r gorchymyn</translation>
    </message>
    <message>
        <source>only internet and devices terms of an order in force on the day</source>
        <translation>dim ond amodau rhyngrwyd a dyfeisiau gorchymyn mewn grym ar y diwrnod</translation>
    </message>
    <message>
        <source>a check is made before the visit</source>
        <translation>gwneir gwiriad cyn yr ymweliad</translation>
    </message>
    <message>
        <source>Order terms checked against</source>
        <translation>Amodau&apos;r gorchymyn y gwiriwyd yn eu herbyn</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Canfyddiadau</translation>
    </message>
    <message>
        <source>What was examined and found, in words</source>
        <translation>Beth a archwiliwyd ac a ganfuwyd, mewn geiriau</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Gwiriwyd gan</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Rhestr wirio</translation>
    </message>
    <message>
        <source>Then record a breach of the term for these findings</source>
        <translation>Yna cofnodi achos o dorri&apos;r amod ar gyfer y canfyddiadau hyn</translation>
    </message>
    <message>
        <source>Visit:</source>
        <translation>Ymweliad:</translation>
    </message>
    <message>
        <source>Checked on:</source>
        <translation>Dyddiad gwirio:</translation>
    </message>
    <message>
        <source>Devices examined:</source>
        <translation>Dyfeisiau a archwiliwyd:</translation>
    </message>
    <message>
        <source>Against the terms:</source>
        <translation>Yn erbyn yr amodau:</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>Rhestr wirio:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Canlyniad:</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Canfyddiadau:</translation>
    </message>
    <message>
        <source>Checked by:</source>
        <translation>Gwiriwyd gan:</translation>
    </message>
    <message>
        <source>(no checklist: tick a device whose system the force policy lists)</source>
        <translation>(dim rhestr wirio: ticiwch ddyfais y mae polisi&apos;r heddlu yn rhestru ei system)</translation>
    </message>
    <message>
        <source>Visit: record the visit first, then its device check</source>
        <translation>Ymweliad: cofnodwch yr ymweliad yn gyntaf, ac yna ei wiriad dyfeisiau</translation>
    </message>
    <message>
        <source>Device check</source>
        <translation>Gwiriad dyfeisiau</translation>
    </message>
    <message>
        <source>Edit device: {0}</source>
        <translation>Golygu dyfais: {0}</translation>
    </message>
    <message>
        <source>Record device: {0}</source>
        <translation>Cofnodi dyfais: {0}</translation>
    </message>
    <message>
        <source>Type of device</source>
        <translation>Math o ddyfais</translation>
    </message>
    <message>
        <source>Make and model</source>
        <translation>Gwneuthuriad a model</translation>
    </message>
    <message>
        <source>e.g. Samsung Galaxy A15</source>
        <translation>e.e. Samsung Galaxy A15</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>System weithredu</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(ddim yn hysbys)</translation>
    </message>
    <message>
        <source>Declared or found</source>
        <translation>Datganwyd neu ganfuwyd</translation>
    </message>
    <message>
        <source>IMEI or serial number</source>
        <translation>IMEI neu rif cyfresol</translation>
    </message>
    <message>
        <source>IMEI (15 digits, *#06# on a phone) or serial number</source>
        <translation>IMEI (15 digid, *#06# ar ffôn) neu rif cyfresol</translation>
    </message>
    <message>
        <source>Monitoring software</source>
        <translation>Meddalwedd monitro</translation>
    </message>
    <message>
        <source>blank: none installed</source>
        <translation>gwag: dim wedi&apos;i osod</translation>
    </message>
    <message>
        <source>Monitoring alerts</source>
        <translation>Rhybuddion monitro</translation>
    </message>
    <message>
        <source>What the monitoring software reported, in words</source>
        <translation>Beth a adroddodd y feddalwedd monitro, mewn geiriau</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Removed on</source>
        <translation>Tynnwyd ar</translation>
    </message>
    <message>
        <source>Make and model:</source>
        <translation>Gwneuthuriad a model:</translation>
    </message>
    <message>
        <source>Operating system:</source>
        <translation>System weithredu:</translation>
    </message>
    <message>
        <source>Declared or found:</source>
        <translation>Datganwyd neu ganfuwyd:</translation>
    </message>
    <message>
        <source>IMEI or serial number:</source>
        <translation>IMEI neu rif cyfresol:</translation>
    </message>
    <message>
        <source>Monitoring software:</source>
        <translation>Meddalwedd monitro:</translation>
    </message>
    <message>
        <source>Monitoring alerts:</source>
        <translation>Rhybuddion monitro:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statws:</translation>
    </message>
    <message>
        <source>Removed on:</source>
        <translation>Tynnwyd ar:</translation>
    </message>
    <message>
        <source>Removed {0:%d/%m/%Y}</source>
        <translation>Tynnwyd {0:%d/%m/%Y}</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>IMEI or serial</source>
        <translation>IMEI neu rif cyfresol</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitro</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Rhybuddion</translation>
    </message>
    <message>
        <source>(removed from the register)</source>
        <translation>(wedi&apos;i thynnu o&apos;r gofrestr)</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Amodau</translation>
    </message>
    <message>
        <source>Checklist done</source>
        <translation>Rhestr wirio a wnaed</translation>
    </message>
    <message>
        <source>Device checks</source>
        <translation>Gwiriadau dyfeisiau</translation>
    </message>
    <message>
        <source>Record device check…</source>
        <translation>Cofnodi gwiriad dyfeisiau…</translation>
    </message>
    <message>
        <source>Record which devices were examined at a visit, and the result</source>
        <translation>Cofnodi pa ddyfeisiau a archwiliwyd yn ystod ymweliad, a&apos;r canlyniad</translation>
    </message>
    <message>
        <source>Edit check…</source>
        <translation>Golygu gwiriad…</translation>
    </message>
    <message>
        <source>Change the selected device check</source>
        <translation>Newid y gwiriad dyfeisiau a ddewiswyd</translation>
    </message>
    <message>
        <source>Device checks at visits, against the internet and devices terms of the orders in force.</source>
        <translation>Gwiriadau dyfeisiau yn ystod ymweliadau, yn erbyn amodau rhyngrwyd a dyfeisiau&apos;r gorchmynion sydd mewn grym.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dyfeisiau</translation>
    </message>
    <message>
        <source>Record device…</source>
        <translation>Cofnodi dyfais…</translation>
    </message>
    <message>
        <source>Record a device the person declared or officers found</source>
        <translation>Cofnodi dyfais a ddatganodd yr unigolyn neu a ganfu swyddogion</translation>
    </message>
    <message>
        <source>Edit device…</source>
        <translation>Golygu dyfais…</translation>
    </message>
    <message>
        <source>Change the selected device, or mark it removed</source>
        <translation>Newid y ddyfais a ddewiswyd, neu nodi ei bod wedi&apos;i thynnu</translation>
    </message>
    <message>
        <source>Orders and licences may require the person to notify devices, allow inspection and use no deletion or encryption software. A device found and never declared is marked.</source>
        <translation>Gall gorchmynion a thrwyddedau ei gwneud yn ofynnol i&apos;r unigolyn hysbysu am ddyfeisiau, caniatáu archwiliad a pheidio â defnyddio meddalwedd dileu neu amgryptio. Caiff dyfais a ganfuwyd ac na chafodd erioed ei datgan ei marcio.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is {1}</source>
        <translation>&apos;{0}&apos;: {1}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a date: type it as day/month/year, e.g. 23/11/2026</source>
        <translation>Nid yw &apos;{0}&apos; yn ddyddiad: teipiwch ef fel diwrnod/mis/blwyddyn, e.e. 23/11/2026</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a time: type it as hours:minutes, e.g. 14:30</source>
        <translation>Nid yw &apos;{0}&apos; yn amser: teipiwch ef fel oriau:munudau, e.e. 14:30</translation>
    </message>
    <message>
        <source> (blank if none)</source>
        <translation> (gwag os nad oes un)</translation>
    </message>
    <message>
        <source>{0}: this is required, e.g. {1}</source>
        <translation>{0}: mae angen hwn, e.e. {1}</translation>
    </message>
    <message>
        <source>Pick from a calendar</source>
        <translation>Dewis o galendr</translation>
    </message>
    <message>
        <source>From the keyboard: Alt+Down in the date field</source>
        <translation>O&apos;r bysellfwrdd: Alt+Down yn y maes dyddiad</translation>
    </message>
    <message>
        <source>{0:%d/%m/%Y} is out of range</source>
        <translation>Mae {0:%d/%m/%Y} y tu allan i&apos;r ystod</translation>
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
        <source>Names and aliases</source>
        <translation>Enwau a ffugenwau</translation>
    </message>
    <message>
        <source>Record name…</source>
        <translation>Cofnodi enw…</translation>
    </message>
    <message>
        <source>Record an alias, a previous name or a change of name</source>
        <translation>Cofnodi ffugenw, enw blaenorol neu newid enw</translation>
    </message>
    <message>
        <source>Edit name…</source>
        <translation>Golygu enw…</translation>
    </message>
    <message>
        <source>Change the selected name: its source, its dates…</source>
        <translation>Newid yr enw a ddewiswyd: ei ffynhonnell, ei ddyddiadau…</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a factor of ARMS {1}</source>
        <translation>Nid yw &apos;{0}&apos; yn ffactor yn ARMS {1}</translation>
    </message>
    <message>
        <source>{0}: not rated</source>
        <translation>{0}: heb ei raddio</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; is not a rating (use one of {2})</source>
        <translation>{0}: nid yw &apos;{1}&apos; yn radd (defnyddiwch un o {2})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>Risk factors at the highest rating: {0}</source>
        <translation>Ffactorau risg ar y radd uchaf: {0}</translation>
    </message>
    <message>
        <source>Protective factors present: {0}</source>
        <translation>Ffactorau amddiffynnol sy&apos;n bresennol: {0}</translation>
    </message>
    <message>
        <source>Not yet rated: {0}</source>
        <translation>Heb eu graddio eto: {0}</translation>
    </message>
    <message>
        <source>{0} on {1}: ARMS deadline {2} weeks (national guidance)</source>
        <translation>{0} ar {1}: terfyn amser ARMS {2} wythnos (canllawiau cenedlaethol)</translation>
    </message>
    <message>
        <source>significant change recorded {0}: review within {1} weeks</source>
        <translation>newid sylweddol wedi&apos;i gofnodi {0}: adolygu o fewn {1} wythnos</translation>
    </message>
    <message>
        <source>last ARMS {0}: review every {1} months</source>
        <translation>ARMS diwethaf {0}: adolygu bob {1} mis</translation>
    </message>
    <message>
        <source>no ARMS on record</source>
        <translation>dim ARMS ar gofnod</translation>
    </message>
    <message>
        <source>in custody: ARMS deadline {0} weeks after release (national guidance)</source>
        <translation>yn y ddalfa: terfyn amser ARMS {0} wythnos ar ôl rhyddhau (canllawiau cenedlaethol)</translation>
    </message>
    <message>
        <source>ARMS is for adult males</source>
        <translation>Mae ARMS ar gyfer dynion sy&apos;n oedolion</translation>
    </message>
    <message>
        <source>ARMS is for adults (under 18)</source>
        <translation>Mae ARMS ar gyfer oedolion (o dan 18)</translation>
    </message>
    <message>
        <source>released from custody</source>
        <translation>rhyddhawyd o&apos;r ddalfa</translation>
    </message>
    <message>
        <source>newly registered</source>
        <translation>newydd ei gofrestru</translation>
    </message>
    <message>
        <source>Aliases on the offender record: {0}</source>
        <translation>Ffugenwau ar gofnod y troseddwr: {0}</translation>
    </message>
    <message>
        <source>Edit name: {0}</source>
        <translation>Golygu enw: {0}</translation>
    </message>
    <message>
        <source>Record name: {0}</source>
        <translation>Cofnodi enw: {0}</translation>
    </message>
    <message>
        <source>Kind of name</source>
        <translation>Math o enw</translation>
    </message>
    <message>
        <source>e.g. PNC, self-declared, deed poll</source>
        <translation>e.e. PNC, hunanddatganiad, gweithred newid enw</translation>
    </message>
    <message>
        <source>Used from</source>
        <translation>Defnyddiwyd o</translation>
    </message>
    <message>
        <source>Used until</source>
        <translation>Defnyddiwyd tan</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Ffynhonnell:</translation>
    </message>
    <message>
        <source>Used from:</source>
        <translation>Defnyddiwyd o:</translation>
    </message>
    <message>
        <source>Used until:</source>
        <translation>Defnyddiwyd tan:</translation>
    </message>
    <message>
        <source>recorded {0}</source>
        <translation>cofnodwyd {0}</translation>
    </message>
    <message>
        <source>Intelligence that they may offend</source>
        <translation>Gwybodaeth gudd y gallai&apos;r unigolyn droseddu</translation>
    </message>
    <message>
        <source>The latest intelligence that the person may offend: within the policy&apos;s years it bars reactive management</source>
        <translation>Y wybodaeth gudd ddiweddaraf y gallai&apos;r unigolyn droseddu: o fewn blynyddoedd y polisi, mae&apos;n atal rheoli adweithiol</translation>
    </message>
    <message>
        <source>Intelligence</source>
        <translation>Gwybodaeth gudd</translation>
    </message>
    <message>
        <source>what it is, in a line</source>
        <translation>beth ydyw, mewn un llinell</translation>
    </message>
    <message>
        <source>Reactive management criteria</source>
        <translation>Meini prawf rheoli adweithiol</translation>
    </message>
    <message>
        <source>Intelligence that they may offend:</source>
        <translation>Gwybodaeth gudd y gallai&apos;r unigolyn droseddu:</translation>
    </message>
    <message>
        <source>Intelligence:</source>
        <translation>Gwybodaeth gudd:</translation>
    </message>
    <message>
        <source>Not eligible for reactive management: {0}</source>
        <translation>Ddim yn gymwys ar gyfer rheoli adweithiol: {0}</translation>
    </message>
    <message>
        <source>Meets all four criteria for reactive management</source>
        <translation>Yn bodloni pob un o&apos;r pedwar maen prawf ar gyfer rheoli adweithiol</translation>
    </message>
    <message>
        <source>Edit licence: {0}</source>
        <translation>Golygu trwydded: {0}</translation>
    </message>
    <message>
        <source>Record licence: {0}</source>
        <translation>Cofnodi trwydded: {0}</translation>
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
        <source>Risk assessment</source>
        <translation>Asesiad risg</translation>
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
        <source>Travel abroad</source>
        <translation>Teithio tramor</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>Datgeliad</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log archwilio</translation>
    </message>
    <message>
        <source>Relevant date: {0}</source>
        <translation>Dyddiad perthnasol: {0}</translation>
    </message>
    <message>
        <source>Sentenced: {0} (index offence)</source>
        <translation>Dedfrydwyd: {0} (y drosedd fynegai)</translation>
    </message>
    <message>
        <source>Sentenced: {0}</source>
        <translation>Dedfrydwyd: {0}</translation>
    </message>
    <message>
        <source>Convictions</source>
        <translation>Euogfarnau</translation>
    </message>
    <message>
        <source>Into custody</source>
        <translation>I&apos;r ddalfa</translation>
    </message>
    <message>
        <source>Released from custody</source>
        <translation>Rhyddhawyd o&apos;r ddalfa</translation>
    </message>
    <message>
        <source>Registered: initial notification</source>
        <translation>Cofrestrwyd: hysbysiad cychwynnol</translation>
    </message>
    <message>
        <source>Notification (latest recorded)</source>
        <translation>Hysbysiad (y diweddaraf a gofnodwyd)</translation>
    </message>
    <message>
        <source>Indefinite review: discharge refused</source>
        <translation>Adolygiad o&apos;r gofyniad amhenodol: gwrthodwyd y rhyddhau</translation>
    </message>
    <message>
        <source>Managing risk level {0} from this date</source>
        <translation>Lefel risg ar gyfer rheoli: {0} o&apos;r dyddiad hwn</translation>
    </message>
    <message>
        <source>MAPPA meeting: category {0}, level {1} ({2} leads)</source>
        <translation>Cyfarfod MAPPA: categori {0}, lefel {1} ({2} sy&apos;n arwain)</translation>
    </message>
    <message>
        <source>{0} made at {1}</source>
        <translation>{0} wedi&apos;i wneud yn {1}</translation>
    </message>
    <message>
        <source>{0} made</source>
        <translation>{0} wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>{0} ends</source>
        <translation>{0} yn dod i ben</translation>
    </message>
    <message>
        <source>Licence starts</source>
        <translation>Dechrau&apos;r drwydded</translation>
    </message>
    <message>
        <source>Licence ends</source>
        <translation>Diwedd y drwydded</translation>
    </message>
    <message>
        <source>ARMS assessment: priority {0}</source>
        <translation>Asesiad ARMS: blaenoriaeth {0}</translation>
    </message>
    <message>
        <source>not settled</source>
        <translation>heb ei bennu</translation>
    </message>
    <message>
        <source>RM2000 assessment: combined {0}</source>
        <translation>Asesiad RM2000: cyfunol {0}</translation>
    </message>
    <message>
        <source>RoSH</source>
        <translation>RoSH</translation>
    </message>
    <message>
        <source>Breach found: {0}; action: {1}</source>
        <translation>Canfuwyd achos o dorri: {0}; cam gweithredu: {1}</translation>
    </message>
    <message>
        <source>Breach outcome: {0}</source>
        <translation>Canlyniad yr achos o dorri: {0}</translation>
    </message>
    <message>
        <source>{0}: circulated ({1})</source>
        <translation>{0}: cylchredwyd ({1})</translation>
    </message>
    <message>
        <source>{0}: circulated</source>
        <translation>{0}: cylchredwyd</translation>
    </message>
    <message>
        <source> by {0}</source>
        <translation> gan {0}</translation>
    </message>
    <message>
        <source>{0}: reviewed{1}{2}</source>
        <translation>{0}: adolygwyd{1}{2}</translation>
    </message>
    <message>
        <source>Travels to {0}, returning {1}</source>
        <translation>Yn teithio i {0}, yn dychwelyd {1}</translation>
    </message>
    <message>
        <source>Travels to {0}</source>
        <translation>Yn teithio i {0}</translation>
    </message>
    <message>
        <source>Contact recorded: {0}: has access</source>
        <translation>Cofnodwyd cyswllt: {0}: â mynediad</translation>
    </message>
    <message>
        <source>Contact recorded: {0}</source>
        <translation>Cofnodwyd cyswllt: {0}</translation>
    </message>
    <message>
        <source>Child sex offender disclosure scheme, {0}: {1}</source>
        <translation>Cynllun datgelu troseddwyr rhyw yn erbyn plant, {0}: {1}</translation>
    </message>
    <message>
        <source>Name-change notice: to {0} on {1}</source>
        <translation>Hysbysiad newid enw: i {0} ar {1}</translation>
    </message>
    <message>
        <source>Name-change notice: to {0}</source>
        <translation>Hysbysiad newid enw: i {0}</translation>
    </message>
    <message>
        <source>Name-change notice ({0}): {1}</source>
        <translation>Hysbysiad newid enw ({0}): {1}</translation>
    </message>
    <message>
        <source> (late: due by {0})</source>
        <translation> (yn hwyr: yn ddyledus erbyn {0})</translation>
    </message>
    <message>
        <source> ending {0}</source>
        <translation> yn gorffen gyda {0}</translation>
    </message>
    <message>
        <source>Notified: {0}</source>
        <translation>Hysbyswyd: {0}</translation>
    </message>
    <message>
        <source>Verified: {0}</source>
        <translation>Dilyswyd: {0}</translation>
    </message>
    <message>
        <source>Ended: {0}</source>
        <translation>Daeth i ben: {0}</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Enwau</translation>
    </message>
    <message>
        <source>{0}: {1}, source {2}</source>
        <translation>{0}: {1}, ffynhonnell {2}</translation>
    </message>
    <message>
        <source>{0} no longer used: {1}</source>
        <translation>{0} nad yw&apos;n cael ei ddefnyddio mwyach: {1}</translation>
    </message>
    <message>
        <source>Managing risk level changed</source>
        <translation>Newidiwyd y lefel risg ar gyfer rheoli</translation>
    </message>
    <message>
        <source>MAPPA level changed</source>
        <translation>Newidiwyd lefel MAPPA</translation>
    </message>
    <message>
        <source> to {0}</source>
        <translation> i {0}</translation>
    </message>
    <message>
        <source>Intelligence that they may offend: {0}</source>
        <translation>Gwybodaeth gudd y gallai&apos;r unigolyn droseddu: {0}</translation>
    </message>
    <message>
        <source>dd/mm/yyyy (blank: a licence for life)</source>
        <translation>dd/mm/bbbb (gwag: trwydded am oes)</translation>
    </message>
    <message>
        <source>Probation contact</source>
        <translation>Cyswllt prawf</translation>
    </message>
    <message>
        <source>Probation practitioner, office and telephone</source>
        <translation>Ymarferydd prawf, swyddfa a rhif ffôn</translation>
    </message>
    <message>
        <source>Curfew</source>
        <translation>Cyrffyw</translation>
    </message>
    <message>
        <source>e.g. 19:00 to 07:00 at the approved address (blank if none)</source>
        <translation>e.e. 19:00 i 07:00 yn y cyfeiriad a gymeradwywyd (gwag os nad oes un)</translation>
    </message>
    <message>
        <source>Electronic monitoring</source>
        <translation>Monitro electronig</translation>
    </message>
    <message>
        <source>Exclusion zones</source>
        <translation>Parthau gwahardd</translation>
    </message>
    <message>
        <source>Standard conditions</source>
        <translation>Amodau safonol</translation>
    </message>
    <message>
        <source>One condition a line</source>
        <translation>Un amod ar bob llinell</translation>
    </message>
    <message>
        <source>Additional conditions</source>
        <translation>Amodau ychwanegol</translation>
    </message>
    <message>
        <source>Licence starts:</source>
        <translation>Dechrau&apos;r drwydded:</translation>
    </message>
    <message>
        <source>Licence ends (last day):</source>
        <translation>Diwedd y drwydded (diwrnod olaf):</translation>
    </message>
    <message>
        <source>Probation contact:</source>
        <translation>Cyswllt prawf:</translation>
    </message>
    <message>
        <source>Curfew:</source>
        <translation>Cyrffyw:</translation>
    </message>
    <message>
        <source>Electronic monitoring:</source>
        <translation>Monitro electronig:</translation>
    </message>
    <message>
        <source>Exclusion zones:</source>
        <translation>Parthau gwahardd:</translation>
    </message>
    <message>
        <source>Standard conditions:</source>
        <translation>Amodau safonol:</translation>
    </message>
    <message>
        <source>Additional conditions:</source>
        <translation>Amodau ychwanegol:</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Diwedd</translation>
    </message>
    <message>
        <source>for life</source>
        <translation>am oes</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Yn weithredol</translation>
    </message>
    <message>
        <source>on licence</source>
        <translation>ar drwydded</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>ddim yn weithredol</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Amod</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Trwyddedau</translation>
    </message>
    <message>
        <source>Licence conditions</source>
        <translation>Amodau trwydded</translation>
    </message>
    <message>
        <source>Record licence…</source>
        <translation>Cofnodi trwydded…</translation>
    </message>
    <message>
        <source>Record a licence and its conditions, as probation set them</source>
        <translation>Cofnodi trwydded a&apos;i hamodau, fel y&apos;u gosodwyd gan y gwasanaeth prawf</translation>
    </message>
    <message>
        <source>Edit licence…</source>
        <translation>Golygu trwydded…</translation>
    </message>
    <message>
        <source>Licence conditions (probation leads):</source>
        <translation>Amodau trwydded (y gwasanaeth prawf sy&apos;n arwain):</translation>
    </message>
    <message>
        <source>No point: the postcode file does not place this address; set one by hand</source>
        <translation>Dim pwynt: nid yw&apos;r ffeil codau post yn lleoli&apos;r cyfeiriad hwn; gosodwch un â llaw</translation>
    </message>
    <message>
        <source>E {0}, N {1} (set by hand by {2}, {3:%d %b %Y})</source>
        <translation>E {0}, N {1} (gosodwyd â llaw gan {2}, {3:%d %b %Y})</translation>
    </message>
    <message>
        <source>E {0}, N {1} ({2})</source>
        <translation>E {0}, N {1} ({2})</translation>
    </message>
    <message>
        <source>A point was {0}</source>
        <translation>Pwynt: {0}</translation>
    </message>
    <message>
        <source>Location for rounds</source>
        <translation>Lleoliad ar gyfer cylchoedd ymweliadau</translation>
    </message>
    <message>
        <source>Set point by hand…</source>
        <translation>Gosod pwynt â llaw…</translation>
    </message>
    <message>
        <source>Where the postcode file places this address badly: type its easting and northing in metres</source>
        <translation>Lle mae&apos;r ffeil codau post yn lleoli&apos;r cyfeiriad hwn yn anghywir: teipiwch ei ddwyreiniad a&apos;i ogleddiad mewn metrau</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clirio</translation>
    </message>
    <message>
        <source>Clear the point set by hand: the postcode file&apos;s is used again</source>
        <translation>Clirio&apos;r pwynt a osodwyd â llaw: defnyddir pwynt y ffeil codau post eto</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Set point by hand: {0}</source>
        <translation>Gosod pwynt â llaw: {0}</translation>
    </message>
    <message>
        <source>Easting</source>
        <translation>Dwyreiniad</translation>
    </message>
    <message>
        <source>Northing</source>
        <translation>Gogleddiad</translation>
    </message>
    <message>
        <source>{0} is needed: give whole metres, e.g. 401200</source>
        <translation>{0}: mae ei angen; rhowch fetrau cyfan, e.e. 401200</translation>
    </message>
    <message>
        <source>{0}: {1}; give whole metres, e.g. 401200</source>
        <translation>{0}: {1}; rhowch fetrau cyfan, e.e. 401200</translation>
    </message>
    <message>
        <source>{0} must be between 0 and {1:,} metres (the British National Grid)</source>
        <translation>{0}: rhaid iddo fod rhwng 0 a {1:,} metr (Grid Cenedlaethol Prydain)</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>wedi&apos;i osod â llaw</translation>
    </message>
    <message>
        <source>postcode file</source>
        <translation>ffeil codau post</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>demo</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>nid yw&apos;n rhif</translation>
    </message>
    <message>
        <source>not a finite number (NaN or infinity)</source>
        <translation>nid yw&apos;n rhif meidraidd (NaN neu anfeidredd)</translation>
    </message>
    <message>
        <source>metres, e.g. 401200</source>
        <translation>metrau, e.e. 401200</translation>
    </message>
    <message>
        <source>Easting (m):</source>
        <translation>Dwyreiniad (m):</translation>
    </message>
    <message>
        <source>Northing (m):</source>
        <translation>Gogleddiad (m):</translation>
    </message>
    <message>
        <source>British National Grid metres, as a map or Code-Point Open gives them. The point is kept for {0} and stops applying if the address&apos;s postcode changes.</source>
        <translation>Metrau Grid Cenedlaethol Prydain, fel y&apos;u rhoddir gan fap neu Code-Point Open. Cedwir y pwynt ar gyfer {0}, ac nid yw&apos;n berthnasol mwyach os bydd cod post y cyfeiriad yn newid.</translation>
    </message>
    <message>
        <source>an address without a postcode</source>
        <translation>cyfeiriad heb god post</translation>
    </message>
    <message>
        <source>MAPPA category</source>
        <translation>Categori MAPPA</translation>
    </message>
    <message>
        <source>MAPPA level</source>
        <translation>Lefel MAPPA</translation>
    </message>
    <message>
        <source>must be 1, 2 or 3, not {0}</source>
        <translation>rhaid iddo fod yn 1, 2 neu 3, nid {0}</translation>
    </message>
    <message>
        <source>Lead agency</source>
        <translation>Asiantaeth arweiniol</translation>
    </message>
    <message>
        <source>name the agency that leads (usually Police or Probation)</source>
        <translation>enwch yr asiantaeth sy&apos;n arwain (yr Heddlu neu&apos;r Gwasanaeth Prawf fel arfer)</translation>
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
        <source>Review due</source>
        <translation>Adolygiad yn ddyledus</translation>
    </message>
    <message>
        <source>Set by the MAPPA panel</source>
        <translation>Wedi&apos;i osod gan y panel MAPPA</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Lefel:</translation>
    </message>
    <message>
        <source>Lead agency:</source>
        <translation>Asiantaeth arweiniol:</translation>
    </message>
    <message>
        <source>Last meeting:</source>
        <translation>Cyfarfod diwethaf:</translation>
    </message>
    <message>
        <source>Next review (set by panel):</source>
        <translation>Adolygiad nesaf (wedi&apos;i osod gan y panel):</translation>
    </message>
    <message>
        <source>Review due:</source>
        <translation>Adolygiad yn ddyledus:</translation>
    </message>
    <message>
        <source>Risk management plan</source>
        <translation>Cynllun rheoli risg</translation>
    </message>
    <message>
        <source>Panel actions</source>
        <translation>Camau gweithredu&apos;r panel</translation>
    </message>
    <message>
        <source>Save MAPPA and plan</source>
        <translation>Cadw MAPPA a&apos;r cynllun</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Gwaredu newidiadau</translation>
    </message>
    <message>
        <source>Put back what is saved</source>
        <translation>Adfer yr hyn sydd wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>set by the MAPPA panel on {0}</source>
        <translation>wedi&apos;i osod gan y panel MAPPA ar {0}</translation>
    </message>
    <message>
        <source>set by the MAPPA panel at its first meeting (not yet heard)</source>
        <translation>wedi&apos;i osod gan y panel MAPPA yn ei gyfarfod cyntaf (heb ei ystyried eto)</translation>
    </message>
    <message>
        <source>Level {0}: {1}</source>
        <translation>Lefel {0}: {1}</translation>
    </message>
    <message>
        <source>Not yet heard</source>
        <translation>Heb ei ystyried eto</translation>
    </message>
    <message>
        <source>Not set: {0}</source>
        <translation>Heb ei osod: {0}</translation>
    </message>
    <message>
        <source>Nothing recorded</source>
        <translation>Dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>Risk management plan: {0}</source>
        <translation>Cynllun rheoli risg: {0}</translation>
    </message>
    <message>
        <source>Actions set by the panel</source>
        <translation>Camau gweithredu a osodwyd gan y panel</translation>
    </message>
    <message>
        <source>The level, the meeting and review dates, the risk management plan and the actions are the MAPPA panel&apos;s decisions ({0}): the panel chair records them. {1}</source>
        <translation>Penderfyniadau&apos;r panel MAPPA yw&apos;r lefel, dyddiadau&apos;r cyfarfod a&apos;r adolygiad, y cynllun rheoli risg a&apos;r camau gweithredu ({0}): cadeirydd y panel sy&apos;n eu cofnodi. {1}</translation>
    </message>
    <message>
        <source>The category and the lead agency can be changed here.</source>
        <translation>Gellir newid y categori a&apos;r asiantaeth arweiniol yma.</translation>
    </message>
    <message>
        <source>Nothing here can be changed from this account.</source>
        <translation>Ni ellir newid dim yma o&apos;r cyfrif hwn.</translation>
    </message>
    <message>
        <source>No panel review at level 1</source>
        <translation>Dim adolygiad panel ar lefel 1</translation>
    </message>
    <message>
        <source>Not yet heard: the panel sets the first date</source>
        <translation>Heb ei ystyried eto: y panel sy&apos;n gosod y dyddiad cyntaf</translation>
    </message>
    <message>
        <source>Edit name-change notice: {0}</source>
        <translation>Golygu hysbysiad newid enw: {0}</translation>
    </message>
    <message>
        <source>Record name-change notice: {0}</source>
        <translation>Cofnodi hysbysiad newid enw: {0}</translation>
    </message>
    <message>
        <source>Intended name</source>
        <translation>Enw arfaethedig</translation>
    </message>
    <message>
        <source>give the name the person means to use</source>
        <translation>rhowch yr enw y mae&apos;r unigolyn yn bwriadu ei ddefnyddio</translation>
    </message>
    <message>
        <source>Notice received on</source>
        <translation>Dyddiad cael yr hysbysiad</translation>
    </message>
    <message>
        <source>Change of name on</source>
        <translation>Dyddiad newid enw</translation>
    </message>
    <message>
        <source>Not yet decided</source>
        <translation>Heb benderfynu eto</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Penderfyniad</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>Rheswm dros y penderfyniad</translation>
    </message>
    <message>
        <source>Required when the change is prohibited</source>
        <translation>Yn ofynnol pan waherddir y newid</translation>
    </message>
    <message>
        <source>Intended name:</source>
        <translation>Enw arfaethedig:</translation>
    </message>
    <message>
        <source>Notice received on:</source>
        <translation>Dyddiad cael yr hysbysiad:</translation>
    </message>
    <message>
        <source>Change of name on:</source>
        <translation>Dyddiad newid enw:</translation>
    </message>
    <message>
        <source>{0}: done on</source>
        <translation>{0}: gwnaed ar</translation>
    </message>
    <message>
        <source>{0}: deadline</source>
        <translation>{0}: dyddiad terfyn</translation>
    </message>
    <message>
        <source>{0}, done on:</source>
        <translation>{0}, gwnaed ar:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Penderfyniad:</translation>
    </message>
    <message>
        <source>Also recorded:</source>
        <translation>Cofnodwyd hefyd:</translation>
    </message>
    <message>
        <source>{0} (no longer a step in the policy)</source>
        <translation>{0} (nid yw&apos;n gam yn y polisi mwyach)</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Cam nesaf</translation>
    </message>
    <message>
        <source>after the change</source>
        <translation>ar ôl y newid</translation>
    </message>
    <message>
        <source>after the previous step</source>
        <translation>ar ôl y cam blaenorol</translation>
    </message>
    <message>
        <source>due {0} days {1}</source>
        <translation>yn ddyledus {0} diwrnod {1}</translation>
    </message>
    <message>
        <source>late: due by {0}</source>
        <translation>yn hwyr: yn ddyledus erbyn {0}</translation>
    </message>
    <message>
        <source>due by {0}</source>
        <translation>yn ddyledus erbyn {0}</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Nesaf: {0}</translation>
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
        <source>Name-change notices</source>
        <translation>Hysbysiadau newid enw</translation>
    </message>
    <message>
        <source>Record notice…</source>
        <translation>Cofnodi hysbysiad…</translation>
    </message>
    <message>
        <source>Record a notice of an intended change of name</source>
        <translation>Cofnodi hysbysiad o newid enw arfaethedig</translation>
    </message>
    <message>
        <source>Edit notice…</source>
        <translation>Golygu hysbysiad…</translation>
    </message>
    <message>
        <source>Record a step done or the decision on the selected notice</source>
        <translation>Cofnodi cam a wnaed neu&apos;r penderfyniad ar yr hysbysiad a ddewiswyd</translation>
    </message>
    <message>
        <source>Name-change notices: steps and deadlines from the force policy</source>
        <translation>Hysbysiadau newid enw: camau a dyddiadau terfyn o bolisi&apos;r heddlu</translation>
    </message>
    <message>
        <source>Edit civil order: {0}</source>
        <translation>Golygu gorchymyn sifil: {0}</translation>
    </message>
    <message>
        <source>Record civil order: {0}</source>
        <translation>Cofnodi gorchymyn sifil: {0}</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Gorchymyn</translation>
    </message>
    <message>
        <source>e.g. Ravensholt Crown Court</source>
        <translation>e.e. Llys y Goron Ravensholt</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Llys</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Gwnaed ar</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Yn dod i ben ar</translation>
    </message>
    <message>
        <source>dd/mm/yyyy: the last day it has effect</source>
        <translation>dd/mm/bbbb: y diwrnod olaf y mae mewn grym</translation>
    </message>
    <message>
        <source>Until further order (no end date)</source>
        <translation>Hyd nes y gwneir gorchymyn pellach (dim dyddiad gorffen)</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Gorchymyn:</translation>
    </message>
    <message>
        <source>Court:</source>
        <translation>Llys:</translation>
    </message>
    <message>
        <source>Made on:</source>
        <translation>Gwnaed ar:</translation>
    </message>
    <message>
        <source>Ends on:</source>
        <translation>Yn dod i ben ar:</translation>
    </message>
    <message>
        <source>Next review:</source>
        <translation>Adolygiad nesaf:</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gwnaed</translation>
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
        <translation>Gorchymyn Atal Troseddau Rhywiol</translation>
    </message>
    <message>
        <source>Interim Sexual Offences Prevention Order</source>
        <translation>Gorchymyn Atal Troseddau Rhywiol Interim</translation>
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
        <source>SHPO</source>
        <translation>SHPO</translation>
    </message>
    <message>
        <source>interim SHPO</source>
        <translation>SHPO interim</translation>
    </message>
    <message>
        <source>SOPO</source>
        <translation>SOPO</translation>
    </message>
    <message>
        <source>interim SOPO</source>
        <translation>SOPO interim</translation>
    </message>
    <message>
        <source>SRO</source>
        <translation>SRO</translation>
    </message>
    <message>
        <source>interim SRO</source>
        <translation>SRO interim</translation>
    </message>
    <message>
        <source>not eligible while the order is in force</source>
        <translation>ddim yn gymwys tra bo&apos;r gorchymyn mewn grym</translation>
    </message>
    <message>
        <source>no {0} was made before 8 Mar 2015 (the 2014 Act brought them in): check the date, or record the order it replaced (a SOPO or Foreign Travel Order)</source>
        <translation>ni wnaed {0} cyn 8 Maw 2015 (Deddf 2014 a&apos;u cyflwynodd): gwiriwch y dyddiad, neu cofnodwch y gorchymyn a ddisodlwyd ganddo (SOPO neu Orchymyn Teithio Tramor)</translation>
    </message>
    <message>
        <source>no {0} was made before 1 May 2004 (the Sexual Offences Act 2003 brought them in)</source>
        <translation>ni wnaed {0} cyn 1 Mai 2004 (Deddf Troseddau Rhywiol 2003 a&apos;u cyflwynodd)</translation>
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
        <source>Programme</source>
        <translation>Rhaglen</translation>
    </message>
    <message>
        <source>ends {0}</source>
        <translation>yn dod i ben {0}</translation>
    </message>
    <message>
        <source>until further order</source>
        <translation>hyd nes y gwneir gorchymyn pellach</translation>
    </message>
    <message>
        <source>end not recorded</source>
        <translation>dyddiad gorffen heb ei gofnodi</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Mewn grym</translation>
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
        <source>Term</source>
        <translation>Amod</translation>
    </message>
    <message>
        <source>Civil orders</source>
        <translation>Gorchmynion sifil</translation>
    </message>
    <message>
        <source>Terms of the order</source>
        <translation>Amodau&apos;r gorchymyn</translation>
    </message>
    <message>
        <source>Record order…</source>
        <translation>Cofnodi gorchymyn…</translation>
    </message>
    <message>
        <source>Record a civil order the court made: SHPO, SRO, …</source>
        <translation>Cofnodi gorchymyn sifil a wnaed gan y llys: SHPO, SRO, …</translation>
    </message>
    <message>
        <source>Edit order…</source>
        <translation>Golygu gorchymyn…</translation>
    </message>
    <message>
        <source>Change the selected order: its end, its next review…</source>
        <translation>Newid y gorchymyn a ddewiswyd: ei ddiwedd, ei adolygiad nesaf…</translation>
    </message>
    <message>
        <source>Add term…</source>
        <translation>Ychwanegu amod…</translation>
    </message>
    <message>
        <source>Add a prohibition or positive requirement to the selected order</source>
        <translation>Ychwanegu gwaharddiad neu ofyniad cadarnhaol at y gorchymyn a ddewiswyd</translation>
    </message>
    <message>
        <source>Edit term…</source>
        <translation>Golygu amod…</translation>
    </message>
    <message>
        <source>An SHPO, interim SHPO, SOPO or interim SOPO in force bars an application to review an indefinite notification requirement; any order restricting the person bars reactive management. Breach without reasonable excuse is an offence.</source>
        <translation>Mae SHPO, SHPO interim, SOPO neu SOPO interim sydd mewn grym yn atal cais i adolygu gofyniad hysbysu amhenodol; mae unrhyw orchymyn sy&apos;n cyfyngu ar yr unigolyn yn atal rheoli adweithiol. Mae torri&apos;r gorchymyn heb esgus rhesymol yn drosedd.</translation>
    </message>
    <message>
        <source>Select an order to see its terms.</source>
        <translation>Dewiswch orchymyn i weld ei amodau.</translation>
    </message>
    <message>
        <source>Terms of the {0} made {1:%d %b %Y}:</source>
        <translation>Amodau&apos;r {0} a wnaed {1:%d %b %Y}:</translation>
    </message>
    <message>
        <source>No terms recorded for this order yet.</source>
        <translation>Dim amodau wedi&apos;u cofnodi ar gyfer y gorchymyn hwn eto.</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Dim newid</translation>
    </message>
    <message>
        <source>Overdue (open)</source>
        <translation>Yn hwyr (ar agor)</translation>
    </message>
    <message>
        <source>Done {0}</source>
        <translation>Gwnaed {0}</translation>
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
        <source>Rationale</source>
        <translation>Rhesymeg</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>heb ei osod</translation>
    </message>
    <message>
        <source>Plan changes</source>
        <translation>Newidiadau i&apos;r cynllun</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Perchennog</translation>
    </message>
    <message>
        <source>Recorded by the panel chair from the Meetings view (Record decision…): read-only here, for every account.</source>
        <translation>Cofnodir gan gadeirydd y panel yn y golwg Cyfarfodydd (Cofnodi penderfyniad…): darllen yn unig yma, i bob cyfrif.</translation>
    </message>
    <message>
        <source>Who records the panel&apos;s decisions</source>
        <translation>Pwy sy&apos;n cofnodi penderfyniadau&apos;r panel</translation>
    </message>
    <message>
        <source>Panel decisions</source>
        <translation>Penderfyniadau&apos;r panel</translation>
    </message>
    <message>
        <source>Panel decisions ({0}) and actions ({1} open, {2} overdue)</source>
        <translation>Penderfyniadau&apos;r panel ({0}) a chamau gweithredu ({1} ar agor, {2} yn hwyr)</translation>
    </message>
    <message>
        <source>{0}, taken {1:%d %b %Y} by {2}</source>
        <translation>{0}, tynnwyd {1:%d %b %Y} gan {2}</translation>
    </message>
    <message>
        <source>{0} × {1} pixels, {2}</source>
        <translation>{0} × {1} picsel, {2}</translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation>Ffotograff</translation>
    </message>
    <message>
        <source>Where the photograph is</source>
        <translation>Lle mae&apos;r ffotograff</translation>
    </message>
    <message>
        <source>Details of the photograph</source>
        <translation>Manylion y ffotograff</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Chwyddo i mewn</translation>
    </message>
    <message>
        <source>Ctrl++</source>
        <translation>Ctrl++</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Chwyddo allan</translation>
    </message>
    <message>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ffitio i&apos;r ffenestr</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>This image could not be shown.</source>
        <translation>Nid oedd modd dangos y ddelwedd hon.</translation>
    </message>
    <message>
        <source>No: fetched when opened</source>
        <translation>Na: caiff ei nôl wrth ei agor</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Maint</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>★ Current face photo</source>
        <translation>★ Ffotograff wyneb cyfredol</translation>
    </message>
    <message>
        <source>(thumbnail only here)</source>
        <translation>(mân-lun yn unig yma)</translation>
    </message>
    <message>
        <source>Photographs</source>
        <translation>Ffotograffau</translation>
    </message>
    <message>
        <source>Double-click or Enter to view full size; Delete to remove</source>
        <translation>Clic dwbl neu Enter i weld y maint llawn; Delete i dynnu</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dogfennau</translation>
    </message>
    <message>
        <source>Add photo or document…</source>
        <translation>Ychwanegu ffotograff neu ddogfen…</translation>
    </message>
    <message>
        <source>Add JPEG, PNG, HEIC or PDF files; or drop them here, or paste (Ctrl+V)</source>
        <translation>Ychwanegu ffeiliau JPEG, PNG, HEIC neu PDF; neu eu gollwng yma, neu eu gludo (Ctrl+V)</translation>
    </message>
    <message>
        <source>View full size</source>
        <translation>Gweld maint llawn</translation>
    </message>
    <message>
        <source>Show the chosen photograph full size (kept in the audit trail)</source>
        <translation>Dangos y ffotograff a ddewiswyd ar faint llawn (cofnodir hyn yn y trywydd archwilio)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Allforio…</translation>
    </message>
    <message>
        <source>Save a copy elsewhere: a disclosure, with recipient and reason</source>
        <translation>Cadw copi mewn man arall: datgeliad, gyda derbynnydd a rheswm</translation>
    </message>
    <message>
        <source>Edit details…</source>
        <translation>Golygu&apos;r manylion…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Tynnu…</translation>
    </message>
    <message>
        <source>Remove the chosen photograph or document (Delete); you give the reason</source>
        <translation>Tynnu&apos;r ffotograff neu&apos;r ddogfen a ddewiswyd (Delete); chi sy&apos;n rhoi&apos;r rheswm</translation>
    </message>
    <message>
        <source>Your role may not change this record</source>
        <translation>Ni chaiff eich rôl newid y cofnod hwn</translation>
    </message>
    <message>
        <source>Files not added</source>
        <translation>Ffeiliau heb eu hychwanegu</translation>
    </message>
    <message>
        <source>Current face photo: {0}</source>
        <translation>Ffotograff wyneb cyfredol: {0}</translation>
    </message>
    <message>
        <source>No face photograph yet</source>
        <translation>Dim ffotograff wyneb eto</translation>
    </message>
    <message>
        <source>Open in viewer…</source>
        <translation>Agor yn y gwyliwr…</translation>
    </message>
    <message>
        <source>Open the chosen PDF in this computer&apos;s PDF viewer: a disclosure, kept in the audit trail</source>
        <translation>Agor y PDF a ddewiswyd yng ngwyliwr PDF y cyfrifiadur hwn: datgeliad, a gofnodir yn y trywydd archwilio</translation>
    </message>
    <message>
        <source>Show the chosen photograph or image full size (kept in the audit trail)</source>
        <translation>Dangos y ffotograff neu&apos;r ddelwedd a ddewiswyd ar faint llawn (cofnodir hyn yn y trywydd archwilio)</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} o {1}</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>Amser gwirio</translation>
    </message>
    <message>
        <source>say who made the checks</source>
        <translation>dywedwch pwy a wnaeth y gwiriadau</translation>
    </message>
    <message>
        <source>tick at least one check made</source>
        <translation>ticiwch o leiaf un gwiriad a wnaed</translation>
    </message>
    <message>
        <source>For the visit on</source>
        <translation>Ar gyfer yr ymweliad ar</translation>
    </message>
    <message>
        <source>Checks done</source>
        <translation>Gwiriadau a wnaed</translation>
    </message>
    <message>
        <source>Pre-visit checks</source>
        <translation>Gwiriadau cyn ymweliad</translation>
    </message>
    <message>
        <source>Record pre-visit checks…</source>
        <translation>Cofnodi gwiriadau cyn ymweliad…</translation>
    </message>
    <message>
        <source>Intelligence systems, open-source and social media, before a visit</source>
        <translation>Systemau gwybodaeth gudd, ffynonellau agored a chyfryngau cymdeithasol, cyn ymweliad</translation>
    </message>
    <message>
        <source>Pre-visit checks: intelligence systems, open-source and social media, before a visit.</source>
        <translation>Gwiriadau cyn ymweliad: systemau gwybodaeth gudd, ffynonellau agored a chyfryngau cymdeithasol, cyn ymweliad.</translation>
    </message>
    <message>
        <source>Pre-visit checks: {0}</source>
        <translation>Gwiriadau cyn ymweliad: {0}</translation>
    </message>
    <message>
        <source>(the force policy lists no pre-visit checks: [pre_visit_checks] items)</source>
        <translation>(nid yw polisi&apos;r heddlu yn rhestru unrhyw wiriadau cyn ymweliad: eitemau [pre_visit_checks])</translation>
    </message>
    <message>
        <source>dd/mm/yyyy: the planned visit (blank: the person generally)</source>
        <translation>dd/mm/bbbb: yr ymweliad arfaethedig (gwag: yr unigolyn yn gyffredinol)</translation>
    </message>
    <message>
        <source>What the checks found that the visit should know</source>
        <translation>Beth a ganfu&apos;r gwiriadau y dylai&apos;r ymweliad wybod amdano</translation>
    </message>
    <message>
        <source>Time-stamped when saved ({0:%d/%m/%Y %H:%M} now).</source>
        <translation>Caiff stamp amser wrth ei gadw ({0:%d/%m/%Y %H:%M} nawr).</translation>
    </message>
    <message>
        <source>Checks done:</source>
        <translation>Gwiriadau a wnaed:</translation>
    </message>
    <message>
        <source>For the visit on:</source>
        <translation>Ar gyfer yr ymweliad ar:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Counted term: {0}</source>
        <translation>Tymor a gyfrifwyd: {0}</translation>
    </message>
    <message>
        <source>Why that term: {0}</source>
        <translation>Pam y tymor hwnnw: {0}</translation>
    </message>
    <message>
        <source>Notification period: {0}</source>
        <translation>Cyfnod hysbysu: {0}</translation>
    </message>
    <message>
        <source>Why: {0}</source>
        <translation>Pam: {0}</translation>
    </message>
    <message>
        <source>Last day of the notification period: {0}</source>
        <translation>Diwrnod olaf y cyfnod hysbysu: {0}</translation>
    </message>
    <message>
        <source>none (indefinite)</source>
        <translation>dim (amhenodol)</translation>
    </message>
    <message>
        <source>none while the order has effect</source>
        <translation>dim tra bo&apos;r gorchymyn mewn grym</translation>
    </message>
    <message>
        <source>Held by an order: {0}</source>
        <translation>Yn parhau dan orchymyn: {0}</translation>
    </message>
    <message>
        <source>The requirement has ended.</source>
        <translation>Mae&apos;r gofyniad wedi dod i ben.</translation>
    </message>
    <message>
        <source>Initial notification due by: {0}</source>
        <translation>Hysbysiad cychwynnol yn ddyledus erbyn: {0}</translation>
    </message>
    <message>
        <source>Initial notification: {0}</source>
        <translation>Hysbysiad cychwynnol: {0}</translation>
    </message>
    <message>
        <source>Next periodic notification: none (the requirement ends first)</source>
        <translation>Hysbysiad cyfnodol nesaf: dim (daw&apos;r gofyniad i ben yn gyntaf)</translation>
    </message>
    <message>
        <source>Next periodic notification: {0}</source>
        <translation>Hysbysiad cyfnodol nesaf: {0}</translation>
    </message>
    <message>
        <source>Next periodic notification: not known (record the latest notification)</source>
        <translation>Hysbysiad cyfnodol nesaf: anhysbys (cofnodwch yr hysbysiad diweddaraf)</translation>
    </message>
    <message>
        <source>Next periodic notification: {0}{1}{2}</source>
        <translation>Hysbysiad cyfnodol nesaf: {0}{1}{2}</translation>
    </message>
    <message>
        <source> (weekly: no fixed abode)</source>
        <translation> (wythnosol: dim cyfeiriad sefydlog)</translation>
    </message>
    <message>
        <source>Review of the indefinite requirement: {0}</source>
        <translation>Adolygiad o&apos;r gofyniad amhenodol: {0}</translation>
    </message>
    <message>
        <source>May apply for review of an indefinite requirement from: {0}</source>
        <translation>Caiff wneud cais am adolygiad o ofyniad amhenodol o: {0}</translation>
    </message>
    <message>
        <source>Review date: {0}</source>
        <translation>Dyddiad adolygu: {0}</translation>
    </message>
    <message>
        <source>Relevant date</source>
        <translation>Dyddiad perthnasol</translation>
    </message>
    <message>
        <source>cannot be before the date it was used from</source>
        <translation>ni all fod cyn y dyddiad y defnyddiwyd yr enw ohono</translation>
    </message>
    <message>
        <source>cannot be before the notice was received</source>
        <translation>ni all fod cyn cael yr hysbysiad</translation>
    </message>
    <message>
        <source>give the reason for prohibiting</source>
        <translation>rhowch y rheswm dros wahardd</translation>
    </message>
    <message>
        <source>say what was decided ({0} is done)</source>
        <translation>dywedwch beth a benderfynwyd (mae {0} wedi&apos;i wneud)</translation>
    </message>
    <message>
        <source>give the date of the decision</source>
        <translation>rhowch ddyddiad y penderfyniad</translation>
    </message>
    <message>
        <source>cannot be before it was circulated</source>
        <translation>ni all fod cyn iddo gael ei gylchredeg</translation>
    </message>
    <message>
        <source>seen at home on {0}, after this date: check the date, or record when they were found</source>
        <translation>gwelwyd gartref ar {0}, ar ôl y dyddiad hwn: gwiriwch y dyddiad, neu cofnodwch pryd y daethpwyd o hyd i&apos;r unigolyn</translation>
    </message>
    <message>
        <source>already recorded: {0}; record the date found on that first</source>
        <translation>wedi&apos;i gofnodi eisoes: {0}; cofnodwch y dyddiad canfod ar hwnnw yn gyntaf</translation>
    </message>
    <message>
        <source>cannot be after the person was found ({0})</source>
        <translation>ni all fod ar ôl dod o hyd i&apos;r unigolyn ({0})</translation>
    </message>
    <message>
        <source>the person was found on {0}: only an open episode is reviewed</source>
        <translation>daethpwyd o hyd i&apos;r unigolyn ar {0}: dim ond cyfnod agored sy&apos;n cael ei adolygu</translation>
    </message>
    <message>
        <source>cannot be before the review already recorded ({0})</source>
        <translation>ni all fod cyn yr adolygiad a gofnodwyd eisoes ({0})</translation>
    </message>
    <message>
        <source>say who did the review</source>
        <translation>dywedwch pwy a wnaeth yr adolygiad</translation>
    </message>
    <message>
        <source>Custodial term</source>
        <translation>Tymor yn y ddalfa</translation>
    </message>
    <message>
        <source>{0} has no custodial term: leave it empty, or choose the disposal the term was passed with</source>
        <translation>nid oes tymor yn y ddalfa i {0}: gadewch ef yn wag, neu dewiswch y gwarediad y pasiwyd y tymor gydag ef</translation>
    </message>
    <message>
        <source>enter the length of the term</source>
        <translation>rhowch hyd y tymor</translation>
    </message>
    <message>
        <source>Disposal</source>
        <translation>Gwarediad</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mis</translation>
    </message>
    <message>
        <source> days</source>
        <translation> diwrnod</translation>
    </message>
    <message>
        <source>Term, months</source>
        <translation>Tymor, misoedd</translation>
    </message>
    <message>
        <source>Term, days</source>
        <translation>Tymor, diwrnodau</translation>
    </message>
    <message>
        <source>e.g. 3m; 10m (the tooltip shows concurrent terms)</source>
        <translation>e.e. 3m; 10m (mae&apos;r awgrym yn dangos tymhorau cydamserol)</translation>
    </message>
    <message>
        <source>Only when the sentence is more than one term. Separate the terms with &apos;;&apos;. Write each in years, months, weeks or days (2y, 10m, 18w, 14d; a year is 12 months). A term is consecutive to the one before unless it says &apos;concurrent from&apos; the day it began; the first term then needs &apos;from&apos; its start too: 12m from 2024-01-10; 12m concurrent from 2024-04-10. Empty: the custodial term above counts.</source>
        <translation>Dim ond pan fo&apos;r ddedfryd yn fwy nag un tymor. Gwahanwch y tymhorau â &apos;;&apos;. Ysgrifennwch bob un mewn blynyddoedd, misoedd, wythnosau neu ddiwrnodau (2y, 10m, 18w, 14d; mae blwyddyn yn 12 mis). Mae tymor yn olynol i&apos;r un o&apos;i flaen oni bai ei fod yn dweud &apos;concurrent from&apos; (yn Saesneg) a&apos;r diwrnod y dechreuodd; yna mae angen &apos;from&apos; a&apos;i ddyddiad dechrau ar y tymor cyntaf hefyd: 12m from 2024-01-10; 12m concurrent from 2024-04-10. Gwag: y tymor yn y ddalfa uchod sy&apos;n cyfrif.</translation>
    </message>
    <message>
        <source>Terms, consecutive or concurrent</source>
        <translation>Tymhorau, olynol neu gydamserol</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>Conditional discharge, months</source>
        <translation>Rhyddhad amodol, misoedd</translation>
    </message>
    <message>
        <source>Initial notification made</source>
        <translation>Hysbysiad cychwynnol wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>Latest notification</source>
        <translation>Hysbysiad diweddaraf</translation>
    </message>
    <message>
        <source>In custody now</source>
        <translation>Yn y ddalfa nawr</translation>
    </message>
    <message>
        <source>Released on</source>
        <translation>Rhyddhawyd ar</translation>
    </message>
    <message>
        <source>In custody from</source>
        <translation>Yn y ddalfa o</translation>
    </message>
    <message>
        <source>When the latest time in custody or hospital began (remand included). Without it, every date before the release is taken as in custody, and an annual date then moves to after release.</source>
        <translation>Pryd y dechreuodd y cyfnod diweddaraf yn y ddalfa neu yn yr ysbyty (gan gynnwys remánd). Hebddo, caiff pob dyddiad cyn y rhyddhau ei drin fel cyfnod yn y ddalfa, ac yna mae dyddiad blynyddol yn symud i ddyddiad ar ôl y rhyddhau.</translation>
    </message>
    <message>
        <source>First notification after release</source>
        <translation>Hysbysiad cyntaf ar ôl rhyddhau</translation>
    </message>
    <message>
        <source>Review refused on</source>
        <translation>Gwrthodwyd yr adolygiad ar</translation>
    </message>
    <message>
        <source>Further review date (chief officer&apos;s notice)</source>
        <translation>Dyddiad adolygu pellach (hysbysiad y prif swyddog)</translation>
    </message>
    <message>
        <source>The date in the chief officer&apos;s notice of the refusal. Empty: the usual period after a refusal, from the force policy.</source>
        <translation>Y dyddiad yn hysbysiad y prif swyddog am y gwrthodiad. Gwag: y cyfnod arferol ar ôl gwrthod, o bolisi&apos;r heddlu.</translation>
    </message>
    <message>
        <source>Relevant date:</source>
        <translation>Dyddiad perthnasol:</translation>
    </message>
    <message>
        <source>Disposal:</source>
        <translation>Gwarediad:</translation>
    </message>
    <message>
        <source>Custodial term:</source>
        <translation>Tymor yn y ddalfa:</translation>
    </message>
    <message>
        <source>Terms (if several):</source>
        <translation>Tymhorau (os oes sawl un):</translation>
    </message>
    <message>
        <source>Conditional discharge:</source>
        <translation>Rhyddhad amodol:</translation>
    </message>
    <message>
        <source>Initial notification made:</source>
        <translation>Hysbysiad cychwynnol wedi&apos;i wneud:</translation>
    </message>
    <message>
        <source>Latest notification:</source>
        <translation>Hysbysiad diweddaraf:</translation>
    </message>
    <message>
        <source>In custody from:</source>
        <translation>Yn y ddalfa o:</translation>
    </message>
    <message>
        <source>Released on:</source>
        <translation>Rhyddhawyd ar:</translation>
    </message>
    <message>
        <source>First notification after release:</source>
        <translation>Hysbysiad cyntaf ar ôl rhyddhau:</translation>
    </message>
    <message>
        <source>Review refused on:</source>
        <translation>Gwrthodwyd yr adolygiad ar:</translation>
    </message>
    <message>
        <source>Further review date (notice):</source>
        <translation>Dyddiad adolygu pellach (hysbysiad):</translation>
    </message>
    <message>
        <source>Notification period and dates</source>
        <translation>Cyfnod hysbysu a dyddiadau</translation>
    </message>
    <message>
        <source>Save registration</source>
        <translation>Cadw&apos;r cofrestriad</translation>
    </message>
    <message>
        <source>Terms: {0}</source>
        <translation>Tymhorau: {0}</translation>
    </message>
    <message>
        <source>Fix the fields named below to see the period and dates.</source>
        <translation>Cywirwch y meysydd a enwir isod i weld y cyfnod a&apos;r dyddiadau.</translation>
    </message>
    <message>
        <source>Remove the selected record, entered in error (Delete); you give the reason</source>
        <translation>Tynnu&apos;r cofnod a ddewiswyd, a gofnodwyd mewn camgymeriad (Delete); chi sy&apos;n rhoi&apos;r rheswm</translation>
    </message>
    <message>
        <source>Remove {0}: {1}</source>
        <translation>Tynnu {0}: {1}</translation>
    </message>
    <message>
        <source>For example: typed twice; recorded on the wrong person</source>
        <translation>Er enghraifft: wedi&apos;i deipio ddwywaith; wedi&apos;i gofnodi ar yr unigolyn anghywir</translation>
    </message>
    <message>
        <source>Reason for removing the record</source>
        <translation>Rheswm dros dynnu&apos;r cofnod</translation>
    </message>
    <message>
        <source>Remove this {0} from the record of {1} as entered in error?</source>
        <translation>Tynnu&apos;r eitem hon ({0}) o gofnod {1}, gan iddi gael ei chofnodi mewn camgymeriad?</translation>
    </message>
    <message>
        <source>It goes from the record, its documents and chronology here and on every device when it syncs. The audit trail keeps it, with your reason.</source>
        <translation>Bydd yn mynd o&apos;r cofnod, o&apos;i ddogfennau ac o&apos;i gronoleg yma ac ar bob dyfais pan fydd yn cysoni. Bydd y trywydd archwilio yn ei gadw, gyda&apos;ch rheswm.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Tynnu</translation>
    </message>
    <message>
        <source>Why is it removed?</source>
        <translation>Pam mae&apos;n cael ei dynnu?</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>amh.</translation>
    </message>
    <message>
        <source>{0} to {1} (provisional)</source>
        <translation>{0} i {1:~} (dros dro)</translation>
    </message>
    <message>
        <source>No RM2000 saved yet: the items come from the record.</source>
        <translation>Dim RM2000 wedi&apos;i gadw eto: daw&apos;r eitemau o&apos;r cofnod.</translation>
    </message>
    <message>
        <source>unsettled</source>
        <translation>heb ei bennu</translation>
    </message>
    <message>
        <source>Showing the RM2000 saved on {0:%d %b %Y} by {1}: sexual {2}, violent {3}, combined {4}.</source>
        <translation>Yn dangos yr RM2000 a gadwyd ar {0:%d %b %Y} gan {1}: rhywiol {2}, treisgar {3}, cyfunol {4}.</translation>
    </message>
    <message>
        <source>Indefinite</source>
        <translation>Amhenodol</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>{0}.5 years</source>
        <translation>{0}.5 mlynedd</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 mis</translation>
    </message>
    <message>
        <source>year</source>
        <translation>blwyddyn</translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0} mis</translation>
    </message>
    <message>
        <source>{0} (halved: under 18 on the relevant date)</source>
        <translation>{0} (wedi&apos;i haneru: o dan 18 ar y dyddiad perthnasol)</translation>
    </message>
    <message>
        <source>{0}: indefinite</source>
        <translation>{0}: amhenodol</translation>
    </message>
    <message>
        <source>imprisonment with no term recorded</source>
        <translation>carchar heb dymor wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>detention and training order with no term recorded</source>
        <translation>gorchymyn cadw a hyfforddi heb dymor wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>imprisonment for {0} (30 months or more): indefinite</source>
        <translation>carchar am {0} (30 mis neu fwy): amhenodol</translation>
    </message>
    <message>
        <source>detention and training order counted as {0} (30 months or more): indefinite</source>
        <translation>gorchymyn cadw a hyfforddi wedi&apos;i gyfrif fel {0} (30 mis neu fwy): amhenodol</translation>
    </message>
    <message>
        <source>imprisonment for {0} (more than 6, less than 30 months)</source>
        <translation>carchar am {0} (mwy na 6, llai na 30 mis)</translation>
    </message>
    <message>
        <source>detention and training order counted as {0} (more than 6, less than 30 months)</source>
        <translation>gorchymyn cadw a hyfforddi wedi&apos;i gyfrif fel {0} (mwy na 6, llai na 30 mis)</translation>
    </message>
    <message>
        <source>imprisonment for {0} (6 months or less)</source>
        <translation>carchar am {0} (6 mis neu lai)</translation>
    </message>
    <message>
        <source>detention and training order counted as {0} (6 months or less)</source>
        <translation>gorchymyn cadw a hyfforddi wedi&apos;i gyfrif fel {0} (6 mis neu lai)</translation>
    </message>
    <message>
        <source>hospital order without restriction</source>
        <translation>gorchymyn ysbyty heb gyfyngiad</translation>
    </message>
    <message>
        <source>caution</source>
        <translation>rhybudd</translation>
    </message>
    <message>
        <source>conditional discharge with no period recorded</source>
        <translation>rhyddhad amodol heb gyfnod wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>the period of the conditional discharge</source>
        <translation>cyfnod y rhyddhad amodol</translation>
    </message>
    <message>
        <source>community order, fine or other disposal</source>
        <translation>gorchymyn cymunedol, dirwy neu ddedfryd arall</translation>
    </message>
    <message>
        <source>the date in the chief officer&apos;s notice after the refusal on {0:%d %b %Y}</source>
        <translation>y dyddiad yn hysbysiad y prif swyddog ar ôl y gwrthodiad ar {0:%d %b %Y}</translation>
    </message>
    <message>
        <source>{0} after the refusal on {1:%d %b %Y} (the force policy&apos;s usual period: record the notice&apos;s date if it gives another)</source>
        <translation>{0} ar ôl y gwrthodiad ar {1:%d %b %Y} (cyfnod arferol polisi&apos;r heddlu: cofnodwch ddyddiad yr hysbysiad os yw&apos;n rhoi un arall)</translation>
    </message>
    <message>
        <source>not yet notified</source>
        <translation>heb ei hysbysu eto</translation>
    </message>
    <message>
        <source>in time</source>
        <translation>mewn pryd</translation>
    </message>
    <message>
        <source>short notice: reason to record</source>
        <translation>rhybudd byr: rheswm i&apos;w gofnodi</translation>
    </message>
    <message>
        <source>short notice: reason recorded</source>
        <translation>rhybudd byr: rheswm wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>late</source>
        <translation>yn hwyr</translation>
    </message>
    <message>
        <source>notified {0}</source>
        <translation>hysbyswyd {0}</translation>
    </message>
    <message>
        <source>notified late on {0} (due by {1})</source>
        <translation>hysbyswyd yn hwyr ar {0} (yn ddyledus erbyn {1})</translation>
    </message>
    <message>
        <source>notified {0}, inside the 7 days (due by {1}): {2}</source>
        <translation>hysbyswyd {0}, o fewn y 7 diwrnod (yn ddyledus erbyn {1}): {2}</translation>
    </message>
    <message>
        <source>the period&apos;s own last day is {0}; the requirements continue while the {1} made {2} has effect ({3}; s.103G)</source>
        <translation>diwrnod olaf y cyfnod ei hun yw {0}; mae&apos;r gofynion yn parhau tra bo&apos;r {1} a wnaed {2} mewn effaith ({3}; s.103G)</translation>
    </message>
    <message>
        <source>{0} ({1} made {2}, {3})</source>
        <translation>{0} ({1} a wnaed {2}, {3})</translation>
    </message>
    <message>
        <source>not due while in custody: 3 days beginning with release</source>
        <translation>ddim yn ddyledus tra yn y ddalfa: 3 diwrnod yn dechrau gyda&apos;r rhyddhau</translation>
    </message>
    <message>
        <source>moved: the date fell in custody, hospital or abroad; 3 days from release or return</source>
        <translation>symudwyd: roedd y dyddiad yn y ddalfa, yn yr ysbyty neu dramor; 3 diwrnod o ryddhau neu ddychwelyd</translation>
    </message>
    <message>
        <source>{0}; the custody start is not recorded, so {1} is taken as in custody: record when custody began if the person was free then</source>
        <translation>{0}; nid yw dechrau&apos;r cyfnod yn y ddalfa wedi&apos;i gofnodi, felly ystyrir {1} yn y ddalfa: cofnodwch pryd y dechreuodd y cyfnod yn y ddalfa os oedd yr unigolyn yn rhydd bryd hynny</translation>
    </message>
    <message>
        <source>Violent appearances</source>
        <translation>Ymddangosiadau treisgar</translation>
    </message>
    <message>
        <source>Any burglary conviction</source>
        <translation>Unrhyw euogfarn am fyrgleriaeth</translation>
    </message>
    <message>
        <source>Sexual offence against a male</source>
        <translation>Trosedd rywiol yn erbyn gwryw</translation>
    </message>
    <message>
        <source>Sexual offence against a stranger</source>
        <translation>Trosedd rywiol yn erbyn dieithryn</translation>
    </message>
    <message>
        <source>Non-contact sexual offence</source>
        <translation>Trosedd rywiol heb gyswllt</translation>
    </message>
    <message>
        <source>Never lived 2+ years with a partner</source>
        <translation>Erioed wedi byw 2+ mlynedd gyda phartner</translation>
    </message>
    <message>
        <source>Latest saved RM2000</source>
        <translation>RM2000 diweddaraf a gadwyd</translation>
    </message>
    <message>
        <source>RM2000 categories</source>
        <translation>Categorïau RM2000</translation>
    </message>
    <message>
        <source>How the categories were reached</source>
        <translation>Sut y cyrhaeddwyd y categorïau</translation>
    </message>
    <message>
        <source>Make the combined category the managing risk level</source>
        <translation>Defnyddio&apos;r categori cyfunol fel y lefel risg ar gyfer rheoli</translation>
    </message>
    <message>
        <source>Save RM2000 assessment</source>
        <translation>Cadw asesiad RM2000</translation>
    </message>
    <message>
        <source>Sexual: {0}   ·   Violent: {1}   ·   Combined: {2}</source>
        <translation>Rhywiol: {0}   ·   Treisgar: {1}   ·   Cyfunol: {2}</translation>
    </message>
    <message>
        <source>RM2000 does not apply</source>
        <translation>Nid yw RM2000 yn berthnasol</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Aseswyd</translation>
    </message>
    <message>
        <source>Risk of serious harm</source>
        <translation>Risg o niwed difrifol</translation>
    </message>
    <message>
        <source>Record RoSH…</source>
        <translation>Cofnodi RoSH…</translation>
    </message>
    <message>
        <source>Record a risk of serious harm assessment (OASys, MAPPA or police)</source>
        <translation>Cofnodi asesiad risg o niwed difrifol (OASys, MAPPA neu&apos;r heddlu)</translation>
    </message>
    <message>
        <source>Record RoSH: {0}</source>
        <translation>Cofnodi RoSH: {0}</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Aseswyd ar</translation>
    </message>
    <message>
        <source>Assessed on:</source>
        <translation>Aseswyd ar:</translation>
    </message>
    <message>
        <source>Risk to {0}</source>
        <translation>Risg i {0:~}</translation>
    </message>
    <message>
        <source>Risk to {0}:</source>
        <translation>Risg i {0:~}:</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Pennawd</translation>
    </message>
    <message>
        <source>Shown as:</source>
        <translation>Dangosir fel:</translation>
    </message>
    <message>
        <source>Edit term of the {0} made {1:%d %b %Y}</source>
        <translation>Golygu amod: {0} a wnaed ar {1:%d %b %Y}</translation>
    </message>
    <message>
        <source>Add term to the {0} made {1:%d %b %Y}</source>
        <translation>Ychwanegu amod: {0} a wnaed ar {1:%d %b %Y}</translation>
    </message>
    <message>
        <source>Prohibition or requirement</source>
        <translation>Gwaharddiad neu ofyniad</translation>
    </message>
    <message>
        <source>The term in the order&apos;s words</source>
        <translation>Yr amod yng ngeiriau&apos;r gorchymyn</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Amod:</translation>
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
        <source>not known</source>
        <translation>anhysbys</translation>
    </message>
    <message>
        <source>not notified</source>
        <translation>heb ei hysbysu</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hysbysiad</translation>
    </message>
    <message>
        <source>Reason for short notice</source>
        <translation>Rheswm dros hysbysiad byr</translation>
    </message>
    <message>
        <source>Trips abroad</source>
        <translation>Teithiau tramor</translation>
    </message>
    <message>
        <source>Record trip…</source>
        <translation>Cofnodi taith…</translation>
    </message>
    <message>
        <source>Record a trip abroad the person has notified</source>
        <translation>Cofnodi taith dramor y mae&apos;r unigolyn wedi rhoi hysbysiad amdani</translation>
    </message>
    <message>
        <source>Edit trip…</source>
        <translation>Golygu taith…</translation>
    </message>
    <message>
        <source>Change the selected trip: its return, a reason for short notice…</source>
        <translation>Newid y daith a ddewiswyd: ei dyddiad dychwelyd, rheswm dros hysbysiad byr…</translation>
    </message>
    <message>
        <source>Notice is due at least 7 days before departure; notice inside the 7 days needs a reason, kept with the trip. Time abroad is left out of the initial notification, and an annual or weekly date falling abroad moves to the 3 days beginning with the return.</source>
        <translation>Mae&apos;r hysbysiad yn ddyledus o leiaf 7 diwrnod cyn gadael; mae angen rheswm ar hysbysiad o fewn y 7 diwrnod, a gedwir gyda&apos;r daith. Ni chyfrifir amser dramor at yr hysbysiad cychwynnol, ac mae dyddiad blynyddol neu wythnosol sy&apos;n disgyn tra bo&apos;r unigolyn dramor yn symud i&apos;r 3 diwrnod sy&apos;n dechrau â diwrnod y dychwelyd.</translation>
    </message>
    <message>
        <source>Type the departure date to see whether notice came in time.</source>
        <translation>Teipiwch y dyddiad gadael i weld a ddaeth yr hysbysiad mewn pryd.</translation>
    </message>
    <message>
        <source>Not notified yet: type the date the person notified the trip.</source>
        <translation>Heb ei hysbysu eto: teipiwch y dyddiad y rhoddodd yr unigolyn hysbysiad am y daith.</translation>
    </message>
    <message>
        <source>Notice: in time (7 days or more before departure).</source>
        <translation>Hysbysiad: mewn pryd (7 diwrnod neu fwy cyn gadael).</translation>
    </message>
    <message>
        <source>Notice: late (notified after departure). Record why, if it is known.</source>
        <translation>Hysbysiad: hwyr (wedi&apos;i hysbysu ar ôl gadael). Cofnodwch pam, os yw&apos;n hysbys.</translation>
    </message>
    <message>
        <source>Notice: short notice: reason to record (inside the 7 days before departure).</source>
        <translation>Hysbysiad: hysbysiad byr: rhaid cofnodi rheswm (o fewn y 7 diwrnod cyn gadael).</translation>
    </message>
    <message>
        <source>Notice: short notice: reason recorded.</source>
        <translation>Hysbysiad: hysbysiad byr: rheswm wedi&apos;i gofnodi.</translation>
    </message>
    <message>
        <source>Edit trip abroad: {0}</source>
        <translation>Golygu taith dramor: {0}</translation>
    </message>
    <message>
        <source>Record trip abroad: {0}</source>
        <translation>Cofnodi taith dramor: {0}</translation>
    </message>
    <message>
        <source>Departs on</source>
        <translation>Yn gadael ar</translation>
    </message>
    <message>
        <source>Country, and town if known</source>
        <translation>Gwlad, a thref os yw&apos;n hysbys</translation>
    </message>
    <message>
        <source>Returns on</source>
        <translation>Yn dychwelyd ar</translation>
    </message>
    <message>
        <source>dd/mm/yyyy (blank if not known)</source>
        <translation>dd/mm/bbbb (gwag os nad yw&apos;n hysbys)</translation>
    </message>
    <message>
        <source>Why notice came inside the 7 days before departure</source>
        <translation>Pam y daeth yr hysbysiad o fewn y 7 diwrnod cyn gadael</translation>
    </message>
    <message>
        <source>Departs on:</source>
        <translation>Yn gadael ar:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Cyrchfan:</translation>
    </message>
    <message>
        <source>Returns on:</source>
        <translation>Yn dychwelyd ar:</translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation>Hysbysiad:</translation>
    </message>
    <message>
        <source>Reason for short notice:</source>
        <translation>Rheswm dros hysbysiad byr:</translation>
    </message>
    <message>
        <source>in the last 12 months</source>
        <translation>yn ystod y 12 mis diwethaf</translation>
    </message>
    <message>
        <source>all recorded</source>
        <translation>y cyfan a gofnodwyd</translation>
    </message>
    <message>
        <source>This person&apos;s visits {0} — {1}</source>
        <translation>Ymweliadau&apos;r unigolyn hwn {0} — {1}</translation>
    </message>
    <message>
        <source>This person: {0}.</source>
        <translation>Yr unigolyn hwn: {0}.</translation>
    </message>
    <message>
        <source>{0}&apos;s visits {1} — {2}</source>
        <translation>Ymweliadau {0} {1} — {2}</translation>
    </message>
    <message>
        <source>{0}: {1}.</source>
        <translation>{0}: {1}.</translation>
    </message>
    <message>
        <source>Announced and varied visits</source>
        <translation>Ymweliadau gyda rhybudd ac amrywiaeth</translation>
    </message>
    <message>
        <source>Child with access in household</source>
        <translation>Plentyn â mynediad ar yr aelwyd</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Hanes</translation>
    </message>
    <message>
        <source>Address checked</source>
        <translation>Cyfeiriad wedi&apos;i wirio</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Swyddogion</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenoldeb</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Pryderon</translation>
    </message>
    <message>
        <source>Not recorded (imported)</source>
        <translation>Heb ei gofnodi (wedi&apos;i fewnforio)</translation>
    </message>
    <message>
        <source>Two officers</source>
        <translation>Dau swyddog</translation>
    </message>
    <message>
        <source>LONE visit, authorised by {0}</source>
        <translation>Ymweliad UN SWYDDOG, wedi&apos;i awdurdodi gan {0}</translation>
    </message>
    <message>
        <source>LONE visit, WITHOUT authorisation</source>
        <translation>Ymweliad UN SWYDDOG, HEB awdurdodiad</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Wedi&apos;i gywiro</translation>
    </message>
    <message>
        <source>{0} note(s)</source>
        <translation>{0} nodyn</translation>
    </message>
    <message>
        <source>{0}, {1}: note: {2}</source>
        <translation>{0}, {1}: nodyn: {2}</translation>
    </message>
    <message>
        <source>{0}, {1}: corrected: {2}</source>
        <translation>{0}, {1}: cywirwyd: {2}</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <source>Scored with the tables {0}, {1}</source>
        <translation>Sgoriwyd gyda&apos;r tablau {0}, {1}</translation>
    </message>
    <message>
        <source>Scored with the tables {0}</source>
        <translation>Sgoriwyd gyda&apos;r tablau {0}</translation>
    </message>
    <message>
        <source>S {0} · V {1} · C {2}</source>
        <translation>Rh {0} · T {1} · C {2}</translation>
    </message>
    <message>
        <source>Priority {0}</source>
        <translation>Blaenoriaeth {0}</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Offeryn</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Aseswr</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Sgorio</translation>
    </message>
    <message>
        <source>as now</source>
        <translation>fel nawr</translation>
    </message>
    <message>
        <source>other tables</source>
        <translation>tablau eraill</translation>
    </message>
    <message>
        <source>event</source>
        <translation>digwyddiad</translation>
    </message>
    <message>
        <source>Kind (s.62)</source>
        <translation>Math (s.62)</translation>
    </message>
    <message>
        <source>✓ Synced</source>
        <translation>✓ Wedi&apos;i gysoni</translation>
    </message>
    <message>
        <source>The central store holds everything you see here.</source>
        <translation>Mae&apos;r storfa ganolog yn dal popeth a welwch chi yma.</translation>
    </message>
    <message>
        <source>⟳ Changes waiting to sync</source>
        <translation>⟳ Newidiadau yn aros i&apos;w cysoni</translation>
    </message>
    <message>
        <source>Saved on this computer; sent to the central store when connected.</source>
        <translation>Wedi&apos;i gadw ar y cyfrifiadur hwn; caiff ei anfon i&apos;r storfa ganolog pan fyddwch wedi cysylltu.</translation>
    </message>
    <message>
        <source>⚠ Sync conflict</source>
        <translation>⚠ Gwrthdaro cysoni</translation>
    </message>
    <message>
        <source>A field was changed elsewhere too: resolve it from the status bar.</source>
        <translation>Cafodd maes ei newid mewn man arall hefyd: datryswch hyn o&apos;r bar statws.</translation>
    </message>
    <message>
        <source>⚠ Change refused</source>
        <translation>⚠ Newid wedi&apos;i wrthod</translation>
    </message>
    <message>
        <source>The central store refused a change to this record: see the status bar.</source>
        <translation>Gwrthododd y storfa ganolog newid i&apos;r cofnod hwn: gweler y bar statws.</translation>
    </message>
    <message>
        <source>Offender record</source>
        <translation>Cofnod y troseddwr</translation>
    </message>
    <message>
        <source>Whereabouts</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Sync state of this record</source>
        <translation>Statws cysoni&apos;r cofnod hwn</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Yn ôl</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Yn ôl i&apos;r rhestr (Esc)</translation>
    </message>
    <message>
        <source>Current face photograph</source>
        <translation>Ffotograff wyneb cyfredol</translation>
    </message>
    <message>
        <source>Record sections</source>
        <translation>Adrannau&apos;r cofnod</translation>
    </message>
    <message>
        <source>ViSOR {0} · PNC {1} · born {2:%d %b %Y} (aged {3}) · {4} · officer {5}</source>
        <translation>ViSOR {0} · PNC {1} · ganwyd {2:%d %b %Y} ({3} oed) · {4} · swyddog {5}</translation>
    </message>
    <message>
        <source> · language: {0}</source>
        <translation> · iaith: {0}</translation>
    </message>
    <message>
        <source>{0} on {1:%d %b %Y}: {2}</source>
        <translation>{0} ar {1:%d %b %Y}: {2}</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Cofrestriad</translation>
    </message>
    <message>
        <source>Home visit (announced) at {0:%H:%M}: {1}</source>
        <translation>Ymweliad cartref (wedi&apos;i gyhoeddi) am {0:%H:%M}: {1}</translation>
    </message>
    <message>
        <source>Visit attempted (announced) at {0:%H:%M}: {1}</source>
        <translation>Ymgais i ymweld (wedi&apos;i gyhoeddi) am {0:%H:%M}: {1}</translation>
    </message>
    <message>
        <source>Home visit (unannounced) at {0:%H:%M}: {1}</source>
        <translation>Ymweliad cartref (dirybudd) am {0:%H:%M}: {1}</translation>
    </message>
    <message>
        <source>Visit attempted (unannounced) at {0:%H:%M}: {1}</source>
        <translation>Ymgais i ymweld (dirybudd) am {0:%H:%M}: {1}</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Ymweliadau</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>bore</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>prynhawn</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>gyda&apos;r nos</translation>
    </message>
    <message>
        <source>No visits in the period read (the last 12 months, or the record).</source>
        <translation>Dim ymweliadau yn y cyfnod a ddarllenwyd (y 12 mis diwethaf, neu&apos;r cofnod).</translation>
    </message>
    <message>
        <source>Announced: {0} of {1} ({2:.0%})</source>
        <translation>Wedi&apos;u cyhoeddi: {0} o {1} ({2:.0%})</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>ymweliad</translation>
    </message>
    <message>
        <source>Weekdays: {0}</source>
        <translation>Dyddiau&apos;r wythnos: {0}</translation>
    </message>
    <message>
        <source>Time of day: {0}</source>
        <translation>Adeg o&apos;r dydd: {0}</translation>
    </message>
    <message>
        <source>the last {0} visits</source>
        <translation>y {0} ymweliad diwethaf</translation>
    </message>
    <message>
        <source>the last visit</source>
        <translation>yr ymweliad diwethaf</translation>
    </message>
    <message>
        <source>{0} were all announced: make the next one unannounced</source>
        <translation>roedd {0} i gyd wedi&apos;u cyhoeddi: gwnewch yr un nesaf yn ddirybudd</translation>
    </message>
    <message>
        <source>{0} were all in the morning: vary the time (an evening visit)</source>
        <translation>roedd {0} i gyd yn y bore: amrywiwch yr amser (ymweliad gyda&apos;r nos)</translation>
    </message>
    <message>
        <source>{0} were all in the afternoon: vary the time (an evening visit)</source>
        <translation>roedd {0} i gyd yn y prynhawn: amrywiwch yr amser (ymweliad gyda&apos;r nos)</translation>
    </message>
    <message>
        <source>{0} were all in the evening: vary the time (a daytime visit)</source>
        <translation>roedd {0} i gyd gyda&apos;r nos: amrywiwch yr amser (ymweliad yn ystod y dydd)</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Teithio</translation>
    </message>
    <message>
        <source>trip</source>
        <translation>taith</translation>
    </message>
    <message>
        <source> abroad</source>
        <translation> dramor</translation>
    </message>
    <message>
        <source>Orders and conditions: {0}, {1}</source>
        <translation>Gorchmynion ac amodau: {0}, {1}</translation>
    </message>
    <message>
        <source>must be at most {0} characters</source>
        <translation>rhaid iddo fod yn ddim mwy na {0} nod</translation>
    </message>
    <message>
        <source>must not contain NUL characters</source>
        <translation>rhaid peidio â chynnwys nodau NUL</translation>
    </message>
    <message>
        <source>must be valid Unicode text (no lone surrogates)</source>
        <translation>rhaid iddo fod yn destun Unicode dilys (dim dirprwyon unigol)</translation>
    </message>
    <message>
        <source>must be on one line (it holds a line break, U+{0:04X})</source>
        <translation>rhaid iddo fod ar un llinell (mae toriad llinell ynddo, U+{0:04X})</translation>
    </message>
    <message>
        <source>must not contain invisible control characters (it holds U+{0:04X})</source>
        <translation>rhaid peidio â chynnwys nodau rheoli anweladwy (mae U+{0:04X} ynddo)</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>swyddog</translation>
    </message>
    <message>
        <source>offender record</source>
        <translation>cofnod troseddwr</translation>
    </message>
    <message>
        <source>ViSOR reference</source>
        <translation>Cyfeirnod ViSOR</translation>
    </message>
    <message>
        <source>MAPPA lead agency</source>
        <translation>Asiantaeth arweiniol MAPPA</translation>
    </message>
    <message>
        <source>MAPPA last meeting</source>
        <translation>Cyfarfod MAPPA diwethaf</translation>
    </message>
    <message>
        <source>MAPPA next review</source>
        <translation>Adolygiad MAPPA nesaf</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Iaith ddewisol</translation>
    </message>
    <message>
        <source>ARMS review requested on</source>
        <translation>Gofynnwyd am adolygiad ARMS ar</translation>
    </message>
    <message>
        <source>Last ARMS</source>
        <translation>ARMS diwethaf</translation>
    </message>
    <message>
        <source>Plan: supervision</source>
        <translation>Cynllun: goruchwylio</translation>
    </message>
    <message>
        <source>Plan: monitoring and control</source>
        <translation>Cynllun: monitro a rheoli</translation>
    </message>
    <message>
        <source>Plan: interventions and treatment</source>
        <translation>Cynllun: ymyriadau a thriniaeth</translation>
    </message>
    <message>
        <source>Plan: victim safety</source>
        <translation>Cynllun: diogelwch dioddefwyr</translation>
    </message>
    <message>
        <source>MAPPA actions</source>
        <translation>Camau gweithredu MAPPA</translation>
    </message>
    <message>
        <source>sentencing occasion</source>
        <translation>achlysur dedfrydu</translation>
    </message>
    <message>
        <source>foreign trip</source>
        <translation>taith dramor</translation>
    </message>
    <message>
        <source>civil order</source>
        <translation>gorchymyn sifil</translation>
    </message>
    <message>
        <source>Ends on (last day)</source>
        <translation>Yn dod i ben ar (y diwrnod olaf)</translation>
    </message>
    <message>
        <source>order term</source>
        <translation>amod y gorchymyn</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>trwydded</translation>
    </message>
    <message>
        <source>Licence ends (last day; blank: for life)</source>
        <translation>Y drwydded yn dod i ben (y diwrnod olaf; gwag: am oes)</translation>
    </message>
    <message>
        <source>Visited at</source>
        <translation>Amser yr ymweliad</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Awdurdodwyd gan</translation>
    </message>
    <message>
        <source>ARMS assessment</source>
        <translation>asesiad ARMS</translation>
    </message>
    <message>
        <source>correction or note on a visit</source>
        <translation>cywiriad neu nodyn ar ymweliad</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Gwnaed yn</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Gwnaed gan</translation>
    </message>
    <message>
        <source>Reason or note</source>
        <translation>Rheswm neu nodyn</translation>
    </message>
    <message>
        <source>whereabouts record</source>
        <translation>cofnod lleoliad</translation>
    </message>
    <message>
        <source>RoSH assessment</source>
        <translation>asesiad RoSH</translation>
    </message>
    <message>
        <source>RoSH to children</source>
        <translation>RoSH i blant</translation>
    </message>
    <message>
        <source>RoSH to a known adult</source>
        <translation>RoSH i oedolyn hysbys</translation>
    </message>
    <message>
        <source>RoSH to the public</source>
        <translation>RoSH i&apos;r cyhoedd</translation>
    </message>
    <message>
        <source>RoSH to staff</source>
        <translation>RoSH i staff</translation>
    </message>
    <message>
        <source>RoSH to self</source>
        <translation>RoSH i&apos;r unigolyn ei hun</translation>
    </message>
    <message>
        <source>notified detail</source>
        <translation>manylyn a hysbyswyd</translation>
    </message>
    <message>
        <source>MAPPA meeting</source>
        <translation>cyfarfod MAPPA</translation>
    </message>
    <message>
        <source>Panel area</source>
        <translation>Ardal y panel</translation>
    </message>
    <message>
        <source>name the panel&apos;s area</source>
        <translation>enwch ardal y panel</translation>
    </message>
    <message>
        <source>Panel level</source>
        <translation>Lefel y panel</translation>
    </message>
    <message>
        <source>a MAPPA panel meets for level 2 or 3 cases</source>
        <translation>mae panel MAPPA yn cyfarfod ar gyfer achosion lefel 2 neu 3</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Wedi&apos;u gwahodd</translation>
    </message>
    <message>
        <source>one agency or person a line, each at most 200 characters</source>
        <translation>un asiantaeth neu unigolyn ar bob llinell, pob un yn ddim mwy na 200 nod</translation>
    </message>
    <message>
        <source>each agency or person once</source>
        <translation>pob asiantaeth neu unigolyn unwaith yn unig</translation>
    </message>
    <message>
        <source>each case once on the agenda</source>
        <translation>pob achos unwaith yn unig ar yr agenda</translation>
    </message>
    <message>
        <source>no case {0} that you hold</source>
        <translation>nid oes gennych achos {0}</translation>
    </message>
    <message>
        <source>{0} is a level {1} case: this panel hears level {2}</source>
        <translation>mae {0} yn achos lefel {1}: mae&apos;r panel hwn yn ystyried lefel {2}</translation>
    </message>
    <message>
        <source>{0} is a case of {1}, not of {2}</source>
        <translation>mae {0} yn un o achosion {1}, nid {2}</translation>
    </message>
    <message>
        <source>no area</source>
        <translation>dim ardal</translation>
    </message>
    <message>
        <source>decisions recorded</source>
        <translation>penderfyniadau wedi&apos;u cofnodi</translation>
    </message>
    <message>
        <source>audit recorded</source>
        <translation>archwiliad wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>the meeting was held on {0:%d/%m/%Y} ({1}): its date cannot change</source>
        <translation>cynhaliwyd y cyfarfod ar {0:%d/%m/%Y} ({1}): ni ellir newid ei ddyddiad</translation>
    </message>
    <message>
        <source>the meeting was {0}&apos;s panel ({1}): its panel cannot change</source>
        <translation>roedd y cyfarfod yn banel {0} ({1}): ni ellir newid ei banel</translation>
    </message>
    <message>
        <source>the meeting was the level {0} panel ({1}): its panel cannot change</source>
        <translation>roedd y cyfarfod yn banel lefel {0} ({1}): ni ellir newid ei banel</translation>
    </message>
    <message>
        <source>{0} was heard at this meeting ({1})</source>
        <translation>ystyriwyd {0} yn y cyfarfod hwn ({1})</translation>
    </message>
    <message>
        <source>{0}; a case heard stays on the agenda</source>
        <translation>{0}; mae achos a ystyriwyd yn aros ar yr agenda</translation>
    </message>
    <message>
        <source>level 1, 2 or 3</source>
        <translation>lefel 1, 2 neu 3</translation>
    </message>
    <message>
        <source>give the panel&apos;s reasons for changing the level from {0} to {1}</source>
        <translation>rhowch resymau&apos;r panel dros newid y lefel o {0} i {1}</translation>
    </message>
    <message>
        <source>give the panel&apos;s reasons for its decision (level {0}), as for every decision</source>
        <translation>rhowch resymau&apos;r panel dros ei benderfyniad (lefel {0}), fel ar gyfer pob penderfyniad</translation>
    </message>
    <message>
        <source>must be after the meeting</source>
        <translation>rhaid iddo fod ar ôl y cyfarfod</translation>
    </message>
    <message>
        <source>a level 1 case has no panel review</source>
        <translation>nid oes adolygiad panel ar gyfer achos lefel 1</translation>
    </message>
    <message>
        <source>set when the panel reviews the case next</source>
        <translation>nodwch pryd y bydd y panel yn adolygu&apos;r achos nesaf</translation>
    </message>
    <message>
        <source>say what is to be done</source>
        <translation>dywedwch beth sydd i&apos;w wneud</translation>
    </message>
    <message>
        <source>name the agency that owns the action</source>
        <translation>enwch yr asiantaeth sy&apos;n berchen ar y cam gweithredu</translation>
    </message>
    <message>
        <source>name the person in that agency</source>
        <translation>enwch yr unigolyn yn yr asiantaeth honno</translation>
    </message>
    <message>
        <source>give the date the action was done</source>
        <translation>rhowch y dyddiad y cwblhawyd y cam gweithredu</translation>
    </message>
    <message>
        <source>only a done action has a done date</source>
        <translation>dim ond cam gweithredu a gwblhawyd sydd â dyddiad cwblhau</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Yn dechrau am</translation>
    </message>
    <message>
        <source>Audit recorded on</source>
        <translation>Cofnodwyd yr archwiliad ar</translation>
    </message>
    <message>
        <source>the meeting of {0} has not been held yet</source>
        <translation>nid yw cyfarfod {0} wedi&apos;i gynnal eto</translation>
    </message>
    <message>
        <source>on or after the meeting ({0})</source>
        <translation>ar ddyddiad y cyfarfod neu ar ei ôl ({0})</translation>
    </message>
    <message>
        <source>not in the future</source>
        <translation>nid yn y dyfodol</translation>
    </message>
    <message>
        <source>write the chair&apos;s summary of the meeting</source>
        <translation>ysgrifennwch grynodeb y cadeirydd o&apos;r cyfarfod</translation>
    </message>
    <message>
        <source>{0} was not invited</source>
        <translation>ni wahoddwyd {0}</translation>
    </message>
    <message>
        <source>{0} attended</source>
        <translation>roedd {0} yn bresennol</translation>
    </message>
    <message>
        <source>each agency once</source>
        <translation>pob asiantaeth unwaith yn unig</translation>
    </message>
    <message>
        <source>No MAPPA meeting held since {0}.</source>
        <translation>Dim cyfarfod MAPPA wedi&apos;i gynnal ers {0}.</translation>
    </message>
    <message>
        <source>{0:,} of {1} held since {2} audited</source>
        <translation>Archwiliwyd {0:,} o&apos;r {1} a gynhaliwyd ers {2}</translation>
    </message>
    <message>
        <source>: the confidentiality statement read at {0:,}, quorate {1:,}, victim issues considered at {2:,}, diversity at {3:,}; an agency absent without apology at {4:,}; every standard met at {5:,}</source>
        <translation>: darllenwyd y datganiad cyfrinachedd mewn {0:,}, cworwm mewn {1:,}, ystyriwyd materion dioddefwyr mewn {2:,}, amrywiaeth mewn {3:,}; asiantaeth yn absennol heb ymddiheuriad mewn {4:,}; bodlonwyd pob safon mewn {5:,}</translation>
    </message>
    <message>
        <source>. {0} not audited, the oldest of {1}</source>
        <translation>. {0} heb eu harchwilio, yr hynaf ar {1}</translation>
    </message>
    <message>
        <source>. Not audited: {0}</source>
        <translation>. Heb eu harchwilio: {0}</translation>
    </message>
    <message>
        <source>Quorate</source>
        <translation>Cworwm yn bresennol</translation>
    </message>
    <message>
        <source>Absent without apology</source>
        <translation>Absennol heb ymddiheuriad</translation>
    </message>
    <message>
        <source>Confidentiality statement read</source>
        <translation>Darllenwyd y datganiad cyfrinachedd</translation>
    </message>
    <message>
        <source>panel decision</source>
        <translation>penderfyniad y panel</translation>
    </message>
    <message>
        <source>Plan changes: supervision</source>
        <translation>Newidiadau i&apos;r cynllun: goruchwylio</translation>
    </message>
    <message>
        <source>Plan changes: monitoring and control</source>
        <translation>Newidiadau i&apos;r cynllun: monitro a rheoli</translation>
    </message>
    <message>
        <source>Plan changes: interventions and treatment</source>
        <translation>Newidiadau i&apos;r cynllun: ymyriadau a thriniaeth</translation>
    </message>
    <message>
        <source>Plan changes: victim safety</source>
        <translation>Newidiadau i&apos;r cynllun: diogelwch dioddefwyr</translation>
    </message>
    <message>
        <source>panel action</source>
        <translation>cam gweithredu&apos;r panel</translation>
    </message>
    <message>
        <source>device</source>
        <translation>dyfais</translation>
    </message>
    <message>
        <source>device check</source>
        <translation>gwiriad dyfais</translation>
    </message>
    <message>
        <source>pre-visit check</source>
        <translation>gwiriad cyn ymweliad</translation>
    </message>
    <message>
        <source>warrant decision</source>
        <translation>penderfyniad gwarant</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Lled</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Uchder</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Enw&apos;r ffeil</translation>
    </message>
    <message>
        <source>Came from record</source>
        <translation>Daeth o gofnod</translation>
    </message>
    <message>
        <source>point set by hand</source>
        <translation>pwynt a osodwyd â llaw</translation>
    </message>
    <message>
        <source>Set for postcode</source>
        <translation>Wedi&apos;i osod ar gyfer cod post</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Gosodwyd gan</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Gorchmynion</translation>
    </message>
    <message>
        <source>Notified personal details: {0}</source>
        <translation>Manylion personol a hysbyswyd: {0}</translation>
    </message>
    <message>
        <source>detail</source>
        <translation>manylyn</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Identity and names: {0}, {1}</source>
        <translation>Hunaniaeth ac enwau: {0}, {1}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>enw</translation>
    </message>
    <message>
        <source>name-change notice</source>
        <translation>hysbysiad newid enw</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Hunaniaeth</translation>
    </message>
    <message>
        <source>Household and contacts: {0}</source>
        <translation>Aelwyd a chysylltiadau: {0}</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>cysylltiad</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Aelwyd</translation>
    </message>
    <message>
        <source>Devices: {0} in use, {1} in all; device checks; pre-visit checks</source>
        <translation>Dyfeisiau: {0} mewn defnydd, {1} i gyd; gwiriadau dyfeisiau; gwiriadau cyn ymweliad</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Ffotograffau</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Trywydd archwilio</translation>
    </message>
    <message>
        <source>Photographs and documents: {0}, {1}</source>
        <translation>Ffotograffau a dogfennau: {0}, {1}</translation>
    </message>
    <message>
        <source>Face photograph taken {0:%d %b %Y}</source>
        <translation>Ffotograff wyneb a dynnwyd ar {0:%d %b %Y}</translation>
    </message>
    <message>
        <source>No photograph</source>
        <translation>Dim ffotograff</translation>
    </message>
    <message>
        <source>No face photograph on this record yet: add one on the Photos tab</source>
        <translation>Dim ffotograff wyneb ar y cofnod hwn eto: ychwanegwch un ar y tab Ffotograffau</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Lefel risg</translation>
    </message>
    <message>
        <source> (not assessed: policy level)</source>
        <translation> (heb ei asesu: lefel y polisi)</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Ymweliad nesaf</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Erioed</translation>
    </message>
    <message>
        <source>Planned visit</source>
        <translation>Ymweliad arfaethedig</translation>
    </message>
    <message>
        <source>ARMS</source>
        <translation>ARMS</translation>
    </message>
    <message>
        <source>OASys (probation) due</source>
        <translation>OASys (prawf) yn ddyledus</translation>
    </message>
    <message>
        <source>{0:%d %b %Y} — 15 days after release</source>
        <translation>{0:%d %b %Y} — 15 diwrnod ar ôl rhyddhau</translation>
    </message>
    <message>
        <source>Latest ARMS</source>
        <translation>ARMS diweddaraf</translation>
    </message>
    <message>
        <source>Latest RM2000</source>
        <translation>RM2000 diweddaraf</translation>
    </message>
    <message>
        <source>Category {0}, level {1}, lead {2}</source>
        <translation>Categori {0}, lefel {1}, asiantaeth arweiniol {2}</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Yn hysbys</translation>
    </message>
    <message>
        <source>{0}, latest found {1:%d %b %Y}</source>
        <translation>{0}, canfuwyd y diweddaraf ar {1:%d %b %Y}</translation>
    </message>
    <message>
        <source>#{0}: tier {1}, {2}; within it, {3}</source>
        <translation>#{0}: haen {1}, {2}; o fewn yr haen, {3}</translation>
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
        <source>from the notice</source>
        <translation>o&apos;r hysbysiad</translation>
    </message>
    <message>
        <source>of the change</source>
        <translation>o&apos;r newid</translation>
    </message>
    <message>
        <source>from the previous step</source>
        <translation>o&apos;r cam blaenorol</translation>
    </message>
    <message>
        <source>{0} late: due by {1}</source>
        <translation>{0} yn hwyr: yn ddyledus erbyn {1}</translation>
    </message>
    <message>
        <source>cannot be before the change of name on {0}</source>
        <translation>ni all fod cyn y newid enw ar {0}</translation>
    </message>
    <message>
        <source>cannot be before {0} on {1}</source>
        <translation>ni all fod cyn {0} ar {1}</translation>
    </message>
    <message>
        <source>{0} overdue</source>
        <translation>{0} yn hwyr</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heddiw</translation>
    </message>
    <message>
        <source>in {0}</source>
        <translation>mewn {0}</translation>
    </message>
    <message>
        <source>Complete{0}</source>
        <translation>Wedi&apos;i gwblhau{0}</translation>
    </message>
    <message>
        <source>Complete: {0}{1}</source>
        <translation>Wedi&apos;i gwblhau: {0}{1}</translation>
    </message>
    <message>
        <source>{0} after the change (no change date given)</source>
        <translation>{0} ar ôl y newid (dim dyddiad newid wedi&apos;i roi)</translation>
    </message>
    <message>
        <source>{0} due {1}{2}</source>
        <translation>{0}: yn ddyledus {1}{2}</translation>
    </message>
    <message>
        <source>{0} due {1} ({2}){3}</source>
        <translation>{0}: yn ddyledus {1} ({2}){3}</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>yn ddyledus heddiw</translation>
    </message>
    <message>
        <source>due in {0}</source>
        <translation>yn ddyledus ymhen {0}</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>{0} ar ôl</translation>
    </message>
    <message>
        <source>a recent breach or restricting order in force first</source>
        <translation>achos diweddar o dorri neu orchymyn cyfyngu mewn grym yn gyntaf</translation>
    </message>
    <message>
        <source>failure to notify</source>
        <translation>methu â hysbysu</translation>
    </message>
    <message>
        <source>order breach</source>
        <translation>torri&apos;r gorchymyn</translation>
    </message>
    <message>
        <source>licence breach</source>
        <translation>torri&apos;r drwydded</translation>
    </message>
    <message>
        <source>breach</source>
        <translation>achos o dorri</translation>
    </message>
    <message>
        <source>{0} found {1}</source>
        <translation>{0} wedi&apos;i ganfod {1}</translation>
    </message>
    <message>
        <source>{0} in force (made {1})</source>
        <translation>{0} mewn grym (a wnaed {1})</translation>
    </message>
    <message>
        <source>releases and new registrations (ARMS deadline, national guidance)</source>
        <translation>rhyddhau a chofrestriadau newydd (terfyn amser ARMS, canllawiau cenedlaethol)</translation>
    </message>
    <message>
        <source>earliest deadline first, then higher risk, then {0}</source>
        <translation>y terfyn amser cynharaf yn gyntaf, yna risg uwch, yna {0}</translation>
    </message>
    <message>
        <source>very high and high risk</source>
        <translation>risg uchel iawn ac uchel</translation>
    </message>
    <message>
        <source>earliest due date first, then higher risk, then {0}</source>
        <translation>y dyddiad dyledus cynharaf yn gyntaf, yna risg uwch, yna {0}</translation>
    </message>
    <message>
        <source>medium risk</source>
        <translation>risg ganolig</translation>
    </message>
    <message>
        <source>earliest due date first, then {0}</source>
        <translation>y dyddiad dyledus cynharaf yn gyntaf, yna {0}</translation>
    </message>
    <message>
        <source>low risk</source>
        <translation>risg isel</translation>
    </message>
    <message>
        <source>{0} risk</source>
        <translation>risg {0}</translation>
    </message>
    <message>
        <source>{0} risk (not yet assessed)</source>
        <translation>risg {0} (heb ei asesu eto)</translation>
    </message>
    <message>
        <source>ARMS initial</source>
        <translation>ARMS cychwynnol</translation>
    </message>
    <message>
        <source>ARMS after change</source>
        <translation>ARMS ar ôl newid</translation>
    </message>
    <message>
        <source>ARMS review</source>
        <translation>Adolygiad ARMS</translation>
    </message>
    <message>
        <source>{0}; due {1}, {2}; {3}</source>
        <translation>{0}; yn ddyledus {1}, {2}; {3}</translation>
    </message>
    <message>
        <source>; OASys (probation) due {0}</source>
        <translation>; OASys (prawf) yn ddyledus {0}</translation>
    </message>
    <message>
        <source>missing or wanted last</source>
        <translation>ar goll neu&apos;n eisiau yn olaf</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>yn hwyr</translation>
    </message>
    <message>
        <source>higher risk first, then {0}, then most days overdue; {1}</source>
        <translation>risg uwch yn gyntaf, yna {0}, yna&apos;r mwyaf o ddiwrnodau yn hwyr; {1}</translation>
    </message>
    <message>
        <source>due within {0}</source>
        <translation>yn ddyledus o fewn {0}</translation>
    </message>
    <message>
        <source>earliest due date first, then higher risk, then {0}; {1}</source>
        <translation>y dyddiad dyledus cynharaf yn gyntaf, yna risg uwch, yna {0}; {1}</translation>
    </message>
    <message>
        <source>{0}; {1}; due {2}, {3}</source>
        <translation>{0}; {1}; yn ddyledus {2}, {3}</translation>
    </message>
    <message>
        <source>missing ({0}): no routine visit while whereabouts are unknown; {1}</source>
        <translation>ar goll ({0}): dim ymweliad arferol tra bo&apos;r lleoliad yn anhysbys; {1}</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Ymweliad cartref</translation>
    </message>
    <message>
        <source>Initial notification</source>
        <translation>Hysbysiad cychwynnol</translation>
    </message>
    <message>
        <source>Weekly notification</source>
        <translation>Hysbysiad wythnosol</translation>
    </message>
    <message>
        <source>Annual notification</source>
        <translation>Hysbysiad blynyddol</translation>
    </message>
    <message>
        <source>Indefinite review</source>
        <translation>Adolygiad amhenodol</translation>
    </message>
    <message>
        <source>Requirement ends</source>
        <translation>Gofyniad yn dod i ben</translation>
    </message>
    <message>
        <source>Order review</source>
        <translation>Adolygiad o&apos;r gorchymyn</translation>
    </message>
    <message>
        <source>Order ends</source>
        <translation>Gorchymyn yn dod i ben</translation>
    </message>
    <message>
        <source>Name-change notice</source>
        <translation>Hysbysiad newid enw</translation>
    </message>
    <message>
        <source>Panel action</source>
        <translation>Cam gweithredu&apos;r panel</translation>
    </message>
    <message>
        <source>most days overdue first</source>
        <translation>y mwyaf o ddiwrnodau yn hwyr yn gyntaf</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>yn ddyledus cyn bo hir</translation>
    </message>
    <message>
        <source>earliest date first</source>
        <translation>y dyddiad cynharaf yn gyntaf</translation>
    </message>
    <message>
        <source>initial notification due by {0} (3 days from the relevant date or release)</source>
        <translation>hysbysiad cychwynnol yn ddyledus erbyn {0} (3 diwrnod o&apos;r dyddiad perthnasol neu ryddhau)</translation>
    </message>
    <message>
        <source>no fixed abode: weekly</source>
        <translation>dim cyfeiriad sefydlog: wythnosol</translation>
    </message>
    <message>
        <source>yearly</source>
        <translation>blynyddol</translation>
    </message>
    <message>
        <source>{0}; last notified {1}, next by {2} (moved to 3 days from release or return)</source>
        <translation>{0}; hysbyswyd ddiwethaf {1}, nesaf erbyn {2} (symudwyd i 3 diwrnod o ryddhau neu ddychwelyd)</translation>
    </message>
    <message>
        <source>{0}; last notified {1}, next by {2}</source>
        <translation>{0}; hysbyswyd ddiwethaf {1}, nesaf erbyn {2}</translation>
    </message>
    <message>
        <source>departs {0} for {1}; {2}</source>
        <translation>yn gadael {0} am {1}; {2}</translation>
    </message>
    <message>
        <source>indefinite requirement: may be reviewed from {0}</source>
        <translation>gofyniad amhenodol: gellir ei adolygu o {0}</translation>
    </message>
    <message>
        <source>{0} period ({1}): last day of the notification period {2}</source>
        <translation>cyfnod {0} ({1}): diwrnod olaf y cyfnod hysbysu {2}</translation>
    </message>
    <message>
        <source>MAPPA action for {0}: {1}; due {2}</source>
        <translation>Cam gweithredu MAPPA i {0}: {1}; yn ddyledus {2}</translation>
    </message>
    <message>
        <source>{0} made {1} ({2})</source>
        <translation>{0} a wnaed {1} ({2})</translation>
    </message>
    <message>
        <source>{0}: review due {1}</source>
        <translation>{0}: adolygiad yn ddyledus {1}</translation>
    </message>
    <message>
        <source>{0}: last day in force {1}</source>
        <translation>{0}: diwrnod olaf mewn grym {1}</translation>
    </message>
    <message>
        <source>{0} due {1} ({2} {3})</source>
        <translation>{0} yn ddyledus {1} ({2} {3})</translation>
    </message>
    <message>
        <source>to {0}: {1}</source>
        <translation>i {0}: {1}</translation>
    </message>
    <message>
        <source>review overdue</source>
        <translation>adolygiad yn hwyr</translation>
    </message>
    <message>
        <source>the most overdue first</source>
        <translation>y mwyaf hwyr yn gyntaf</translation>
    </message>
    <message>
        <source>whereabouts unknown, missing or wanted, review not yet due</source>
        <translation>lleoliad yn anhysbys, ar goll neu&apos;n eisiau, adolygiad ddim yn ddyledus eto</translation>
    </message>
    <message>
        <source>longest open first (earliest circulated)</source>
        <translation>ar agor hiraf yn gyntaf (cylchredwyd gyntaf)</translation>
    </message>
    <message>
        <source>(ref. {0})</source>
        <translation>(cyf. {0})</translation>
    </message>
    <message>
        <source>{0}{1}; reviewed every {2}: {3}</source>
        <translation>{0}{1}; adolygir bob {2}: {3}</translation>
    </message>
    <message>
        <source>warrant decision due (s.96B)</source>
        <translation>penderfyniad gwarant yn ddyledus (s.96B)</translation>
    </message>
    <message>
        <source>longest waiting first, then higher risk</source>
        <translation>yn aros hiraf yn gyntaf, yna risg uwch</translation>
    </message>
    <message>
        <source>{0} risk; {1}</source>
        <translation>risg {0}; {1}</translation>
    </message>
    <message>
        <source>Warrant decision</source>
        <translation>Penderfyniad gwarant</translation>
    </message>
    <message>
        <source>not seen for longer than their interval plus {0}</source>
        <translation>heb ei weld am fwy na&apos;i gyfwng ynghyd â {0}</translation>
    </message>
    <message>
        <source>the longest unseen first, then higher risk</source>
        <translation>yr hiraf heb ei weld yn gyntaf, yna risg uwch</translation>
    </message>
    <message>
        <source>never seen (counted from {0})</source>
        <translation>heb ei weld erioed (wedi&apos;i gyfrif o {0})</translation>
    </message>
    <message>
        <source>last seen {0}</source>
        <translation>gwelwyd ddiwethaf {0}</translation>
    </message>
    <message>
        <source>unsuccessful attempts</source>
        <translation>ymdrech aflwyddiannus</translation>
    </message>
    <message>
        <source>{0}, {1} ago; {2}; beyond it plus {3} since {4}; {5} since</source>
        <translation>{0}, {1} yn ôl; {2}; y tu hwnt i hynny ynghyd â {3} ers {4}; {5} ers hynny</translation>
    </message>
    <message>
        <source>(latest {0}, {1})</source>
        <translation>(yr olaf {0}, {1})</translation>
    </message>
    <message>
        <source>Not seen</source>
        <translation>Heb ei weld</translation>
    </message>
    <message>
        <source>breaches</source>
        <translation>achosion o dorri</translation>
    </message>
    <message>
        <source>Index offence</source>
        <translation>Trosedd fynegai</translation>
    </message>
    <message>
        <source>Foreign travel</source>
        <translation>Teithio tramor</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>cofrestriad</translation>
    </message>
    <message>
        <source>preferred language</source>
        <translation>iaith ddewisol</translation>
    </message>
    <message>
        <source> at {0:%H:%M}</source>
        <translation> am {0:%H:%M}</translation>
    </message>
    <message>
        <source>due {0:%d %b %Y} — {1}</source>
        <translation>yn ddyledus {0:%d %b %Y} — {1}</translation>
    </message>
    <message>
        <source>{0:%d %b %Y}, priority {1}</source>
        <translation>{0:%d %b %Y}, blaenoriaeth {1}</translation>
    </message>
    <message>
        <source>{0:%d %b %Y}: combined {1} ({2})</source>
        <translation>{0:%d %b %Y}: cyfunol {1} ({2})</translation>
    </message>
    <message>
        <source>{0} ({1}, {2:%d %b %Y})</source>
        <translation>{0} ({1}, {2:%d %b %Y})</translation>
    </message>
    <message>
        <source>{0:%d %b %Y} {1}: {2}</source>
        <translation>{0:%d %b %Y} {1}: {2}</translation>
    </message>
    <message>
        <source>Civil order</source>
        <translation>Gorchymyn sifil</translation>
    </message>
    <message>
        <source>{0}, made {1:%d %b %Y}, {2}</source>
        <translation>{0}, a wnaed {1:%d %b %Y}, {2}</translation>
    </message>
    <message>
        <source>On licence</source>
        <translation>Ar drwydded</translation>
    </message>
    <message>
        <source>to {0:%d %b %Y}</source>
        <translation>hyd {0:%d %b %Y}</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Hysbysiad</translation>
    </message>
    <message>
        <source>Risk history</source>
        <translation>Hanes risg</translation>
    </message>
    <message>
        <source>Record ARMS…</source>
        <translation>Cofnodi ARMS…</translation>
    </message>
    <message>
        <source>Risk Matrix 2000 calculator</source>
        <translation>Cyfrifiannell Risk Matrix 2000</translation>
    </message>
    <message>
        <source>The force&apos;s scoring tables: {0}</source>
        <translation>Tablau sgorio&apos;r heddlu: {0}</translation>
    </message>
    <message>
        <source>Risk history (RM2000 and ARMS)</source>
        <translation>Hanes risg (RM2000 ac ARMS)</translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation>Cofnodi ymweliad…</translation>
    </message>
    <message>
        <source>Plan visit…</source>
        <translation>Cynllunio ymweliad…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Cywiro…</translation>
    </message>
    <message>
        <source>Correct the selected visit: the visit as first recorded is kept</source>
        <translation>Cywiro&apos;r ymweliad a ddewiswyd: cedwir yr ymweliad fel y&apos;i cofnodwyd gyntaf</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Ychwanegu nodyn…</translation>
    </message>
    <message>
        <source>Add a dated, signed note to the selected visit</source>
        <translation>Ychwanegu nodyn wedi&apos;i ddyddio a&apos;i lofnodi at yr ymweliad a ddewiswyd</translation>
    </message>
    <message>
        <source>Corrections and notes of the selected visit</source>
        <translation>Cywiriadau a nodiadau&apos;r ymweliad a ddewiswyd</translation>
    </message>
    <message>
        <source>Next visit due: {0} — {1}</source>
        <translation>Ymweliad nesaf yn ddyledus: {0} — {1}</translation>
    </message>
    <message>
        <source>Policy default</source>
        <translation>Rhagosodiad y polisi</translation>
    </message>
    <message>
        <source>Visit interval</source>
        <translation>Cyfnod rhwng ymweliadau</translation>
    </message>
    <message>
        <source>Reactive management (no routine visits)</source>
        <translation>Rheoli adweithiol (dim ymweliadau rheolaidd)</translation>
    </message>
    <message>
        <source>Save visit plan</source>
        <translation>Cadw&apos;r cynllun ymweliadau</translation>
    </message>
    <message>
        <source>visit plan</source>
        <translation>cynllun ymweld</translation>
    </message>
    <message>
        <source>Visit every:</source>
        <translation>Ymweld bob:</translation>
    </message>
    <message>
        <source>Rationale:</source>
        <translation>Rhesymeg:</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>Cynllun ymweld</translation>
    </message>
    <message>
        <source>officers not recorded</source>
        <translation>swyddogion heb eu cofnodi</translation>
    </message>
    <message>
        <source>Failed entry (s.96B): no unsuccessful attempt since the person was last seen.</source>
        <translation>Mynediad aflwyddiannus (s.96B): dim ymdrech aflwyddiannus ers i&apos;r unigolyn gael ei weld ddiwethaf.</translation>
    </message>
    <message>
        <source>Warrant decision due (s.96B): {0}.</source>
        <translation>Penderfyniad gwarant yn ddyledus (s.96B): {0}.</translation>
    </message>
    <message>
        <source>Failed entry: {0}.</source>
        <translation>Mynediad aflwyddiannus: {0}.</translation>
    </message>
    <message>
        <source>Failed entry: {0}; a warrant decision is due at two.</source>
        <translation>Mynediad aflwyddiannus: {0}; mae penderfyniad gwarant yn ddyledus ar ôl dwy ymdrech.</translation>
    </message>
    <message>
        <source>Failed entry: {0} since last seen, each covered by a decision.</source>
        <translation>Mynediad aflwyddiannus: {0} ers i&apos;r unigolyn gael ei weld ddiwethaf, a phenderfyniad ar bob un.</translation>
    </message>
    <message>
        <source>unsuccessful attempt</source>
        <translation>ymdrech aflwyddiannus</translation>
    </message>
    <message>
        <source>Failed entry and s.96B</source>
        <translation>Mynediad aflwyddiannus a s.96B</translation>
    </message>
    <message>
        <source>Warrant decision: {0}</source>
        <translation>Penderfyniad gwarant: {0}</translation>
    </message>
    <message>
        <source>Warrant decisions</source>
        <translation>Penderfyniadau gwarant</translation>
    </message>
    <message>
        <source>Record warrant decision…</source>
        <translation>Cofnodi penderfyniad gwarant…</translation>
    </message>
    <message>
        <source>Decide whether to apply for a s.96B warrant after failed entry</source>
        <translation>Penderfynu a ddylid gwneud cais am warant s.96B ar ôl mynediad aflwyddiannus</translation>
    </message>
    <message>
        <source>Print warrant pack…</source>
        <translation>Argraffu pecyn gwarant…</translation>
    </message>
    <message>
        <source>The s.96B warrant application pack: the attempts, the address, the risk summary (logged)</source>
        <translation>Pecyn cais am warant s.96B: yr ymdrechion, y cyfeiriad, y crynodeb risg (cofnodir hyn)</translation>
    </message>
    <message>
        <source>Warrant decision (s.96B): {0}</source>
        <translation>Penderfyniad gwarant (s.96B): {0}</translation>
    </message>
    <message>
        <source>Entry sought and refused, or no reply, on at least two occasions: a senior officer may apply to a magistrate for a warrant to enter and search the home address (SOA 2003 s.96B), not while the person is in custody, in hospital or outside the UK.</source>
        <translation>Gofynnwyd am fynediad a chafodd ei wrthod, neu ni chafwyd ateb, ar o leiaf ddau achlysur: caiff uwch swyddog wneud cais i ynad am warant i fynd i mewn i&apos;r cyfeiriad cartref a&apos;i chwilio (Deddf Troseddau Rhywiol 2003 s.96B), ond nid tra bo&apos;r unigolyn yn y ddalfa, yn yr ysbyty neu y tu allan i&apos;r DU.</translation>
    </message>
    <message>
        <source>Attempts covered</source>
        <translation>Ymdrechion a gwmpesir</translation>
    </message>
    <message>
        <source>Apply for a warrant</source>
        <translation>Gwneud cais am warant</translation>
    </message>
    <message>
        <source>Do not apply</source>
        <translation>Peidio â gwneud cais</translation>
    </message>
    <message>
        <source>s.96B(4) bar</source>
        <translation>Rhwystr s.96B(4)</translation>
    </message>
    <message>
        <source>Why apply, or why not (seen elsewhere since, in hospital, moved away…)</source>
        <translation>Pam gwneud cais, neu pam lai (wedi&apos;i weld mewn man arall ers hynny, yn yr ysbyty, wedi symud i ffwrdd…)</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Penderfynwyd gan</translation>
    </message>
    <message>
        <source>The decision is recorded as yours: sign in as whoever decided</source>
        <translation>Cofnodir y penderfyniad fel eich un chi: mewngofnodwch fel pwy bynnag a benderfynodd</translation>
    </message>
    <message>
        <source>Attempts covered:</source>
        <translation>Ymdrechion a gwmpesir:</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Penderfynwyd gan:</translation>
    </message>
    <message>
        <source>Decision: choose apply or do not apply</source>
        <translation>Penderfyniad: dewiswch wneud cais neu beidio â gwneud cais</translation>
    </message>
    <message>
        <source>apply for a warrant</source>
        <translation>gwneud cais am warant</translation>
    </message>
    <message>
        <source>not to apply</source>
        <translation>peidio â gwneud cais</translation>
    </message>
    <message>
        <source>Warrant decision recorded for {0}: {1}, {2}.</source>
        <translation>Penderfyniad gwarant wedi&apos;i gofnodi ar gyfer {0}: {1}, {2}.</translation>
    </message>
    <message>
        <source>last reviewed {0}</source>
        <translation>adolygwyd ddiwethaf {0}</translation>
    </message>
    <message>
        <source>Circulated</source>
        <translation>Cylchredwyd</translation>
    </message>
    <message>
        <source>Found or resolved</source>
        <translation>Canfuwyd neu datryswyd</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ar agor</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Diwrnodau</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygiad</translation>
    </message>
    <message>
        <source>Record missing or wanted…</source>
        <translation>Cofnodi ar goll neu&apos;n eisiau…</translation>
    </message>
    <message>
        <source>Record that the person&apos;s whereabouts are unknown, or that they are missing or wanted</source>
        <translation>Cofnodi nad yw lleoliad yr unigolyn yn hysbys, neu ei fod ar goll neu&apos;n eisiau</translation>
    </message>
    <message>
        <source>Edit… / found</source>
        <translation>Golygu… / canfuwyd</translation>
    </message>
    <message>
        <source>Change the selected record: the date found, the reference, notes…</source>
        <translation>Newid y cofnod a ddewiswyd: y dyddiad y daethpwyd o hyd iddo, y cyfeirnod, nodiadau…</translation>
    </message>
    <message>
        <source>Record review…</source>
        <translation>Cofnodi adolygiad…</translation>
    </message>
    <message>
        <source>Record a review of the selected open record: when, by whom, what it found</source>
        <translation>Cofnodi adolygiad o&apos;r cofnod agored a ddewiswyd: pryd, gan bwy, beth a ganfu</translation>
    </message>
    <message>
        <source>Edit whereabouts: {0}</source>
        <translation>Golygu lleoliad: {0}</translation>
    </message>
    <message>
        <source>Record missing or wanted: {0}</source>
        <translation>Cofnodi ar goll neu&apos;n eisiau: {0}</translation>
    </message>
    <message>
        <source>Circulated on</source>
        <translation>Cylchredwyd ar</translation>
    </message>
    <message>
        <source>e.g. the PNC circulation reference</source>
        <translation>e.e. cyfeirnod cylchrediad y PNC</translation>
    </message>
    <message>
        <source>Circulation reference</source>
        <translation>Cyfeirnod cylchrediad</translation>
    </message>
    <message>
        <source>Found or resolved on</source>
        <translation>Canfuwyd neu datryswyd ar</translation>
    </message>
    <message>
        <source>dd/mm/yyyy (blank while open)</source>
        <translation>dd/mm/bbbb (gwag tra bo ar agor)</translation>
    </message>
    <message>
        <source>Circulated on:</source>
        <translation>Cylchredwyd ar:</translation>
    </message>
    <message>
        <source>Found or resolved on:</source>
        <translation>Canfuwyd neu datryswyd ar:</translation>
    </message>
    <message>
        <source>Record review: {0}</source>
        <translation>Cofnodi adolygiad: {0}</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>Adolygwyd ar</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Adolygwyd gan</translation>
    </message>
    <message>
        <source>Review note</source>
        <translation>Nodyn adolygu</translation>
    </message>
    <message>
        <source>What was checked, what was found, what is next</source>
        <translation>Beth a wiriwyd, beth a ganfuwyd, beth sy&apos;n digwydd nesaf</translation>
    </message>
    <message>
        <source>Reviewed on:</source>
        <translation>Adolygwyd ar:</translation>
    </message>
    <message>
        <source>Reviewed by:</source>
        <translation>Adolygwyd gan:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nodyn:</translation>
    </message>
    <message>
        <source>Choose a day to see its round</source>
        <translation>Dewiswch ddiwrnod i weld ei gylch ymweliadau</translation>
    </message>
    <message>
        <source>Map of the day&apos;s round</source>
        <translation>Map o gylch ymweliadau&apos;r diwrnod</translation>
    </message>
    <message>
        <source>Map of the round: {0}</source>
        <translation>Map o&apos;r cylch ymweliadau: {0}</translation>
    </message>
    <message>
        <source>Map of the round</source>
        <translation>Map o&apos;r cylch ymweliadau</translation>
    </message>
    <message>
        <source>{0}: no visits placed</source>
        <translation>{0}: dim ymweliadau wedi&apos;u gosod</translation>
    </message>
    <message>
        <source>{0}, from {1}</source>
        <translation>{0}, o {1}</translation>
    </message>
    <message>
        <source>, fixed</source>
        <translation>, sefydlog</translation>
    </message>
    <message>
        <source>back to the base</source>
        <translation>yn ôl i&apos;r ganolfan</translation>
    </message>
    <message>
        <source> (fixed to this day)</source>
        <translation> (wedi&apos;i bennu i&apos;r diwrnod hwn)</translation>
    </message>
    <message>
        <source>No visits placed on this day</source>
        <translation>Dim ymweliadau wedi&apos;u gosod ar y diwrnod hwn</translation>
    </message>
    <message>
        <source>Map tiles: the force&apos;s own server</source>
        <translation>Teils map: gweinydd yr heddlu ei hun</translation>
    </message>
    <message>
        <source>{0}: {1:.0f} km {2}</source>
        <translation>{0}: {1:.0f} km {2}</translation>
    </message>
    <message>
        <source>{0} km</source>
        <translation>{0} km</translation>
    </message>
    <message>
        <source>N ↑</source>
        <translation>G ↑</translation>
    </message>
    <message>
        <source>Round booked: {0} with their day and time.</source>
        <translation>Cylch ymweliadau wedi&apos;i drefnu: {0} gyda&apos;u diwrnod a&apos;u hamser.</translation>
    </message>
    <message>
        <source> {0} left as they were.</source>
        <translation> {0} wedi&apos;u gadael fel yr oeddent.</translation>
    </message>
    <message>
        <source>No profile is open.</source>
        <translation>Nid oes proffil ar agor.</translation>
    </message>
    <message>
        <source>Could not plan the rounds: {0}</source>
        <translation>Methu cynllunio&apos;r cylchoedd ymweliadau: {0}</translation>
    </message>
    <message>
        <source>Book this round</source>
        <translation>Trefnu&apos;r cylch hwn</translation>
    </message>
    <message>
        <source>Some visits were left as they were</source>
        <translation>Gadawyd rhai ymweliadau fel yr oeddent</translation>
    </message>
    <message>
        <source>Book {0} for the days and start times of this plan?

Each person&apos;s planned visit is set (one change each, logged and sent with the next sync). A visit booked on another device since this plan was made is left as it is, and named.</source>
        <translation>Trefnu {0} ar gyfer diwrnodau ac amseroedd dechrau&apos;r cynllun hwn?

Caiff ymweliad arfaethedig pob unigolyn ei osod (un newid yr un, wedi&apos;i gofnodi a&apos;i anfon gyda&apos;r cysoni nesaf). Caiff ymweliad a drefnwyd ar ddyfais arall ers gwneud y cynllun hwn ei adael fel y mae, a&apos;i enwi.</translation>
    </message>
    <message>
        <source>somdesk</source>
        <translation>somdesk</translation>
    </message>
    <message>
        <source>Offender management for sex offender managers</source>
        <translation>Rheoli troseddwyr ar gyfer rheolwyr troseddwyr rhyw</translation>
    </message>
    <message>
        <source>Unlock your profile</source>
        <translation>Datgloi eich proffil</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Proffil</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Neges datgloi</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>Proffil newydd…</translation>
    </message>
    <message>
        <source>Open the demo profile</source>
        <translation>Agor y proffil arddangos</translation>
    </message>
    <message>
        <source>A synthetic force: no real person&apos;s data</source>
        <translation>Heddlu ffuglennol: dim data am unrhyw unigolyn go iawn</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Proffil:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Cyfrinymadrodd:</translation>
    </message>
    <message>
        <source>Locked: enter your passphrase to continue</source>
        <translation>Wedi cloi: rhowch eich cyfrinymadrodd i barhau</translation>
    </message>
    <message>
        <source>There is no profile yet: create one, or open the demo profile.</source>
        <translation>Nid oes proffil eto: crëwch un, neu agorwch y proffil arddangos.</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Rhowch y cyfrinymadrodd.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Yn datgloi…</translation>
    </message>
    <message>
        <source>e.g. work</source>
        <translation>e.e. gwaith</translation>
    </message>
    <message>
        <source>as colleagues know you, e.g. DC Sam Okafor</source>
        <translation>fel y mae cydweithwyr yn eich adnabod, e.e. DC Sam Okafor</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Enw&apos;r proffil</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Eich enw</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Ailadrodd y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>No profile yet on this computer: create yours to start.</source>
        <translation>Dim proffil ar y cyfrifiadur hwn eto: crëwch eich un chi i ddechrau.</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Creu proffil</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Enw&apos;r proffil:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Eich enw:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôl:</translation>
    </message>
    <message>
        <source>Create your profile</source>
        <translation>Creu eich proffil</translation>
    </message>
    <message>
        <source>Your profile is an encrypted database on this computer. The passphrase and this device&apos;s keychain both guard it: nobody, including support, can recover a forgotten passphrase.</source>
        <translation>Mae eich proffil yn gronfa ddata wedi&apos;i hamgryptio ar y cyfrifiadur hwn. Mae&apos;r cyfrinymadrodd a chadwyn allweddi&apos;r ddyfais hon ill dau yn ei ddiogelu: ni all neb, gan gynnwys y tîm cymorth, adfer cyfrinymadrodd sydd wedi&apos;i anghofio.</translation>
    </message>
    <message>
        <source>Profile name: letters, digits, - and _ only (up to 40)</source>
        <translation>Enw&apos;r proffil: llythrennau, digidau, - a _ yn unig (hyd at 40)</translation>
    </message>
    <message>
        <source>Profile name: &apos;{0}&apos; already exists on this computer</source>
        <translation>Enw&apos;r proffil: mae &apos;{0}&apos; eisoes yn bodoli ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Your name: 2 to 100 characters</source>
        <translation>Eich enw: 2 i 100 nod</translation>
    </message>
    <message>
        <source>Passphrase: at least {0} characters</source>
        <translation>Cyfrinymadrodd: o leiaf {0} nod</translation>
    </message>
    <message>
        <source>Repeat: the two passphrases differ</source>
        <translation>Ailadrodd: mae&apos;r ddau gyfrinymadrodd yn wahanol</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Wedi mewngofnodi fel</translation>
    </message>
    <message>
        <source>Lock state</source>
        <translation>Cyflwr cloi</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Cyflwr cysoni</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Gweithgarwch</translation>
    </message>
    <message>
        <source>{0} · {1} · profile {2}</source>
        <translation>{0} · {1} · proffil {2}</translation>
    </message>
    <message>
        <source>Unlocked · locks after {0} min idle (Ctrl+L to lock now)</source>
        <translation>Wedi datgloi · yn cloi ar ôl {0} min yn segur (Ctrl+L i gloi nawr)</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Wedi cloi</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wrthi&apos;n gweithio…</translation>
    </message>
    <message>
        <source>Demo profile: never syncs</source>
        <translation>Proffil arddangos: byth yn cysoni</translation>
    </message>
    <message>
        <source>Not syncing: {0}</source>
        <translation>Ddim yn cysoni: {0}</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Cysylltu…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Wrthi&apos;n cysylltu…</translation>
    </message>
    <message>
        <source>Not connected · {0} kept on this computer</source>
        <translation>Heb gysylltu · {0} ar gadw ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>{0} waiting</source>
        <translation>{0} yn aros</translation>
    </message>
    <message>
        <source>all changes sent</source>
        <translation>pob newid wedi&apos;i anfon</translation>
    </message>
    <message>
        <source>{0} to send</source>
        <translation>{0} i&apos;w hanfon</translation>
    </message>
    <message>
        <source>Synced {0} · {1}</source>
        <translation>Wedi cysoni {0} · {1}</translation>
    </message>
    <message>
        <source>Receiving cases, highest risk first: {0} of {1} · {2}</source>
        <translation>Yn derbyn achosion, y risg uchaf yn gyntaf: {0} o {1} · {2}</translation>
    </message>
    <message>
        <source>Syncing… · {0}</source>
        <translation>Wrthi&apos;n cysoni… · {0}</translation>
    </message>
    <message>
        <source>Offline · {0}, kept here; trying again</source>
        <translation>All-lein · {0}, ar gadw yma; yn ceisio eto</translation>
    </message>
    <message>
        <source>Sign-in needed · {0}</source>
        <translation>Angen mewngofnodi · {0}</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Mewngofnodi…</translation>
    </message>
    <message>
        <source>Update needed: {0}</source>
        <translation>Angen diweddariad: {0}</translation>
    </message>
    <message>
        <source>Sync stopped: another copy of this profile synced · nothing more goes from here</source>
        <translation>Cysoni wedi dod i ben: mae copi arall o&apos;r proffil hwn wedi cysoni · ni fydd dim byd arall yn mynd o&apos;r fan hon</translation>
    </message>
    <message>
        <source>Sync problem · {0}; trying again</source>
        <translation>Problem cysoni · {0}; yn ceisio eto</translation>
    </message>
    <message>
        <source>{0} kept here, not on the central store</source>
        <translation>{0} ar gadw yma, nid ar y storfa ganolog</translation>
    </message>
    <message>
        <source>Could not read your account&apos;s teams: {0}</source>
        <translation>Methu darllen timau eich cyfrif: {0}</translation>
    </message>
    <message>
        <source>⚠ {0} to look at…</source>
        <translation>⚠ Angen sylw: {0}…</translation>
    </message>
    <message>
        <source>{0}. This computer&apos;s copy of profile {1} has been wiped. Ask your administrator if this is unexpected.</source>
        <translation>{0}. Mae copi&apos;r cyfrifiadur hwn o broffil {1} wedi&apos;i ddileu. Gofynnwch i&apos;ch gweinyddwr os nad oeddech yn disgwyl hyn.</translation>
    </message>
    <message>
        <source>Edit panel action: {0}</source>
        <translation>Golygu cam gweithredu&apos;r panel: {0}</translation>
    </message>
    <message>
        <source>Add panel action: {0}</source>
        <translation>Ychwanegu cam gweithredu&apos;r panel: {0}</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>Beth sydd i&apos;w wneud</translation>
    </message>
    <message>
        <source>Owner&apos;s agency</source>
        <translation>Asiantaeth y perchennog</translation>
    </message>
    <message>
        <source>The person in that agency</source>
        <translation>Yr unigolyn yn yr asiantaeth honno</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Yn ddyledus erbyn</translation>
    </message>
    <message>
        <source>cannot be before the meeting that set it</source>
        <translation>ni all fod cyn y cyfarfod a&apos;i gosododd</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Cwblhawyd ar</translation>
    </message>
    <message>
        <source>Owner&apos;s agency:</source>
        <translation>Asiantaeth y perchennog:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Perchennog:</translation>
    </message>
    <message>
        <source>Due by:</source>
        <translation>Yn ddyledus erbyn:</translation>
    </message>
    <message>
        <source>Done on:</source>
        <translation>Cwblhawyd ar:</translation>
    </message>
    <message>
        <source>Oldest {0}: {1} overdue</source>
        <translation>{0} hynaf: {1} yn hwyr</translation>
    </message>
    <message>
        <source>Visits {0} overdue</source>
        <translation>Ymweliadau {0} yn hwyr</translation>
    </message>
    <message>
        <source>ARMS {0} overdue</source>
        <translation>ARMS {0} yn hwyr</translation>
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
        <source>Visit due</source>
        <translation>Ymweliad yn ddyledus</translation>
    </message>
    <message>
        <source>Visit days overdue</source>
        <translation>Ymweliad: diwrnodau yn hwyr</translation>
    </message>
    <message>
        <source>ARMS days overdue</source>
        <translation>ARMS: diwrnodau yn hwyr</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Senario</translation>
    </message>
    <message>
        <source>Growth a year</source>
        <translation>Twf blynyddol</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nawr</translation>
    </message>
    <message>
        <source>+{0} yr</source>
        <translation>+{0} bl.</translation>
    </message>
    <message>
        <source>{0:,} · {1}</source>
        <translation>{0:,} · {1}</translation>
    </message>
    <message>
        <source>Oversight board</source>
        <translation>Bwrdd goruchwylio</translation>
    </message>
    <message>
        <source>Print board…</source>
        <translation>Argraffu&apos;r bwrdd…</translation>
    </message>
    <message>
        <source>Annual report CSV…</source>
        <translation>CSV adroddiad blynyddol…</translation>
    </message>
    <message>
        <source>Days overdue CSV…</source>
        <translation>CSV diwrnodau yn hwyr…</translation>
    </message>
    <message>
        <source>Figures: choose one to see its cases</source>
        <translation>Ffigurau: dewiswch un i weld ei achosion</translation>
    </message>
    <message>
        <source>How overdue: visits by days overdue</source>
        <translation>Pa mor hwyr: ymweliadau yn ôl diwrnodau yn hwyr</translation>
    </message>
    <message>
        <source>Weekly trend: visits overdue</source>
        <translation>Tuedd wythnosol: ymweliadau yn hwyr</translation>
    </message>
    <message>
        <source>Every case, most overdue first</source>
        <translation>Pob achos, y mwyaf hwyr yn gyntaf</translation>
    </message>
    <message>
        <source>Show every case</source>
        <translation>Dangos pob achos</translation>
    </message>
    <message>
        <source>MAPPA annual report and FOI figures</source>
        <translation>Adroddiad blynyddol MAPPA a ffigurau Rhyddid Gwybodaeth (FOI)</translation>
    </message>
    <message>
        <source>Forecast scenarios</source>
        <translation>Senarios rhagolwg</translation>
    </message>
    <message>
        <source>Clear the ARMS backlog by</source>
        <translation>Clirio ôl-groniad ARMS erbyn</translation>
    </message>
    <message>
        <source>Each cell: RSOs · SOMs needed at the target caseload; in red, more SOMs than today.</source>
        <translation>Pob cell: RSO · SOM sydd eu hangen ar y llwyth achosion targed; mewn coch, mwy o SOM na heddiw.</translation>
    </message>
    <message>
        <source>ARMS backlog burn-down. Clear it by:</source>
        <translation>Lleihau ôl-groniad ARMS. Ei glirio erbyn:</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Diwrnodau yn hwyr</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>Adroddiad blynyddol</translation>
    </message>
    <message>
        <source>Forecasts</source>
        <translation>Rhagolygon</translation>
    </message>
    <message>
        <source>Board tables</source>
        <translation>Tablau&apos;r bwrdd</translation>
    </message>
    <message>
        <source>Computing the board…</source>
        <translation>Wrthi&apos;n cyfrifo&apos;r bwrdd…</translation>
    </message>
    <message>
        <source>{0} on {1:%d %B %Y}. Since {2:%d %B %Y}: {3}, {4:,} by a lone officer ({6:,} authorised, {7:,} without authorisation), {5:,} announced. Choose a figure to see the cases behind it; double-click a case to open it.</source>
        <translation>{0} ar {1:%d %B %Y}. Ers {2:%d %B %Y}: {3}, {4:,} gan swyddog ar ei ben ei hun ({6:,} wedi&apos;u hawdurdodi, {7:,} heb awdurdod), {5:,} gyda rhybudd. Dewiswch ffigur i weld yr achosion y tu ôl iddo; cliciwch ddwywaith ar achos i&apos;w agor.</translation>
    </message>
    <message>
        <source>{0:,} visits · {1:,} ARMS</source>
        <translation>{0:,} ymweliad · {1:,} ARMS</translation>
    </message>
    <message>
        <source>{0:,} visits overdue · oldest {1:,} days</source>
        <translation>{0:,} ymweliad yn hwyr · yr hynaf {1:,} diwrnod</translation>
    </message>
    <message>
        <source>Weekly trend: {0}</source>
        <translation>Tuedd wythnosol: {0}</translation>
    </message>
    <message>
        <source>Backlog {0:,}. Lately {1:.1f} ARMS completed a month; {2:.1f} a month fall due.</source>
        <translation>Ôl-groniad {0:,}. Yn ddiweddar, cwblhawyd {1:.1f} ARMS y mis; daw {2:.1f} y mis yn ddyledus.</translation>
    </message>
    <message>
        <source>No backlog.</source>
        <translation>Dim ôl-groniad.</translation>
    </message>
    <message>
        <source>At this rate the backlog does not clear.</source>
        <translation>Ar y gyfradd hon, ni fydd yr ôl-groniad yn clirio.</translation>
    </message>
    <message>
        <source>At this rate it clears in {0} ({1:%B %Y}).</source>
        <translation>Ar y gyfradd hon, bydd yn clirio mewn {0} ({1:%B %Y}).</translation>
    </message>
    <message>
        <source>On course to clear it by {0:%d %B %Y}.</source>
        <translation>Ar y trywydd iawn i&apos;w glirio erbyn {0:%d %B %Y}.</translation>
    </message>
    <message>
        <source>To clear it by {0:%d %B %Y}: {1:,} more a month.</source>
        <translation>I&apos;w glirio erbyn {0:%d %B %Y}: {1:,} yn rhagor bob mis.</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Pob achos</translation>
    </message>
    <message>
        <source>ARMS overdue or ARMS deadline missed</source>
        <translation>ARMS yn hwyr neu ddyddiad terfyn ARMS wedi&apos;i golli</translation>
    </message>
    <message>
        <source>Initial ARMS awaited</source>
        <translation>Aros am yr ARMS cychwynnol</translation>
    </message>
    <message>
        <source>Very high and high risk</source>
        <translation>Risg uchel iawn ac uchel</translation>
    </message>
    <message>
        <source>MAPPA level 2 and 3</source>
        <translation>MAPPA lefel 2 a 3</translation>
    </message>
    <message>
        <source>My caseload</source>
        <translation>Fy llwyth achosion</translation>
    </message>
    <message>
        <source>Every RSO with risk, MAPPA level, visits, ARMS and notification dates. Hover a date to see how it was worked out; double-click or press Enter to open a record.</source>
        <translation>Pob RSO gyda risg, lefel MAPPA, ymweliadau, ARMS a dyddiadau hysbysu. Hofrwch dros ddyddiad i weld sut y cafodd ei gyfrifo; cliciwch ddwywaith neu pwyswch Enter i agor cofnod.</translation>
    </message>
    <message>
        <source>Search by name or alias, ViSOR reference, PNC ID, vehicle, area or officer…</source>
        <translation>Chwilio yn ôl enw neu enw arall, cyfeirnod ViSOR, PNC ID, cerbyd, ardal neu swyddog…</translation>
    </message>
    <message>
        <source>Search the caseload</source>
        <translation>Chwilio&apos;r llwyth achosion</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Dangos</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Hidlyddion wedi&apos;u cadw</translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation>Cadw hidlydd…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Delete saved filter</source>
        <translation>Dileu&apos;r hidlydd sydd wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>Cases shown</source>
        <translation>Achosion a ddangosir</translation>
    </message>
    <message>
        <source>Import caseload…</source>
        <translation>Mewnforio llwyth achosion…</translation>
    </message>
    <message>
        <source>Bring in RSOs from a CSV or Excel file</source>
        <translation>Mewnforio RSO o ffeil CSV neu Excel</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Llwyth achosion</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Wedi&apos;u cadw:</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>Fy achosion</translation>
    </message>
    <message>
        <source>Showing {0} of {1}</source>
        <translation>Yn dangos {0} o {1}</translation>
    </message>
    <message>
        <source>A saved filter needs a name.</source>
        <translation>Mae angen enw ar hidlydd sydd wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>A filter name can be at most 60 characters.</source>
        <translation>Gall enw hidlydd fod yn 60 nod ar y mwyaf.</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Cadw hidlydd</translation>
    </message>
    <message>
        <source>Name for this filter:</source>
        <translation>Enw&apos;r hidlydd hwn:</translation>
    </message>
    <message>
        <source>Supervisor dashboard</source>
        <translation>Dangosfwrdd goruchwyliwr</translation>
    </message>
    <message>
        <source>RSOs managed</source>
        <translation>RSO a reolir</translation>
    </message>
    <message>
        <source>Orders in force</source>
        <translation>Gorchmynion mewn grym</translation>
    </message>
    <message>
        <source>Lone visits</source>
        <translation>Ymweliadau un swyddog</translation>
    </message>
    <message>
        <source>MAPPA meetings audited</source>
        <translation>Cyfarfodydd MAPPA a archwiliwyd</translation>
    </message>
    <message>
        <source>Risk-weighted load per SOM (% of target)</source>
        <translation>Llwyth wedi&apos;i bwysoli yn ôl risg i bob SOM (% o&apos;r targed)</translation>
    </message>
    <message>
        <source>target</source>
        <translation>targed</translation>
    </message>
    <message>
        <source>Forecast: RSOs, and SOMs needed at target (+ beyond today&apos;s)</source>
        <translation>Rhagolwg: RSO, a&apos;r SOM sydd eu hangen ar y targed (+ y tu hwnt i&apos;r nifer heddiw)</translation>
    </message>
    <message>
        <source>Caseload by officer</source>
        <translation>Llwyth achosion yn ôl swyddog</translation>
    </message>
    <message>
        <source>Caseload by team</source>
        <translation>Llwyth achosion yn ôl tîm</translation>
    </message>
    <message>
        <source>By officer</source>
        <translation>Yn ôl swyddog</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>Yn ôl tîm</translation>
    </message>
    <message>
        <source>Caseload tables</source>
        <translation>Tablau llwyth achosion</translation>
    </message>
    <message>
        <source>Reallocate cases…</source>
        <translation>Ailddyrannu achosion…</translation>
    </message>
    <message>
        <source>Move cases from the selected officer, with a preview of loads</source>
        <translation>Symud achosion oddi wrth y swyddog a ddewiswyd, gyda rhagolwg o&apos;r llwythi</translation>
    </message>
    <message>
        <source>The table shown below, as CSV</source>
        <translation>Y tabl isod, fel CSV</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dangosfwrdd</translation>
    </message>
    <message>
        <source>{0} in {1}. Targets: {2} RSOs and a load of {3:g} per SOM; load weighs each RSO by risk level. Double-click an officer to move cases.</source>
        <translation>{0} mewn {1}. Targedau: {2} RSO a llwyth o {3:g} i bob SOM; mae&apos;r llwyth yn pwysoli pob RSO yn ôl lefel risg. Cliciwch ddwywaith ar swyddog i symud achosion.</translation>
    </message>
    <message>
        <source>{0:,} of {1:,}</source>
        <translation>{0:,} o {1:,}</translation>
    </message>
    <message>
        <source>team</source>
        <translation>tîm</translation>
    </message>
    <message>
        <source>{0:,} unallocated</source>
        <translation>{0:,} heb eu dyrannu</translation>
    </message>
    <message>
        <source>target {0}</source>
        <translation>targed {0}</translation>
    </message>
    <message>
        <source>target {0:g}</source>
        <translation>targed {0:g}</translation>
    </message>
    <message>
        <source>{0:.0%} of cases</source>
        <translation>{0:.0%} o&apos;r achosion</translation>
    </message>
    <message>
        <source>due now or overdue</source>
        <translation>yn ddyledus nawr neu&apos;n hwyr</translation>
    </message>
    <message>
        <source>initial ARMS past the ARMS deadline</source>
        <translation>ARMS cychwynnol wedi pasio&apos;r terfyn amser ARMS</translation>
    </message>
    <message>
        <source>initial, annual or weekly, past due</source>
        <translation>cychwynnol, blynyddol neu wythnosol, wedi pasio&apos;r dyddiad dyledus</translation>
    </message>
    <message>
        <source>{0:,} missing or whereabouts unknown, {1:,} wanted</source>
        <translation>{0:,} ar goll neu eu lleoliad yn anhysbys, {1:,} yn cael eu ceisio gan yr heddlu</translation>
    </message>
    <message>
        <source>{0:,} SHPO or SOPO, {1:,} SRO</source>
        <translation>{0:,} SHPO neu SOPO, {1:,} SRO</translation>
    </message>
    <message>
        <source>found since 1 January {0}</source>
        <translation>wedi&apos;u canfod ers 1 Ionawr {0}</translation>
    </message>
    <message>
        <source>last 12 months: {0:,} authorised, {1:,} without authorisation; {2:,} since 1 January</source>
        <translation>12 mis diwethaf: {0:,} wedi&apos;u hawdurdodi, {1:,} heb awdurdod; {2:,} ers 1 Ionawr</translation>
    </message>
    <message>
        <source>Visits with fewer than two officers in the last 12 months: {0:,} of {1:,} ({2:,} authorised, {3:,} without authorisation)</source>
        <translation>Ymweliadau gyda llai na dau swyddog yn ystod y 12 mis diwethaf: {0:,} o {1:,} ({2:,} wedi&apos;u hawdurdodi, {3:,} heb awdurdod)</translation>
    </message>
    <message>
        <source>{0:.0f}% ({1})</source>
        <translation>{0:.0f}% ({1})</translation>
    </message>
    <message>
        <source>{0:,} RSOs · {1} SOMs{2}</source>
        <translation>{0:,} RSO · {1} SOM{2}</translation>
    </message>
    <message>
        <source> (+{0})</source>
        <translation> (+{0})</translation>
    </message>
    <message>
        <source>Previous decisions:</source>
        <translation>Penderfyniadau blaenorol:</translation>
    </message>
    <message>
        <source>date not known</source>
        <translation>dyddiad heb ei wybod</translation>
    </message>
    <message>
        <source>, next review {0}</source>
        <translation>, adolygiad nesaf {0}</translation>
    </message>
    <message>
        <source>• {0}: level {1}{2}. {3}</source>
        <translation>• {0}: lefel {1}{2}. {3}</translation>
    </message>
    <message>
        <source>    {0}: {1}</source>
        <translation>    {0}: {1}</translation>
    </message>
    <message>
        <source>None: no earlier decision recorded.</source>
        <translation>Dim: dim penderfyniad cynharach wedi&apos;i gofnodi.</translation>
    </message>
    <message>
        <source>Open actions from earlier meetings:</source>
        <translation>Camau gweithredu agored o gyfarfodydd cynharach:</translation>
    </message>
    <message>
        <source>• {0} ({1}, {2}), due {3}</source>
        <translation>• {0} ({1}, {2}), erbyn {3}</translation>
    </message>
    <message>
        <source>None open.</source>
        <translation>Dim un ar agor.</translation>
    </message>
    <message>
        <source>Panel decision: {0}, meeting of {1}</source>
        <translation>Penderfyniad y panel: {0}, cyfarfod {1}</translation>
    </message>
    <message>
        <source>Level decided</source>
        <translation>Lefel a benderfynwyd</translation>
    </message>
    <message>
        <source>The panel&apos;s reasons (required for every decision)</source>
        <translation>Rhesymau&apos;r panel (yn ofynnol ar gyfer pob penderfyniad)</translation>
    </message>
    <message>
        <source>Risk management plan: the panel&apos;s changes (blank: no change)</source>
        <translation>Cynllun rheoli risg: newidiadau&apos;r panel (gwag: dim newid)</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Camau gweithredu</translation>
    </message>
    <message>
        <source>Add action…</source>
        <translation>Ychwanegu cam gweithredu…</translation>
    </message>
    <message>
        <source>Edit action…</source>
        <translation>Golygu cam gweithredu…</translation>
    </message>
    <message>
        <source>Actions: owner, due date and status</source>
        <translation>Camau gweithredu: perchennog, dyddiad dyledus a statws</translation>
    </message>
    <message>
        <source>Level decided:</source>
        <translation>Lefel a benderfynwyd:</translation>
    </message>
    <message>
        <source>Needs the panel&apos;s attention:
</source>
        <translation>Angen sylw&apos;r panel:
</translation>
    </message>
    <message>
        <source>Previous decisions and open actions</source>
        <translation>Penderfyniadau blaenorol a chamau gweithredu agored</translation>
    </message>
    <message>
        <source>Beside: earlier meetings</source>
        <translation>Ochr yn ochr: cyfarfodydd cynharach</translation>
    </message>
    <message>
        <source>This meeting</source>
        <translation>Y cyfarfod hwn</translation>
    </message>
    <message>
        <source>Set at</source>
        <translation>Gosodwyd yn</translation>
    </message>
    <message>
        <source>Meeting: the meeting of {0} has not been held yet</source>
        <translation>Cyfarfod: nid yw cyfarfod {0} wedi&apos;i gynnal eto</translation>
    </message>
    <message>
        <source>Meeting audit: {0}, {1}</source>
        <translation>Archwiliad cyfarfod: {0}, {1}</translation>
    </message>
    <message>
        <source>Quorate: attendance adequate for the cases heard</source>
        <translation>Cworwm: presenoldeb digonol ar gyfer yr achosion a drafodwyd</translation>
    </message>
    <message>
        <source>Confidentiality statement read at the start</source>
        <translation>Datganiad cyfrinachedd wedi&apos;i ddarllen ar y dechrau</translation>
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
        <source>none recorded</source>
        <translation>dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>Attending: {0}</source>
        <translation>Yn bresennol: {0}</translation>
    </message>
    <message>
        <source>{0} absent without apology</source>
        <translation>{0} yn absennol heb ymddiheuriad</translation>
    </message>
    <message>
        <source>Every agency invited attended.</source>
        <translation>Roedd pob asiantaeth a wahoddwyd yn bresennol.</translation>
    </message>
    <message>
        <source>Chair&apos;s summary</source>
        <translation>Crynodeb y cadeirydd</translation>
    </message>
    <message>
        <source>The chair&apos;s summary of the meeting</source>
        <translation>Crynodeb y cadeirydd o&apos;r cyfarfod</translation>
    </message>
    <message>
        <source>Attendance:</source>
        <translation>Presenoldeb:</translation>
    </message>
    <message>
        <source>Absent without apology
(tick: no apology sent):</source>
        <translation>Yn absennol heb ymddiheuriad
(ticiwch: dim ymddiheuriad wedi&apos;i anfon):</translation>
    </message>
    <message>
        <source>The guidance asks:</source>
        <translation>Mae&apos;r canllawiau&apos;n gofyn:</translation>
    </message>
    <message>
        <source>Chair&apos;s summary:</source>
        <translation>Crynodeb y cadeirydd:</translation>
    </message>
    <message>
        <source>Edit MAPPA meeting</source>
        <translation>Golygu cyfarfod MAPPA</translation>
    </message>
    <message>
        <source>New MAPPA meeting</source>
        <translation>Cyfarfod MAPPA newydd</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>{0}, level {1}</source>
        <translation>{0}, lefel {1}</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>Dyddiad y cyfarfod</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Amser dechrau</translation>
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
        <source>One agency (or person) a line</source>
        <translation>Un asiantaeth (neu unigolyn) ar bob llinell</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Yn bresennol</translation>
    </message>
    <message>
        <source>One agency (or person) a line: who came</source>
        <translation>Un asiantaeth (neu unigolyn) ar bob llinell: pwy ddaeth</translation>
    </message>
    <message>
        <source>Every case of the panel due by the meeting date</source>
        <translation>Pob un o achosion y panel sy&apos;n ddyledus erbyn dyddiad y cyfarfod</translation>
    </message>
    <message>
        <source>Ticks every case of this panel whose review falls due by the meeting date, or not yet heard</source>
        <translation>Yn ticio pob un o achosion y panel hwn y mae ei adolygiad yn ddyledus erbyn dyddiad y cyfarfod, neu nad yw wedi&apos;i drafod eto</translation>
    </message>
    <message>
        <source>Panel:</source>
        <translation>Panel:</translation>
    </message>
    <message>
        <source>at</source>
        <translation>am</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>Lleoliad:</translation>
    </message>
    <message>
        <source>Chair:</source>
        <translation>Cadeirydd:</translation>
    </message>
    <message>
        <source>Agencies invited:</source>
        <translation>Asiantaethau a wahoddwyd:</translation>
    </message>
    <message>
        <source>Attending:</source>
        <translation>Yn bresennol:</translation>
    </message>
    <message>
        <source>Cases on the agenda, in the order heard (tick to include):</source>
        <translation>Achosion ar yr agenda, yn y drefn y cânt eu trafod (ticiwch i&apos;w cynnwys):</translation>
    </message>
    <message>
        <source>{0} ({1}): {2}</source>
        <translation>{0} ({1}): {2}</translation>
    </message>
    <message>
        <source>Panel: you hold no level 2 or 3 case, so no panel to meet</source>
        <translation>Panel: nid oes gennych unrhyw achos lefel 2 neu 3, felly nid oes panel i&apos;w gynnal</translation>
    </message>
    <message>
        <source>Cases: tick at least one case for the agenda</source>
        <translation>Achosion: ticiwch o leiaf un achos ar gyfer yr agenda</translation>
    </message>
    <message>
        <source>To come</source>
        <translation>I ddod</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Ddim eto</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Archwiliad</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>The language the person wishes to correspond in: letters and documents to them in it</source>
        <translation>Yr iaith y mae&apos;r person yn dymuno gohebu ynddi: llythyrau a dogfennau ato yn yr iaith honno</translation>
    </message>
    <message>
        <source>Preferred language:</source>
        <translation>Iaith ddewisol:</translation>
    </message>
    <message>
        <source>Save language</source>
        <translation>Cadw&apos;r iaith</translation>
    </message>
    <message>
        <source>Save the preferred language on the offender record</source>
        <translation>Cadw&apos;r iaith ddewisol ar gofnod y troseddwr</translation>
    </message>
    <message>
        <source>, review {0:%d %b %Y}</source>
        <translation>, adolygiad {0:%d %b %Y}</translation>
    </message>
    <message>
        <source>Level {0}{1}</source>
        <translation>Lefel {0}{1}</translation>
    </message>
    <message>
        <source>Why on the agenda</source>
        <translation>Pam ar yr agenda</translation>
    </message>
    <message>
        <source>Needs the panel&apos;s attention</source>
        <translation>Angen sylw&apos;r panel</translation>
    </message>
    <message>
        <source>Nothing flagged</source>
        <translation>Dim wedi&apos;i nodi</translation>
    </message>
    <message>
        <source>MAPPA meetings</source>
        <translation>Cyfarfodydd MAPPA</translation>
    </message>
    <message>
        <source>Your panels&apos; meetings, latest first. Double-click a meeting to open its first case.</source>
        <translation>Cyfarfodydd eich paneli, y diweddaraf yn gyntaf. Cliciwch ddwywaith ar gyfarfod i agor ei achos cyntaf.</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Cyfarfodydd</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>Cyfarfod newydd…</translation>
    </message>
    <message>
        <source>Prepare a meeting of one of your panels: its date, venue and cases</source>
        <translation>Paratoi cyfarfod un o&apos;ch paneli: ei ddyddiad, ei leoliad a&apos;i achosion</translation>
    </message>
    <message>
        <source>Edit meeting…</source>
        <translation>Golygu cyfarfod…</translation>
    </message>
    <message>
        <source>Change the selected meeting: who attended, its cases…</source>
        <translation>Newid y cyfarfod a ddewiswyd: pwy oedd yn bresennol, ei achosion…</translation>
    </message>
    <message>
        <source>Print pack…</source>
        <translation>Argraffu&apos;r pecyn…</translation>
    </message>
    <message>
        <source>The panel pack for the selected meeting, as it is stored</source>
        <translation>Pecyn y panel ar gyfer y cyfarfod a ddewiswyd, fel y mae wedi&apos;i storio</translation>
    </message>
    <message>
        <source>Select a meeting to see its agenda.</source>
        <translation>Dewiswch gyfarfod i weld ei agenda.</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>Cofnodi penderfyniad…</translation>
    </message>
    <message>
        <source>Record the panel&apos;s decision and actions for the selected case (double-click does too)</source>
        <translation>Cofnodi penderfyniad a chamau gweithredu&apos;r panel ar gyfer yr achos a ddewiswyd (mae clicio ddwywaith yn gwneud hyn hefyd)</translation>
    </message>
    <message>
        <source>MAPPA meetings ({0})</source>
        <translation>Cyfarfodydd MAPPA ({0})</translation>
    </message>
    <message>
        <source>Your panels&apos; meetings, latest first: {0}. Double-click a meeting to open its first case.</source>
        <translation>Cyfarfodydd eich paneli, y diweddaraf yn gyntaf: {0}. Cliciwch ddwywaith ar gyfarfod i agor ei achos cyntaf.</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>cyfarfod</translation>
    </message>
    <message>
        <source>Meeting audit…</source>
        <translation>Archwiliad cyfarfod…</translation>
    </message>
    <message>
        <source>Record the meeting audit of the meeting selected</source>
        <translation>Cofnodi archwiliad y cyfarfod a ddewiswyd</translation>
    </message>
    <message>
        <source>The minutes of the meeting selected, as an audited disclosure</source>
        <translation>Cofnodion y cyfarfod a ddewiswyd, fel datgeliad a gofnodir yn y trywydd archwilio</translation>
    </message>
    <message>
        <source>The open actions by agency: of the meeting selected, or of every case when none is</source>
        <translation>Y camau gweithredu agored yn ôl asiantaeth: rhai&apos;r cyfarfod a ddewiswyd, neu rai pob achos pan nad oes cyfarfod wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>Select a meeting first.</source>
        <translation>Dewiswch gyfarfod yn gyntaf.</translation>
    </message>
    <message>
        <source>, {0}</source>
        <translation>, {0}</translation>
    </message>
    <message>
        <source>{0}, level {1}: {2:%A %d %B %Y}{3}{4}. Agenda: {5}, {6} recorded.</source>
        <translation>{0}, lefel {1}: {2:%A %d %B %Y}{3}{4}. Agenda: {5}; penderfyniadau wedi&apos;u cofnodi: {6}.</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>penderfyniad</translation>
    </message>
    <message>
        <source>The meeting of {0:%d %B %Y} has not been held yet: its decisions are recorded once it has</source>
        <translation>Nid yw cyfarfod {0:%d %B %Y} wedi&apos;i gynnal eto: caiff ei benderfyniadau eu cofnodi ar ôl iddo gael ei gynnal</translation>
    </message>
    <message>
        <source>Not set: panel to fix</source>
        <translation>Heb ei osod: y panel i&apos;w bennu</translation>
    </message>
    <message>
        <source>MAPPA panel</source>
        <translation>Panel MAPPA</translation>
    </message>
    <message>
        <source>Level 2 and 3 cases, next review first. Narrow the list to one panel, select the cases for a meeting (Ctrl or Shift to select several); double-click to open a record.</source>
        <translation>Achosion lefel 2 a 3, yr adolygiad nesaf yn gyntaf. Cyfyngwch y rhestr i un panel, dewiswch yr achosion ar gyfer cyfarfod (Ctrl neu Shift i ddewis sawl un); cliciwch ddwywaith i agor cofnod.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Y cyfan</translation>
    </message>
    <message>
        <source>Only those due by the meeting</source>
        <translation>Dyledus erbyn y cyfarfod yn unig</translation>
    </message>
    <message>
        <source>Every case of the panel whose review falls due by the meeting date, or not yet heard</source>
        <translation>Pob un o achosion y panel y mae ei adolygiad yn ddyledus erbyn dyddiad y cyfarfod, neu nad yw wedi&apos;i drafod eto</translation>
    </message>
    <message>
        <source>Agencies invited, comma-separated</source>
        <translation>Asiantaethau a wahoddwyd, wedi&apos;u gwahanu gan atalnodau</translation>
    </message>
    <message>
        <source>No cases selected</source>
        <translation>Dim achosion wedi&apos;u dewis</translation>
    </message>
    <message>
        <source>Select cases due by the meeting</source>
        <translation>Dewis achosion sy&apos;n ddyledus erbyn y cyfarfod</translation>
    </message>
    <message>
        <source>Select all shown</source>
        <translation>Dewis pob un a ddangosir</translation>
    </message>
    <message>
        <source>A cover page, contents and a case summary for each selected case</source>
        <translation>Tudalen glawr, cynnwys a chrynodeb achos ar gyfer pob achos a ddewiswyd</translation>
    </message>
    <message>
        <source>MAPPA cases</source>
        <translation>Achosion MAPPA</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Cyfarfod:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Dechrau:</translation>
    </message>
    <message>
        <source>{0} selected for the meeting</source>
        <translation>Wedi&apos;u dewis ar gyfer y cyfarfod: {0}</translation>
    </message>
    <message>
        <source>Stop {0} of the round</source>
        <translation>Arhosfan {0} y cylch</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Wedi&apos;i gynllunio</translation>
    </message>
    <message>
        <source>Why this week</source>
        <translation>Pam yr wythnos hon</translation>
    </message>
    <message>
        <source>Visit planner</source>
        <translation>Cynllunydd ymweliadau</translation>
    </message>
    <message>
        <source>Visits due this week and every overdue visit, grouped by area and in postcode order for a round. Hover a due date to see how it was worked out.</source>
        <translation>Ymweliadau sy&apos;n ddyledus yr wythnos hon a phob ymweliad sy&apos;n hwyr, wedi&apos;u grwpio yn ôl ardal ac yn nhrefn cod post ar gyfer cylch ymweliadau. Hofrwch dros ddyddiad dyledus i weld sut y cafodd ei gyfrifo.</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Wythnos</translation>
    </message>
    <message>
        <source>Type any day of the week, e.g. 23/11/2026, or pick one</source>
        <translation>Teipiwch unrhyw ddiwrnod o&apos;r wythnos, e.e. 23/11/2026, neu dewiswch un</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Wythnos flaenorol</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Wythnos nesaf</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Yr wythnos hon</translation>
    </message>
    <message>
        <source>Week summary</source>
        <translation>Crynodeb yr wythnos</translation>
    </message>
    <message>
        <source>Print this week&apos;s visit plan</source>
        <translation>Argraffu cynllun ymweliadau&apos;r wythnos hon</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Calendr…</translation>
    </message>
    <message>
        <source>Export this week&apos;s booked visits as an .ics calendar file</source>
        <translation>Allforio ymweliadau&apos;r wythnos hon sydd wedi&apos;u trefnu fel ffeil calendr .ics</translation>
    </message>
    <message>
        <source>Visit round</source>
        <translation>Cylch ymweliadau</translation>
    </message>
    <message>
        <source>Week of:</source>
        <translation>Wythnos:</translation>
    </message>
    <message>
        <source>Officer:</source>
        <translation>Swyddog:</translation>
    </message>
    <message>
        <source>Week list</source>
        <translation>Rhestr yr wythnos</translation>
    </message>
    <message>
        <source>Plan rounds</source>
        <translation>Cynllunio cylchoedd</translation>
    </message>
    <message>
        <source>Optimised days for a pair of officers, with a map and day sheets</source>
        <translation>Diwrnodau wedi&apos;u hoptimeiddio ar gyfer pâr o swyddogion, gyda map a thaflenni&apos;r dydd</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>Pob swyddog</translation>
    </message>
    <message>
        <source>{0} to {1:%d %b}: {2} overdue, {3} planned, in {4}.</source>
        <translation>{0} hyd at {1:%d %b}: {2} yn hwyr, {3} wedi&apos;u cynllunio, mewn {4}.</translation>
    </message>
    <message>
        <source>area</source>
        <translation>ardal</translation>
    </message>
    <message>
        <source>ARMS queue ({0})</source>
        <translation>Ciw ARMS ({0})</translation>
    </message>
    <message>
        <source>ARMS priority</source>
        <translation>Blaenoriaeth ARMS</translation>
    </message>
    <message>
        <source>Releases and new registrations first (the ARMS deadline: {weeks} weeks, national guidance), then very high and high, medium, low risk; earliest deadline first within each, then higher risk, then a breach in the last {breach_days} days or a restricting order in force. Hover # or Tier to see why an item is in its place.</source>
        <translation>Rhyddhau a chofrestriadau newydd yn gyntaf (dyddiad terfyn ARMS: {weeks} wythnos, canllawiau cenedlaethol), yna risg uchel iawn ac uchel, canolig, isel; y dyddiad terfyn cynharaf yn gyntaf ym mhob un, yna risg uwch, yna achos o dorri yn ystod y {breach_days} diwrnod diwethaf neu orchymyn cyfyngu mewn grym. Hofrwch dros # neu Haen i weld pam mae eitem yn ei lle.</translation>
    </message>
    <message>
        <source>Visits due ({0})</source>
        <translation>Ymweliadau dyledus ({0})</translation>
    </message>
    <message>
        <source>Home visits due</source>
        <translation>Ymweliadau cartref yn ddyledus</translation>
    </message>
    <message>
        <source>Overdue visits first (higher risk, then a breach in the last {breach_days} days or a restricting order in force, then most overdue), then visits due within {visit_days} days; a missing or wanted person last in each, as no routine visit can be made.</source>
        <translation>Ymweliadau hwyr yn gyntaf (risg uwch, yna achos o dorri yn ystod y {breach_days} diwrnod diwethaf neu orchymyn cyfyngu mewn grym, yna&apos;r hwyraf), yna ymweliadau sy&apos;n ddyledus o fewn {visit_days} diwrnod; unigolyn ar goll neu yn eisiau yn olaf ym mhob un, gan na ellir gwneud ymweliad arferol.</translation>
    </message>
    <message>
        <source>Notifications ({0})</source>
        <translation>Hysbysiadau ({0})</translation>
    </message>
    <message>
        <source>Notifications due</source>
        <translation>Hysbysiadau yn ddyledus</translation>
    </message>
    <message>
        <source>Initial, annual and weekly notifications, foreign travel, indefinite reviews, civil order reviews and ends, name-change notice steps, MAPPA panel actions, and periods whose last day is within {notification_days} days. Overdue first.</source>
        <translation>Hysbysiadau cychwynnol, blynyddol ac wythnosol, teithio tramor, adolygiadau amhenodol, adolygiadau a diwedd gorchmynion sifil, camau hysbysiadau newid enw, camau gweithredu panel MAPPA, a chyfnodau y mae eu diwrnod olaf o fewn {notification_days} diwrnod. Y rhai hwyr yn gyntaf.</translation>
    </message>
    <message>
        <source>Missing and wanted ({0})</source>
        <translation>Ar goll ac yn eisiau ({0})</translation>
    </message>
    <message>
        <source>People whose whereabouts are unknown, who are missing or wanted: overdue reviews first (most overdue first), then longest open first. Each is reviewed every {review_days} days (force policy) from the last review recorded, else from the date circulated, until found.</source>
        <translation>Unigolion nad yw eu lleoliad yn hysbys, sydd ar goll neu yn eisiau: adolygiadau hwyr yn gyntaf (yr hwyraf yn gyntaf), yna&apos;r rhai a agorwyd hiraf yn ôl. Adolygir pob un bob {review_days} diwrnod (polisi&apos;r heddlu) o&apos;r adolygiad diwethaf a gofnodwyd, neu o&apos;r dyddiad cylchredeg, nes dod o hyd iddo.</translation>
    </message>
    <message>
        <source>Warrant decisions ({0})</source>
        <translation>Penderfyniadau gwarant ({0})</translation>
    </message>
    <message>
        <source>Warrant decisions due (s.96B)</source>
        <translation>Penderfyniadau gwarant yn ddyledus (s.96B)</translation>
    </message>
    <message>
        <source>Two unsuccessful attempts at entry (no reply, refused entry) since the person was last seen, or since the attempts the last decision covered: a supervisor decides whether to apply for a warrant (SOA 2003 s.96B). Not while in custody, in hospital or abroad. Longest waiting first.</source>
        <translation>Dwy ymdrech aflwyddiannus i gael mynediad (dim ateb, gwrthod mynediad) ers i&apos;r unigolyn gael ei weld ddiwethaf, neu ers yr ymdrechion a gwmpaswyd gan y penderfyniad diwethaf: mae goruchwyliwr yn penderfynu a ddylid gwneud cais am warant (Deddf Troseddau Rhywiol 2003 s.96B). Nid tra bo yn y ddalfa, yn yr ysbyty neu dramor. Y rhai sydd wedi aros hiraf yn gyntaf.</translation>
    </message>
    <message>
        <source>Not seen ({0})</source>
        <translation>Heb eu gweld ({0})</translation>
    </message>
    <message>
        <source>Not successfully seen</source>
        <translation>Heb eu gweld yn llwyddiannus</translation>
    </message>
    <message>
        <source>People on routine visits not seen for longer than their visit interval plus {not_seen_days} days (force policy), the longest unseen first, with the days since and the attempts made.</source>
        <translation>Unigolion ar ymweliadau arferol na welwyd am fwy na&apos;u cyfnod ymweld a {not_seen_days} diwrnod (polisi&apos;r heddlu), y rhai na welwyd hiraf yn gyntaf, gyda&apos;r dyddiau ers hynny a&apos;r ymdrechion a wnaed.</translation>
    </message>
    <message>
        <source>Only my cases</source>
        <translation>Fy achosion i yn unig</translation>
    </message>
    <message>
        <source>Record a review of the selected person&apos;s missing or wanted record</source>
        <translation>Cofnodi adolygiad o gofnod yr unigolyn a ddewiswyd fel un sydd ar goll neu&apos;n cael ei geisio gan yr heddlu</translation>
    </message>
    <message>
        <source>Pinned {0:%a}</source>
        <translation>Piniwyd {0:%a}</translation>
    </message>
    <message>
        <source>Booked {0:%a}</source>
        <translation>Trefnwyd {0:%a}</translation>
    </message>
    <message>
        <source>Stop {0} of the day</source>
        <translation>Arhosfan {0} y dydd</translation>
    </message>
    <message>
        <source>Arrive</source>
        <translation>Cyrraedd</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Why due</source>
        <translation>Pam yn ddyledus</translation>
    </message>
    <message>
        <source>Drive from previous</source>
        <translation>Gyrru o&apos;r un blaenorol</translation>
    </message>
    <message>
        <source>Kept on the day</source>
        <translation>Wedi&apos;i gadw i&apos;r diwrnod</translation>
    </message>
    <message>
        <source>Why not placed</source>
        <translation>Pam heb ei osod</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Cylch</translation>
    </message>
    <message>
        <source>Visits placed</source>
        <translation>Ymweliadau wedi&apos;u gosod</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Pellter</translation>
    </message>
    <message>
        <source>Driving</source>
        <translation>Gyrru</translation>
    </message>
    <message>
        <source>Optimised driving as a share of it</source>
        <translation>Gyrru wedi&apos;i optimeiddio fel cyfran ohono</translation>
    </message>
    <message>
        <source>Pair {0}: first officer</source>
        <translation>Pâr {0}: swyddog cyntaf</translation>
    </message>
    <message>
        <source>Pair {0}: second officer</source>
        <translation>Pâr {0}: ail swyddog</translation>
    </message>
    <message>
        <source>Pair {0}:</source>
        <translation>Pâr {0}:</translation>
    </message>
    <message>
        <source>with</source>
        <translation>gyda</translation>
    </message>
    <message>
        <source>Add a pair</source>
        <translation>Ychwanegu pâr</translation>
    </message>
    <message>
        <source>Remove the last pair</source>
        <translation>Tynnu&apos;r pâr olaf</translation>
    </message>
    <message>
        <source>Start point postcode</source>
        <translation>Cod post y man cychwyn</translation>
    </message>
    <message>
        <source>e.g. ZZ1 1AA</source>
        <translation>e.e. ZZ1 1AA</translation>
    </message>
    <message>
        <source>Where each day starts and ends: the base&apos;s postcode</source>
        <translation>Lle mae pob diwrnod yn dechrau ac yn gorffen: cod post y ganolfan</translation>
    </message>
    <message>
        <source>Work {0}</source>
        <translation>Diwrnod gwaith: {0}</translation>
    </message>
    <message>
        <source>Day starts</source>
        <translation>Dechrau&apos;r dydd</translation>
    </message>
    <message>
        <source>Day ends</source>
        <translation>Diwedd y dydd</translation>
    </message>
    <message>
        <source>Evening shift</source>
        <translation>Shifft gyda&apos;r nos</translation>
    </message>
    <message>
        <source>A day worked as an evening shift, for unannounced evening visits</source>
        <translation>Diwrnod a weithir fel shifft gyda&apos;r nos, ar gyfer ymweliadau dirybudd gyda&apos;r nos</translation>
    </message>
    <message>
        <source>Place the week&apos;s visits into days and order each day (pins are kept)</source>
        <translation>Gosod ymweliadau&apos;r wythnos mewn diwrnodau a threfnu pob diwrnod (caiff y pinnau eu cadw)</translation>
    </message>
    <message>
        <source>Book this round…</source>
        <translation>Trefnu&apos;r cylch hwn…</translation>
    </message>
    <message>
        <source>Set each visit&apos;s planned day and start time</source>
        <translation>Gosod diwrnod ac amser dechrau cynlluniedig pob ymweliad</translation>
    </message>
    <message>
        <source>Day sheets</source>
        <translation>Taflenni&apos;r dydd</translation>
    </message>
    <message>
        <source>Print the day&apos;s stops in order, with what to check at each</source>
        <translation>Argraffu arosfannau&apos;r dydd mewn trefn, gyda&apos;r hyn i&apos;w wirio ym mhob un</translation>
    </message>
    <message>
        <source>This day&apos;s sheet…</source>
        <translation>Taflen y dydd hwn…</translation>
    </message>
    <message>
        <source>Every day&apos;s sheets…</source>
        <translation>Taflenni pob diwrnod…</translation>
    </message>
    <message>
        <source>Planning message</source>
        <translation>Neges gynllunio</translation>
    </message>
    <message>
        <source>Totals: optimised beside postcode order and nearest neighbour</source>
        <translation>Cyfansymiau: wedi&apos;i optimeiddio o&apos;i gymharu â threfn cod post a&apos;r cymydog agosaf</translation>
    </message>
    <message>
        <source>Days of the round</source>
        <translation>Diwrnodau&apos;r cylch</translation>
    </message>
    <message>
        <source>Stops of the day, in order</source>
        <translation>Arosfannau&apos;r dydd, mewn trefn</translation>
    </message>
    <message>
        <source>Pin to this day</source>
        <translation>Pinio i&apos;r dydd</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Dadbinio</translation>
    </message>
    <message>
        <source>Day to move the stop to</source>
        <translation>Diwrnod i symud yr arhosfan iddo</translation>
    </message>
    <message>
        <source>Evening visit</source>
        <translation>Gyda&apos;r nos</translation>
    </message>
    <message>
        <source>Ask for an evening visit</source>
        <translation>Gofyn am ymweliad gyda&apos;r nos</translation>
    </message>
    <message>
        <source>Visit this person unannounced in the evening slot: the next plan puts it on an evening shift</source>
        <translation>Ymweld â&apos;r unigolyn hwn yn ddirybudd yn y slot gyda&apos;r nos: bydd y cynllun nesaf yn ei roi ar shifft gyda&apos;r nos</translation>
    </message>
    <message>
        <source>Move and re-plan</source>
        <translation>Symud a chynllunio</translation>
    </message>
    <message>
        <source>Pin the stop to the day chosen and plan again</source>
        <translation>Pinio&apos;r arhosfan i&apos;r diwrnod a ddewiswyd a chynllunio eto</translation>
    </message>
    <message>
        <source>Zoom to the stops</source>
        <translation>Chwyddo i&apos;r arosfannau</translation>
    </message>
    <message>
        <source>Fit the map to the day&apos;s stops; the base is marked at the edge (Z on the map)</source>
        <translation>Ffitio&apos;r map i arosfannau&apos;r dydd; mae&apos;r ganolfan wedi&apos;i marcio ar yr ymyl (Z ar y map)</translation>
    </message>
    <message>
        <source>Not placed, with the reason</source>
        <translation>Heb eu gosod, gyda&apos;r rheswm</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>Heb eu gosod</translation>
    </message>
    <message>
        <source>Plan rounds to see each day&apos;s round on the map</source>
        <translation>Cynlluniwch gylchoedd i weld cylch pob diwrnod ar y map</translation>
    </message>
    <message>
        <source>Start and end at:</source>
        <translation>Dechrau a gorffen yn:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Oriau:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>i</translation>
    </message>
    <message>
        <source>Evening shift:</source>
        <translation>Shifft gyda&apos;r nos:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Diwrnodau:</translation>
    </message>
    <message>
        <source>or move to:</source>
        <translation>neu symud i:</translation>
    </message>
    <message>
        <source>Choose two officers for pair {0}.</source>
        <translation>Dewiswch ddau swyddog ar gyfer pâr {0}.</translation>
    </message>
    <message>
        <source>Pair {0} names the same officer twice: visits are made by two officers.</source>
        <translation>Mae pâr {0} yn enwi&apos;r un swyddog ddwywaith: mae dau swyddog yn gwneud ymweliadau.</translation>
    </message>
    <message>
        <source>An officer is in two pairs: each officer works in one pair.</source>
        <translation>Mae swyddog mewn dau bâr: mae pob swyddog yn gweithio mewn un pâr.</translation>
    </message>
    <message>
        <source>Type the postcode where each day starts and ends (the base).</source>
        <translation>Teipiwch y cod post lle mae pob diwrnod yn dechrau ac yn gorffen (y ganolfan).</translation>
    </message>
    <message>
        <source>Tick at least one day worked.</source>
        <translation>Ticiwch o leiaf un diwrnod gwaith.</translation>
    </message>
    <message>
        <source>The day must end after it starts ({0:%H:%M}).</source>
        <translation>Rhaid i&apos;r diwrnod orffen ar ôl iddo ddechrau ({0:%H:%M}).</translation>
    </message>
    <message>
        <source>The evening shift is on {0:%A}, which is not ticked as a day worked.</source>
        <translation>Mae&apos;r shifft gyda&apos;r nos ar {0:%A}, ond nid yw wedi&apos;i dicio fel diwrnod gwaith.</translation>
    </message>
    <message>
        <source>Planning the week of {0:%d %b}…</source>
        <translation>Wrthi&apos;n cynllunio wythnos {0:%d %b}…</translation>
    </message>
    <message>
        <source>No visits are due, overdue or booked this week for these officers.</source>
        <translation>Nid oes unrhyw ymweliadau&apos;n ddyledus, yn hwyr nac wedi&apos;u trefnu yr wythnos hon ar gyfer y swyddogion hyn.</translation>
    </message>
    <message>
        <source>None of the {0} has a location yet: load the postcode file (File › Import postcode locations…) or set points by hand on the records, then plan again.</source>
        <translation>Nid oes gan yr un o&apos;r {0} leoliad eto: llwythwch y ffeil codau post (Ffeil › Mewnforio lleoliadau codau post…) neu gosodwch bwyntiau â llaw ar y cofnodion, yna cynlluniwch eto.</translation>
    </message>
    <message>
        <source>{0} placed in {1}</source>
        <translation>{0} wedi&apos;u gosod mewn {1}</translation>
    </message>
    <message>
        <source>day</source>
        <translation>diwrnod</translation>
    </message>
    <message>
        <source>overdue by {0} (due {1:%a %d %b})</source>
        <translation>{0} yn hwyr (yn ddyledus {1:%a %d %b})</translation>
    </message>
    <message>
        <source>due {0:%a %d %b}</source>
        <translation>yn ddyledus {0:%a %d %b}</translation>
    </message>
    <message>
        <source>planned {0:%a %d %b}</source>
        <translation>wedi&apos;i gynllunio {0:%a %d %b}</translation>
    </message>
    <message>
        <source>{0} not placed</source>
        <translation>{0} heb eu gosod</translation>
    </message>
    <message>
        <source>driving times: {0}</source>
        <translation>amseroedd gyrru: {0}</translation>
    </message>
    <message>
        <source>{0} could not keep the booked time (placed at the earliest: see the day sheet)</source>
        <translation>ni allai {0} gadw&apos;r amser a drefnwyd (wedi&apos;u gosod ar yr amser cynharaf: gweler taflen y dydd)</translation>
    </message>
    <message>
        <source>choose an evening shift to place the {0} needing the evening</source>
        <translation>dewiswch shifft gyda&apos;r nos i osod y {0} sydd angen bod gyda&apos;r nos</translation>
    </message>
    <message>
        <source>Optimised</source>
        <translation>Wedi&apos;i optimeiddio</translation>
    </message>
    <message>
        <source>Postcode order (the week list&apos;s round)</source>
        <translation>Trefn cod post (cylch rhestr yr wythnos)</translation>
    </message>
    <message>
        <source>Nearest neighbour</source>
        <translation>Cymydog agosaf</translation>
    </message>
    <message>
        <source>Not placed ({0}), with the reason</source>
        <translation>Heb eu gosod ({0}), gyda&apos;r rheswm</translation>
    </message>
    <message>
        <source>Every visit was placed.</source>
        <translation>Cafodd pob ymweliad ei osod.</translation>
    </message>
    <message>
        <source> (evening)</source>
        <translation> (gyda&apos;r nos)</translation>
    </message>
    <message>
        <source> (to evening)</source>
        <translation> (tan yr hwyr)</translation>
    </message>
    <message>
        <source>{0}
{1}
{2}, {3}</source>
        <translation>{0}
{1}
{2}, {3}</translation>
    </message>
    <message>
        <source>No day to show</source>
        <translation>Dim diwrnod i&apos;w ddangos</translation>
    </message>
    <message>
        <source>Base ({0})</source>
        <translation>Canolfan ({0})</translation>
    </message>
    <message>
        <source>{0:%H:%M} to {1:%H:%M}</source>
        <translation>{0:%H:%M} i {1:%H:%M}</translation>
    </message>
    <message>
        <source>{0} is pinned to {1:%A}: the next plan keeps it there.</source>
        <translation>Mae ymweliad {0} wedi&apos;i binio i {1:~%A}: bydd y cynllun nesaf yn ei gadw yno.</translation>
    </message>
    <message>
        <source>{0} is no longer pinned: the next plan may move it.</source>
        <translation>Nid yw ymweliad {0} wedi&apos;i binio mwyach: gall y cynllun nesaf ei symud.</translation>
    </message>
    <message>
        <source>{0}: no longer asked for in the evening. Plan again to apply.</source>
        <translation>{0}: dim cais am ymweliad gyda&apos;r nos mwyach. Cynlluniwch eto i&apos;w roi ar waith.</translation>
    </message>
    <message>
        <source> Choose an evening shift too.</source>
        <translation> Dewiswch shifft gyda&apos;r nos hefyd.</translation>
    </message>
    <message>
        <source>{0}: an unannounced evening visit. Plan again to apply.{1}</source>
        <translation>{0}: ymweliad dirybudd gyda&apos;r nos. Cynlluniwch eto i&apos;w roi ar waith.{1}</translation>
    </message>
    <message>
        <source>Plan again (pins kept)</source>
        <translation>Cynllunio eto (cadw&apos;r pinnau)</translation>
    </message>
    <message>
        <source>No figures</source>
        <translation>Dim ffigurau</translation>
    </message>
    <message>
        <source>Risk: {0}</source>
        <translation>Risg: {0}</translation>
    </message>
    <message>
        <source> (not assessed)</source>
        <translation> (heb ei asesu)</translation>
    </message>
    <message>
        <source>  ·  MAPPA level {0}</source>
        <translation>  ·  MAPPA lefel {0}</translation>
    </message>
    <message>
        <source>A field</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Gwaredu&apos;r hyn a deipiwyd gennych?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Gwaredu</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Dal ati i olygu</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Heb ei gadw</translation>
    </message>
    <message>
        <source>any sexual offence against a male</source>
        <translation>unrhyw drosedd rywiol yn erbyn gwryw</translation>
    </message>
    <message>
        <source>any sexual offence against a stranger</source>
        <translation>unrhyw drosedd rywiol yn erbyn dieithryn</translation>
    </message>
    <message>
        <source>any non-contact sexual offence</source>
        <translation>unrhyw drosedd rywiol ddigyswllt</translation>
    </message>
    <message>
        <source>single (never married)</source>
        <translation>sengl (heb briodi erioed)</translation>
    </message>
    <message>
        <source>C table with points 1-4 (2-3 Low, 4-5 Medium, 6-7 High, 8 Very High)</source>
        <translation>Tabl C gyda phwyntiau 1-4 (2-3 Isel, 4-5 Canolig, 6-7 Uchel, 8 Uchel Iawn)</translation>
    </message>
    <message>
        <source>C table with points 0-3 (0 Low, 1-2 Medium, 3-4 High, 5-6 Very High)</source>
        <translation>Tabl C gyda phwyntiau 0-3 (0 Isel, 1-2 Canolig, 3-4 Uchel, 5-6 Uchel Iawn)</translation>
    </message>
    <message>
        <source>{0}: unknown (would add {1}-{2} points)</source>
        <translation>{0}: anhysbys (byddai&apos;n ychwanegu {1}-{2} pwynt)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ie</translation>
    </message>
    <message>
        <source>no</source>
        <translation>na</translation>
    </message>
    <message>
        <source>Provisional: {0}</source>
        <translation>Dros dro: {0}</translation>
    </message>
    <message>
        <source>Unknown: {0}</source>
        <translation>Anhysbys: {0}</translation>
    </message>
    <message>
        <source>RM2000 not applicable: {0}</source>
        <translation>Nid yw RM2000 yn berthnasol: {0}</translation>
    </message>
    <message>
        <source>Scored with the {0}</source>
        <translation>Wedi&apos;i sgorio gyda&apos;r {0}</translation>
    </message>
    <message>
        <source>RM2000 is validated for males only</source>
        <translation>Mae RM2000 wedi&apos;i ddilysu ar gyfer dynion yn unig</translation>
    </message>
    <message>
        <source>aged {0} on the assessment date; RM2000 applies from 18</source>
        <translation>yn {0} oed ar ddyddiad yr asesiad; mae RM2000 yn berthnasol o 18 oed</translation>
    </message>
    <message>
        <source>no conviction for a sexual offence is recorded</source>
        <translation>ni chofnodwyd euogfarn am drosedd rywiol</translation>
    </message>
    <message>
        <source>no sexual offence date confirms an offence at 16 or over</source>
        <translation>nid oes dyddiad trosedd rywiol yn cadarnhau trosedd yn 16 oed neu drosodd</translation>
    </message>
    <message>
        <source>every sexual offence was committed before age 16</source>
        <translation>cyflawnwyd pob trosedd rywiol cyn 16 oed</translation>
    </message>
    <message>
        <source>Age at commencement of risk</source>
        <translation>Oed ar ddechrau&apos;r risg</translation>
    </message>
    <message>
        <source>Sexual appearances</source>
        <translation>Ymddangosiadau rhywiol</translation>
    </message>
    <message>
        <source>Criminal appearances</source>
        <translation>Ymddangosiadau troseddol</translation>
    </message>
    <message>
        <source>Step 1 total {0}: {1}</source>
        <translation>Cam 1 cyfanswm {0}: {1}</translation>
    </message>
    <message>
        <source>Step 2 aggravating factors present: {0} ({1} of {2}, {3} unknown)</source>
        <translation>Cam 2 ffactorau gwaethygol sy&apos;n bresennol: {0} ({1} o {2}, {3} yn anhysbys)</translation>
    </message>
    <message>
        <source>Step 2 aggravating factors present: {0} ({1} of {2})</source>
        <translation>Cam 2 ffactorau gwaethygol sy&apos;n bresennol: {0} ({1} o {2})</translation>
    </message>
    <message>
        <source>: raise {0} level</source>
        <translation>: codi {0} lefel</translation>
    </message>
    <message>
        <source>: raise {0} levels</source>
        <translation>: codi {0} lefel</translation>
    </message>
    <message>
        <source>Never above Very High</source>
        <translation>Byth uwch nag Uchel Iawn</translation>
    </message>
    <message>
        <source>Burglary conviction</source>
        <translation>Euogfarn am fyrgleriaeth</translation>
    </message>
    <message>
        <source>Violent (non-sexual) appearances</source>
        <translation>Ymddangosiadau treisgar (nid rhywiol)</translation>
    </message>
    <message>
        <source>Total {0}: {1}</source>
        <translation>Cyfanswm {0}: {1}</translation>
    </message>
    <message>
        <source>RM2000/S {0} and RM2000/V {1} give {2} points: {3}</source>
        <translation>Mae RM2000/S {0} ac RM2000/V {1} yn rhoi {2} pwynt: {3}</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>{0} i {1:~}</translation>
    </message>
    <message>
        <source>point</source>
        <translation>pwynt</translation>
    </message>
    <message>
        <source>police</source>
        <translation>heddlu</translation>
    </message>
    <message>
        <source>children</source>
        <translation>plant</translation>
    </message>
    <message>
        <source>a known adult</source>
        <translation>oedolyn hysbys</translation>
    </message>
    <message>
        <source>the public</source>
        <translation>y cyhoedd</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <source>self</source>
        <translation>ei hun</translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation>{0} a {1}</translation>
    </message>
    <message>
        <source>RoSH: {0} to {1}</source>
        <translation>RoSH: {0} i {1:~}</translation>
    </message>
    <message>
        <source>{0}: booked for {1:%H:%M} on {2:%a %d %b}, a time that cannot be met (outside the hours or its window, or too soon to get there from the base); planned at its earliest instead.</source>
        <translation>{0}: wedi&apos;i drefnu am {1:%H:%M} ar {2:%a %d %b}, amser na ellir ei gyrraedd (y tu allan i&apos;r oriau neu ei ffenestr, neu&apos;n rhy fuan i gyrraedd yno o&apos;r ganolfan); wedi&apos;i gynllunio ar ei gynharaf yn lle hynny.</translation>
    </message>
    <message>
        <source>{0} risk, overdue by {1}</source>
        <translation>risg {0}, {1} yn hwyr</translation>
    </message>
    <message>
        <source>{0} risk, due {1:%a %d %b}</source>
        <translation>risg {0}, yn ddyledus {1:%a %d %b}</translation>
    </message>
    <message>
        <source>overdue panel action</source>
        <translation>cam gweithredu&apos;r panel yn hwyr</translation>
    </message>
    <message>
        <source>overdue panel actions</source>
        <translation>cam gweithredu&apos;r panel yn hwyr</translation>
    </message>
    <message>
        <source>last seen {0}; {1}</source>
        <translation>gwelwyd ddiwethaf {0}; {1}</translation>
    </message>
    <message>
        <source>never visited; first visit within {0} days of {1}</source>
        <translation>dim ymweliad erioed; ymweliad cyntaf o fewn {0} diwrnod i {1}</translation>
    </message>
    <message>
        <source>{0}; reactive management to be reviewed ({1})</source>
        <translation>{0}; rheoli adweithiol i&apos;w adolygu ({1})</translation>
    </message>
    <message>
        <source>{0}; reactive management to be reviewed</source>
        <translation>{0}; rheoli adweithiol i&apos;w adolygu</translation>
    </message>
    <message>
        <source>reactive management: no routine visits</source>
        <translation>rheoli adweithiol: dim ymweliadau arferol</translation>
    </message>
    <message>
        <source>in custody</source>
        <translation>yn y ddalfa</translation>
    </message>
    <message>
        <source>notification requirement ended</source>
        <translation>gofyniad hysbysu wedi dod i ben</translation>
    </message>
    <message>
        <source>cautioned</source>
        <translation>cafodd rybudd</translation>
    </message>
    <message>
        <source>convicted or found to have done the act</source>
        <translation>euogfarnwyd neu canfuwyd iddo gyflawni&apos;r weithred</translation>
    </message>
    <message>
        <source>convicted</source>
        <translation>euogfarnwyd</translation>
    </message>
    <message>
        <source>the force policy does not allow reactive management</source>
        <translation>nid yw polisi&apos;r heddlu yn caniatáu rheoli adweithiol</translation>
    </message>
    <message>
        <source>not assessed as low risk</source>
        <translation>heb ei asesu&apos;n risg isel</translation>
    </message>
    <message>
        <source>low risk for less than {0}</source>
        <translation>risg isel am lai na {0}</translation>
    </message>
    <message>
        <source>an offence in the last {0}: {1}</source>
        <translation>trosedd yn ystod y {0} diwethaf: {1}</translation>
    </message>
    <message>
        <source>a civil order is in force: {0} made {1}, {2}</source>
        <translation>mae gorchymyn sifil mewn grym: {0} a wnaed {1}, {2}</translation>
    </message>
    <message>
        <source>intelligence that they may offend recorded {0}</source>
        <translation>gwybodaeth gudd y gallant droseddu wedi&apos;i chofnodi {0}</translation>
    </message>
    <message>
        <source>plan: every month</source>
        <translation>cynllun: bob mis</translation>
    </message>
    <message>
        <source>plan: every {0} months</source>
        <translation>cynllun: bob {0} mis</translation>
    </message>
    <message>
        <source>{0} risk default: every month</source>
        <translation>diofyn risg {0}: bob mis</translation>
    </message>
    <message>
        <source>{0} risk default: every {1} months</source>
        <translation>diofyn risg {0}: bob {1} mis</translation>
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
        <translation>Yn cael ei geisio</translation>
    </message>
    <message>
        <source>{0} since {1} ({2})</source>
        <translation>{0} ers {1} ({2})</translation>
    </message>
    <message>
        <source>review overdue since {0} ({1})</source>
        <translation>adolygiad yn hwyr ers {0} ({1})</translation>
    </message>
    <message>
        <source>review due today</source>
        <translation>adolygiad yn ddyledus heddiw</translation>
    </message>
    <message>
        <source>next review {0} (in {1})</source>
        <translation>adolygiad nesaf {0} (ymhen {1})</translation>
    </message>
    <message>
        <source>{0}; no review recorded</source>
        <translation>{0}; dim adolygiad wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>{0}; last reviewed {1} by {2}</source>
        <translation>{0}; adolygwyd ddiwethaf {1} gan {2}</translation>
    </message>
    <message>
        <source>{0}; last reviewed {1}</source>
        <translation>{0}; adolygwyd ddiwethaf {1}</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Casglu</translation>
    </message>
    <message>
        <source>Alteration</source>
        <translation>Newid</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Ymgynghori</translation>
    </message>
    <message>
        <source>Combination</source>
        <translation>Cyfuno</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>wedi&apos;i newid</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>wedi&apos;i agor</translation>
    </message>
    <message>
        <source>printed or exported</source>
        <translation>wedi&apos;i argraffu neu ei allforio</translation>
    </message>
    <message>
        <source>combined</source>
        <translation>wedi&apos;i gyfuno</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>wedi&apos;i ddileu</translation>
    </message>
    <message>
        <source>Offender record created</source>
        <translation>Crëwyd cofnod y troseddwr</translation>
    </message>
    <message>
        <source>Visit corrected</source>
        <translation>Cywirwyd yr ymweliad</translation>
    </message>
    <message>
        <source>Note added to a visit</source>
        <translation>Ychwanegwyd nodyn at ymweliad</translation>
    </message>
    <message>
        <source>Visit correction kept with its reason</source>
        <translation>Cadwyd cywiriad yr ymweliad gyda&apos;i reswm</translation>
    </message>
    <message>
        <source>Missing or wanted recorded</source>
        <translation>Cofnodwyd ar goll neu&apos;n eisiau</translation>
    </message>
    <message>
        <source>Whereabouts changed</source>
        <translation>Newidiwyd y lleoliad</translation>
    </message>
    <message>
        <source>{0} removed (entered in error)</source>
        <translation>{0} wedi&apos;i dynnu (cofnodwyd mewn camgymeriad)</translation>
    </message>
    <message>
        <source>Disclosure under the child sex offender disclosure scheme</source>
        <translation>Datgeliad o dan y cynllun datgelu troseddwyr rhyw yn erbyn plant</translation>
    </message>
    <message>
        <source>Missing or wanted reviewed</source>
        <translation>Adolygwyd ar goll neu&apos;n eisiau</translation>
    </message>
    <message>
        <source>not a real date ({0})</source>
        <translation>nid yw&apos;n ddyddiad go iawn ({0})</translation>
    </message>
    <message>
        <source>there is no month {0}: type day/month/year</source>
        <translation>nid oes mis {0}: teipiwch diwrnod/mis/blwyddyn</translation>
    </message>
    <message>
        <source>there is no day 0</source>
        <translation>nid oes diwrnod 0</translation>
    </message>
    <message>
        <source>February {0} has no 29th: {0} is not a leap year</source>
        <translation>nid oes 29 Chwefror yn {0}: nid yw {0} yn flwyddyn naid</translation>
    </message>
    <message>
        <source>{0} has no {1}</source>
        <translation>nid oes diwrnod {1} ym mis {0}</translation>
    </message>
    <message>
        <source>; its last day is the {0}</source>
        <translation>; ei ddiwrnod olaf yw {0}</translation>
    </message>
    <message>
        <source>say why the record is removed (for example: typed twice)</source>
        <translation>dywedwch pam mae&apos;r cofnod yn cael ei dynnu (er enghraifft: wedi&apos;i deipio ddwywaith)</translation>
    </message>
    <message>
        <source>SOM</source>
        <translation>SOM</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Goruchwyliwr</translation>
    </message>
    <message>
        <source>MAPPA panel chair</source>
        <translation>Cadeirydd panel MAPPA</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Gweinyddwr</translation>
    </message>
    <message>
        <source>postcode order</source>
        <translation>trefn cod post</translation>
    </message>
    <message>
        <source>nearest neighbour</source>
        <translation>cymydog agosaf</translation>
    </message>
    <message>
        <source>no longer in this caseload</source>
        <translation>nid yw yn y llwyth achosion hwn mwyach</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>wedi&apos;i ganslo</translation>
    </message>
    <message>
        <source>booked meanwhile on another device ({0}): left as it is; plan again to include it</source>
        <translation>wedi&apos;i drefnu yn y cyfamser ar ddyfais arall ({0}): gadawyd fel y mae; cynlluniwch eto i&apos;w gynnwys</translation>
    </message>
    <message>
        <source>no location: set a point by hand or load the postcode file</source>
        <translation>dim lleoliad: gosodwch bwynt â llaw neu llwythwch y ffeil codau post</translation>
    </message>
    <message>
        <source>no room in the working hours this week</source>
        <translation>dim lle yn yr oriau gwaith yr wythnos hon</translation>
    </message>
    <message>
        <source>no room on the day it is pinned or planned to</source>
        <translation>dim lle ar y diwrnod y mae wedi&apos;i binio neu ei gynllunio iddo</translation>
    </message>
    <message>
        <source>the drive from the base and back and the visit take longer than a day&apos;s hours</source>
        <translation>mae&apos;r daith o&apos;r ganolfan ac yn ôl a&apos;r ymweliad yn cymryd mwy nag oriau diwrnod</translation>
    </message>
    <message>
        <source>its time window cannot be met on any day worked</source>
        <translation>ni ellir cwrdd â&apos;i ffenestr amser ar unrhyw ddiwrnod gwaith</translation>
    </message>
    <message>
        <source>pinned or planned to a day no team works</source>
        <translation>wedi&apos;i binio neu ei gynllunio i ddiwrnod nad oes tîm yn gweithio</translation>
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
        <translation>Aros 12+ awr mewn aelwyd gyda phlentyn dan 18</translation>
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
        <source>Alias</source>
        <translation>Enw arall</translation>
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
        <source>Counted term: {0} ({1})</source>
        <translation>Tymor a gyfrifwyd: {0} ({1})</translation>
    </message>
    <message>
        <source>term {0} has no length</source>
        <translation>nid oes hyd i dymor {0}</translation>
    </message>
    <message>
        <source>the first term has nothing before it to run concurrently with</source>
        <translation>nid oes dim o flaen y tymor cyntaf iddo redeg yn gydredol ag ef</translation>
    </message>
    <message>
        <source>term {0} is consecutive, so it begins when term {1} ends: leave its start empty</source>
        <translation>mae tymor {0} yn olynol, felly mae&apos;n dechrau pan ddaw tymor {1} i ben: gadewch ei ddechrau&apos;n wag</translation>
    </message>
    <message>
        <source>term {0} is concurrent: enter the day it began</source>
        <translation>mae tymor {0} yn gydredol: rhowch y diwrnod y dechreuodd</translation>
    </message>
    <message>
        <source>term 1: enter the day it began (concurrent terms are measured from it)</source>
        <translation>tymor 1: rhowch y diwrnod y dechreuodd (mae tymhorau cydredol yn cael eu mesur ohono)</translation>
    </message>
    <message>
        <source>term {0} begins before term 1: enter the earliest term first</source>
        <translation>mae tymor {0} yn dechrau cyn tymor 1: rhowch y tymor cynharaf yn gyntaf</translation>
    </message>
    <message>
        <source>term {0} begins after the terms before it end, so it is not concurrent with them: record it as consecutive, or as a separate sentence</source>
        <translation>mae tymor {0} yn dechrau ar ôl i&apos;r tymhorau o&apos;i flaen ddod i ben, felly nid yw&apos;n gydredol â nhw: cofnodwch ef fel un olynol, neu fel dedfryd ar wahân</translation>
    </message>
    <message>
        <source>the term as entered</source>
        <translation>y tymor fel y&apos;i rhoddwyd</translation>
    </message>
    <message>
        <source>{0} consecutive, added together (s.82(4)(a))</source>
        <translation>{0} yn olynol, wedi&apos;u hadio at ei gilydd (a.82(4)(a))</translation>
    </message>
    <message>
        <source>{0}, the later wholly concurrent: the first counts</source>
        <translation>{0}, y diweddarach yn gwbl gydredol: y cyntaf sy&apos;n cyfrif</translation>
    </message>
    <message>
        <source>{0}, partly concurrent: the period from the start of the first ({1}) to the end of the last ({2}) (s.82(4)(b))</source>
        <translation>{0}, yn rhannol gydredol: y cyfnod o ddechrau&apos;r cyntaf ({1}) hyd ddiwedd yr olaf ({2}) (a.82(4)(b))</translation>
    </message>
    <message>
        <source>{0}, no more than the terms added together</source>
        <translation>{0}, dim mwy na&apos;r tymhorau wedi&apos;u hadio at ei gilydd</translation>
    </message>
    <message>
        <source>detention and training order of {0}: the whole order (force policy)</source>
        <translation>gorchymyn cadw a hyfforddi o {0}: y gorchymyn cyfan (polisi&apos;r heddlu)</translation>
    </message>
    <message>
        <source>detention and training order of {0}: the detention half, {1}, counts (s.131(a))</source>
        <translation>gorchymyn cadw a hyfforddi o {0}: yr hanner cadw, {1}, sy&apos;n cyfrif (a.131(a))</translation>
    </message>
    <message>
        <source>{0}; {1} from {2} is {3} on the calendar</source>
        <translation>{0}; mae {1} o {2} yn {3} ar y calendr</translation>
    </message>
    <message>
        <source> concurrent</source>
        <translation> cydredol</translation>
    </message>
    <message>
        <source> consecutive</source>
        <translation> olynol</translation>
    </message>
    <message>
        <source> from {0}</source>
        <translation> o {0}</translation>
    </message>
    <message>
        <source>years (2y, 2 years), months (10m), weeks (18w) or days (14d), or these together (1y 6m)</source>
        <translation>blynyddoedd (2y, 2 years), misoedd (10m), wythnosau (18w) neu ddiwrnodau (14d), neu&apos;r rhain gyda&apos;i gilydd (1y 6m)</translation>
    </message>
    <message>
        <source>term {0} (&quot;{1}&quot;) is not a length in {2}, optionally with &quot;concurrent from 2024-04-10&quot;</source>
        <translation>nid yw tymor {0} (&quot;{1}&quot;) yn hyd mewn {2}, gyda &quot;concurrent from 2024-04-10&quot; os dymunir</translation>
    </message>
    <message>
        <source>term {0}: {1} is not a real date</source>
        <translation>tymor {0}: nid yw {1} yn ddyddiad go iawn</translation>
    </message>
    <message>
        <source>term {0} is longer than {1} months or {2} days</source>
        <translation>mae tymor {0} yn hwy na {1} mis neu {2} diwrnod</translation>
    </message>
    <message>
        <source>more than {0} terms</source>
        <translation>mwy na {0} tymor</translation>
    </message>
    <message>
        <source>any</source>
        <translation>unrhyw werth</translation>
    </message>
    <message>
        <source>{0} or fewer</source>
        <translation>{0} neu lai</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ar agor</translation>
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
        <source>Earlier notes (before meetings were recorded)</source>
        <translation>Nodiadau cynharach (cyn i gyfarfodydd gael eu cofnodi)</translation>
    </message>
    <message>
        <source>Heard: the panel&apos;s decision is recorded</source>
        <translation>Wedi&apos;i ystyried: mae penderfyniad y panel wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>New referral: not yet heard by a panel</source>
        <translation>Atgyfeiriad newydd: heb ei ystyried gan banel eto</translation>
    </message>
    <message>
        <source>Chosen by the chair</source>
        <translation>Wedi&apos;i ddewis gan y cadeirydd</translation>
    </message>
    <message>
        <source>Review overdue: due {0}</source>
        <translation>Adolygiad yn hwyr: yn ddyledus {0}</translation>
    </message>
    <message>
        <source>Review due {0}</source>
        <translation>Adolygiad yn ddyledus {0}</translation>
    </message>
    <message>
        <source>Chosen by the chair: review not due until {0}</source>
        <translation>Wedi&apos;i ddewis gan y cadeirydd: nid yw&apos;r adolygiad yn ddyledus tan {0}</translation>
    </message>
    <message>
        <source>MAPPA review overdue: due {0}</source>
        <translation>Adolygiad MAPPA yn hwyr: yn ddyledus {0}</translation>
    </message>
    <message>
        <source>Notification overdue: owed by {0}</source>
        <translation>Hysbysiad yn hwyr: yn ddyledus erbyn {0}</translation>
    </message>
    <message>
        <source>No Risk Matrix 2000 assessment recorded for a level {0} case</source>
        <translation>Dim asesiad Risk Matrix 2000 wedi&apos;i gofnodi ar gyfer achos lefel {0}</translation>
    </message>
    <message>
        <source>Panel action overdue: {0} ({1}, {2}), due {3}</source>
        <translation>Cam gweithredu&apos;r panel yn hwyr: {0} ({1}, {2}), yn ddyledus {3}</translation>
    </message>
    <message>
        <source>Breach found {0} since the last meeting: {1}</source>
        <translation>Canfuwyd achos o dorri ar {0} ers y cyfarfod diwethaf: {1}</translation>
    </message>
    <message>
        <source>Breach found {0}: {1}</source>
        <translation>Canfuwyd achos o dorri ar {0}: {1}</translation>
    </message>
    <message>
        <source>{0} since {1}: still open</source>
        <translation>{0} ers {1}: yn dal ar agor</translation>
    </message>
    <message>
        <source>{0} {1} to {2}</source>
        <translation>{0} {1} hyd at {2}</translation>
    </message>
    <message>
        <source>a folder is where this file should be: move or rename the folder</source>
        <translation>mae ffolder lle dylai&apos;r ffeil hon fod: symudwch neu ailenwch y ffolder</translation>
    </message>
    <message>
        <source>a file is where a folder should be: move or rename the file</source>
        <translation>mae ffeil lle dylai ffolder fod: symudwch neu ailenwch y ffeil</translation>
    </message>
    <message>
        <source>the folder is read-only (a read-only disk or share): use a folder that can be written</source>
        <translation>mae&apos;r ffolder yn un darllen yn unig (disg neu gyfran darllen yn unig): defnyddiwch ffolder y gellir ysgrifennu iddi</translation>
    </message>
    <message>
        <source>this account may not use it (permissions): ask your administrator, or use another folder</source>
        <translation>ni chaiff y cyfrif hwn ei defnyddio (caniatâd): gofynnwch i&apos;ch gweinyddwr, neu defnyddiwch ffolder arall</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>nid oes ffeil na ffolder o&apos;r fath</translation>
    </message>
    <message>
        <source>nothing more could be written</source>
        <translation>ni ellid ysgrifennu dim mwy</translation>
    </message>
    <message>
        <source>the disk could not be written (an input/output error); nothing was changed</source>
        <translation>ni ellid ysgrifennu i&apos;r ddisg (gwall mewnbwn/allbwn); ni newidiwyd dim</translation>
    </message>
    <message>
        <source>{0}{1}; nothing was changed</source>
        <translation>{0}{1}; ni newidiwyd dim</translation>
    </message>
    <message>
        <source>somdesk met a problem it did not expect; the details are in the support log{0}: please send it to your administrator</source>
        <translation>daeth somdesk ar draws problem nad oedd yn ei disgwyl; mae&apos;r manylion yn y log cymorth{0}: anfonwch ef at eich gweinyddwr</translation>
    </message>
    <message>
        <source>the profile cannot be opened ({0:,} KB free)</source>
        <translation>ni ellir agor y proffil ({0:,} KB yn rhydd)</translation>
    </message>
    <message>
        <source>this computer&apos;s disk is full, so {0}; nothing was lost. Free some space and try again</source>
        <translation>mae disg y cyfrifiadur hwn yn llawn, felly {0}; ni chollwyd dim. Rhyddhewch ychydig o le a rhowch gynnig arall arni</translation>
    </message>
    <message>
        <source>profile {0} is already open in another somdesk window or process; close it there first</source>
        <translation>mae&apos;r proffil {0} eisoes ar agor mewn ffenestr neu broses somdesk arall; caewch ef yno yn gyntaf</translation>
    </message>
    <message>
        <source>sync cannot write what it received</source>
        <translation>ni all cysoni ysgrifennu&apos;r hyn a gafodd</translation>
    </message>
</context>
</TS>
