# signposts meddelanden på svenska. En nyckel per meddelande; `{ $name }` fylls i av
# programmet. Den engelska katalogen (en.ftl) har samma nycklar med samma variabler:
# tests/messages.rs slår larm när de skiljer sig åt. Koder som `broken-link`
# översätts aldrig.

## Ramen kring varje rapport

summary = { $errors ->
        [one] 1 fel
       *[other] { $errors } fel
    }, { $warnings ->
        [one] 1 varning
       *[other] { $warnings } varningar
    } i { $files ->
        [one] 1 fil
       *[other] { $files } filer
    }
label-error = fel
label-warning = varning
label-hint = tips
verbatim = { $text }
quoted = `{ $text }`
quoted-what = `{ $text }` ({ $what })
did-you-mean = menade du `{ $word }`?
did-you-mean-plain = menade du { $word }?
did-you-mean-allowed = menade du `{ $word }`? Tillåtna värden: { $allowed }
allowed-values = tillåtna värden: { $allowed }
too-many-problems = … och { $count } till i den här filen som inte visas (de räknas med i sammanfattningen)
too-many-problems-hint = rätta problemen ovan och kör kontrollen igen för att se resten
this-file = den här filen

## Olika sorters värden

type-nothing = ett tomt värde
type-bool = ett ja/nej-värde (true/false)
type-number = ett tal
type-text = text
type-list = en lista
type-map = en grupp rader med `fält: värde`
type-date = ett datum
type-table = en tabell

## Olika sorters filer

form-home = startsidan (`_index.md`)
form-area = ett område (`_area.md`)
form-challenge = en utmaning
form-solution = en lösning
form-entry = ett inlägg
form-page = en sida

## Läsa filer

cannot-read = det gick inte att läsa `{ $file }`: { $error }
permissions-hint = kontrollera behörigheterna för filen
dangling-link-hint = det är en symbolisk länk till något som inte finns: rätta länken eller ta bort den
link-loop = symboliska länkar i en slinga: `{ $file }` leder tillbaka till `{ $ancestor }`
link-loop-hint = ta bort länken eller låt den peka någonstans utanför den här mappen
refused-outside = `{ $file }` är en symbolisk länk till `{ $target }`, som ligger utanför guidens mapp; signpost läser och publicerar aldrig filer utanför guiden
refused-outside-hint = kopiera in filen i guiden i stället för att länka till den, eller ta bort länken
refused-not-regular = `{ $file }` är { $kind }, inte en vanlig fil; signpost läser bara vanliga filer
refused-not-regular-hint = ta bort den, eller byt ut den mot en vanlig fil
refused-too-large = `{ $file }` är på { $mb } MB, men en Markdown-fil får vara högst { $limit } MB
refused-too-large-hint = dela upp texten i flera inlägg eller sidor
kind-fifo = en namngiven pipe (FIFO)
kind-socket = en socket
kind-device = en enhetsfil
kind-folder = en mapp
kind-other = en annan sorts fil
not-utf8 = filen är inte sparad som UTF-8-text
not-utf8-hint = spara filen med teckenkodningen UTF-8 (i de flesta redigeringsprogram finns det under "Spara med kodning" eller "Save with encoding")
empty-file = filen är tom
empty-file-hint = skriv huvudet (front matter) och texten, eller ta bort filen
no-front-matter = filen börjar inte med ett huvud (front matter)
no-front-matter-hint = första raden ska vara `---`, sedan kommer rader med `fält: värde` och sist en rad med `---`
unterminated-front-matter = huvudet (front matter) avslutas aldrig
unterminated-front-matter-hint = lägg till en rad med bara `---` efter det sista fältet
html-too-deep = HTML-koden i texten har fler än { $max } element inuti varandra
html-too-deep-hint = stäng de HTML-element du öppnar (`<div>` … `</div>`), eller skriv texten i Markdown

## YAML

