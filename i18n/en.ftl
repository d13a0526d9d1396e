# signpost's messages in English. One key per message; `{ $name }` is filled in by the
# program. The Swedish catalogue (sv.ftl) has the same keys with the same variables:
# tests/messages.rs fails when they differ. Codes such as `broken-link` are never
# translated.

## The frame of every report

summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }
label-error = error
label-warning = warning
label-hint = hint
verbatim = { $text }
quoted = `{ $text }`
quoted-what = `{ $text }` ({ $what })
did-you-mean = did you mean `{ $word }`?
did-you-mean-plain = did you mean { $word }?
did-you-mean-allowed = did you mean `{ $word }`? Allowed: { $allowed }
allowed-values = allowed values: { $allowed }
too-many-problems = … and { $count } more in this file, not listed (they are counted in the summary)
too-many-problems-hint = fix the problems above and run the check again to see the rest
this-file = this file

## Kinds of value

type-nothing = nothing
type-bool = true/false
type-number = a number
type-text = text
type-list = a list
type-map = a set of `field: value` pairs
type-date = a date
type-table = a table

## Kinds of file

form-home = the home page (`_index.md`)
form-area = an area (`_area.md`)
form-challenge = a challenge
form-solution = a solution
form-entry = an entry
form-page = a page

## Reading files

cannot-read = cannot read `{ $file }`: { $error }
permissions-hint = check the file's permissions
dangling-link-hint = it is a symbolic link to something that does not exist: fix or remove the link
link-loop = symbolic link loop: `{ $file }` leads back to `{ $ancestor }`
link-loop-hint = remove the link or point it somewhere outside this folder
refused-outside = `{ $file }` is a symbolic link to `{ $target }`, outside the guide folder; signpost never reads or publishes files outside the guide
refused-outside-hint = copy the file into the guide instead of linking to it, or remove the link
refused-not-regular = `{ $file }` is { $kind }, not a file; signpost only reads regular files
refused-not-regular-hint = remove it, or replace it with an ordinary file
refused-too-large = `{ $file }` is { $mb } MB, larger than the { $limit } MB a Markdown file may be
refused-too-large-hint = split the text into several entries or pages
kind-fifo = a named pipe (FIFO)
kind-socket = a socket
kind-device = a device
kind-folder = a folder
kind-other = not a regular file
not-utf8 = the file is not UTF-8 text
not-utf8-hint = save the file with UTF-8 encoding (most editors have it under "Save with encoding")
empty-file = the file is empty
empty-file-hint = write its front matter and text, or delete the file
no-front-matter = the file does not start with front matter
no-front-matter-hint = the first line must be `---`, followed by `field: value` lines and another `---` line
unterminated-front-matter = the front matter is never closed
unterminated-front-matter-hint = add a line with only `---` after the last field
html-too-deep = the HTML in the text nests more than { $max } elements deep
html-too-deep-hint = close the HTML elements you open (`<div>` … `</div>`), or write the text in Markdown

## YAML

