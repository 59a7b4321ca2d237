// Word lists for comment sentiment in en, de and nl (ADR 0028): hand-written, a few hundred common
// words of workplace feedback with their usual inflections, and the negators that flip a word. Words
// that are mostly something else ("like", "well", Dutch "erg" = very) are left out. Small
// on purpose: the figure must be explainable by the words it shows, not by a model.
import type { SentimentLanguage } from '../../../shared/conversation.js';

const words = (text: string): string[] => text.trim().split(/\s+/u);

export type Lexicon = { positive: ReadonlySet<string>; negative: ReadonlySet<string>; negators: ReadonlySet<string>; negatesAfter: boolean };

export const LEXICONS: Record<SentimentLanguage, Lexicon> = {
  en: {
    positive: new Set(
      words(`good great excellent awesome amazing fantastic wonderful brilliant love loved loving liked helpful useful clear
        thanks thank thankful grateful appreciate appreciated appreciation happy glad pleased excited exciting enjoy enjoyed nice
        cool perfect best better improve improved improvement impressive inspiring inspired proud congratulations congrats
        agree agreed support supportive valuable positive success successful win fair easy simple smooth welcome kudos bravo
        motivating motivated informative transparent encouraging effective efficient benefit beneficial promising superb solid
        outstanding remarkable terrific marvellous marvelous delighted delightful pleasant enjoyable fun funny insightful insight
        thoughtful constructive practical relevant meaningful engaging engaged empowering empowered reassuring reassured confident
        trust trusted reliable honest recommend recommended worthwhile rewarding achieved achievement accomplished progress
        growth opportunity opportunities innovative creative smart wise strong stronger improving improves works worked working
        convenient flexible fast quick quicker faster friendly kind caring respectful respected inclusive together teamwork
        collaborative celebrate celebrated celebrating thrilled fascinating impressed clearer clarity understandable readable
        concise helpful helped helps thx cheers yay wow beautiful lovely neat handy fine okay ok satisfied satisfying
        recognition recognised recognized valued appreciative`),
    ),
    negative: new Set(
      words(`bad poor terrible awful horrible hate hated dislike disappointed disappointing disappointment confusing confused unclear
        useless pointless worse worst problem problems issue issues wrong annoying annoyed frustrating frustrated frustration
        angry upset sad worried worry concern concerned concerns unfair difficult hard complicated fail failed failure boring
        waste slow broken risk risky stress stressful tired chaos chaotic mess messy negative unhappy sorry doubt doubtful
        missing lacking lack unacceptable ridiculous nonsense harmful painful fear afraid
        horrendous dreadful disgusting inadequate insufficient incomplete inconsistent misleading vague ambiguous irrelevant
        outdated late delayed delay delays bug bugs buggy crash crashed crashes error errors mistake mistakes unfortunately
        complaint complain complaining criticism critical overwhelmed overwhelming overloaded burnout exhausted exhausting
        pressure anxious anxiety nervous scared uncertain uncertainty unsure ignored excluded unheard disrespectful rude
        dismissive unprofessional lazy incompetent inefficient ineffective bureaucratic bureaucracy tedious cumbersome clumsy
        awkward ugly cheap expensive costly layoffs cuts redundant redundancies stupid silly absurd pathetic shame shameful
        regret regrettable hopeless helpless useless blame blamed disagree disagreement conflict toxic unsafe dangerous
        damage damaged loss losing lose decline boring bored meh`),
    ),
    negators: new Set(words(`not no never nothing hardly barely isn't aren't wasn't weren't don't doesn't didn't can't cannot won't wouldn't shouldn't nor`)),
    negatesAfter: false,
  },
  de: {
    positive: new Set(
      words(`gut gute guter gutes guten super toll tolle toller prima klasse spitze hervorragend hervorragende ausgezeichnet exzellent
        großartig großartige genial wunderbar schön schöne danke dank dankbar freue freuen freut froh glücklich begeistert begeistern
        spannend spannende interessant interessante hilfreich hilfreiche nützlich nützliche klar klare verständlich gelungen gelungene
        perfekt besser beste verbessert verbesserung stolz gratuliere glückwunsch glückwünsche lob loben zustimmen zustimmung
        unterstützen unterstützung wertvoll positiv positive erfolg erfolgreich fair einfach motivierend motiviert transparent
        informativ sinnvoll sinnvolle überzeugend gefällt mag liebe bravo willkommen stark starke
        herausragend herausragende beeindruckend beeindruckt fantastisch fantastische großartiger prima wunderschön angenehm
        erfreulich erfreut freude spaß lustig aufschlussreich durchdacht konstruktiv praktisch praktische relevant relevante
        bedeutsam ermutigend beruhigend zuversichtlich vertrauen zuverlässig ehrlich empfehlen empfehlenswert lohnend
        erreicht fortschritt fortschritte wachstum chance chancen innovativ kreativ klug stärker funktioniert klappt bequem
        flexibel schnell schneller freundlich nett respektvoll wertschätzend wertschätzung anerkennung gemeinsam teamarbeit
        zusammenarbeit feiern gefeiert fasziniert faszinierend übersichtlich verständliche prägnant geholfen hilft juhu wow
        schöner zufrieden zufriedenheit geschätzt dankeschön vielen herzlichen herzlich bestens optimal vorbildlich`),
    ),
    negative: new Set(
      words(`schlecht schlechte schlechter schlechtes schlimm furchtbar schrecklich mies enttäuscht enttäuschend enttäuschung
        verwirrend verwirrt unklar unverständlich nutzlos sinnlos schlechteste problem probleme falsch ärgerlich ärgert ärger
        nervig nervt frustrierend frustriert frust wütend traurig sorge sorgen besorgt bedenken unfair schwierig schwer kompliziert
        fehler gescheitert scheitern langweilig verschwendung langsam kaputt risiko riskant stress stressig müde chaos chaotisch
        negativ negative unglücklich leider zweifel fehlt fehlen mangel mangelhaft inakzeptabel lächerlich unsinn quatsch angst
        schade
        miserabel katastrophal katastrophe ekelhaft unzureichend ungenügend unvollständig widersprüchlich irreführend vage
        irrelevant veraltet verspätet verspätung verzögerung verzögert absturz abgestürzt fehlerhaft irrtum beschwerde beschweren
        kritik kritisch überfordert überforderung überlastet überlastung erschöpft erschöpfend druck ängstlich nervös unsicher
        unsicherheit ignoriert ausgeschlossen respektlos unhöflich unprofessionell inkompetent ineffizient ineffektiv bürokratisch
        bürokratie mühsam umständlich hässlich teuer kostspielig entlassungen kürzungen dumm albern absurd peinlich bedauerlich
        hoffnungslos hilflos schuld vorwurf dagegen konflikt toxisch gefährlich schaden verlust rückgang gelangweilt nervt
        ärgerlicherweise unzufrieden unzufriedenheit mangelnde mangelt verschlechtert verschlechterung`),
    ),
    negators: new Set(words(`nicht kein keine keinen keinem keiner keines nie niemals nichts kaum weder`)),
    negatesAfter: true,
  },
  nl: {
    positive: new Set(
      words(`goed goede prima super top geweldig geweldige uitstekend uitstekende fantastisch fantastische prachtig mooi mooie fijn
        fijne leuk leuke bedankt dank dankjewel dankbaar blij gelukkig enthousiast spannend interessant interessante nuttig nuttige
        handig duidelijk duidelijke helder heldere perfect beter beste verbeterd verbetering trots gefeliciteerd proficiat eens
        steun steunen waardevol positief positieve succes succesvol eerlijk makkelijk eenvoudig motiverend gemotiveerd transparant
        informatief zinvol overtuigend bevalt waardeer waardering welkom sterk sterke knap
        uitmuntend opmerkelijk indrukwekkend geïmponeerd heerlijk aangenaam plezierig plezier grappig inzichtelijk doordacht
        constructief praktisch praktische relevant relevante betekenisvol boeiend betrokken bemoedigend geruststellend
        vertrouwen betrouwbaar aanrader aanbevelen lonend bereikt prestatie vooruitgang groei kans kansen innovatief
        creatief slim wijs sterker werkt werkte soepel flexibel snel sneller vriendelijk aardig respectvol gewaardeerd erkenning
        samen teamwork samenwerking vieren gevierd gefascineerd fascinerend overzichtelijk beknopt geholpen helpt jippie wow
        tevreden tevredenheid hartelijk dankzij optimaal voorbeeldig genieten genoten`),
    ),
    negative: new Set(
      words(`slecht slechte slechter slechtst vreselijk verschrikkelijk teleurgesteld teleurstellend teleurstelling verwarrend
        onduidelijk onduidelijke nutteloos zinloos probleem problemen fout verkeerd irritant vervelend frustrerend gefrustreerd
        boos verdrietig zorg zorgen bezorgd oneerlijk moeilijk lastig ingewikkeld mislukt falen saai verspilling traag kapot
        risico riskant stress stressvol moe chaos chaotisch negatief negatieve ongelukkig helaas twijfel ontbreekt gebrek
        onacceptabel belachelijk onzin angst bang jammer
        afschuwelijk rampzalig ramp walgelijk onvoldoende onvolledig tegenstrijdig misleidend vaag irrelevant verouderd
        vertraagd vertraging crash storing storingen fouten klacht klachten klagen kritiek kritisch overweldigd overbelast
        uitgeput vermoeiend angstig nerveus onzeker onzekerheid genegeerd buitengesloten respectloos onbeleefd
        onprofessioneel incompetent inefficiënt ineffectief bureaucratisch bureaucratie omslachtig lelijk duur kostbaar
        ontslagen bezuinigingen dom absurd gênant betreurenswaardig hopeloos hulpeloos schuld conflict giftig gevaarlijk
        schade verlies achteruitgang verveeld ontevreden ontevredenheid verslechterd verslechtering`),
    ),
    negators: new Set(words(`niet geen nooit niets nauwelijks noch`)),
    negatesAfter: true,
  },
};