yaml-reader = huvudet (front matter) går inte att läsa här (YAML-läsaren säger: { $detail })
yaml-syntax-hint = varje rad ska vara `fält: värde`; sätt text som innehåller `:` eller `#` inom "citattecken", och börja varje punkt i en lista med `- `
yaml-not-fields = huvudet ska bestå av rader med `fält: värde`
yaml-too-deep = huvudet har fler än { $max } nivåer inuti varandra
yaml-too-deep-hint = inget fält behöver mer än tre nivåer: ta bort de extra indragen eller klamrarna
yaml-second-document = en rad med `---` inne i huvudet startar ett nytt YAML-dokument, så fälten efter den skulle försvinna
yaml-anchor = YAML-ankare (`&namn`) fungerar inte i huvudet; skriv ut värdet i stället
yaml-alias = YAML-alias (`*namn`) fungerar inte i huvudet; skriv ut värdet i stället
yaml-tag = YAML-taggar (`{ $tag }`) fungerar inte i huvudet; skriv värdet utan taggen (inom "citattecken" om det är text)
yaml-tab = tabbar kan inte användas för indrag i YAML: använd mellanslag
yaml-tab-hint = byt ut tabben i början av raden mot mellanslag (två per nivå)
yaml-colon-space = kolonet efter `{ $field }` behöver ett mellanslag
yaml-colon-space-hint = skriv `{ $field }: { $value }`
yaml-colon-in-value = värdet i `{ $field }` innehåller `: `, och det läser YAML som början på ett nytt fält
yaml-colon-in-value-hint = sätt hela värdet inom citattecken: `{ $field }: { $quoted }`
yaml-unclosed-quote = ett citattecken öppnas men stängs aldrig
yaml-unclosed-quote-hint = avsluta värdet med samma sorts citattecken som det börjar med (" eller ')
yaml-indentation = den här raden har ett annat indrag än raderna runt omkring
yaml-indentation-hint = börja varje fält längst till vänster på raden, och ha lika många mellanslag före `- ` på varje punkt i en lista
comment-in-value = texten efter ` #` läses som en kommentar och tas bort: bara "{ $kept }" skulle publiceras
comment-in-value-hint = sätt hela värdet inom citattecken: { $quoted }
item-ran-on = de här två raderna blir en enda punkt i listan, "{ $item }", eftersom det andra `- ` har större indrag än det första
item-ran-on-hint = börja alla punkter i listan med samma indrag, var och en på en egen rad som börjar med `- `

## Fält

field-name-not-text = ett fältnamn måste vara vanlig text
duplicate-field = `{ $field }` finns med mer än en gång
duplicate-field-hint = behåll ett av dem; YAML skulle utan varning bara använda det sista
unknown-field = okänt fält `{ $field }`
unknown-field-area-hint = ett inläggs område är mappen det ligger i, här `{ $area }`: flytta filen till ett annat områdes mapp för att byta område
unknown-field-id-hint = id:t är filens namn (utan `.md`): byt namn på filen för att ändra det
field-solution-only = `{ $field }` är inget fält för en utmaning
field-solution-only-hint = `{ $field }` används bara i lösningar (`type: solution`)
field-not-of = `{ $field }` är inget fält för { $what }
fields-of = fälten för { $what }: { $fields }
field-empty = `{ $field }` är tomt
field-empty-hint = skriv ett värde efter `{ $field }:`
field-empty-because = `{ $field }` är tomt: { $why }
too-long = `{ $field }` har { $len } tecken; högst { $max } är tillåtna
too-long-hint = korta texten med { $over ->
        [one] 1 tecken
       *[other] { $over } tecken
    }
invalid-date = `{ $field }: { $value }` är inget giltigt datum: { $why }
date-format-hint = skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15
date-in-words = ett datum skrivs med siffror
date-in-words-hint = skriv det som ÅÅÅÅ-MM-DD, t.ex. `1 september 2026` som 2026-09-01
date-not-yyyy-mm-dd = det är inte skrivet som ÅÅÅÅ-MM-DD
date-year-digits = året behöver fyra siffror
date-no-such-month = det finns ingen månad nummer { $month }
date-month-days = { month-name } { $year } har { $days } dagar
date-month-days-hint = skriv en dag som finns, t.ex. { $example } för den sista dagen i { month-name }
date-leading-zeros = månaden och dagen behöver två siffror var
month-name = { $month ->
        [1] januari
        [2] februari
        [3] mars
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] augusti
        [9] september
        [10] oktober
        [11] november
       *[12] december
    }
