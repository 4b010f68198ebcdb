use super::*;

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
    let mut url = |p: &str| (!p.contains("gone")).then(|| format!("/new{p}"));
    let mut call = Call {
        positional: &pos,
        named: &named,
        inner,
        title: "Page T",
        params: &params,
        url: &mut url,
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
    let mut url = |p: &str| Some(p.to_string());
    let mut call = Call {
        positional: &[],
        named: &[],
        inner: None,
        title: "T",
        params: &params,
        url: &mut url,
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
        "{{ partial \"x.html\" . }}",
        "{{ .Site.Title }}",
        "{{ range .Params }}{{ . }}{{ end }}",
        "{{ printf \"%q\" \"a\" }}",
        "{{ .Page.Resources.GetMatch \"a\" }}",
    ] {
        assert_eq!(run(t, &[], &[], None), None, "{t}");
    }
}
