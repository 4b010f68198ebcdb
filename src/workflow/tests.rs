use super::*;
use serde_yaml::Value;

fn parsed() -> Value {
    serde_yaml::from_str(&pages_workflow()).unwrap()
}

/// `owner/repo@sha` of a pin, as YAML reads it (the `# vX` comment dropped).
fn reference(pin: &str) -> &str {
    pin.split(" #").next().unwrap()
}

fn steps(v: &Value, job: &str) -> Vec<Value> {
    v["jobs"][job]["steps"].as_sequence().unwrap().clone()
}

fn step<'a>(steps: &'a [Value], name: &str) -> &'a Value {
    steps
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no step {name}"))
}

#[test]
fn workflow_is_valid_yaml_with_what_pages_needs() {
    let v = parsed();
    // Least privilege: nothing at the top, each job its own.
    assert_eq!(v["permissions"], Value::Mapping(Default::default()));
    let build_permissions = &v["jobs"]["build"]["permissions"];
    assert_eq!(build_permissions["contents"], "read");
    assert_eq!(build_permissions["pages"], "read");
    assert!(build_permissions["id-token"].is_null());
    assert_eq!(v["jobs"]["deploy"]["permissions"]["pages"], "write");
    assert_eq!(v["jobs"]["deploy"]["permissions"]["id-token"], "write");
    assert_eq!(v["concurrency"]["group"], "pages");
    let build = steps(&v, "build");
    let uses: Vec<&str> = build.iter().filter_map(|s| s["uses"].as_str()).collect();
    let expected = [CHECKOUT, CONFIGURE_PAGES, CACHE, UPLOAD_PAGES_ARTIFACT].map(reference);
    assert_eq!(uses, expected);
    let run = step(&build, "Build");
    assert_eq!(
        run["env"]["BASE_URL"],
        "${{ steps.pages.outputs.base_url }}"
    );
    let script = run["run"].as_str().unwrap();
    assert!(
        script.contains("folio\" build --base-url \"$BASE_URL/\""),
        "{script}"
    );
    assert_eq!(
        v["jobs"]["deploy"]["steps"][0]["uses"],
        reference(DEPLOY_PAGES)
    );
    assert_eq!(v["jobs"]["deploy"]["environment"]["name"], "github-pages");
    let upload = build.last().unwrap();
    assert_eq!(upload["uses"], reference(UPLOAD_PAGES_ARTIFACT));
    assert_eq!(upload["with"]["path"], "public");
}

#[test]
fn every_action_is_pinned_to_a_commit_with_its_tag_in_a_comment() {
    let text = pages_workflow();
    let mut count = 0;
    for line in text.lines() {
        let Some(pin) = line
            .trim_start()
            .trim_start_matches("- ")
            .strip_prefix("uses:")
        else {
            continue;
        };
        count += 1;
        let pin = pin.trim();
        let (reference, tag) = pin.split_once(" # v").expect(line);
        let (_, sha) = reference.split_once('@').expect(line);
        assert_eq!(sha.len(), 40, "{line}");
        assert!(
            sha.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert!(tag.split('.').all(|n| n.parse::<u32>().is_ok()), "{line}");
    }
    assert_eq!(count, 5);
    // Checkout leaves no token behind for later steps to find.
    let build = steps(&parsed(), "build");
    assert_eq!(build[0]["with"]["persist-credentials"], false);
}

#[test]
fn folio_is_pinned_installed_on_a_cache_miss_and_cached_by_version() {
    let v = parsed();
    let env = &v["jobs"]["build"]["env"];
    assert_eq!(env["FOLIO_VERSION"], crate::version::PACKAGE);
    assert_eq!(env["FOLIO_RELEASES"], releases_url().as_str());
    let build = steps(&v, "build");
    let cache = build.iter().find(|s| s["id"] == "cache").unwrap();
    assert_eq!(cache["with"]["path"], "~/.folio");
    let key = cache["with"]["key"].as_str().unwrap();
    for part in [
        "${{ runner.os }}",
        "${{ runner.arch }}",
        "${{ env.FOLIO_VERSION }}",
    ] {
        assert!(key.contains(part), "{key} lacks {part}");
    }
    let install = step(&build, "Install folio");
    assert_eq!(install["if"], "steps.cache.outputs.cache-hit != 'true'");
    assert_eq!(install["shell"], "bash");
    let script = install["run"].as_str().unwrap();
    assert!(script.contains(
        "cargo install --locked folio --version \"$FOLIO_VERSION\" --root \"$HOME/.folio\""
    ));
}

#[test]
fn releases_come_from_the_crates_repository() {
    let url = releases_url();
    assert_eq!(
        url,
        format!("{}/releases/download", env!("CARGO_PKG_REPOSITORY"))
    );
    assert_eq!(
        archive_stem("1.2.3", "x86_64-unknown-linux-gnu"),
        "folio-v1.2.3-x86_64-unknown-linux-gnu"
    );
}

/// release.yml (in the repository, not in the published crate) builds an
/// archive for each target the install step asks for, named by archive_stem.
#[test]
fn release_workflow_publishes_what_the_install_step_downloads() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml");
    let Ok(release) = std::fs::read_to_string(&path) else {
        assert!(
            !std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(".git")
                .exists()
        );
        return; // an unpacked crate: release.yml is not shipped
    };
    let text = pages_workflow();
    for target in [
        "x86_64-unknown-linux-gnu",
        "aarch64-unknown-linux-gnu",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
    ] {
        assert!(text.contains(&format!(") target={target} ;;")), "{target}");
        assert!(release.contains(&format!("target: {target}")), "{target}");
    }
    assert!(release.contains("target: x86_64-pc-windows-msvc"));
    let stem = archive_stem("${VERSION}", "${TARGET}");
    assert!(
        release.contains(&stem),
        "release.yml does not name archives {stem}"
    );
    assert!(release.contains("SHA256SUMS"));
}

#[cfg(unix)]
mod install_step;