not-a-whole-number = `{ $field }` måste vara ett heltal, inte { $found }
months-at-least = `{ $field }` är ett antal månader och måste vara minst { $from }
number-range = `{ $field }` måste vara ett heltal från { $from } till { $to }
unknown-language = språket "{ $lang }" är inte ett av webbplatsens språk ({ $languages })
unknown-language-hint = lägg till det under `languages` i config.toml, eller rätta språkkoden
must-be-text = `{ $field }` måste vara text, inte { $found }
must-be-list = `{ $field }` måste vara en lista, inte { $found }
must-be-list-hint = skriv det som en lista: `{ $field }: [{ $example }]`
value-not-allowed = `{ $field }: { $value }` är inte tillåtet
page-in-area = en sida kan inte ligga i en områdesmapp
page-in-area-hint = flytta filen till `content/`, eller gör den till en utmaning (`challenge`) eller en lösning (`solution`)
# $kind is the value of `type`: challenge or solution.
entry-outside-area = { $kind ->
        [challenge] en utmaning
        [solution] en lösning
       *[other] ett inlägg med `type: { $kind }`
    } måste ligga i en områdesmapp
entry-outside-area-hint = flytta filen till sitt områdes mapp, t.ex. `content/aldreomsorg/`
too-many-tags = { $count } taggar; ett inlägg får ha högst { $max }
too-many-tags-hint = behåll de taggar som läsarna skulle leta efter; skriv resten i texten
tag-without-letters = taggen `{ $tag }` har ingen bokstav a–z eller siffra att göra en adress av, så den skulle inte få någon egen sida
tag-without-letters-hint = skriv taggen med latinska bokstäver (å, ä, ö går bra), eller ta bort den
alias-home = aliaset `{ $alias }` är startsidans adress
alias-home-hint = skriv den gamla adressen som en sökväg, t.ex. `aldreomsorg/gammal-sida/`
alias-not-a-path = aliaset `{ $alias }` är ingen sökväg på den här webbplatsen
alias-not-a-path-hint = skriv den gamla adressen som en sökväg, t.ex. `aldreomsorg/gammal-sida/`, utan `..`, `?`, `#`, mellanslag eller `https://`
alias-too-long = aliaset är för långt för att kunna vara en adress
alias-too-long-hint = håll varje del mellan `/` under { $part } tecken och hela aliaset under { $whole }
link-item-shape = varje länk under `links` måste ha en `title` och en `url`, inte vara { $found }
link-item-shape-hint = skriv `- title: Namn` och, på nästa rad, `  url: https://…`
not-a-web-address = `{ $url }` är ingen fullständig webbadress
not-a-web-address-hint = börja den med https:// (eller mailto: för en e-postadress)
unknown-link-field = okänt fält `{ $field }` i en länk
link-fields = en länk har `title` och `url`
link-missing = en länk saknar `{ $field }`
missing-field = det obligatoriska fältet `{ $field }` saknas
add-field = lägg till `{ $field }:` i huvudet
add-field-choice = lägg till `{ $field }:` med ett av värdena { $values }
add-one-of-types = lägg till { $types }
add-status = lägg till `status: draft` medan du skriver, och `published` när texten är granskad
add-addresses = lägg till `addresses:` med id för de utmaningar som lösningen hjälper med
addresses-empty = en lösning måste hjälpa med minst en utmaning
addresses-empty-hint = skriv id för de utmaningar den hjälper med, t.ex. `addresses: [digital-nyckel]`
missing-owner-hint = lägg till `owner:` med den person, det team eller den organisation som håller inlägget uppdaterat, eller ange `owner` i områdets `_area.md`

## Filer och id