yaml-reader = the front matter cannot be read here (the YAML reader says: { $detail })
yaml-syntax-hint = each line is `field: value`; put text with a `:` or `#` in "quotes", and start list items with `- `
yaml-not-fields = the front matter must be `field: value` lines
yaml-too-deep = the front matter is nested more than { $max } levels deep
yaml-too-deep-hint = no field needs more than three levels: remove the extra indentation or brackets
yaml-second-document = a `---` line inside the front matter starts a second YAML document, so the fields after it would be lost
yaml-anchor = YAML anchors (`&name`) are not supported in front matter; write the value out
yaml-alias = YAML aliases (`*name`) are not supported in front matter; write the value out
yaml-tag = YAML tags (`{ $tag }`) are not supported in front matter; write the value without it (in "quotes" for text)
yaml-tab = tabs cannot indent YAML: use spaces
yaml-tab-hint = replace the tab at the start of this line with spaces (two per level)
yaml-colon-space = the colon after `{ $field }` needs a space
yaml-colon-space-hint = write `{ $field }: { $value }`
yaml-colon-in-value = the value of `{ $field }` has `: ` in it, which YAML reads as the start of another field
yaml-colon-in-value-hint = put the whole value in quotes: `{ $field }: { $quoted }`
yaml-unclosed-quote = a quotation mark is opened but never closed
yaml-unclosed-quote-hint = end the value with the same kind of quotation mark it starts with (" or ')
yaml-indentation = this line is indented differently from the lines around it
yaml-indentation-hint = start each field at the beginning of the line, and each list item with the same number of spaces before `- `
comment-in-value = the text after ` #` is read as a comment and dropped: only "{ $kept }" would be published
comment-in-value-hint = put the whole value in quotes: { $quoted }
item-ran-on = these two lines are one list item in YAML, "{ $item }", because the second `- ` is indented further than the first
item-ran-on-hint = start every item of the list at the same indentation, each on its own line beginning with `- `

## Fields

field-name-not-text = a field name must be plain text
duplicate-field = `{ $field }` is given more than once
duplicate-field-hint = keep one of them; YAML would silently use only the last
unknown-field = unknown field `{ $field }`
unknown-field-area-hint = an entry's area is the folder it is in, here `{ $area }`: to change it, move the file to another area's folder
unknown-field-id-hint = the id is the file's name (without `.md`): to change it, rename the file
field-solution-only = `{ $field }` is not a field of a challenge
field-solution-only-hint = `{ $field }` is only used on solutions (`type: solution`)
field-not-of = `{ $field }` is not a field of { $what }
fields-of = fields of { $what }: { $fields }
field-empty = `{ $field }` is empty
field-empty-hint = write a value after `{ $field }:`
field-empty-because = `{ $field }` is empty: { $why }
too-long = `{ $field }` is { $len } characters long; at most { $max } are allowed
too-long-hint = shorten it by { $over ->
        [one] 1 character
       *[other] { $over } characters
    }
invalid-date = `{ $field }: { $value }` is not a valid date: { $why }
date-format-hint = write the date as YYYY-MM-DD, e.g. 2026-03-15
date-in-words = a date is written in figures
date-in-words-hint = write it as YYYY-MM-DD, e.g. `1 september 2026` as 2026-09-01
date-not-yyyy-mm-dd = it is not written as YYYY-MM-DD
date-year-digits = the year needs four digits
date-no-such-month = there is no month { $month }
date-month-days = { month-name } { $year } has { $days } days
date-month-days-hint = write a day that exists, e.g. { $example } for the last day of { month-name }
date-leading-zeros = the month and the day need two digits each
month-name = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
not-a-whole-number = `{ $field }` must be a whole number, not { $found }
months-at-least = `{ $field }` is a number of months and must be at least { $from }
number-range = `{ $field }` must be a whole number from { $from } to { $to }
unknown-language = language "{ $lang }" is not one of the site's languages ({ $languages })
unknown-language-hint = add it to `languages` in config.toml, or correct the code
must-be-text = `{ $field }` must be text, not { $found }
must-be-list = `{ $field }` must be a list, not { $found }
must-be-list-hint = write it as a list: `{ $field }: [{ $example }]`
value-not-allowed = `{ $field }: { $value }` is not allowed
page-in-area = a page cannot be inside an area folder
page-in-area-hint = move the file to `content/`, or make it a `challenge` or `solution`
entry-outside-area = a { $kind } must be inside an area folder
entry-outside-area-hint = move the file into its area's folder, e.g. `content/aldreomsorg/`
too-many-tags = { $count } tags; an entry may have at most { $max }
too-many-tags-hint = keep the tags readers would look for; put the rest in the text
tag-without-letters = the tag `{ $tag }` has no letter a–z or digit to make its page's address of, so it would get no page
tag-without-letters-hint = write the tag with Latin letters (å, ä, ö are fine), or leave it out
alias-home = alias `{ $alias }` is the home page's address
alias-home-hint = write the old address as a path such as `aldreomsorg/gammal-sida/`
alias-not-a-path = alias `{ $alias }` is not a path on this site
alias-not-a-path-hint = write the old address as a path such as `aldreomsorg/gammal-sida/`, without `..`, `?`, `#`, spaces or `https://`
alias-too-long = the alias is too long to be an address
alias-too-long-hint = keep each part between `/` under { $part } characters and the whole under { $whole }
link-item-shape = each of `links` must have a `title` and a `url`, not { $found }
link-item-shape-hint = write `- title: Namn` and, on the next line, `  url: https://…`
not-a-web-address = `{ $url }` is not a full web address
not-a-web-address-hint = start it with https:// (or mailto: for an email address)
unknown-link-field = unknown field `{ $field }` in a link
link-fields = a link has `title` and `url`
link-missing = a link has no `{ $field }`
missing-field = required field `{ $field }` is missing
add-field = add `{ $field }:` to the front matter
add-field-choice = add `{ $field }:` with one of { $values }
add-one-of-types = add { $types }
add-status = add `status: draft` while you write; `published` once reviewed
add-addresses = add `addresses:` with the ids of the challenges it helps with
addresses-empty = a solution must address at least one challenge
addresses-empty-hint = list the ids of the challenges it helps with, e.g. `addresses: [digital-nyckel]`
missing-owner-hint = add `owner:` with the person, team or organisation that keeps the entry up to date, or set `owner` in the area's `_area.md`

## Files and ids

base-url-option = --base-url: { $problem }
base-url-option-hint = pass the address the site will live at, such as https://example.org/guide/
area-index-md = an area's introduction is written in `_area.md`, not `index.md`
area-index-md-hint = rename the file to `_area.md`; an entry with its own folder is `<id>/index.md`
wrong-special-file = this special file is not used here: the home page is `content/_index.md`, an area's introduction `content/<area>/_area.md`
wrong-special-file-hint = rename or move the file
unknown-language-suffix = `.{ $lang }.md` marks a translation into "{ $lang }", which is not one of the site's languages ({ $languages })
unknown-language-suffix-hint = add the language to `languages` in config.toml, or rename the file (ids cannot contain dots)
id-reserved = `{ $id }` cannot be used as { $what }: the address /{ $id }/ is { $used_for }
id-reserved-hint = rename the file or folder
as-area-folder = an area folder
as-page-id = a page id
reserved-challenges = the list of all challenges
reserved-solutions = the list of all solutions
reserved-open-challenges = the list of open challenges
reserved-tags = the list of tags
reserved-search = the search page
reserved-assets = used for the theme's files
reserved-language = the start of a language's pages
invalid-id = `{ $id }` is not a valid id
invalid-area-name = `{ $id }` is not a valid area folder name
invalid-id-hint = use lowercase letters a–z, digits and single dashes
invalid-id-rename = rename it to `{ $suggestion }` (lowercase a–z, digits and single dashes; å, ä, ö become a, a, o)
lang-contradicts-name = `lang: { $field_lang }` contradicts the file name, which says "{ $lang }"
lang-contradicts-name-hint = remove `lang`: the `.xx.md` suffix already names the language
missing-area-file = the area folder `{ $area }` has no `_area.md`
missing-area-file-hint = add `content/{ $area }/_area.md` with the area's `title` and `summary`
orphan-translation = this translation has no original: `{ $original }` does not exist
orphan-translation-hint = add the original in the site's default language, or rename the file
duplicate-id = the id `{ $id }` is already used by `{ $first }`
duplicate-area = the area `{ $id }` is already used by `{ $first }`
duplicate-home = the home page `{ $id }` is already used by `{ $first }`
duplicate-id-hint = ids are unique across the whole guide: rename one of the two files

## config.toml

config-duplicate = `{ $key }` is given more than once in config.toml
config-duplicate-unnamed = config.toml gives the same setting or table twice
config-duplicate-hint = keep one of them: a setting is written once, and each [table] once
toml-syntax = config.toml is not valid TOML: { $detail }
toml-syntax-hint = fix the syntax; each setting is written `name = value`, text in "quotes"
not-a-language-code = "{ $value }" is not a language code
language-code-hint = use two-letter codes such as "sv" and "en"
theme-not-a-name = `theme` names a folder in `themes/`, not a path: "{ $value }"
theme-not-a-name-hint = use the theme folder's name: letters, digits, `-` and `_`, such as "default"
due-soon-days-range = `due_soon_days` must be a number of days from 0 to { $max }
overdue-value = `overdue` must be "warning" or "error", not "{ $value }"
not-a-contact = "{ $value }" is not a contact on the git host
not-a-contact-hint = write the person's or team's handle with @, as in a comment on the git host: "@kfvn/valfardsteknik" or "@karin-sjoberg"
config-no-title = config.toml has no `title`
config-no-title-hint = add a line such as: title = "Digitaliseringsguiden"
languages-without-default = `languages` does not include the default language "{ $lang }"
languages-without-default-hint = add "{ $lang }" to the list
languages-not-a-code = "{ $value }" in `languages` is not a language code
config-wrong-type = `{ $key }` must be { $expected }, not { $found }
unknown-setting = unknown setting `{ $name }` in { $section }
known-settings = known settings here: { $known }
expect-text = text in "quotes"
expect-bool = true or false
expect-number = a whole number
expect-list = a list such as ["sv", "en"]
expect-texts = a list of texts in "quotes"
expect-table = a table, written [{ $key }] on a line of its own
months-range = `{ $key }` must be a number of months from 1 to 1200
repository-no-url = [repository] has no `url`
repository-no-url-hint = add the address of the guide's project, for example: url = "https://github.com/kfvn/digitaliseringsguiden"
repository-hint = edit links and proposal forms need the project's address on GitHub or GitLab, as in the browser's address bar: url = "https://github.com/OWNER/NAME"; without [repository] the site has no such links
repository-not-address = "{ $url }" is not a web address such as "https://github.com/owner/guide"
repository-not-https = the repository address must start with https://, not { $scheme }://
repository-extra = the repository address must be the project's own page, without `?`, `#` or a user name
repository-unknown-host = signpost knows the addresses of GitHub (github.com) and GitLab (gitlab.com or a host named gitlab.…), not of { $host }
repository-github-shape = a GitHub repository address is https://github.com/OWNER/NAME, not "{ $url }"
repository-gitlab-shape = a GitLab project address is https://{ $host }/GROUP/PROJECT, not "{ $url }"
not-a-branch = "{ $branch }" is not a branch name
base-url-not-address = `base_url` must be a full address such as "https://example.org/guide/", not "{ $value }"
base-url-has = `base_url` "{ $value }" has { $what }; it must be the plain address the site lives at, such as "https://example.org/guide/"
base-url-query = a query (`?`)
base-url-fragment = a fragment (`#`)
base-url-character = the character { $character }

## Links, references and images

missing-alt = the image `{ $image }` has no alternative text
missing-alt-hint = describe what the image shows between the brackets: ![Flödesschema över ansökan](bild.png)
missing-alt-html = the image `{ $image }` has no alternative text: its `<img>` has no `alt`
missing-alt-html-hint = add `alt="…"` saying what the image shows; only an image that is mere decoration gets an empty `alt=""`
blank-alt-html = the image `{ $image }` has only spaces as its alternative text
blank-alt-html-hint = write in `alt="…"` what the image shows, or `alt=""` with nothing between the quotes for an image that is mere decoration
meaningless-alt-file-name = the alternative text `{ $alt }` is a file name, which tells a reader nothing about the image
meaningless-alt-just-an-image = the alternative text `{ $alt }` only says that there is an image, not what it shows
meaningless-alt-hint = alternative text is what screen-reader users hear instead of the image, and what everyone sees if it does not load: describe in a few words what the image shows
external-image = the image `{ $image }` is loaded from another website
external-image-hint = save the image next to the text and link to the copy, so readers' browsers make no third-party requests
broken-anchor = there is no heading `#{ $fragment }` in { $place }
anchors-list = its headings' anchors: { $anchors }
no-headings-hint = the file has no headings; an anchor is a heading's text in lowercase with dashes between words
not-a-site-address = `{ $url }` is not an address on this site
site-address-near-hint = did you mean `{ $file }`? Link to the Markdown file, by its path from this file: the link then works on the git host too
site-address-nothing-hint = no page of the guide has this address: link to the Markdown file of the page you mean, by its path from this file
did-you-mean-case = did you mean `{ $file }`? Capital and small letters must match the file's name exactly
own-site-address = `{ $url }` is this site's own address written in full: the check cannot follow it, and it breaks when the site moves
own-site-preview = `{ $url }` is the address of the preview on your own computer, which readers cannot open
own-site-link-file = link to the file instead: `{ $file }`
own-site-image-file = use the image's file instead: `{ $file }`
own-site-generated = link to it by its address on the site instead: `{ $address }`
own-site-nothing-near = no page of the guide has the address `{ $address }`; did you mean `{ $file }`?
own-site-nothing = no page of the guide has the address `{ $address }`: link to the Markdown file of the page you mean, by its path from this file
outside-guide = `{ $link }` points outside the guide
outside-guide-hint = link to a file inside `content/` or `static/`, or to a full web address
image-not-published = the image `{ $link }` points at `{ $path }`, which is not part of the published guide
link-not-published = the link `{ $link }` points at `{ $path }`, which is not part of the published guide
image-missing = the image `{ $link }` points at `{ $path }`, which does not exist
link-missing-file = the link `{ $link }` points at `{ $path }`, which does not exist
target-draft = `{ $name }` is a draft ({ $path })
target-draft-hint = publish it first, or remove the link until it is published
target-in-review = `{ $name }` is in review ({ $path })
target-in-review-hint = wait until it is published, or remove the link for now
target-archived = `{ $name }` is archived ({ $path })
target-archived-hint = link to a current entry instead, if there is one
addresses-page = `{ $id }` is a page; `addresses` lists challenges only
addresses-solution = `{ $id }` is a solution; `addresses` lists challenges only
addresses-not-challenge = `{ $id }` is not a challenge; `addresses` lists challenges only
not-a-challenge-hint = to point at a related solution, list it under `related` instead
unknown-reference = `{ $field }` names `{ $id }`, which does not exist
unknown-reference-hint = use the id of an entry: its file name without `.md`
alias-taken = alias `{ $alias }` is already the address of `{ $owner }`
alias-taken-as = alias `{ $alias }` is the address `{ $url }`, which is already that of `{ $owner }`
alias-generated = alias `{ $alias }` is the address of { $what }, which the site makes itself
alias-conflict-hint = an alias keeps an old address working; it cannot take an address that is in use
static-file = the static file `{ $file }`

## Translations

translation-mismatch = `{ $field }` differs from the original's in `{ $original }`
translation-mismatch-hint = remove `{ $field }` here: a translation takes it from the original
translation-outdated = this translation was last reviewed { $translated }, before the original was ({ $original }): it may be out of date
translation-outdated-hint = compare it with the original, update it, then update `last_reviewed`

## The review workflow

placeholder-summary = the summary is still the placeholder that `signpost new` wrote
placeholder-summary-hint = replace `{ $summary }` with one or two sentences on what this is about: readers see the summary in lists, search results and link previews
review-missing = published, but `{ $field }` is missing
review-missing-hint = a published text names who approved it and when: add `{ $example }` (or run `signpost review done { $id } --by NAME`), or set `status: in_review` until it is reviewed
review-in-future = `last_reviewed` is { $last }, which is in the future (today is { $today })
review-in-future-hint = use the date the review was actually done
review-overdue = review overdue by { $days } days: it was due { $due } (last reviewed { $last }, every { $months } months)
review-overdue-hint = review the text, then record it: `signpost review done { $id } --by NAME`
review-due-soon = review due in { $days } days, on { $due } (last reviewed { $last })
review-due-soon-hint = plan the review with the owner and reviewers

## Templates

template-unreadable = the template `{ $template }` cannot be read: { $detail }
template-fails = the template `{ $template }` fails: { $detail }
template-fails-on = the template `{ $template }` fails: { $detail } (while rendering { $page })
template-hint = fix the template, or delete it to use the built-in one again (`signpost theme` lists the built-in templates)

## The command line

load-not-a-folder = the guide folder `{ $root }` is not a readable folder
load-no-config = there is no config.toml in `{ $root }`: run signpost in a guide's folder, or name the folder with --root
load-no-content = there is no content/ folder in `{ $root }`
cli-see-help = see signpost --help
build-has-errors = the guide has errors (above); nothing was built and `{ $output }` is unchanged
build-done = Built { $pages } pages ({ $files } files) into { $output } in { $seconds } s

## serve

serve-cannot-listen = cannot listen on { $address }: { $error }
serve-built = Built in { $ms } ms
serve-serving = Serving { $url } (press Ctrl+C to stop)
serve-no-browser = could not open a browser ({ $error }); open { $url } yourself
serve-rebuilt-all = Rebuilt everything in { $ms } ms
serve-static = Static files changed ({ $ms } ms)
serve-has-errors = { $files } has errors: the browser shows them
serve-rebuilt-pages = { $files }: rebuilt every page in { $ms } ms
serve-reloaded = { $files }: { $pages } reloaded in { $first_ms } ms, { $more } more pages in { $ms } ms
overlay-errors-title = Errors
overlay-errors-heading = The guide has errors
overlay-errors-fix = Fix them and save: this page reloads by itself.
overlay-error-title = Error
overlay-error-heading = The site cannot be built
overlay-error-fix = Fix it and save: this page reloads by itself.

## signpost new

new-kind = { $what ->
        [challenge] challenge
        [solution] solution
        [page] page
       *[area] area
    }
new-title-empty = the title is empty
new-too-long = the { $field } is { $len } characters long; at most { $max } are allowed
new-summary-empty = the summary is empty; leave out --summary to get a placeholder
new-invalid-id = `{ $id }` is not a valid id: use lowercase a–z, digits and single dashes, e.g. `{ $example }`
new-no-id = cannot make an id from the title "{ $title }"; give one with --id
new-exists = { $path } already exists; signpost new never overwrites a file
new-exists-choose = { $path } already exists; signpost new never overwrites a file (choose another id with --id)
new-area-exists = there is already an area `{ $id }` ({ $path }); choose another id with --id
new-taken-by-page = the address /{ $id }/ is taken by the page { $path }; choose another id with --id
new-id-used = the id `{ $id }` is already used by { $path }; ids are unique across the guide, so choose another with --id
new-taken-by-area = the address /{ $id }/ is taken by the area content/{ $id }/; choose another id with --id
new-reserved = `{ $id }` cannot be used for a { new-kind }: the address /{ $id }/ is { $used_for }; choose another id with --id
new-needs-owner = the area `{ $area }` has no owner, so the new { new-kind } needs one: add --owner "Name" (a person, team or organisation), or set `owner` in content/{ $area }/_area.md
new-area-without-file = the area folder content/{ $area }/ has no _area.md; create it first with `signpost new area`
new-no-areas = the guide has no areas yet; create one with `signpost new area`
new-areas-are = the areas are: { $areas }
new-no-such-area = there is no area `{ $area }` ({ $hint })
new-addresses-not-challenge = --addresses: `{ $id }` is a { $what } ({ $path }), not a challenge
new-addresses-hint = list the ids (file names without .md) of existing challenges
new-addresses-unknown = --addresses: there is no challenge `{ $id }` ({ $hint })
new-addresses-none = a solution must address at least one challenge: give --addresses
new-todo-summary-text = replace the placeholder summary (`{ $placeholder } …`) and write the text under the headings
new-todo-text = write the text under the headings
new-next-area = an area has no status: it is on the site from the next build
new-next-draft = the { new-kind } is a draft: set `status: in_review` when it is ready, and `published` with `reviewed_by` and `last_reviewed` once approved
new-created = created a new { new-kind }; { $todo }. Note: { $next }.

## signpost review done

done-future = { $date } is in the future (today is { $today }): give the day the review was done with --date
done-empty-name = a reviewer's name is empty
done-no-front-matter = { $path }: the file has no front matter between two `---` lines
done-unknown-id = there is no entry or page `{ $id }` (an id is the file name without `.md`)
done-unknown-id-suggest = there is no entry or page `{ $id }`: did you mean `{ $suggestion }`?
done-front-matter-errors = { $path } has errors in its front matter; fix them first (`signpost check`)
done-draft = { $path } is a draft: --publish publishes only what is in review; set `status: in_review` when the text is ready
done-refused = { $reason }; no file was changed
done-nothing-changed = { $path }: already recorded, nothing changed

## signpost review

review-state = { $state ->
        [overdue] overdue
        [due_soon] due soon
       *[in_review] in review
    }
review-column = { $column ->
        [state] state
        [due] due
        [days] days
        [owner] owner
        [area] area
        [title] title
        [path] path
        [last_reviewed] last reviewed
       *[reviewed_by] reviewed by
    }
review-no-owner = (no owner)
review-nothing = Nothing to review as of { $today }: no published text is overdue or due within { $within } days, and none is in review.
review-table-count = { $overdue } overdue, { $soon } due soon (within { $within } days), { $in_review } in review, as of { $today }
reminder-comment = Written by `signpost review --format markdown`. The list is rewritten on every run: a text leaves it when its `last_reviewed` has been changed.
reminder-count = Reviews as of { $today }: { $overdue } overdue, { $soon } due within { $within } days, { $in_review } waiting in review. Review the text, then record it with `signpost review done ID --by NAME` (or write today's date in `last_reviewed` and the reviewers' names in `reviewed_by`).
reminder-responsible = Responsible: { $contact }
reminder-no-owner = Without an owner (set `owner` in the file or in its area's `_area.md`)
reminder-overdue = **Overdue by { $days ->
        [one] 1 day
       *[other] { $days } days
    }** (was due { $due })
reminder-due-today = **Due today**
reminder-due-in = **Due in { $days ->
        [one] 1 day
       *[other] { $days } days
    }** ({ $due })
reminder-waiting = **Waiting for review**
theme-bad-name = `theme = "{ $name }"` is not a theme name: give the name of a folder in `themes/` (letters, digits and dashes), or `{ $built_in }` for the built-in theme
theme-missing = the theme `{ $name }` does not exist: there is no folder `themes/{ $name }/`, and the only theme built into signpost is `{ $built_in }` (set `theme = "{ $built_in }"` in config.toml, or remove the line)
cli-unknown-argument = there is no option `{ $arg }`
cli-unknown-argument-suggest = there is no option `{ $arg }`: did you mean `{ $suggestion }`?
cli-unknown-command = there is no command `{ $command }`
cli-unknown-command-suggest = there is no command `{ $command }`: did you mean `{ $suggestion }`?
cli-invalid-value = `{ $value }` is not a valid value for `{ $arg }`
cli-invalid-value-one-of = `{ $value }` is not a valid value for `{ $arg }`; it can be: { $valid }
cli-missing = these must be given: { $args }
progress-reading = Reading and checking
progress-rendering = Rendering pages
progress-search = Building the search index
progress-writing = Writing the site
comment-as-value = the value of `{ $field }` starts with `#`, so YAML reads all of it as a comment and `{ $field }` is empty

## [lists] in config.toml

lists-range = `{ $key }` must be a number from 1 to { $max }
lists-per-page-hint = a page of { $n } entries is a good size for readers on a phone
lists-tags-per-page-hint = a page of { $n } tags is a good size for readers on a phone
