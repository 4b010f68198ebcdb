//! The GitHub Actions workflow `folio init` writes: on a push to the default
//! branch, install folio, build with the Pages URL, upload, deploy.

/// Action versions, at their current majors (Nov 2026): checkout v7,
/// configure-pages v6, upload-pages-artifact v5, deploy-pages v5.
pub const CHECKOUT: &str = "actions/checkout@v7";
pub const CONFIGURE_PAGES: &str = "actions/configure-pages@v6";
pub const UPLOAD_PAGES_ARTIFACT: &str = "actions/upload-pages-artifact@v5";
pub const DEPLOY_PAGES: &str = "actions/deploy-pages@v5";

/// Where `folio init` writes it, relative to the site folder.
pub const PATH: &str = ".github/workflows/pages.yml";

/// The workflow's text.
pub fn pages_workflow() -> String {
    let version = env!("CARGO_PKG_VERSION");
    format!(
        r#"# Publishes this folio site to GitHub Pages on every push to the default branch.
# One-time setup on GitHub: Settings → Pages → Build and deployment → Source: "GitHub Actions".
name: Publish portfolio

on:
  push:
  workflow_dispatch:

# The Pages deployment needs these; nothing else is granted.
permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer push waits instead of cancelling one in progress.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    if: github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    env:
      FOLIO_VERSION: "{version}"
    steps:
      - uses: {CHECKOUT}
      - id: pages
        uses: {CONFIGURE_PAGES}
      - name: Install folio
        run: cargo install --locked folio --version "$FOLIO_VERSION"
      - name: Build
        run: folio build --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - uses: {UPLOAD_PAGES_ARTIFACT}
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: {DEPLOY_PAGES}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_is_valid_yaml_with_what_pages_needs() {
        let text = pages_workflow();
        let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(v["permissions"]["pages"], "write");
        assert_eq!(v["permissions"]["id-token"], "write");
        assert_eq!(v["permissions"]["contents"], "read");
        assert_eq!(v["concurrency"]["group"], "pages");
        let build = &v["jobs"]["build"]["steps"];
        let uses: Vec<&str> = build
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|s| s["uses"].as_str())
            .collect();
        assert_eq!(uses, [CHECKOUT, CONFIGURE_PAGES, UPLOAD_PAGES_ARTIFACT]);
        let run: Vec<&str> = build
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|s| s["run"].as_str())
            .collect();
        assert!(run.iter().any(|r| {
            r.contains("folio build --base-url \"${{ steps.pages.outputs.base_url }}/\"")
        }));
        assert_eq!(v["jobs"]["deploy"]["steps"][0]["uses"], DEPLOY_PAGES);
        assert_eq!(v["jobs"]["deploy"]["environment"]["name"], "github-pages");
        assert_eq!(v["jobs"]["build"]["steps"][4]["with"]["path"], "public");
    }
}