base-url-option = --base-url: { $problem }
base-url-option-hint = ange adressen där webbplatsen ska ligga, t.ex. https://example.org/guide/
area-index-md = ett områdes inledning skrivs i `_area.md`, inte i `index.md`
area-index-md-hint = byt namn på filen till `_area.md`; ett inlägg med en egen mapp heter `<id>/index.md`
wrong-special-file = den här specialfilen används inte här: startsidan är `content/_index.md` och ett områdes inledning är `content/<område>/_area.md`
wrong-special-file-hint = byt namn på filen eller flytta den
unknown-language-suffix = `.{ $lang }.md` betyder en översättning till "{ $lang }", men det är inte ett av webbplatsens språk ({ $languages })
unknown-language-suffix-hint = lägg till språket under `languages` i config.toml, eller byt namn på filen (ett id kan inte innehålla punkter)
id-reserved = `{ $id }` kan inte användas som { $what }: adressen /{ $id }/ används redan till { $used_for }
id-reserved-hint = byt namn på filen eller mappen
as-area-folder = namn på en områdesmapp
as-page-id = id för en sida
reserved-challenges = listan över alla utmaningar
reserved-solutions = listan över alla lösningar
reserved-open-challenges = listan över öppna utmaningar
reserved-tags = listan över taggar
reserved-search = söksidan
reserved-assets = temats filer
reserved-language = ett språks sidor
invalid-id = `{ $id }` är inget giltigt id
invalid-area-name = `{ $id }` är inget giltigt namn på en områdesmapp
invalid-id-hint = använd små bokstäver a–z, siffror och enkla bindestreck
invalid-id-rename = byt namn till `{ $suggestion }` (små bokstäver a–z, siffror och enkla bindestreck; å, ä, ö blir a, a, o)
lang-contradicts-name = `lang: { $field_lang }` stämmer inte med filnamnet, som säger "{ $lang }"
lang-contradicts-name-hint = ta bort `lang`: ändelsen `.xx.md` anger redan språket
missing-area-file = områdesmappen `{ $area }` har ingen `_area.md`
missing-area-file-hint = lägg till `content/{ $area }/_area.md` med områdets `title` och `summary`
orphan-translation = den här översättningen har inget original: `{ $original }` finns inte
orphan-translation-hint = lägg till originalet på webbplatsens standardspråk, eller byt namn på filen
duplicate-id = id:t `{ $id }` används redan av `{ $first }`
duplicate-area = området `{ $id }` används redan av `{ $first }`
duplicate-home = startsidan `{ $id }` används redan av `{ $first }`
duplicate-id-hint = varje id får bara finnas en gång i hela guiden: byt namn på en av de två filerna

## config.toml

config-duplicate = `{ $key }` finns med mer än en gång i config.toml
config-duplicate-unnamed = config.toml har samma inställning eller tabell två gånger
config-duplicate-hint = behåll en av dem: varje inställning skrivs en gång, och varje [tabell] en gång
toml-syntax = config.toml är inte skriven som giltig TOML: { $detail }
toml-syntax-hint = rätta skrivsättet; varje inställning skrivs `namn = värde`, med text inom "citattecken"
not-a-language-code = "{ $value }" är ingen språkkod
language-code-hint = använd koder med två bokstäver, t.ex. "sv" och "en"
theme-not-a-name = `theme` ska vara namnet på en mapp i `themes/`, inte en sökväg: "{ $value }"
theme-not-a-name-hint = använd namnet på temats mapp: bokstäver, siffror, `-` och `_`, t.ex. "default"
due-soon-days-range = `due_soon_days` måste vara ett antal dagar från 0 till { $max }
overdue-value = `overdue` måste vara "warning" eller "error", inte "{ $value }"
not-a-contact = "{ $value }" är ingen kontakt på GitHub eller GitLab
not-a-contact-hint = skriv personens eller teamets användarnamn med @, som i en kommentar på GitHub eller GitLab: "@kfvn/valfardsteknik" eller "@karin-sjoberg"
config-no-title = config.toml har ingen `title`
config-no-title-hint = lägg till en rad som: title = "Digitaliseringsguiden"
languages-without-default = `languages` innehåller inte standardspråket "{ $lang }"
languages-without-default-hint = lägg till "{ $lang }" i listan
languages-not-a-code = "{ $value }" i `languages` är ingen språkkod
config-wrong-type = `{ $key }` måste vara { $expected }, inte { $found }
unknown-setting = okänd inställning `{ $name }` i { $section }
known-settings = inställningar som finns här: { $known }
expect-text = text inom "citattecken"
expect-bool = true eller false
expect-number = ett heltal
expect-list = en lista, t.ex. ["sv", "en"]
expect-texts = en lista med texter inom "citattecken"
expect-table = en tabell, skriven [{ $key }] på en egen rad
months-range = `{ $key }` måste vara ett antal månader från 1 till 1200
repository-no-url = [repository] har ingen `url`
repository-no-url-hint = lägg till adressen till guidens projekt, till exempel: url = "https://github.com/kfvn/digitaliseringsguiden"
repository-hint = länkarna för att redigera och formulären för förslag behöver projektets adress på GitHub eller GitLab, så som den står i webbläsarens adressfält: url = "https://github.com/ÄGARE/NAMN"; utan [repository] får webbplatsen inga sådana länkar
repository-not-address = "{ $url }" är ingen webbadress som "https://github.com/owner/guide"
repository-not-https = adressen till projektet måste börja med https://, inte med { $scheme }://
repository-extra = adressen till projektet måste vara projektets egen sida, utan `?`, `#` eller användarnamn
repository-unknown-host = signpost känner till adresserna till GitHub (github.com) och GitLab (gitlab.com eller en server som heter gitlab.…), men inte till { $host }
repository-github-shape = ett repository på GitHub har adressen https://github.com/ÄGARE/NAMN, inte "{ $url }"
repository-gitlab-shape = ett projekt på GitLab har adressen https://{ $host }/GRUPP/PROJEKT, inte "{ $url }"
not-a-branch = "{ $branch }" är inget namn på en gren (branch)
base-url-not-address = `base_url` måste vara en fullständig adress som "https://example.org/guide/", inte "{ $value }"
base-url-has = `base_url` "{ $value }" innehåller { $what }; det ska bara vara adressen där webbplatsen ligger, t.ex. "https://example.org/guide/"
base-url-query = en fråga (`?`)
base-url-fragment = ett fragment (`#`)
base-url-character = tecknet { $character }

