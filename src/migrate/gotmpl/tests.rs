use super::*;

/// A site whose paths go under `/new` (none with "gone" in them) and whose
/// partials are `partials`.
struct Fake<'p> {
    partials: &'p [(&'p str, &'p str)],
}

impl Site for Fake<'_> {
    fn url(&mut self, p: &str) -> Option<String> {
        (!p.contains("gone")).then(|| format!("/new{p}"))
    }

    fn partial(&mut self, name: &str) -> Option<String> {
        let found = self.partials.iter().find(|(n, _)| *n == name);
        found.map(|(_, t)| t.to_string())
    }
}

/// Renders `t` for positional `pos` and named `named` arguments, on a page
/// titled "Page T" with `params`; site paths go under `/new`.
fn run(t: &str, pos: &[&str], named: &[(&str, &str)], inner: Option<&str>) -> Option<String> {
    let pos: Vec<String> = pos.iter().map(|s| s.to_string()).collect();
    let named: Vec<(String, String)> = named
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let params: Map<String, J> =
        serde_json::from_str(r#"{"repo": "r1", "description": "About it"}"#).unwrap();
    let mut site = Fake { partials: PARTIALS };
    let mut call = Call {
        positional: &pos,
        named: &named,
        inner,
        title: "Page T",
        params: &params,
        site: &mut site,
    };
    render(t, &mut call).map(|(s, _)| s)
}

#[test]
fn a_button_with_positional_arguments() {
    let t = r#"{{- $link := .Get 1 -}}
{{- $remote := (or (strings.HasPrefix $link "http") (in (lower $link) ".pdf")) -}}
{{- if not $remote -}}{{- $u := urls.Parse $link -}}{{- end -}}
<a href="{{ $link | safeURL }}" title="{{ .Get 0 }}"{{ if $remote }} target="_blank"{{ end }}>{{ .Get 0 }}</a>
"#;
    assert_eq!(
        run(t, &["Go <there>", "https://x.example/a"], &[], None).as_deref(),
        Some(
            "<a href=\"https://x.example/a\" title=\"Go &lt;there&gt;\" target=\"_blank\">Go &lt;there&gt;</a>\n"
        )
    );
    // A local link takes the branch with `urls.Parse`, which it lacks.
    assert_eq!(run(t, &["Go", "/docs/"], &[], None), None);
}

#[test]
fn named_or_positional_with_defaults_and_with() {
    let t = r#"{{/* usage */}}{{ $c := "" }}{{ if .IsNamedParams }}{{ $c = .Get "class" | default "plain" }}{{ else }}{{ $c = .Get 0 }}{{ end -}}
<div class="{{ $c }}">{{ with .Get "title" }}<b>{{ . }}</b>{{ else }}none{{ end }}</div>"#;
    assert_eq!(
        run(t, &[], &[("title", "T1")], None).as_deref(),
        Some("<div class=\"plain\"><b>T1</b></div>")
    );
    assert_eq!(
        run(t, &["wide"], &[], None).as_deref(),
        Some("<div class=\"wide\">none</div>")
    );
}

#[test]
fn inner_page_data_urls_and_printf() {
    let t = r#"<div>{{ .Inner | markdownify }}</div><i>{{ .Page.Title }} {{ .Page.Params.repo }} {{ .Params.k }}</i>
<a href="{{ "/files/a.pdf" | relURL }}">{{ printf "%s-%d%%" "x" 3 }}</a><img src="{{ urls.JoinPath "img" "b.png" | absURL }}">{{ "**b**" | markdownify }}"#;
    assert_eq!(
        run(t, &[], &[("k", "v")], Some("IN")).as_deref(),
        Some(
            "<div>IN</div><i>Page T r1 v</i>\n<a href=\"/new/files/a.pdf\">x-3%</a><img src=\"/new/img/b.png\"><strong>b</strong>"
        )
    );
    // A site path the import lacks: no guess.
    assert_eq!(run(r#"{{ "/gone.pdf" | relURL }}"#, &[], &[], None), None);
}

#[test]
fn what_it_reads_is_told() {
    let params = Map::new();
    let mut site = Fake { partials: &[] };
    let mut call = Call {
        positional: &[],
        named: &[],
        inner: None,
        title: "T",
        params: &params,
        site: &mut site,
    };
    let (out, used) = render("<h1>{{ .Page.Title }}</h1>", &mut call).unwrap();
    assert_eq!(out, "<h1>T</h1>");
    assert_eq!(
        used,
        Used {
            shown_meta: true,
            ..Used::default()
        }
    );
}

#[test]
fn unknown_functions_fields_and_partials_give_none() {
    for t in [
        "{{ partial \"none.html\" . }}",
        "{{ partial \"loop.html\" . }}",
        "{{ .Site.Title }}",
        "{{ range .Params }}{{ . }}{{ end }}",
        "{{ printf \"%q\" \"a\" }}",
        "{{ .Page.Resources.GetMatch \"a\" }}",
    ] {
        assert_eq!(run(t, &[], &[], None), None, "{t}");
    }
}

/// A partial of the shape themes use for a page's header band: it looks for
/// an image in the text it is given, renders the text and wraps it.
const HERO: &str = r#"{{- $text := . -}}
{{- $src := substr (index (split (index (findRE `!\[[^\]]*?]\(([^\)]*?)\)` $text 1) 0) "](") 1) 0 -1 -}}
{{- $html := (markdownify . | chomp) -}}
{{- $isblock := findRE "(?is)^<(?:div|h[1-6]|p|ul)\\b" $html 1 -}}
{{- if or $isblock (not $html) }}{{ $text = $html }}{{ else }}{{ $text = print `<p>` $html `</p>` }}{{ end -}}
{{- $pic := index (findRE `(?s)<p><img.*?p>` $text 1) 0 -}}
{{- $text = replace $text $pic "" 1 -}}
{{- if lt (len $text) 3 }}<i>empty</i>{{ end -}}
{{- if $src -}}<header style="background: url('{{ (resources.GetMatch $src).RelPermalink }}')">{{ $text | safeHTML }}</header>
{{- else -}}<header>{{ markdownify $text }}</header>{{- end -}}"#;

const PARTIALS: &[(&str, &str)] = &[
    ("hero.html", HERO),
    ("loop.html", "{{ partial \"loop.html\" . }}"),
    ("who.html", "{{ .Get 0 }}/{{ .Page.Title }}"),
    ("dot.html", "{{ with \"in\" }}{{ . }}-{{ $ }}{{ end }}"),
    ("var.html", "{{ $x }}"),
];

#[test]
fn a_partial_takes_the_pairs_text_apart_as_hugo_does() {
    let t = "<!-- usage -->\n{{- partial \"hero.html\" .Inner -}}";
    assert_eq!(
        run(t, &[], &[], Some("\n# Big\n\nSome *words*.\n")).as_deref(),
        Some("<!-- usage --><header><h1>Big</h1>\n<p>Some <em>words</em>.</p></header>")
    );
    assert_eq!(
        run(t, &[], &[], Some("\nGo [there](/x)\n")).as_deref(),
        // Hugo's markdownify drops the `<p>` of one paragraph, even its own.
        Some("<!-- usage --><header>Go <a href=\"/x\">there</a></header>")
    );
    assert_eq!(
        run(t, &[], &[], Some("\n")).as_deref(),
        Some("<!-- usage --><i>empty</i><header></header>")
    );
    // An image in it takes the branch with `resources.GetMatch`, which
    // needs the old site's image processing: no guess.
    assert_eq!(run(t, &[], &[], Some("![a](/p/x.png)\n\nHi")), None);
}

#[test]
fn a_partial_given_the_shortcode_reads_it_and_has_its_own_variables() {
    let t = r#"{{ $x := "a" }}{{ partial "who.html" . }}{{ $x }} {{ partial "dot.html" "s" }}"#;
    assert_eq!(
        run(t, &["P0"], &[], None).as_deref(),
        Some("P0/Page Ta in-s")
    );
    assert_eq!(
        run(r#"{{ $x := 1 }}{{ partial "var.html" . }}"#, &[], &[], None),
        None
    );
}

#[test]
fn string_and_list_functions() {
    let t = r#"{{ substr "héllo" 1 -1 }} {{ substr "abc" -2 }} {{ replace "a-b-c" "-" "+" 1 }} {{ index (split "x,y" ",") 1 }}{{ index (split "x" ",") 5 }} {{ len (findRE "[0-9]" "a1b22") }} {{ if lt 2 10 }}lt{{ end }} {{ chomp "z\n\n" }} {{ replaceRE "(b+)" "[$1]" "abbc" }}"#;
    assert_eq!(
        run(t, &[], &[], None).as_deref(),
        Some("éll bc a+b-c y 3 lt z a[bb]c")
    );
}

#[test]
fn a_function_looking_into_the_mark_is_told() {
    let used = |t: &str| {
        let params = Map::new();
        let mut site = Fake { partials: PARTIALS };
        let mut call = Call {
            positional: &[],
            named: &[],
            inner: Some(INNER_MARK),
            title: "T",
            params: &params,
            site: &mut site,
        };
        render(t, &mut call).map(|(_, u)| u.inner_read)
    };
    assert_eq!(used("<div>{{ .Inner | markdownify }}</div>"), Some(false));
    assert_eq!(used("{{ partial \"hero.html\" .Inner }}"), Some(true));
}
