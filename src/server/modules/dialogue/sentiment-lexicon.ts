// Word lists for comment sentiment in en, de and nl (ADR 0028): hand-written, a few hundred common
// words of workplace feedback with their usual inflections, and the negators that flip a word. Small
// on purpose: the figure must be explainable by the words it shows, not by a model.
import type { SentimentLanguage } from '../../../shared/conversation.js';

const words = (text: string): string[] => text.trim().split(/\s+/u);

export type Lexicon = { positive: ReadonlySet<string>; negative: ReadonlySet<string>; negators: ReadonlySet<string>; negatesAfter: boolean };

export const LEXICONS: Record<SentimentLanguage, Lexicon> = {
  en: {
    positive: new Set(
      words(`good great excellent awesome amazing fantastic wonderful brilliant love loved loving like liked likes helpful useful clear
        thanks thank thankful grateful appreciate appreciated appreciation happy glad pleased excited exciting enjoy enjoyed nice
        cool perfect best better improve improved improvement impressive inspiring inspired proud congratulations congrats well
        agree agreed support supportive valuable positive success successful win fair easy simple smooth welcome kudos bravo
        motivating motivated informative transparent encouraging effective efficient benefit beneficial promising superb solid`),
    ),
    negative: new Set(
      words(`bad poor terrible awful horrible hate hated dislike disappointed disappointing disappointment confusing confused unclear
        useless pointless worse worst problem problems issue issues wrong annoying annoyed frustrating frustrated frustration
        angry upset sad worried worry concern concerned concerns unfair difficult hard complicated fail failed failure boring
        waste slow broken risk risky stress stressful tired chaos chaotic mess messy negative unhappy sorry doubt doubtful
        missing lacking lack unacceptable ridiculous nonsense harmful painful fear afraid`),
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
        informativ sinnvoll sinnvolle überzeugend gefällt mag liebe bravo willkommen stark starke`),
    ),
    negative: new Set(
      words(`schlecht schlechte schlechter schlechtes schlimm furchtbar schrecklich mies enttäuscht enttäuschend enttäuschung
        verwirrend verwirrt unklar unverständlich nutzlos sinnlos schlechteste problem probleme falsch ärgerlich ärgert ärger
        nervig nervt frustrierend frustriert frust wütend traurig sorge sorgen besorgt bedenken unfair schwierig schwer kompliziert
        fehler gescheitert scheitern langweilig verschwendung langsam kaputt risiko riskant stress stressig müde chaos chaotisch
        negativ negative unglücklich leider zweifel fehlt fehlen mangel mangelhaft inakzeptabel lächerlich unsinn quatsch angst
        schade`),
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
        informatief zinvol overtuigend bevalt waardeer waardering welkom sterk sterke knap`),
    ),
    negative: new Set(
      words(`slecht slechte slechter slechtst erg vreselijk verschrikkelijk teleurgesteld teleurstellend teleurstelling verwarrend
        onduidelijk onduidelijke nutteloos zinloos probleem problemen fout verkeerd irritant vervelend frustrerend gefrustreerd
        boos verdrietig zorg zorgen bezorgd oneerlijk moeilijk lastig ingewikkeld mislukt falen saai verspilling traag kapot
        risico riskant stress stressvol moe chaos chaotisch negatief negatieve ongelukkig helaas twijfel ontbreekt gebrek
        onacceptabel belachelijk onzin angst bang jammer`),
    ),
    negators: new Set(words(`niet geen nooit niets nauwelijks noch`)),
    negatesAfter: true,
  },
};