## Länkar, hänvisningar och bilder

missing-alt = bilden `{ $image }` har ingen alternativtext
missing-alt-hint = beskriv vad bilden visar mellan hakparenteserna: ![Flödesschema över ansökan](bild.png)
missing-alt-html = bilden `{ $image }` har ingen alternativtext: dess `<img>` saknar `alt`
missing-alt-html-hint = lägg till `alt="…"` som säger vad bilden visar; bara en bild som är ren utsmyckning ska ha ett tomt `alt=""`
blank-alt-html = bilden `{ $image }` har bara mellanslag som alternativtext
blank-alt-html-hint = skriv i `alt="…"` vad bilden visar, eller `alt=""` utan något mellan citattecknen om bilden bara är utsmyckning
meaningless-alt-file-name = alternativtexten `{ $alt }` är ett filnamn, som inte säger läsaren något om bilden
meaningless-alt-just-an-image = alternativtexten `{ $alt }` säger bara att det finns en bild, inte vad den visar
meaningless-alt-hint = alternativtexten är det som den som använder skärmläsare hör i stället för bilden, och det som alla ser om bilden inte laddas: beskriv med några ord vad bilden visar
external-image = bilden `{ $image }` hämtas från en annan webbplats
external-image-hint = spara bilden bredvid texten och länka till kopian, så att läsarnas webbläsare inte behöver kontakta någon annan webbplats
broken-anchor = det finns ingen rubrik `#{ $fragment }` i { $place }
anchors-list = rubrikernas ankare där: { $anchors }
no-headings-hint = filen har inga rubriker; ett ankare är rubrikens text med små bokstäver och bindestreck mellan orden
not-a-site-address = `{ $url }` är ingen adress på den här webbplatsen
site-address-near-hint = menade du `{ $file }`? Länka till Markdown-filen, med sökvägen från den här filen: då fungerar länken också på GitHub eller GitLab
site-address-nothing-hint = ingen sida i guiden har den här adressen: länka till Markdown-filen för sidan du menar, med sökvägen från den här filen
did-you-mean-case = menade du `{ $file }`? Stora och små bokstäver måste stämma exakt med filens namn
own-site-address = `{ $url }` är webbplatsens egen adress, utskriven i sin helhet: kontrollen kan inte följa länken, och den slutar fungera om webbplatsen flyttar
own-site-preview = `{ $url }` är adressen till förhandsvisningen på din egen dator, som läsarna inte kan öppna
own-site-link-file = länka till filen i stället: `{ $file }`
own-site-image-file = använd bildens fil i stället: `{ $file }`
own-site-generated = länka till den med dess adress på webbplatsen i stället: `{ $address }`
own-site-nothing-near = ingen sida i guiden har adressen `{ $address }`; menade du `{ $file }`?
own-site-nothing = ingen sida i guiden har adressen `{ $address }`: länka till Markdown-filen för sidan du menar, med sökvägen från den här filen
outside-guide = `{ $link }` pekar utanför guiden
outside-guide-hint = länka till en fil i `content/` eller `static/`, eller till en fullständig webbadress
image-not-published = bilden `{ $link }` pekar på `{ $path }`, som inte ingår i den publicerade guiden
link-not-published = länken `{ $link }` pekar på `{ $path }`, som inte ingår i den publicerade guiden
image-missing = bilden `{ $link }` pekar på `{ $path }`, som inte finns
link-missing-file = länken `{ $link }` pekar på `{ $path }`, som inte finns
target-draft = `{ $name }` är ett utkast ({ $path })
target-draft-hint = publicera texten först, eller ta bort länken tills texten är publicerad
target-in-review = `{ $name }` är under granskning ({ $path })
target-in-review-hint = vänta tills texten är publicerad, eller ta bort länken så länge
target-archived = `{ $name }` är arkiverad ({ $path })
target-archived-hint = länka till ett aktuellt inlägg i stället, om det finns något
addresses-page = `{ $id }` är en sida; i `addresses` kan bara utmaningar stå
addresses-solution = `{ $id }` är en lösning; i `addresses` kan bara utmaningar stå
addresses-not-challenge = `{ $id }` är ingen utmaning; i `addresses` kan bara utmaningar stå
not-a-challenge-hint = vill du peka på en lösning som hör ihop med den här, skriv den under `related` i stället
unknown-reference = `{ $field }` nämner `{ $id }`, som inte finns
unknown-reference-hint = använd id:t för ett inlägg: filnamnet utan `.md`
alias-taken = aliaset `{ $alias }` är redan adressen till `{ $owner }`
alias-taken-as = aliaset `{ $alias }` blir adressen `{ $url }`, som redan är adressen till `{ $owner }`
alias-generated = aliaset `{ $alias }` är adressen till { $what }, som webbplatsen skapar själv
alias-conflict-hint = ett alias gör att en gammal adress fortsätter att fungera; det kan inte ta en adress som redan används
static-file = den statiska filen `{ $file }`

