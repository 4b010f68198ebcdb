//! The GitHub Actions workflow `folio init` writes: on a push to the default
//! branch, install the pinned folio (release binary, checksum verified, cached
//! by version; `cargo install` where no binary exists), build with the Pages
//! URL, upload, deploy.

/// Actions pinned to the commit of a release tag (a tag can be moved; a commit
/// cannot), with the tag in a comment for people and for Dependabot. To update
/// one, take the commit its new release tag points at, and the tag.
pub const CHECKOUT: &str = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1";
pub const CONFIGURE_PAGES: &str =
    "actions/configure-pages@45bfe0192ca1faeb007ade9deae92b16b8254a0d # v6.0.0";
pub const CACHE: &str = "actions/cache@55cc8345863c7cc4c66a329aec7e433d2d1c52a9 # v6.1.0";
pub const UPLOAD_PAGES_ARTIFACT: &str =
    "actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9 # v5.0.0";
pub const DEPLOY_PAGES: &str =
    "actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 # v5.0.0";

/// Where `folio init` writes it, relative to the site folder.
pub const PATH: &str = ".github/workflows/pages.yml";

/// The release archive for a version and a Rust target triple, without its
/// extension (`.tar.gz`; `.zip` on Windows). .github/workflows/release.yml
/// names its archives the same way.
pub fn archive_stem(version: &str, target: &str) -> String {
    format!("folio-v{version}-{target}")
}

/// Where release assets are downloaded from: `<repository>/releases/download`,
/// the repository being the `repository` of Cargo.toml.
pub fn releases_url() -> String {
    let repo = env!("CARGO_PKG_REPOSITORY");
    let repo = repo.trim_end_matches('/').trim_end_matches(".git");
    format!("{repo}/releases/download")
}

/// The workflow's text.
pub fn pages_workflow() -> String {
    TEMPLATE
        .replace("@VERSION@", crate::version::PACKAGE)
        .replace("@RELEASES@", &releases_url())
        .replace("@CHECKOUT@", CHECKOUT)
        .replace("@CONFIGURE_PAGES@", CONFIGURE_PAGES)
        .replace("@CACHE@", CACHE)
        .replace("@UPLOAD_PAGES_ARTIFACT@", UPLOAD_PAGES_ARTIFACT)
        .replace("@DEPLOY_PAGES@", DEPLOY_PAGES)
}

/// The workflow. Its "Install folio" step downloads `folio-v<version>-<target>.tar.gz`
/// and `SHA256SUMS` from the release; a binary whose checksum does not match is
/// never run (the step fails). No release, or no binary for the runner:
/// `cargo install --locked`. Either way folio ends up in ~/.folio/bin, which the
/// cache saves under a key naming the version.
const TEMPLATE: &str = r#"# Publishes this folio site to GitHub Pages on every push to the default branch.
# One-time setup on GitHub: Settings → Pages → Build and deployment → Source: "GitHub Actions".
#
# FOLIO_VERSION pins the folio that builds the site. To move to another release, set it to
# that version (`folio --version` prints yours) and push. The first run of a version downloads
# its release binary and checks its SHA-256 (where none is published, it compiles folio with
# `cargo install`, which takes minutes); later runs take it from the Actions cache in seconds.
name: Publish portfolio

on:
  push:
  workflow_dispatch:

# No token permissions by default; each job asks for what it needs.
permissions: {}

# One deployment at a time; a newer push waits instead of cancelling one in progress.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    name: Build the site
    if: github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    permissions:
      contents: read # check out the site
      pages: read # actions/configure-pages reads the site's address
    env:
      FOLIO_VERSION: "@VERSION@"
      FOLIO_RELEASES: "@RELEASES@"
    steps:
      - uses: @CHECKOUT@
        with:
          persist-credentials: false
      - id: pages
        uses: @CONFIGURE_PAGES@
      - id: cache
        uses: @CACHE@
        with:
          path: ~/.folio
          key: folio-${{ runner.os }}-${{ runner.arch }}-${{ env.FOLIO_VERSION }}
      - name: Install folio
        if: steps.cache.outputs.cache-hit != 'true'
        shell: bash
        run: |
          set -euo pipefail
          case "$RUNNER_OS/$RUNNER_ARCH" in
            Linux/X64) target=x86_64-unknown-linux-gnu ;;
            Linux/ARM64) target=aarch64-unknown-linux-gnu ;;
            macOS/X64) target=x86_64-apple-darwin ;;
            macOS/ARM64) target=aarch64-apple-darwin ;;
            *) target="" ;;
          esac
          name="folio-v$FOLIO_VERSION-$target"
          url="$FOLIO_RELEASES/v$FOLIO_VERSION"
          tmp="$(mktemp -d)"
          mkdir -p "$HOME/.folio/bin"
          if [ -n "$target" ] &&
            curl -fsSL --retry 3 -o "$tmp/$name.tar.gz" "$url/$name.tar.gz" &&
            curl -fsSL --retry 3 -o "$tmp/SHA256SUMS" "$url/SHA256SUMS"; then
            want="$(awk -v f="$name.tar.gz" '$2 == f || $2 == "*" f { print $1 }' "$tmp/SHA256SUMS")"
            got="$( (sha256sum "$tmp/$name.tar.gz" 2>/dev/null || shasum -a 256 "$tmp/$name.tar.gz") | cut -d ' ' -f 1)"
            if [ -z "$want" ] || [ "$want" != "$got" ]; then
              echo "::error::$name.tar.gz does not match its SHA-256 in $url/SHA256SUMS (expected '$want', got '$got'); not installing it."
              exit 1
            fi
            tar -xzf "$tmp/$name.tar.gz" -C "$tmp"
            install -m 755 "$tmp/$name/folio" "$HOME/.folio/bin/folio"
          else
            echo "::notice::No folio $FOLIO_VERSION release binary for $RUNNER_OS/$RUNNER_ARCH; compiling it with cargo install (a few minutes; cached for later runs)."
            # Without debug info: less to compile, and an 8 MB binary to cache instead of 55 MB.
            CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_STRIP=true \
              cargo install --locked folio --version "$FOLIO_VERSION" --root "$HOME/.folio"
          fi
          "$HOME/.folio/bin/folio" --version
      - name: Build
        env:
          BASE_URL: ${{ steps.pages.outputs.base_url }}
        run: |
          echo "$HOME/.folio/bin" >> "$GITHUB_PATH"
          "$HOME/.folio/bin/folio" build --base-url "$BASE_URL/"
      - uses: @UPLOAD_PAGES_ARTIFACT@
        with:
          path: public

  deploy:
    name: Deploy to GitHub Pages
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write # publish the site
      id-token: write # prove to Pages that this workflow made the deployment
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: @DEPLOY_PAGES@
"#;

#[cfg(test)]
mod tests;