## Översättningar

translation-mismatch = `{ $field }` skiljer sig från originalets i `{ $original }`
translation-mismatch-hint = ta bort `{ $field }` här: en översättning hämtar det från originalet
translation-outdated = den här översättningen granskades senast { $translated }, före originalets senaste granskning ({ $original }): den kan vara inaktuell
translation-outdated-hint = jämför den med originalet, uppdatera den och ändra sedan `last_reviewed`

## Granskning

placeholder-summary = sammanfattningen är fortfarande den platshållare som `signpost new` skrev
placeholder-summary-hint = byt ut `{ $summary }` mot en eller två meningar om vad det här handlar om: läsarna ser sammanfattningen i listor, i sökresultat och när länken visas i förhandsvisning
review-missing = publicerad, men `{ $field }` saknas
review-missing-hint = en publicerad text visar vem som godkände den och när: lägg till `{ $example }` (eller kör `signpost review done { $id } --by NAMN`), eller sätt `status: in_review` tills texten är granskad
review-in-future = `last_reviewed` är { $last }, alltså i framtiden (i dag är det { $today })
review-in-future-hint = använd det datum då granskningen faktiskt gjordes
review-overdue = granskningen är { $days ->
        [one] 1 dag
       *[other] { $days } dagar
    } försenad: den skulle ha gjorts { $due } (senast granskad { $last }, granskas med { $months ->
        [one] 1 månads
       *[other] { $months } månaders
    } mellanrum)
review-overdue-hint = granska texten och registrera sedan granskningen: `signpost review done { $id } --by NAMN`
review-due-soon = granskningen ska göras om { $days ->
        [one] 1 dag
       *[other] { $days } dagar
    }, den { $due } (senast granskad { $last })
review-due-soon-hint = planera granskningen tillsammans med den ansvariga och granskarna

## Mallar

template-unreadable = mallen `{ $template }` går inte att läsa: { $detail }
template-fails = mallen `{ $template }` fungerar inte: { $detail }
template-fails-on = mallen `{ $template }` fungerar inte: { $detail } (när { $page } skapades)
template-hint = rätta mallen, eller ta bort den för att använda den inbyggda igen (`signpost theme` visar de inbyggda mallarna)

## Kommandoraden

load-not-a-folder = guidens mapp `{ $root }` är ingen mapp som går att läsa
load-no-config = det finns ingen config.toml i `{ $root }`: kör signpost i guidens mapp, eller ange mappen med --root
load-no-content = det finns ingen mapp content/ i `{ $root }`
cli-see-help = se signpost --help
build-has-errors = guiden har fel (se ovan); inget byggdes och `{ $output }` är oförändrad
build-done = Byggde { $pages ->
        [one] 1 sida
       *[other] { $pages } sidor
    } ({ $files ->
        [one] 1 fil
       *[other] { $files } filer
    }) i { $output } på { $seconds } s

## serve (förhandsvisningen)

serve-cannot-listen = kan inte starta förhandsvisningen på { $address }: { $error }
serve-built = Byggde webbplatsen på { $ms } ms
serve-serving = Förhandsvisningen finns på { $url } (tryck Ctrl+C för att avsluta)
serve-no-browser = kunde inte öppna en webbläsare ({ $error }); öppna { $url } själv
serve-rebuilt-all = Byggde om allt på { $ms } ms
serve-static = Statiska filer har ändrats ({ $ms } ms)
serve-has-errors = { $files } har fel: du ser dem i webbläsaren
serve-rebuilt-pages = { $files }: byggde om alla sidor på { $ms } ms
serve-reloaded = { $files }: { $pages } laddades om på { $first_ms } ms, { $more ->
        [one] 1 sida till
       *[other] { $more } sidor till
    } på { $ms } ms
overlay-errors-title = Fel
overlay-errors-heading = Guiden har fel
overlay-errors-fix = Rätta dem och spara: sidan laddas om av sig själv.
overlay-error-title = Fel
overlay-error-heading = Webbplatsen kan inte byggas
overlay-error-fix = Rätta felet och spara: sidan laddas om av sig själv.

## signpost new

# Med obestämd artikel, eftersom orden har olika genus (en utmaning, ett område).
new-kind = { $what ->
        [challenge] en utmaning
        [solution] en lösning
        [page] en sida
       *[area] ett område
    }
new-title-empty = titeln är tom
new-too-long = { $field ->
        [title] titeln
        [summary] sammanfattningen
       *[other] `{ $field }`
    } har { $len } tecken; högst { $max } är tillåtna
new-summary-empty = sammanfattningen är tom; utelämna --summary så får du en platshållare
new-invalid-id = `{ $id }` är inget giltigt id: använd små bokstäver a–z, siffror och enkla bindestreck, t.ex. `{ $example }`
new-no-id = det går inte att göra ett id av titeln "{ $title }"; ange ett med --id
new-exists = { $path } finns redan; signpost new skriver aldrig över en fil
new-exists-choose = { $path } finns redan; signpost new skriver aldrig över en fil (välj ett annat id med --id)
new-area-exists = det finns redan ett område `{ $id }` ({ $path }); välj ett annat id med --id
new-taken-by-page = adressen /{ $id }/ används redan av sidan { $path }; välj ett annat id med --id
new-id-used = id:t `{ $id }` används redan av { $path }; varje id får bara finnas en gång i guiden, så välj ett annat med --id
new-taken-by-area = adressen /{ $id }/ används redan av området content/{ $id }/; välj ett annat id med --id
new-reserved = `{ $id }` kan inte användas som id för { new-kind }: adressen /{ $id }/ används redan till { $used_for }; välj ett annat id med --id
new-needs-owner = området `{ $area }` har ingen ansvarig (`owner`), så du behöver ange en för { new-kind }: lägg till --owner "Namn" (en person, ett team eller en organisation), eller ange `owner` i content/{ $area }/_area.md
new-area-without-file = områdesmappen content/{ $area }/ har ingen _area.md; skapa den först med `signpost new area`
new-no-areas = guiden har inga områden än; skapa ett med `signpost new area`
new-areas-are = områdena är: { $areas }
new-no-such-area = det finns inget område `{ $area }` ({ $hint })
# $what is the value of `type` of the file: solution or page.
new-addresses-not-challenge = --addresses: `{ $id }` är { $what ->
        [solution] en lösning
        [page] en sida
       *[other] en fil
    } ({ $path }), inte en utmaning
new-addresses-hint = skriv id (filnamnet utan .md) för utmaningar som finns i guiden
new-addresses-unknown = --addresses: det finns ingen utmaning `{ $id }` ({ $hint })
new-addresses-none = en lösning måste hjälpa med minst en utmaning: ange --addresses
new-todo-summary-text = byt ut platshållaren i sammanfattningen (`{ $placeholder } …`) och skriv texten under rubrikerna
new-todo-text = skriv texten under rubrikerna
new-next-area = ett område har ingen status: det kommer med på webbplatsen nästa gång den byggs
new-next-draft = { new-kind } börjar som utkast: sätt `status: in_review` när texten är klar, och `published` med `reviewed_by` och `last_reviewed` när den är godkänd
new-created = skapade { new-kind }; { $todo }. Obs: { $next }.

## signpost review done

done-future = { $date } ligger i framtiden (i dag är det { $today }): ange med --date den dag då granskningen gjordes
done-empty-name = en granskares namn är tomt
done-no-front-matter = { $path }: filen har inget huvud (front matter) mellan två rader med `---`
done-unknown-id = det finns inget inlägg och ingen sida med id `{ $id }` (ett id är filnamnet utan `.md`)
done-unknown-id-suggest = det finns inget inlägg och ingen sida med id `{ $id }`: menade du `{ $suggestion }`?
done-front-matter-errors = { $path } har fel i huvudet (front matter); rätta dem först (`signpost check`)
done-draft = { $path } är ett utkast: --publish publicerar bara det som är under granskning; sätt `status: in_review` när texten är klar
done-refused = { $reason }; ingen fil ändrades
done-nothing-changed = { $path }: granskningen är redan registrerad, inget ändrades

## signpost review

review-state = { $state ->
        [overdue] försenad
        [due_soon] snart
       *[in_review] granskas
    }
review-column = { $column ->
        [state] läge
        [due] datum
        [days] dagar
        [owner] ansvarig
        [area] område
        [title] titel
        [path] fil
        [last_reviewed] senast granskad
       *[reviewed_by] granskad av
    }
review-no-owner = (ingen ansvarig)
review-nothing = Inget att granska den { $today }: ingen publicerad text är försenad eller ska granskas inom { $within } dagar, och ingen väntar på granskning.
review-table-count = { $overdue } försenade, { $soon } snart (inom { $within } dagar), { $in_review } granskas, den { $today }
reminder-comment = Skrivet av `signpost review --format markdown`. Listan skrivs om vid varje körning: en text försvinner från den när dess `last_reviewed` är ändrad.
reminder-count = Granskningsläget den { $today }: { $overdue } försenade, { $soon } ska granskas inom { $within } dagar, { $in_review } väntar på granskning. Granska texten och registrera sedan granskningen med `signpost review done ID --by NAMN` (eller skriv dagens datum i `last_reviewed` och granskarnas namn i `reviewed_by`).
reminder-responsible = Ansvarig: { $contact }
reminder-no-owner = Utan ansvarig (ange `owner` i filen eller i områdets `_area.md`)
reminder-overdue = **Försenad { $days ->
        [one] 1 dag
       *[other] { $days } dagar
    }** (skulle granskas { $due })
reminder-due-today = **Ska granskas i dag**
reminder-due-in = **Ska granskas om { $days ->
        [one] 1 dag
       *[other] { $days } dagar
    }** ({ $due })
reminder-waiting = **Väntar på granskning**
theme-bad-name = `theme = "{ $name }"` är inget temanamn: skriv namnet på en mapp i `themes/` (bokstäver, siffror och bindestreck), eller `{ $built_in }` för det inbyggda temat
theme-missing = temat `{ $name }` finns inte: det finns ingen mapp `themes/{ $name }/`, och det enda tema som är inbyggt i signpost är `{ $built_in }` (skriv `theme = "{ $built_in }"` i config.toml, eller ta bort raden)
cli-unknown-argument = det finns inget alternativ `{ $arg }`
cli-unknown-argument-suggest = det finns inget alternativ `{ $arg }`: menade du `{ $suggestion }`?
cli-unknown-command = det finns inget kommando `{ $command }`
cli-unknown-command-suggest = det finns inget kommando `{ $command }`: menade du `{ $suggestion }`?
cli-invalid-value = `{ $value }` är inget giltigt värde för `{ $arg }`
cli-invalid-value-one-of = `{ $value }` är inget giltigt värde för `{ $arg }`; det kan vara: { $valid }
cli-missing = de här måste anges: { $args }
progress-reading = Läser och kontrollerar
progress-rendering = Skapar sidor
progress-search = Bygger sökindexet
progress-writing = Skriver webbplatsen
comment-as-value = värdet i `{ $field }` börjar med `#`, så YAML läser hela värdet som en kommentar och `{ $field }` blir tomt

## [lists] i config.toml

lists-range = `{ $key }` måste vara ett tal från 1 till { $max }
lists-per-page-hint = en sida med { $n } inlägg är en bra storlek för den som läser i mobilen
lists-tags-per-page-hint = en sida med { $n } taggar är en bra storlek för den som läser i mobilen
